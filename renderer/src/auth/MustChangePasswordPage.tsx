import { Button } from 'antd';
import type { User } from '../../../shared/auth/auth-schemas';
import { useApiMutation } from '../api/hooks';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After an administrator set the password, its owner chooses one only they know before working. */
export function MustChangePasswordPage({ user }: { user: User }) {
  const signOut = useApiMutation('session.signOut', ['']);
  return (
    <AuthCard title="Đổi mật khẩu" intro={`Chào ${user.fullName}. Mật khẩu của anh/chị vừa được đặt lại; hãy đặt mật khẩu mới chỉ mình biết trước khi làm việc.`}>
      <ChangePasswordForm />
      <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => signOut.mutate({})}>Đăng xuất</Button>
    </AuthCard>
  );
}
