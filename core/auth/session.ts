import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { OperationName } from '../../shared/api/contract';
import type { User } from '../../shared/auth/auth-schemas';
import { OPERATION_RULES, mayRun, rolesNeeded } from '../../shared/auth/permissions';
import { AppError } from '../app-error';
import { recordAudit } from '../audit/audit-service';
import { auditDetail, targetAfter, targetBefore, type AuditTarget } from '../audit/audit-target';
import { changeOwnPassword, checkSignIn, countUsers, createFirstAdmin, personName, readUser } from './user-service';
import type { ParsedInput } from '../../shared/api/contract';
import { lowerFirst } from '../../shared/text/letter-case';

/** Saves that run every few seconds while someone types: one audit line per sitting, not per keystroke. */
const AUTOSAVED = new Set<OperationName>(['plans.saveDraft', 'reports.save', 'ownReports.save', 'reports.saveOfficeText']);
const SIGN_IN_REFUSALS = {
  wrong: 'Đăng nhập sai',
  locking: 'Đăng nhập sai, tài khoản bị khóa',
  locked: 'Đăng nhập khi tài khoản bị khóa',
  inactive: 'Đăng nhập bằng tài khoản đã ngừng',
} as const;
const COALESCE_MS = 30 * 60_000;
const ALLOWED_WITH_RESET_PASSWORD = new Set<OperationName>(['app.status', 'office.get', 'session.changePassword', 'session.signOut']);

export interface Checked {
  person: User | null;
  /** What a removal acts on, named before it is gone; other targets are named after the change. */
  target: AuditTarget | null;
}

/**
 * The person signed in on this PC (one window, one person at a time) and the checks every
 * operation passes: sign-in, roles, and the audit line for what changed.
 */
export function createSession(db: () => Kysely<Database>, now: () => Date, localOperator?: string) {
  let userId: string | null = null;
  // Someone at this PC's command line (cli, demo data, fixtures) with the data folder in hand: all roles, named in the log.
  const operator: User | null = localOperator
    ? { id: '', username: 'dong-lenh', fullName: localOperator, roles: ['chuyen_vien', 'lanh_dao', 'quan_tri'], active: true, lockedUntil: null, mustChangePassword: false, lastSignInAt: null }
    : null;
  let hasUsers = false;

  async function anyUsers(): Promise<boolean> {
    // Once there is an account there always is one (accounts are deactivated, never deleted).
    if (!hasUsers) hasUsers = (await countUsers(db())) > 0;
    return hasUsers;
  }

  async function current(): Promise<User | null> {
    if (operator) return operator;
    if (!userId) return null;
    const user = await readUser(db(), userId);
    if (!user || !user.active) userId = null;
    return user?.active ? user : null;
  }

  const removedTarget = async (name: OperationName, input: Record<string, unknown>) =>
    OPERATION_RULES[name].label && name.endsWith('.remove') ? targetBefore(db(), name, input) : null;

  /** Throws the Vietnamese refusal when the operation is not for whoever sits at the PC now. */
  async function check(name: OperationName, input: Record<string, unknown>, beforeFirstAdmin: Set<OperationName>): Promise<Checked> {
    const rule = OPERATION_RULES[name];
    if (operator) return { person: operator, target: await removedTarget(name, input) };
    if (!(await anyUsers())) {
      if (!beforeFirstAdmin.has(name)) throw new AppError('SIGN_IN_REQUIRED', 'Hãy tạo tài khoản quản trị trước.');
      return { person: null, target: null };
    }
    const person = await current();
    if (rule.access === 'anyone') return { person, target: null };
    if (!person) throw new AppError('SIGN_IN_REQUIRED', 'Hãy đăng nhập trước.');
    if (person.mustChangePassword && !ALLOWED_WITH_RESET_PASSWORD.has(name)) {
      throw new AppError('SIGN_IN_REQUIRED', 'Mật khẩu vừa được đặt lại: hãy đổi mật khẩu trước khi làm việc.');
    }
    if (!mayRun(person.roles, name)) {
      const target = rule.label ? await targetBefore(db(), name, input) : undefined;
      await recordAudit(db(), { userId: person.id, userName: personName(person), action: name, summary: rule.label ?? `Mở chức năng không được phép (${name})`, target, detail: 'Không đủ quyền', outcome: 'refused' }, now());
      const what = rule.label ? lowerFirst(rule.label) : 'thực hiện thao tác này';
      throw new AppError('FORBIDDEN', `Tài khoản ${person.username} không có quyền ${what}. Việc này cần vai trò ${rolesNeeded(name)}.`);
    }
    return { person, target: await removedTarget(name, input) };
  }

  /** One line in the audit log for a change that went through. */
  async function audited(name: OperationName, input: Record<string, unknown>, checked: Checked, output: unknown): Promise<void> {
    const label = OPERATION_RULES[name].label;
    if (!label) return;
    const person = checked.person ?? (await current());
    // Named as it is now (an issued plan by its number), except what no longer exists.
    const target = targetAfter(name, checked.target ?? (await targetBefore(db(), name, input)), output);
    const at = now();
    if (AUTOSAVED.has(name) && person) {
      // Only lines of the last half hour can take this save: bounded by time, the search reads those few
      // (index on at) instead of the whole log, which grows by thousands of lines a year (every first save scanned it).
      const since = new Date(at.getTime() - COALESCE_MS).toISOString();
      const last = await db()
        .selectFrom('audit_event')
        .select(['id', 'at'])
        .where('at', '>', since)
        .where('user_name', '=', personName(person))
        .where('action', '=', name)
        .where('target_id', '=', target.id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (last && at.getTime() - Date.parse(last.at) < COALESCE_MS) {
        await db().updateTable('audit_event').set({ at: at.toISOString() }).where('id', '=', last.id).execute();
        return;
      }
    }
    // After a restore the person may not exist in the data now in place (a backup of another installation): named, not linked.
    const linked = person?.id && (name !== 'backups.restore' || (await readUser(db(), person.id))) ? person.id : null;
    await recordAudit(db(), { userId: linked, userName: person ? personName(person) : '', action: name, summary: label, target, detail: auditDetail(name, input) }, at);
  }

  async function signIn(input: ParsedInput<'session.signIn'>): Promise<void> {
    const outcome = await checkSignIn(db(), input.username, input.password, now());
    if (outcome.ok) {
      userId = outcome.user.id;
      await recordAudit(db(), { userId: outcome.user.id, userName: personName(outcome.user), action: 'session.signIn', summary: 'Đăng nhập' }, now());
      return;
    }
    // A failed attempt leaves whoever is signed in as they are (only a success changes the person).
    await recordAudit(db(), {
      userId: outcome.user?.id ?? null,
      userName: outcome.user ? personName(outcome.user) : input.username,
      action: 'session.signIn',
      summary: SIGN_IN_REFUSALS[outcome.kind],
      detail: outcome.message,
      outcome: 'refused',
    }, now());
    throw new AppError(outcome.kind === 'locked' || outcome.kind === 'locking' ? 'LOCKED' : 'UNAUTHORIZED', outcome.message, { password: outcome.message });
  }

  async function signOut(): Promise<void> {
    const person = await current();
    if (person) await recordAudit(db(), { userId: person.id, userName: personName(person), action: 'session.signOut', summary: 'Đăng xuất' }, now());
    userId = null;
  }

  return {
    check,
    audited,
    signIn,
    signOut,
    current,
    async firstAdmin(input: ParsedInput<'users.createFirstAdmin'>): Promise<void> {
      const user = await createFirstAdmin(db(), input, now());
      hasUsers = true;
      userId = user.id;
    },
    async changePassword(input: ParsedInput<'session.changePassword'>): Promise<void> {
      const person = await current();
      if (!person) throw new AppError('SIGN_IN_REQUIRED', 'Hãy đăng nhập trước.');
      await changeOwnPassword(db(), person.id, input.currentPassword, input.newPassword, now());
    },
    /**
     * After the data file was replaced (restore) the accounts may differ: the person stays signed in
     * only if the restored data has the same account, active (checked at every call by current()).
     */
    reset() {
      hasUsers = false;
    },
    personName: async () => {
      const person = await current();
      return person ? personName(person) : undefined;
    },
  };
}
