import { Progress, Typography } from 'antd';
import type { SyncTransfer } from '../../../shared/sync/sync-schemas';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;

/**
 * The bundle moving over the network now: which, which way, how far (a slow line shows it is still moving).
 * An upload counts what the computer has taken to send; on a slow line the last of it may still be on its
 * way for a while after, which is said rather than a full bar that seems stuck.
 */
export function TransferProgress({ transfer }: { transfer: SyncTransfer }) {
  const verb = transfer.direction === 'up' ? 'Đang gửi' : 'Đang nhận';
  const percent = transfer.total ? Math.min(100, Math.floor((transfer.done / transfer.total) * 100)) : 0;
  const handedOver = transfer.direction === 'up' && transfer.total > 0 && transfer.done >= transfer.total;
  return (
    <div aria-label="Tiến độ truyền tệp">
      <Typography.Text>
        {handedOver ? (
          `Đã gửi đi ${transfer.fileName} (${size(transfer.total)}), đang chờ máy chủ xác nhận đã nhận đủ`
        ) : (
          <>
            {verb} {transfer.fileName}: {size(transfer.done)}
            {transfer.total ? ` / ${size(transfer.total)}` : ''}
          </>
        )}
      </Typography.Text>
      <Progress percent={percent} status="active" size="small" />
    </div>
  );
}
