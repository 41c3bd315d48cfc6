import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';

/** Asks why before an action the audit log must explain; OK stays grey until a reason is typed. */
export function ReasonDialog(props: { open: boolean; title: string; explanation: string; okText: string; onCancel(): void; onConfirm(reason: string): Promise<unknown> }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm(reason.trim());
      setReason('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} title={props.title} okText={props.okText} cancelText="Không" okButtonProps={{ disabled: !reason.trim(), danger: true }} confirmLoading={busy} onCancel={props.onCancel} onOk={() => void confirm()} destroyOnHidden>
      <Typography.Paragraph>{props.explanation}</Typography.Paragraph>
      <Input.TextArea aria-label="Lý do" placeholder="Lý do (ghi vào nhật ký)" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}
