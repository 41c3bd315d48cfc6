import crypto from 'node:crypto';
import type { Services } from '../core/services';
import type { User } from '../shared/auth/auth-schemas';

/**
 * The way back in when the administrator has forgotten the password: someone with the PC and its
 * data folder sets a temporary one, to be changed at the next sign-in. The audit log records it.
 */
export async function runResetPassword(services: Services, username: string): Promise<{ ok: true; password: string; user: User } | { ok: false; message: string }> {
  const users = await services.call('users.list', {});
  if (!users.ok) return { ok: false, message: users.error.message };
  const user = users.value.find((u) => u.username.toLowerCase() === username.trim().toLowerCase());
  if (!user) return { ok: false, message: `Không có tài khoản "${username}". Các tài khoản: ${users.value.map((u) => u.username).join(', ') || '(chưa có)'}.` };
  // Letters and digits a clerk can copy from the screen without confusing 0/O or 1/l.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const password = Array.from(crypto.randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
  const reset = await services.call('users.resetPassword', { id: user.id, password });
  if (!reset.ok) return { ok: false, message: reset.error.message };
  return { ok: true, password, user: reset.value };
}
