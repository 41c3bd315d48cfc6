import { App, Form, Input, Modal, Switch } from 'antd';
import { z } from 'zod';
import { UserCreateInput, UserUpdateInput, newPassword, type User } from '../../../shared/auth/auth-schemas';
import { uuid } from '../../../shared/api/fields';
import { useApiMutation } from '../api/hooks';
import { showApiError, validateWithContract } from '../common/form-errors';
import { RoleChecks } from '../auth/RoleChecks';

export type UserDialogMode = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User };

const ResetInput = z.strictObject({ id: uuid, password: newPassword });
const TITLES = { create: 'Thêm người dùng', edit: 'Sửa người dùng', reset: 'Đặt lại mật khẩu' } as const;

/** Create an account, change its name/roles/state, or set a temporary password its owner must change. */
export function UserDialog({ mode, onClose }: { mode: UserDialogMode; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useApiMutation('users.create', ['users.', 'audit.']);
  const update = useApiMutation('users.update', ['users.', 'audit.', 'app.']);
  const reset = useApiMutation('users.resetPassword', ['users.', 'audit.']);
  const user = mode.kind === 'create' ? null : mode.user;

  const onOk = async () => {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    try {
      if (mode.kind === 'create') {
        const input = validateWithContract(form, UserCreateInput, { username: values.username, fullName: values.fullName, roles: values.roles, password: values.password });
        if (!input) return;
        await create.mutateAsync(input);
        message.success(`Đã tạo tài khoản ${input.username}; người dùng đổi mật khẩu khi đăng nhập lần đầu`);
      } else if (mode.kind === 'edit') {
        const input = validateWithContract(form, UserUpdateInput, { id: user!.id, fullName: values.fullName, roles: values.roles, active: values.active });
        if (!input) return;
        await update.mutateAsync(input);
        message.success('Đã lưu');
      } else {
        const input = validateWithContract(form, ResetInput, { id: user!.id, password: values.password });
        if (!input) return;
        await reset.mutateAsync(input);
        message.success(`Đã đặt lại mật khẩu cho ${user!.username}; việc này được ghi vào nhật ký`);
      }
      onClose();
    } catch (error) {
      const general = showApiError(form, error);
      if (general) message.error(general);
    }
  };

  return (
    <Modal open title={TITLES[mode.kind]} okText="Lưu" cancelText="Hủy" onOk={onOk} onCancel={onClose} confirmLoading={create.isPending || update.isPending || reset.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="user"
        initialValues={user ? { fullName: user.fullName, roles: user.roles, active: user.active, password: '' } : { fullName: '', username: '', roles: ['chuyen_vien'], password: '' }}
      >
        {mode.kind === 'reset' ? (
          <p>Đặt mật khẩu tạm cho <b>{user!.fullName}</b> ({user!.username}). Tài khoản được mở khóa; người dùng phải đổi mật khẩu khi đăng nhập.</p>
        ) : (
          <>
            <Form.Item name="fullName" label="Họ và tên"><Input autoFocus /></Form.Item>
            {mode.kind === 'create' && <Form.Item name="username" label="Tên đăng nhập" extra="Chữ không dấu, số, dấu chấm"><Input /></Form.Item>}
            <Form.Item name="roles" label="Vai trò"><RoleChecks /></Form.Item>
            {mode.kind === 'edit' && <Form.Item name="active" label="Đang sử dụng" valuePropName="checked"><Switch /></Form.Item>}
          </>
        )}
        {mode.kind !== 'edit' && <Form.Item name="password" label="Mật khẩu tạm" extra="Ít nhất 8 ký tự; báo cho người dùng"><Input.Password autoComplete="new-password" /></Form.Item>}
      </Form>
    </Modal>
  );
}
