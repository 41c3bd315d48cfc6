import { useState } from 'react';
import { Button, List, Result, Typography } from 'antd';
import type { AppStatus } from '../../../shared/api/contract';
import { useApiQuery } from '../api/hooks';
import { formatDateTime } from '../backups/format';
import { RestoreDialog, RestoreFromFile, type BackupSourceInput } from '../backups/RestoreDialog';

/** The data file could not be opened: say why, and offer a backup, checked before it is used. The file itself is never overwritten. */
export function DatabaseErrorPage({ status }: { status: AppStatus }) {
  const backups = useApiQuery('backups.list', {});
  const [restoring, setRestoring] = useState<BackupSourceInput | null>(null);
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
