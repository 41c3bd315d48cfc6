import { z } from 'zod';
import { isoDate, requiredText, uuid } from '../api/fields';

/** chuyên viên enters and submits; lãnh đạo approves, issues, accepts and returns; quản trị manages users, units and settings. */
export const ROLES = ['chuyen_vien', 'lanh_dao', 'quan_tri'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { chuyen_vien: 'Chuyên viên', lanh_dao: 'Lãnh đạo', quan_tri: 'Quản trị' };
/** What each role lets a person do, in the words the role pickers show. */
export const ROLE_HINTS: Record<Role, string> = {
  chuyen_vien: 'nhập kế hoạch, báo cáo; gửi báo cáo',
  lanh_dao: 'ban hành, tiếp nhận, trả lại',
  quan_tri: 'người dùng, đơn vị, cài đặt',
};
/**
 * The first account holds every role, whatever a caller asks: it is the person who sets the office up and, in
 * a small office, the only one using the app at first. Roles are narrowed later in Người dùng, once
 * colleagues have their own accounts (at least one administrator always remains).
 */
export const FIRST_ADMIN_ROLES: readonly Role[] = ROLES;

export const PASSWORD_MIN_LENGTH = 8;
/** Wrong passwords in a row that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export const username = z
  .string({ error: 'Không được để trống' })
  .trim()
  .min(3, { error: 'Tên đăng nhập có ít nhất 3 ký tự' })
  .max(40, { error: 'Tên đăng nhập dài quá 40 ký tự' })
  .regex(/^[A-Za-z0-9._-]+$/, { error: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang' });

/** A password being set: checked for length only, so a clerk can choose one they remember. */
export const newPassword = z
  .string({ error: 'Không được để trống' })
  .min(PASSWORD_MIN_LENGTH, { error: `Mật khẩu có ít nhất ${PASSWORD_MIN_LENGTH} ký tự` })
  .max(200, { error: 'Mật khẩu dài quá 200 ký tự' });

/** A password being checked: never trimmed or normalised, only bounded. */
export const enteredPassword = z.string({ error: 'Không được để trống' }).min(1, { error: 'Không được để trống' }).max(200, { error: 'Mật khẩu dài quá 200 ký tự' });

export const roleList = z
  .array(z.enum(ROLES, { error: 'Vai trò không hợp lệ' }))
  .min(1, { error: 'Chọn ít nhất một vai trò' })
  .max(3)
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

export const User = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const UserCreateInput = z.strictObject({ username, fullName: requiredText(120), roles: roleList, password: newPassword });
export const UserUpdateInput = z.strictObject({ id: uuid, fullName: requiredText(120), roles: roleList, active: z.boolean({ error: 'Phải là có hoặc không' }) });

export const AuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  userName: z.string(),
  action: z.string(),
  summary: z.string(),
  targetKind: z.string(),
  targetLabel: z.string(),
  detail: z.string(),
  outcome: z.enum(['ok', 'refused']),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditFilter = z.strictObject({
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  userId: uuid.nullable().default(null),
  action: z.string().max(60).nullable().default(null),
  /** Words in the summary or the plan/report it concerns; matched without diacritics. */
  query: z.string().max(200, { error: 'Từ khóa quá dài' }).default(''),
});
export type AuditFilter = z.infer<typeof AuditFilter>;
