import { Checkbox } from 'antd';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/auth/auth-schemas';

const HINTS: Record<Role, string> = {
  chuyen_vien: 'nhập kế hoạch, báo cáo; gửi báo cáo',
  lanh_dao: 'ban hành, tiếp nhận, trả lại',
  quan_tri: 'người dùng, đơn vị, cài đặt',
};

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} (${HINTS[r]})` }));

export function RoleChecks(props: { value?: Role[]; onChange?: (roles: Role[]) => void }) {
  return <Checkbox.Group options={ROLE_OPTIONS} value={props.value} onChange={(v) => props.onChange?.(v as Role[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />;
}
