import { useState } from 'react';
import { Alert, App, Button, Descriptions, Input, Modal, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ApiCallError, callApi } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { formatDateTime, formatSize } from './format';
import { PathInput } from './PathInput';

export type BackupSourceInput = { fileName: string } | { path: string };

/**
 * Nothing is replaced before the clerk has seen the backup checked: integrity, version, and what it holds
 * next to the current data. Confirming backs up the current data first, then restores.
 */
export function RestoreDialog({ source, onClose }: { source: BackupSourceInput | null; onClose: () => void }) {
  const { message } = App.useApp();
  // an encrypted backup from another computer opens with the recovery code written down there
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const withCode = source && { ...source, recoveryCode: code };
  // checked afresh each time the dialog opens: the current data may have changed since
  const inspect = useQuery({ queryKey: ['backups.inspect', withCode], queryFn: () => callApi('backups.inspect', withCode!), enabled: source !== null, staleTime: 0, gcTime: 0 });
  const restore = useApiMutation('backups.restore', ['']);
  const seen = inspect.data;
  const needsCode = inspect.error instanceof ApiCallError && inspect.error.error.fields?.recoveryCode !== undefined;
  const close = () => {
    setTyped('');
    setCode(null);
    onClose();
  };
  const confirm = async () => {
    try {
      const status = await restore.mutateAsync(withCode!);
      message.success(status.state === 'ready' ? 'Đã khôi phục dữ liệu từ bản sao lưu.' : 'Đã khôi phục bản sao lưu.');
      close();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open={source !== null}
      title="Khôi phục từ bản sao lưu"
      width={680}
      onCancel={close}
      okText="Khôi phục bản này"
      cancelText="Hủy"
      okButtonProps={{ danger: true, disabled: !seen, loading: restore.isPending }}
      onOk={() => void confirm()}
      destroyOnHidden
    >
      {inspect.isFetching && <Spin tip="Đang kiểm tra bản sao lưu…"><div style={{ height: 80 }} /></Spin>}
      {inspect.isError && <Alert type="error" showIcon message="Không khôi phục được từ tệp này" description={inspect.error.message} />}
      {needsCode && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input placeholder="Mã khôi phục, ví dụ ABCD-EFGH-…" value={typed} onChange={(e) => setTyped(e.target.value)} onPressEnter={() => setCode(typed)} data-testid="recovery-code-input" />
          <Button type="primary" disabled={!typed.trim()} onClick={() => setCode(typed)}>Mở bằng mã này</Button>
        </Space.Compact>
      )}
      {seen && !inspect.isFetching && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Tệp">{seen.path}</Descriptions.Item>
            <Descriptions.Item label="Thời điểm sao lưu">{seen.createdAt ? formatDateTime(seen.createdAt) : 'không rõ'}</Descriptions.Item>
            <Descriptions.Item label="Dung lượng">{formatSize(seen.sizeBytes)}</Descriptions.Item>
            <Descriptions.Item label="Cơ quan">{seen.officeName ?? 'chưa khai báo'}</Descriptions.Item>
            <Descriptions.Item label="Kiểm tra toàn vẹn">Đạt</Descriptions.Item>
            <Descriptions.Item label="Phiên bản dữ liệu">{seen.schemaVersion} (ứng dụng: {seen.appSchemaVersion})</Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={seen.counts}
            data-testid="restore-counts"
            columns={[
              { title: 'Nội dung', dataIndex: 'label' },
              { title: 'Trong bản sao lưu', dataIndex: 'backup', align: 'right', width: 150 },
              { title: 'Dữ liệu hiện tại', align: 'right', width: 150, render: (_, c) => (c.current === null ? '—' : c.current) },
            ]}
          />
          {seen.warnings.map((w) => <Alert key={w} style={{ marginTop: 12 }} type="warning" showIcon message={w} />)}
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này. Trước khi thay, ứng dụng tự sao lưu dữ liệu hiện tại (loại “trước khôi phục”),
            nên có thể quay lại nếu cần.
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}

/** A backup file elsewhere, such as on a USB stick: chosen or typed, then checked in the dialog. */
export function RestoreFromFile({ onCheck }: { onCheck: (path: string) => void }) {
  const [file, setFile] = useState('');
  return (
    <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
      <div style={{ flex: 1 }}>
        <PathInput label="Tệp sao lưu" pick="backupFile" value={file} onChange={setFile} placeholder="Ví dụ: E:\SaoLuu\dv-20261120T020000000-thu-cong.sqlite" />
      </div>
      <Button onClick={() => onCheck(file)}>Kiểm tra tệp…</Button>
    </div>
  );
}
