import { useState } from 'react';
import { App, Button, Card, List, Modal, Radio, Select, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { PlanView } from '../../../shared/plans/plan-schemas';
import { DUTY_KIND_LABELS } from '../../../shared/plans/plan-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { downloadBase64 } from '../common/download';
import { useUnitNames } from '../units/use-unit-names';
import { useNeeds } from '../auth/current-user';

const save = (file: { fileName: string; base64: string }) => file.base64 && downloadBase64(file.fileName, file.base64, 'application/octet-stream');
const doneMessage = (file: { fileName: string; base64: string }) => (file.base64 ? `Đã tạo ${file.fileName}` : `Đã đưa ${file.fileName} vào hộp thư đi; sẽ gửi khi có mạng`);

function DeliverChoice({ value, onChange }: { value: 'file' | 'outbox'; onChange(v: 'file' | 'outbox'): void }) {
  return <Radio.Group value={value} onChange={(e) => onChange(e.target.value)} options={[{ value: 'file', label: 'Lưu ra tệp (USB)' }, { value: 'outbox', label: 'Gửi qua mạng' }]} />;
}

/** An issued plan, as a signed file for a unit's installation (saved to a USB stick through the save dialog). */
export function SendPlanButton({ plan }: { plan: PlanView }) {
  const { message } = App.useApp();
  const { units } = useUnitNames();
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [deliver, setDeliver] = useState<'file' | 'outbox'>('file');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!unitId) return;
    setBusy(true);
    try {
      const file = await callApi('bundles.exportPlan', { planId: plan.id, unitId, deliver });
      save(file);
      message.success(doneMessage(file));
      setOpen(false);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)}>Gửi cho đơn vị (.dvb)…</Button>
      <Modal open={open} title="Gửi kế hoạch cho đơn vị" okText="Tạo tệp" cancelText="Hủy" onOk={run} confirmLoading={busy} okButtonProps={{ disabled: !unitId }} onCancel={() => setOpen(false)}>
        <Typography.Paragraph>Đơn vị có máy cài Dân vận nhập tệp này để báo cáo theo đúng các nhiệm vụ của kế hoạch.</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select aria-label="Đơn vị nhận" style={{ width: '100%' }} placeholder="Chọn đơn vị" value={unitId} onChange={setUnitId} options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
          <DeliverChoice value={deliver} onChange={setDeliver} />
        </Space>
      </Modal>
    </>
  );
}

export function SentState({ state }: { state?: { revision: number; status: 'saved' | 'received' | 'returned'; note: string } }) {
  if (!state) return <Typography.Text type="secondary">Chưa gửi</Typography.Text>;
  if (state.status === 'returned') return <Typography.Text type="danger">Lần {state.revision} bị trả lại: {state.note}</Typography.Text>;
  return <Typography.Text type="secondary">Đã gửi lần {state.revision}{state.status === 'received' ? ', cấp trên đã nhận' : ', chờ biên nhận'}</Typography.Text>;
}

/** A report that came as a bundle and was returned here: the return, with its reason, as a bundle for the sender. */
export function SendReturnButton({ reportId }: { reportId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (deliver: 'file' | 'outbox') => {
    setBusy(true);
    try {
      const file = await callApi('bundles.exportReturn', { reportId, deliver });
      save(file);
      message.success(doneMessage(file));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space>
      <Button loading={busy} onClick={() => void run('file')}>Tệp trả lại (.dvb)</Button>
      <Button loading={busy} onClick={() => void run('outbox')}>Gửi trả lại qua mạng</Button>
    </Space>
  );
}

/** For a plan received from above: this office's report on each of its duties, as a signed file to send up. */
export function SendReportsCard({ plan }: { plan: PlanView }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [deliver, setDeliver] = useState<'file' | 'outbox'>('file');
  const sent = useApiQuery('bundles.sentReports', { planId: plan.id });
  const run = async (dutyId: string) => {
    setBusy(dutyId);
    try {
      const file = await callApi('bundles.exportReport', { planId: plan.id, dutyId, deliver });
      save(file);
      message.success(doneMessage(file));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  if (!plan.content.duties.length) return null;
  return (
    <Card className="dv-no-print" size="small" title="Gửi báo cáo lên cấp trên" style={{ marginBottom: 16 }} extra={<DeliverChoice value={deliver} onChange={setDeliver} />}>
      <List
        dataSource={plan.content.duties}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Link key="own" to={`/ke-hoach/${plan.id}/bao-cao/${d.id}`}>Soạn báo cáo của cơ quan</Link>,
              <Button key="send" type="primary" loading={busy === d.id} onClick={() => void run(d.id)}>Tạo tệp báo cáo (.dvb)</Button>,
            ]}
          >
            <Space direction="vertical" size={0}>
              <span>{d.label || DUTY_KIND_LABELS[d.kind]} – hạn {d.dueDate ? formatVnDate(d.dueDate) : ''}</span>
              <SentState state={sent.data?.find((x) => x.dutyId === d.id)} />
            </Space>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">
        Nội dung là báo cáo cơ quan tự soạn; nếu chưa soạn, lấy từ bản tổng hợp báo cáo các đơn vị theo kế hoạch thực hiện của cơ quan (cùng loại báo cáo), theo từng nhiệm vụ của kế hoạch cấp trên.
      </Typography.Text>
    </Card>
  );
}

/**
 * The consolidated report of a duty, sent up as the report on the received plan's duty it answers
 * (bundles.exportReport), with where the last one sent stands. `beforeSend` saves what the clerk typed.
 */
export function SendUpButton({ target, beforeSend }: { target: { planId: string; dutyId: string; documentNumber: string; issuerName: string; dutyLabel: string }; beforeSend(): Promise<unknown> }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [deliver, setDeliver] = useState<'file' | 'outbox'>('file');
  const [busy, setBusy] = useState(false);
  const sent = useApiQuery('bundles.sentReports', { planId: target.planId });
  const needs = useNeeds();
  const run = async () => {
    setBusy(true);
    try {
      await beforeSend();
      const file = await callApi('bundles.exportReport', { planId: target.planId, dutyId: target.dutyId, deliver });
      save(file);
      message.success(doneMessage(file));
      setOpen(false);
      await sent.refetch();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space data-testid="send-up">
      <SentState state={sent.data?.find((x) => x.dutyId === target.dutyId)} />
      <Button type="primary" icon={<SendOutlined />} {...needs('bundles.exportReport')} onClick={() => setOpen(true)}>Gửi lên cấp trên</Button>
      <Modal open={open} title="Gửi báo cáo lên cấp trên" okText={deliver === 'file' ? 'Tạo tệp' : 'Gửi'} cancelText="Hủy" onOk={run} confirmLoading={busy} onCancel={() => setOpen(false)}>
        <Typography.Paragraph>
          Gửi {target.dutyLabel.toLowerCase()} theo Kế hoạch số {target.documentNumber} của {target.issuerName}: nội dung là bản tổng hợp này, mỗi nhiệm vụ về nhiệm vụ của kế hoạch cấp trên mà nó thực hiện (nếu cơ quan đã tự soạn báo cáo cho kế hoạch cấp trên thì gửi báo cáo tự soạn đó).
        </Typography.Paragraph>
        <DeliverChoice value={deliver} onChange={setDeliver} />
      </Modal>
    </Space>
  );
}
