import { App, Button, Form, Input, Typography } from 'antd';
import { FIRST_ADMIN_ROLES, ROLE_HINTS, ROLE_LABELS, UserCreateInput } from '../../../shared/auth/auth-schemas';
import { useApiMutation } from '../api/hooks';
import { showApiError, validateWithContract } from '../common/form-errors';
import { AuthCard } from './AuthCard';

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
    const input = validateWithContract(form, UserCreateInput, { username: values.username, fullName: values.fullName, roles: [...FIRST_ADMIN_ROLES], password: values.password });
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
      <Form form={form} layout="vertical" name="first-admin" onFinish={onFinish} requiredMark="optional">
        <Form.Item name="fullName" label="Họ và tên" required><Input autoFocus placeholder="Ví dụ: Nguyễn Văn An" /></Form.Item>
        <Form.Item name="username" label="Tên đăng nhập" required extra="Chữ không dấu, số, dấu chấm; ví dụ: an.nv"><Input autoComplete="username" /></Form.Item>
        <Form.Item name="password" label="Mật khẩu" required extra="Ít nhất 8 ký tự"><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item name="confirm" label="Nhập lại mật khẩu" required><Input.Password autoComplete="new-password" /></Form.Item>
        {/* Not a choice: the first account holds every role (FIRST_ADMIN_ROLES); nothing here to untick by mistake. */}
        <div data-testid="first-admin-roles" style={{ marginBottom: 24 }}>
          <div style={{ marginBottom: 4 }}>Vai trò của tài khoản này</div>
          <ul style={{ margin: '0 0 4px', paddingLeft: 20 }}>
            {FIRST_ADMIN_ROLES.map((r) => <li key={r}><Typography.Text strong>{ROLE_LABELS[r]}</Typography.Text> <Typography.Text type="secondary">({ROLE_HINTS[r]})</Typography.Text></li>)}
          </ul>
          <Typography.Text type="secondary">Tài khoản đầu tiên có đủ các vai trò để thiết lập và dùng ngay mọi chức năng. Khi đã tạo tài khoản cho đồng nghiệp, có thể bớt vai trò của tài khoản này trong mục Người dùng.</Typography.Text>
        </div>
        <Button type="primary" htmlType="submit" size="large" loading={create.isPending}>Tạo tài khoản và bắt đầu</Button>
      </Form>
    </AuthCard>
  );
}
