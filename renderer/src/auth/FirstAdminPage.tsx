import { App, Button, Form, Input } from 'antd';
import { UserCreateInput } from '../../../shared/auth/auth-schemas';
import { useApiMutation } from '../api/hooks';
import { showApiError, validateWithContract } from '../common/form-errors';
import { AuthCard } from './AuthCard';
import { RoleChecks } from './RoleChecks';

/** First run (or the first start after the update that brought accounts): the administrator's own account. */
export function FirstAdminPage({ officeName }: { officeName: string }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useApiMutation('users.createFirstAdmin', ['']);
  const onFinish = async (values: Record<string, unknown>) => {
    if (values.password !== values.confirm) {
      form.setFields([{ name: 'confirm', errors: ['Hai lần nhập mật khẩu không giống nhau'] }]);
      return;
    }
    const input = validateWithContract(form, UserCreateInput, { username: values.username, fullName: values.fullName, roles: values.roles, password: values.password });
    if (!input) return;
    try {
      await create.mutateAsync(input);
    } catch (error) {
      const general = showApiError(form, error);
      if (general) message.error(general);
    }
  };
  return (
    <AuthCard
      officeName={officeName}
      title="Tạo tài khoản quản trị"
      intro="Mỗi người dùng máy này đăng nhập bằng tài khoản của mình, để mọi thay đổi đều ghi rõ ai làm. Tài khoản đầu tiên là quản trị: tạo tài khoản cho đồng nghiệp trong mục Người dùng."
    >
      <Form form={form} layout="vertical" name="first-admin" initialValues={{ roles: ['chuyen_vien', 'lanh_dao', 'quan_tri'] }} onFinish={onFinish} requiredMark="optional">
        <Form.Item name="fullName" label="Họ và tên" required><Input autoFocus placeholder="Ví dụ: Nguyễn Văn An" /></Form.Item>
        <Form.Item name="username" label="Tên đăng nhập" required extra="Chữ không dấu, số, dấu chấm; ví dụ: an.nv"><Input autoComplete="username" /></Form.Item>
        <Form.Item name="password" label="Mật khẩu" required extra="Ít nhất 8 ký tự"><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item name="confirm" label="Nhập lại mật khẩu" required><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item name="roles" label="Vai trò (quản trị luôn có)"><RoleChecks /></Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={create.isPending}>Tạo tài khoản và bắt đầu</Button>
      </Form>
    </AuthCard>
  );
}
