import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { OUTBOX_STATUS_LABELS, type SyncConfigInput } from '../../../shared/sync/sync-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { ConnectionTrustFields } from './ConnectionTrustFields';

const when = (iso: string) => `${formatVnDate(iso.slice(0, 10))} ${new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })}`;

/** Sending over the network when there is one: where to, what waits, what went wrong. */
export function SyncCard() {
  const { message } = App.useApp();
  const status = useApiQuery('sync.status', {});
  const saveConfig = useApiMutation('sync.saveConfig', ['sync.']);
  const runNow = useApiMutation('sync.runNow', ['sync.', 'bundles.', 'plans.', 'reports.']);
  const [form, setForm] = useState<Required<SyncConfigInput>>({ kind: 'none', folder: '', url: '', username: '', password: '', certificateFile: '', allowPlainHttp: false });
  const [error, setError] = useState<string | null>(null);
  const s = status.data;
  useEffect(() => {
    if (s) setForm((f) => ({ ...f, kind: s.config.kind, folder: s.config.folder, url: s.config.url, username: s.config.username, certificateFile: s.config.certificateFile, allowPlainHttp: s.config.allowPlainHttp }));
  }, [s?.config.kind, s?.config.folder, s?.config.url, s?.config.username, s?.config.certificateFile, s?.config.allowPlainHttp]); // eslint-disable-line react-hooks/exhaustive-deps

  const pickFolder = async () => {
    const chosen = await callApi('dialogs.chooseFolder', { title: 'Chọn thư mục dùng chung hoặc ổ USB' });
    if (chosen.path) setForm((f) => ({ ...f, folder: chosen.path! }));
    else message.info('Gõ đường dẫn thư mục vào ô bên cạnh.');
  };
  const save = async () => {
    setError(null);
    try {
      await saveConfig.mutateAsync(form);
      setForm((f) => ({ ...f, password: '' }));
      message.success('Đã lưu cách gửi qua mạng');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Card title="Gửi, nhận qua mạng" extra={<Button icon={<SyncOutlined />} loading={runNow.isPending} onClick={() => runNow.mutateAsync({}).catch((e: Error) => message.error(e.message))}>Đồng bộ ngay</Button>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })} options={[{ value: 'none', label: 'Không dùng (chỉ dùng USB)' }, { value: 'folder', label: 'Thư mục dùng chung' }, { value: 'webdav', label: 'Máy chủ WebDAV của tỉnh' }]} />
        {form.kind === 'folder' && (
          <Space.Compact style={{ width: '100%' }}>
            <Input aria-label="Thư mục dùng chung" placeholder={'Ví dụ: \\\\may-chu\\danvan hoặc E:\\danvan'} value={form.folder} onChange={(e) => setForm({ ...form, folder: e.target.value })} />
            <Button onClick={() => void pickFolder()}>Chọn…</Button>
          </Space.Compact>
        )}
        {form.kind === 'webdav' && (
          <Space wrap>
            <Input aria-label="Địa chỉ máy chủ" style={{ width: 380 }} placeholder="https://cloud.quangngai.gov.vn/remote.php/dav/files/xa" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
            <Input aria-label="Tên đăng nhập" style={{ width: 180 }} placeholder="Tên đăng nhập" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
            <Input.Password aria-label="Mật khẩu" style={{ width: 200 }} placeholder={s?.config.hasPassword ? 'Giữ mật khẩu đã lưu' : 'Mật khẩu'} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
          </Space>
        )}
        {form.kind === 'webdav' && <ConnectionTrustFields value={form} onChange={(trust) => setForm({ ...form, ...trust })} saved={s?.config} url={form.url} />}
        <Button onClick={save} loading={saveConfig.isPending}>Lưu</Button>
        {error && <Alert type="error" showIcon message={error} />}
        {s?.lastRunAt && (
          <Typography.Text type={s.lastError ? 'warning' : 'secondary'}>
            Lần đồng bộ gần nhất: {when(s.lastRunAt)}{s.lastError ? ` — ${s.lastError}. Các gói vẫn chờ, sẽ tự gửi lại.` : ' — thành công.'}
          </Typography.Text>
        )}
        {s?.waitingInInbox.map((w) => <Alert key={w.fileName} type="warning" showIcon message={`Gói ${w.fileName} đang chờ trên máy chủ`} description={`${w.reason} Tải tệp đó về và nhập ở phần "Nhận tệp gói" để xác nhận.`} />)}
        <Table
          rowKey="bundleId"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={s?.outbox ?? []}
          locale={{ emptyText: 'Hộp thư đi trống.' }}
          columns={[
            { title: 'Tệp', dataIndex: 'fileName' },
            { title: 'Gửi cho', dataIndex: 'recipient', width: 200 },
            { title: 'Tình trạng', width: 140, render: (_, o) => <Tag color={o.status === 'received' ? 'green' : o.status === 'sent' ? 'blue' : 'gold'}>{OUTBOX_STATUS_LABELS[o.status]}</Tag> },
            { title: 'Ghi chú', render: (_, o) => (o.status === 'waiting' && o.lastError ? `${o.lastError} (thử lại lúc ${when(o.nextAttemptAt)})` : '') },
          ]}
        />
      </Space>
    </Card>
  );
}
