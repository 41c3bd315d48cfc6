import { useState } from 'react';
import { Button, Dropdown, Modal, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../../../shared/auth/auth-schemas';
import { useApiMutation } from '../api/hooks';
import { useCurrentUser } from './current-user';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Who is signed in on this shared PC, with the way out. */
export function UserMenu() {
  const user = useCurrentUser();
  const [changing, setChanging] = useState(false);
  const signOut = useApiMutation('session.signOut', ['']);
  if (!user) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'roles', label: <Typography.Text type="secondary">{user.roles.map((r) => ROLE_LABELS[r]).join(', ')}</Typography.Text>, disabled: true },
            { key: 'password', label: 'Đổi mật khẩu' },
            { key: 'signOut', label: 'Đăng xuất', danger: true },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : key === 'signOut' ? signOut.mutate({}) : undefined),
        }}
      >
        <Button icon={<UserOutlined />} data-testid="user-menu">{user.fullName}</Button>
      </Dropdown>
      <Modal title="Đổi mật khẩu" open={changing} onCancel={() => setChanging(false)} footer={null} destroyOnHidden>
        <ChangePasswordForm onDone={() => setChanging(false)} />
      </Modal>
    </>
  );
}
