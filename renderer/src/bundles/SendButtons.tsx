import { useState } from 'react';
import { App, Button, Card, List, Modal, Select, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { PlanView } from '../../../shared/plans/plan-schemas';
import { DUTY_KIND_LABELS } from '../../../shared/plans/plan-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { callApi } from '../api/client';
import { downloadBase64 } from '../common/download';
import { useUnitNames } from '../units/use-unit-names';

const save = (file: { fileName: string; base64: string }) => downloadBase64(file.fileName, file.base64, 'application/octet-stream');

/** An issued plan, as a signed file for a unit's installation (saved to a USB stick through the save dialog). */
export function SendPlanButton({ plan }: { plan: PlanView }) {
  const { message } = App.useApp();
  const { units } = useUnitNames();
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!unitId) return;
    setBusy(true);
    try {
      const file = await callApi('bundles.exportPlan', { planId: plan.id, unitId });
      save(file);
      message.success(`Đã tạo ${file.fileName}`);
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
        <Select aria-label="Đơn vị nhận" style={{ width: '100%' }} placeholder="Chọn đơn vị" value={unitId} onChange={setUnitId} options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
      </Modal>
    </>
  );
}

/** For a plan received from above: this office's report on each of its duties, as a signed file to send up. */
export function SendReportsCard({ plan }: { plan: PlanView }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (dutyId: string) => {
    setBusy(dutyId);
    try {
      const file = await callApi('bundles.exportReport', { planId: plan.id, dutyId });
      save(file);
      message.success(`Đã tạo ${file.fileName}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  if (!plan.content.duties.length) return null;
  return (
    <Card className="dv-no-print" size="small" title="Gửi báo cáo lên cấp trên" style={{ marginBottom: 16 }}>
      <List
        dataSource={plan.content.duties}
        renderItem={(d) => (
          <List.Item actions={[<Button key="send" type="primary" loading={busy === d.id} onClick={() => void run(d.id)}>Tạo tệp báo cáo (.dvb)</Button>]}>
            {d.label || DUTY_KIND_LABELS[d.kind]} – hạn {d.dueDate ? formatVnDate(d.dueDate) : ''}
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">Nội dung lấy từ bản tổng hợp của kế hoạch thực hiện của cơ quan (cùng loại báo cáo), theo từng nhiệm vụ của kế hoạch cấp trên.</Typography.Text>
    </Card>
  );
}
