import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { ROLE_LABELS, type User } from '../../../shared/auth/auth-schemas';
import { formatVnDateTime } from '../../../shared/dates/vn-date';
import { useApiQuery } from '../api/hooks';
import { useCurrentUser } from '../auth/current-user';
import { UserDialog, type UserDialogMode } from './UserDialog';

/** Accounts of the people who use this PC (quản trị only). */
export function UsersPage() {
  const users = useApiQuery('users.list', {});
  const me = useCurrentUser();
  const [dialog, setDialog] = useState<UserDialogMode | null>(null);
  const locked = (u: User) => u.lockedUntil !== null && u.lockedUntil > new Date().toISOString();
  return (
    <Card
      title="Người dùng"
      extra={<Button type="primary" onClick={() => setDialog({ kind: 'create' })}>Thêm người dùng</Button>}
    >
      <Typography.Paragraph type="secondary">
        Chuyên viên nhập và gửi kế hoạch, báo cáo; lãnh đạo ban hành, tiếp nhận và trả lại; quản trị quản lý người dùng, đơn vị và cài đặt.
        Tài khoản không xóa được, chỉ ngừng sử dụng, để nhật ký luôn biết ai đã làm gì.
      </Typography.Paragraph>
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: 'Họ và tên', render: (_, u) => <>{u.fullName}{u.id === me?.id && <Typography.Text type="secondary"> (anh/chị)</Typography.Text>}</> },
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          { title: 'Vai trò', render: (_, u) => u.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          {
            title: 'Trạng thái',
            render: (_, u) => (
              <Space size={4} wrap>
                {!u.active ? <Tag>Ngừng sử dụng</Tag> : locked(u) ? <Tag color="red">Đang bị khóa</Tag> : <Tag color="green">Đang dùng</Tag>}
                {u.mustChangePassword && <Tag color="orange">Chờ đổi mật khẩu</Tag>}
              </Space>
            ),
          },
          { title: 'Đăng nhập gần nhất', render: (_, u) => (u.lastSignInAt ? formatVnDateTime(new Date(u.lastSignInAt)) : '—') },
          {
            title: '',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>Sửa</Button>
                <Button size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>Đặt lại mật khẩu</Button>
              </Space>
            ),
          },
        ]}
      />
      {dialog && <UserDialog mode={dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
}
