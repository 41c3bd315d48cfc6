import { App, Button, Form, Input } from 'antd';
import { z } from 'zod';
import { enteredPassword, newPassword } from '../../../shared/auth/auth-schemas';
import { useApiMutation } from '../api/hooks';
import { showApiError, validateWithContract } from '../common/form-errors';

const ChangeInput = z.strictObject({ currentPassword: enteredPassword, newPassword });

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const change = useApiMutation('session.changePassword', ['']);
  const onFinish = async (values: Record<string, unknown>) => {
    if (values.newPassword !== values.confirm) {
      form.setFields([{ name: 'confirm', errors: ['Hai lần nhập mật khẩu mới không giống nhau'] }]);
      return;
    }
    const input = validateWithContract(form, ChangeInput, { currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!input) return;
    try {
      await change.mutateAsync(input);
      message.success('Đã đổi mật khẩu');
      form.resetFields();
      onDone?.();
    } catch (error) {
      const general = showApiError(form, error);
      if (general) message.error(general);
    }
  };
  return (
    <Form form={form} layout="vertical" name="change-password" onFinish={onFinish}>
      <Form.Item name="currentPassword" label="Mật khẩu hiện tại"><Input.Password autoComplete="current-password" autoFocus /></Form.Item>
      <Form.Item name="newPassword" label="Mật khẩu mới" extra="Ít nhất 8 ký tự"><Input.Password autoComplete="new-password" /></Form.Item>
      <Form.Item name="confirm" label="Nhập lại mật khẩu mới"><Input.Password autoComplete="new-password" /></Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>Đổi mật khẩu</Button>
    </Form>
  );
}
