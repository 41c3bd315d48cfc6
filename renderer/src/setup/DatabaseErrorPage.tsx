import { useState } from 'react';
import { Alert, Button, Input, List, Result, Space, Typography } from 'antd';
import type { AppStatus } from '../../../shared/api/contract';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { formatDateTime } from '../backups/format';
import { RestoreDialog, RestoreFromFile, type BackupSourceInput } from '../backups/RestoreDialog';

/** The data file could not be opened: say why, and offer a backup, checked before it is used. The file itself is never overwritten. */
export function DatabaseErrorPage({ status }: { status: AppStatus }) {
  const backups = useApiQuery('backups.list', {});
  const [restoring, setRestoring] = useState<BackupSourceInput | null>(null);
  const unlock = useApiMutation('encryption.unlock', ['']);
  const [code, setCode] = useState('');
  // an encrypted data file whose key this computer no longer holds (Windows reinstalled …) opens with the recovery code
  const encrypted = status.databaseError?.includes('mã khôi phục') ?? false;
  return (
    <div className="dv-centered">
      <Result
        status="warning"
        title="Không mở được dữ liệu"
        subTitle={status.databaseError}
        extra={
          <div style={{ textAlign: 'left', maxWidth: 640, margin: '0 auto' }}>
            <Typography.Paragraph>
              Tệp dữ liệu tại <Typography.Text code>{status.dataDir}</Typography.Text> được giữ nguyên. Có thể mở một bản sao lưu;
              tệp hiện tại sẽ được đổi tên và giữ lại, không bị ghi đè.
            </Typography.Paragraph>
            {encrypted && (
              <div style={{ marginBottom: 16 }}>
                <Typography.Paragraph strong style={{ marginBottom: 8 }}>Mở dữ liệu bằng mã khôi phục</Typography.Paragraph>
                <Space.Compact style={{ width: '100%' }}>
                  <Input placeholder="Mã khôi phục đã ghi lại khi bật mã hóa" value={code} onChange={(e) => setCode(e.target.value)} />
                  <Button type="primary" disabled={!code.trim()} loading={unlock.isPending} onClick={() => unlock.mutate({ recoveryCode: code })}>Mở dữ liệu</Button>
                </Space.Compact>
                {unlock.error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={unlock.error.message} />}
              </div>
            )}
            <List
              bordered
              loading={backups.isPending}
              locale={{ emptyText: 'Chưa có bản sao lưu nào.' }}
              dataSource={backups.data ?? []}
              renderItem={(b) => (
                <List.Item actions={[<Button key="open" type="primary" onClick={() => setRestoring({ fileName: b.fileName })}>Mở bản sao lưu này</Button>]}>
                  {formatDateTime(b.createdAt)} – {b.fileName}
                </List.Item>
              )}
            />
            <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 0 }}>Hoặc mở một bản sao lưu trên ổ USB</Typography.Paragraph>
            <RestoreFromFile onCheck={(path) => setRestoring({ path })} />
          </div>
        }
      />
      <RestoreDialog source={restoring} onClose={() => setRestoring(null)} />
    </div>
  );
}
