import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppUserTable, Database } from '../../db/schema';
import { countUsers, getUserByFoldedName, getUserById, insertUser, listUserRows, updateUser } from '../../db/auth/user-repo';
import { FIRST_ADMIN_ROLES, LOCK_MINUTES, MAX_FAILED_SIGN_INS, ROLES, type Role, type User } from '../../shared/auth/auth-schemas';
import type { ParsedInput } from '../../shared/api/contract';
import { AppError } from '../app-error';
import { formatVnDateTime } from '../../shared/dates/vn-date';
import { hashPassword, verifyPassword } from './passwords';

export function toUser(row: AppUserTable): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    roles: parseRoles(row.roles),
    active: row.active === 1,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password === 1,
    lastSignInAt: row.last_sign_in_at,
  };
}

function parseRoles(stored: string): Role[] {
  return ROLES.filter((r) => stored.split(',').includes(r));
}

/** How the audit log and report events name a person: "Nguyễn Văn An (an.nv)". */
export function personName(user: Pick<User, 'fullName' | 'username'>): string {
  return `${user.fullName} (${user.username})`;
}

const foldUsername = (name: string) => name.trim().toLowerCase();

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return (await listUserRows(db)).map(toUser);
}

export async function createUser(db: Kysely<Database>, input: ParsedInput<'users.create'>, now: Date): Promise<User> {
  const folded = foldUsername(input.username);
  if (await getUserByFoldedName(db, folded)) {
    throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã có người dùng.`, { username: 'Tên đăng nhập này đã có' });
  }
  const stamp = now.toISOString();
  const row: AppUserTable = {
    id: crypto.randomUUID(),
    username: input.username,
    username_folded: folded,
    full_name: input.fullName,
    roles: input.roles.join(','),
    password_hash: await hashPassword(input.password),
    // A password chosen by someone else is changed by its owner at the first sign-in.
    must_change_password: 1,
    failed_attempts: 0,
    locked_until: null,
    active: 1,
    last_sign_in_at: null,
    created_at: stamp,
    updated_at: stamp,
  };
  await insertUser(db, row);
  return toUser(row);
}

/** The first account: only while there is none, with every role (FIRST_ADMIN_ROLES), and it chose its own password. */
export async function createFirstAdmin(db: Kysely<Database>, input: ParsedInput<'users.create'>, now: Date): Promise<User> {
  return db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) throw new AppError('CONFLICT', 'Đã có tài khoản quản trị; hãy đăng nhập.');
    const roles = [...FIRST_ADMIN_ROLES];
    const user = await createUser(trx as unknown as Kysely<Database>, { ...input, roles }, now);
    await updateUser(trx, user.id, { must_change_password: 0 });
    return { ...user, mustChangePassword: false };
  });
}

export async function updateUserAccount(db: Kysely<Database>, input: ParsedInput<'users.update'>, now: Date): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const row = await getUserById(trx, input.id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
    await updateUser(trx, input.id, { full_name: input.fullName, roles: input.roles.join(','), active: input.active ? 1 : 0, updated_at: now.toISOString() });
    const admins = (await listUserRows(trx)).filter((u) => u.active === 1 && parseRoles(u.roles).includes('quan_tri'));
    if (admins.length === 0) throw new AppError('CONFLICT', 'Phải còn ít nhất một tài khoản quản trị đang dùng.', { roles: 'Phải còn một quản trị' });
    return toUser((await getUserById(trx, input.id))!);
  });
}

export async function resetPassword(db: Kysely<Database>, id: string, password: string, now: Date): Promise<User> {
  const row = await getUserById(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
  await updateUser(db, id, { password_hash: await hashPassword(password), must_change_password: 1, failed_attempts: 0, locked_until: null, updated_at: now.toISOString() });
  return toUser((await getUserById(db, id))!);
}

/** "08:15 ngày 23/11/2026", as the lock message says when it ends. */
function formatLocalTime(iso: string): string {
  const [day, time] = formatVnDateTime(new Date(iso)).split(' ');
  return `${time} ngày ${day}`;
}

export type SignInOutcome = { ok: true; user: User } | { ok: false; user: User | null; message: string; kind: 'wrong' | 'locking' | 'locked' | 'inactive' };

/** Checks a password; counts wrong ones and locks the account after five in a row. Never throws for a wrong password. */
export async function checkSignIn(db: Kysely<Database>, username: string, password: string, now: Date): Promise<SignInOutcome> {
  const row = await getUserByFoldedName(db, foldUsername(username));
  const wrong = 'Tên đăng nhập hoặc mật khẩu không đúng.';
  if (!row) return { ok: false, user: null, message: wrong, kind: 'wrong' };
  if (row.active !== 1) return { ok: false, user: toUser(row), message: 'Tài khoản này đã ngừng sử dụng. Hãy liên hệ quản trị.', kind: 'inactive' };
  if (row.locked_until && row.locked_until > now.toISOString()) {
    return { ok: false, user: toUser(row), kind: 'locked', message: `Tài khoản đang bị khóa đến ${formatLocalTime(row.locked_until)} vì nhập sai mật khẩu ${MAX_FAILED_SIGN_INS} lần. Quản trị có thể mở khóa bằng cách đặt lại mật khẩu.` };
  }
  if (await verifyPassword(password, row.password_hash)) {
    await updateUser(db, row.id, { failed_attempts: 0, locked_until: null, last_sign_in_at: now.toISOString() });
    return { ok: true, user: toUser((await getUserById(db, row.id))!) };
  }
  const failed = (row.locked_until ? 0 : row.failed_attempts) + 1;
  if (failed >= MAX_FAILED_SIGN_INS) {
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
    await updateUser(db, row.id, { failed_attempts: failed, locked_until: until });
    return { ok: false, user: toUser(row), kind: 'locking', message: `Nhập sai mật khẩu ${MAX_FAILED_SIGN_INS} lần: tài khoản bị khóa đến ${formatLocalTime(until)}.` };
  }
  await updateUser(db, row.id, { failed_attempts: failed, locked_until: null });
  return { ok: false, user: toUser(row), kind: 'wrong', message: `${wrong} Còn ${MAX_FAILED_SIGN_INS - failed} lần thử trước khi tài khoản bị khóa ${LOCK_MINUTES} phút.` };
}

export async function changeOwnPassword(db: Kysely<Database>, userId: string, current: string, next: string, now: Date): Promise<User> {
  const row = await getUserById(db, userId);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
  if (!(await verifyPassword(current, row.password_hash))) {
    throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng.', { currentPassword: 'Mật khẩu hiện tại không đúng' });
  }
  if (current === next) throw new AppError('VALIDATION', 'Mật khẩu mới phải khác mật khẩu cũ.', { newPassword: 'Phải khác mật khẩu cũ' });
  await updateUser(db, userId, { password_hash: await hashPassword(next), must_change_password: 0, updated_at: now.toISOString() });
  return toUser((await getUserById(db, userId))!);
}

export async function readUser(db: Kysely<Database>, id: string): Promise<User | null> {
  const row = await getUserById(db, id);
  return row ? toUser(row) : null;
}

export { countUsers };
