import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import { FolderOpenOutlined, InboxOutlined, PrinterOutlined } from '@ant-design/icons';
import type { BundlePreview } from '../../../shared/bundles/bundle-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { SENT_BUNDLE_STATE_LABELS } from '../../../shared/workflow/state-labels';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { downloadBase64 } from '../common/download';
import { readFileAsBase64 } from '../common/read-file';
import { SyncCard } from './SyncCard';
import { takeDroppedFiles } from './dropped-bundles';

const DVB_MIME = 'application/octet-stream';

interface Incoming {
  key: string;
  fileName: string;
  base64: string;
  preview: BundlePreview | null;
  error: string | null;
  done: string | null;
  receipt: { fileName: string; base64: string } | null;
}


/** Gửi, nhận: bundle files brought on a USB stick are checked, shown, then imported with one click. */
export function BundlesPage() {
  const [incoming, setIncoming] = useState<Incoming[]>([]);
  const sent = useApiQuery('bundles.sent', {});
  const mine = useApiQuery('bundles.fingerprint', {});

  const add = async (file: File) => {
    if (!file.name.toLowerCase().endsWith('.dvb')) return;
    const key = `${file.name}:${file.size}:${file.lastModified}`;
    const base64 = await readFileAsBase64(file);
    const item: Incoming = { key, fileName: file.name, base64, preview: null, error: null, done: null, receipt: null };
    try {
      item.preview = await callApi('bundles.preview', { base64 });
    } catch (e) {
      item.error = (e as Error).message;
    }
    setIncoming((list) => [item, ...list.filter((i) => i.key !== key)]);
  };
  useEffect(() => takeDroppedFiles((files) => files.forEach((f) => void add(f))), []);
  const update = (key: string, patch: Partial<Incoming>) => setIncoming((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const beforeUpload = (file: File) => {
    void add(file);
    return false;
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>Gửi, nhận tệp gói (.dvb)</Typography.Title>
      <Card title="Nhận tệp gói">
        <div data-testid="bundle-drop">
        <Upload.Dragger multiple accept=".dvb" showUploadList={false} beforeUpload={beforeUpload}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>Kéo tệp .dvb vào đây, hoặc bấm để chọn tệp</p>
          <p className="ant-upload-hint">Ứng dụng kiểm tra chữ ký và nội dung trước, chưa lưu gì cho đến khi bấm "Nhập".</p>
        </Upload.Dragger>
        </div>
        <Upload directory showUploadList={false} beforeUpload={beforeUpload}>
          <Button style={{ marginTop: 12 }} icon={<FolderOpenOutlined />}>Quét cả thư mục (USB)</Button>
        </Upload>
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          {incoming.map((i) => (
            <IncomingCard key={i.key} item={i} onUpdate={(patch) => update(i.key, patch)} onImported={() => void sent.refetch()} />
          ))}
        </Space>
      </Card>
      <SyncCard />
      <Card title="Mã khóa của cơ quan này" extra={<Button icon={<PrinterOutlined />} onClick={() => window.print()}>In</Button>}>
        <Typography.Paragraph>Đọc mã này cho cơ quan nhận để họ đối chiếu khi nhập tệp gói đầu tiên của cơ quan:</Typography.Paragraph>
        <Typography.Text code style={{ fontSize: 18 }} data-testid="own-fingerprint">{mine.data?.fingerprint}</Typography.Text>
      </Card>
      <Card title="Tệp gói đã gửi">
        <Table
          rowKey="bundleId"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={sent.data ?? []}
          locale={{ emptyText: 'Chưa gửi tệp gói nào.' }}
          columns={[
            { title: 'Tệp', dataIndex: 'fileName' },
            { title: 'Gửi cho', dataIndex: 'recipient', width: 220 },
            { title: 'Ngày tạo', width: 110, render: (_, b) => formatVnDate(b.createdAt.slice(0, 10)) },
            {
              title: 'Tình trạng',
              width: 240,
              render: (_, b) =>
                b.status === 'received' ? (
                  <Tag color="green">{SENT_BUNDLE_STATE_LABELS.received}{b.receivedAt ? ` (${formatVnDate(b.receivedAt.slice(0, 10))})` : ''}</Tag>
                ) : b.status === 'returned' ? (
                  <Tag color="red">{SENT_BUNDLE_STATE_LABELS.returned}: {b.note}</Tag>
                ) : (
                  <Tag>{SENT_BUNDLE_STATE_LABELS.saved}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function IncomingCard({ item, onUpdate, onImported }: { item: Incoming; onUpdate(p: Partial<Incoming>): void; onImported(): void }) {
  const { message } = App.useApp();
  const [confirmed, setConfirmed] = useState(false);
  const importBundle = useApiMutation('bundles.import', ['reports.', 'plans.', 'bundles.', 'overview.']);
  const p = item.preview;
  if (item.error || !p) return <Alert type="error" showIcon message={item.fileName} description={item.error} />;
  const needsKey = p.trust === 'new';
  const run = async () => {
    try {
      const r = await importBundle.mutateAsync({ base64: item.base64, acceptKey: confirmed });
      onUpdate({ done: r.message, receipt: r.receipt });
      message.success(r.message);
      onImported();
    } catch (e) {
      onUpdate({ error: null, done: null });
      message.error((e as Error).message);
    }
  };
  const confirmText =
    p.binds === 'parent'
      ? `Nhận làm cơ quan cấp trên: tôi đã đối chiếu mã khóa trên với ${p.senderOffice}; từ nay chỉ nhận kế hoạch ký bằng khóa này`
      : p.binds === 'unit'
        ? `Gắn máy này với ${p.unitName}: tôi đã đối chiếu mã khóa trên với đơn vị (qua điện thoại hoặc văn bản); từ nay báo cáo của ${p.unitName} chỉ nhận từ máy này`
        : `Tôi đã đối chiếu mã khóa trên với ${p.senderOffice} (qua điện thoại hoặc văn bản)`;
  return (
    <Card size="small" type="inner" title={`${p.kindLabel} – ${p.unitName ?? p.senderOffice}`} data-testid="incoming-bundle">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="Tệp">{item.fileName}</Descriptions.Item>
        <Descriptions.Item label="Nội dung">{p.subjectLabel}{p.revision ? ` (lần ${p.revision})` : ''}</Descriptions.Item>
        {p.unitName && <Descriptions.Item label="Đơn vị báo cáo">{p.unitName}</Descriptions.Item>}
        <Descriptions.Item label="Tên cơ quan gửi ghi trong gói">{p.senderOffice}</Descriptions.Item>
        <Descriptions.Item label="Ngày tạo">{formatVnDate(p.createdAt.slice(0, 10))}</Descriptions.Item>
        <Descriptions.Item label="Chữ ký">
          <Space wrap>
            <Tag color="green">Chữ ký hợp lệ</Tag>
            {p.trust === 'trusted' && <Tag color="green">{p.kind === 'report' ? 'Máy đã gắn với đơn vị' : 'Khóa đã xác nhận'}</Tag>}
            {p.trust === 'new' && <Tag color="gold">{p.binds === 'parent' ? 'Chưa xác nhận cơ quan cấp trên' : 'Lần đầu nhận từ máy này'}</Tag>}
            {p.trust === 'refused' && <Tag color="red">KHÔNG NHẬN TỪ KHÓA NÀY</Tag>}
            <Typography.Text code data-testid="bundle-fingerprint">{p.fingerprint}</Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {p.alreadyImported && <Alert type="info" showIcon message="Gói này đã nhập trước đó." />}
      {p.problems.map((problem) => <Alert key={problem} type={p.trust === 'refused' ? 'error' : 'warning'} showIcon message={problem} style={{ marginBottom: 8 }} />)}
      {item.done ? (
        <Space>
          <Alert type="success" showIcon message={item.done} />
          {item.receipt && <Button onClick={() => downloadBase64(item.receipt!.fileName, item.receipt!.base64, DVB_MIME)}>Lưu biên nhận để gửi lại</Button>}
        </Space>
      ) : (
        <Space direction="vertical">
          {needsKey && (
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
              {confirmText}
            </Checkbox>
          )}
          <Button type="primary" disabled={(needsKey && !confirmed) || p.problems.length > 0} loading={importBundle.isPending} onClick={run}>Nhập</Button>
        </Space>
      )}
    </Card>
  );
}
