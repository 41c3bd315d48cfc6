import { useState } from 'react';
import { Alert, App, Button, InputNumber, Space, Typography } from 'antd';
import { RetentionRule, type BackupSettings } from '../../../shared/backups/backup-schemas';
import { useApiMutation } from '../api/hooks';
import { useCan } from '../auth/current-user';

/** The retention rule in words, and the two numbers behind it. */
export function RetentionForm({ settings }: { settings: BackupSettings }) {
  const can = useCan();
  const { message } = App.useApp();
  const save = useApiMutation('backups.saveRetention', ['backups.']);
  const [editing, setEditing] = useState(false);
  const [rule, setRule] = useState(settings.retention);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const parsed = RetentionRule.safeParse(rule);
    if (!parsed.success) return setError(parsed.error.issues[0]!.message);
    try {
      await save.mutateAsync(parsed.data);
      setError(null);
      setEditing(false);
      message.success('Đã lưu quy tắc giữ bản sao lưu');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text data-testid="retention-text">
        <strong>Quy tắc giữ bản sao lưu:</strong> {settings.retentionText}{' '}
        {!editing && can('backups.saveRetention') && <Button type="link" size="small" onClick={() => { setRule(settings.retention); setEditing(true); }}>Đổi quy tắc</Button>}
      </Typography.Text>
      {editing && (
        <Space wrap>
          <span>Giữ</span>
          <InputNumber aria-label="Số bản mới nhất giữ lại" min={0} value={rule.keepLatest} onChange={(v) => setRule({ ...rule, keepLatest: v ?? 0 })} />
          <span>bản mới nhất, và bản cuối của mỗi tháng trong</span>
          <InputNumber aria-label="Số tháng giữ bản cuối tháng" min={0} value={rule.keepMonthly} onChange={(v) => setRule({ ...rule, keepMonthly: v ?? 0 })} />
          <span>tháng gần đây</span>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>Lưu</Button>
          <Button onClick={() => { setEditing(false); setError(null); }}>Hủy</Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}
