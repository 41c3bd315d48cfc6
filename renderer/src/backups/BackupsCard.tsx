import { useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { BACKUP_KIND_LABELS, type BackupKind } from '../../../shared/backups/backup-schemas';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { formatDateTime, formatSize } from './format';
import { PathInput } from './PathInput';
import { RestoreDialog, RestoreFromFile, type BackupSourceInput } from './RestoreDialog';
import { RetentionForm } from './RetentionForm';
import { useCan } from '../auth/current-user';

const KIND_COLORS: Record<BackupKind, string> = { daily: 'blue', pre_migration: 'purple', pre_import: 'orange', manual: 'green', pre_restore: 'gold', pre_encryption: 'cyan', other: 'default' };

/** Cài đặt → Sao lưu: the backups kept, the rule that keeps them, "Sao lưu ngay", and restore. */
export function BackupsCard() {
  const can = useCan();
  const { message } = App.useApp();
  const list = useApiQuery('backups.list', {});
  const settings = useApiQuery('backups.settings', {});
  const create = useApiMutation('backups.create', ['backups.']);
  const [where, setWhere] = useState<'backups' | 'folder'>('backups');
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupSourceInput | null>(null);
  const s = settings.data;

  const backUpNow = async () => {
    setError(null);
    try {
      const made = await create.mutateAsync({ folder: where === 'folder' ? folder : null });
      message.success(`Đã sao lưu: ${made.path}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Card title="Sao lưu dữ liệu">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text>
          Ứng dụng tự sao lưu mỗi ngày khi được dùng, trước mỗi lần nâng cấp dữ liệu và trước khi nhập tệp gói làm thay đổi nhiều báo cáo.
          Các bản sao lưu nằm trong thư mục <Typography.Text code>{s?.folder}</Typography.Text>.
        </Typography.Text>
        {s && <RetentionForm settings={s} />}
        {s?.lastAutomaticError && <Alert type="warning" showIcon message={s.lastAutomaticError} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={where} onChange={(e) => setWhere(e.target.value)} options={[{ value: 'backups', label: 'Vào thư mục sao lưu' }, { value: 'folder', label: 'Vào thư mục khác hoặc ổ USB' }]} />
          {where === 'folder' && <PathInput label="Thư mục lưu bản sao" pick="folder" value={folder} onChange={setFolder} placeholder="Ví dụ: E:\SaoLuu" status={error ? 'error' : undefined} />}
          <Button type="primary" icon={<CloudUploadOutlined />} loading={create.isPending} onClick={() => void backUpNow()}>Sao lưu ngay</Button>
          {error && <Alert type="error" showIcon message={error} />}
        </Space>
        <Table
          rowKey="fileName"
          size="small"
          loading={list.isPending}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={list.data ?? []}
          locale={{ emptyText: 'Chưa có bản sao lưu nào.' }}
          data-testid="backup-list"
          columns={[
            { title: 'Thời điểm', width: 160, render: (_, b) => formatDateTime(b.createdAt) },
            { title: 'Loại', width: 150, render: (_, b) => <Tag color={KIND_COLORS[b.kind]}>{BACKUP_KIND_LABELS[b.kind]}</Tag> },
            { title: 'Dung lượng', width: 110, align: 'right', render: (_, b) => formatSize(b.sizeBytes) },
            { title: 'Tệp', dataIndex: 'fileName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
            { title: '', width: 120, render: (_, b) => can('backups.restore') && <Button size="small" onClick={() => setRestoring({ fileName: b.fileName })}>Khôi phục…</Button> },
          ]}
        />
        {can('backups.restore') && (
          <div>
            <Typography.Text strong>Khôi phục từ tệp khác (ví dụ trên ổ USB)</Typography.Text>
            <RestoreFromFile onCheck={(path) => setRestoring({ path })} />
          </div>
        )}
      </Space>
      <RestoreDialog source={restoring} onClose={() => setRestoring(null)} />
    </Card>
  );
}
