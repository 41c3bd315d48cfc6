import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { AuthCard } from './AuthCard';

export function SignInPage({ officeName }: { officeName: string }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [forgot, setForgot] = useState(false);
  const signIn = useApiMutation('session.signIn', ['']);
  const onFinish = async (values: { username?: string; password?: string }) => {
    setError(null);
    try {
      await signIn.mutateAsync({ username: values.username ?? '', password: values.password ?? '' });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Đã xảy ra lỗi không mong muốn.');
      form.setFieldValue('password', '');
    }
  };
  return (
    <AuthCard officeName={officeName} title="Đăng nhập">
      <Form form={form} layout="vertical" name="sign-in" onFinish={onFinish}>
        <Form.Item name="username" label="Tên đăng nhập"><Input autoFocus autoComplete="username" /></Form.Item>
        <Form.Item name="password" label="Mật khẩu"><Input.Password autoComplete="current-password" /></Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>Đăng nhập</Button>
      </Form>
      <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setForgot(!forgot)}>Quên mật khẩu?</Button>
      {forgot && (
        <Typography.Paragraph type="secondary" data-testid="forgot-help">
          Nhờ người quản trị đặt lại mật khẩu trong mục Người dùng; anh/chị sẽ đổi mật khẩu ngay khi đăng nhập. Nếu chính quản trị quên
          mật khẩu, cán bộ tin học chạy trên máy này lệnh <Typography.Text code>npm run -s cli -- users reset-password --data-dir THƯ_MỤC_DỮ_LIỆU --username TÊN</Typography.Text>{' '}
          để nhận mật khẩu tạm. Mọi lần đặt lại đều được ghi vào nhật ký.
        </Typography.Paragraph>
      )}
    </AuthCard>
  );
}
