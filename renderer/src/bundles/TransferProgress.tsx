import { Progress, Typography } from 'antd';
import type { SyncTransfer } from '../../../shared/sync/sync-schemas';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;

/** The bundle moving over the network now: which, which way, how far (a slow line shows it is still moving). */
export function TransferProgress({ transfer }: { transfer: SyncTransfer }) {
  const verb = transfer.direction === 'up' ? 'Đang gửi' : 'Đang nhận';
  const percent = transfer.total ? Math.min(100, Math.floor((transfer.done / transfer.total) * 100)) : 0;
  return (
    <div aria-label="Tiến độ truyền tệp">
      <Typography.Text>
        {verb} {transfer.fileName}: {size(transfer.done)}
        {transfer.total ? ` / ${size(transfer.total)}` : ''}
      </Typography.Text>
      <Progress percent={percent} status="active" size="small" />
    </div>
  );
}
