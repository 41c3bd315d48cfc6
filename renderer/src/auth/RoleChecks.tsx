import { Checkbox } from 'antd';
import { ROLES, ROLE_HINTS, ROLE_LABELS, type Role } from '../../../shared/auth/auth-schemas';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} (${ROLE_HINTS[r]})` }));

export function RoleChecks(props: { value?: Role[]; onChange?: (roles: Role[]) => void }) {
  return <Checkbox.Group options={ROLE_OPTIONS} value={props.value} onChange={(v) => props.onChange?.(v as Role[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />;
}
