import { App, Button, List, Result, Typography } from 'antd';
import type { AppStatus } from '../../../shared/api/contract';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiMutation, useApiQuery } from '../api/hooks';

/** The data file could not be opened: say why, and offer a backup. The file itself is never overwritten. */
export function DatabaseErrorPage({ status }: { status: AppStatus }) {
  const { message } = App.useApp();
  const backups = useApiQuery('backups.list', {});
  const restore = useApiMutation('backups.restore', ['app.', 'backups.']);
  return (
    <div className="dv-centered">
      <Result
        status="warning"
        title="Không mở được dữ liệu"
        subTitle={status.databaseError}
        extra={
          <div style={{ textAlign: 'left', maxWidth: 560, margin: '0 auto' }}>
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
                <List.Item
                  actions={[
                    <Button
                      key="open"
                      type="primary"
                      loading={restore.isPending}
                      onClick={() => restore.mutateAsync({ fileName: b.fileName }).catch((e: Error) => message.error(e.message))}
                    >
                      Mở bản sao lưu này
                    </Button>,
                  ]}
                >
                  {formatVnDate(b.createdAt.slice(0, 10))} {b.createdAt.slice(11, 16)} – {b.fileName}
                </List.Item>
              )}
            />
          </div>
        }
      />
    </div>
  );
}
