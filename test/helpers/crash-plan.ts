import type { OfficeInput } from './service-setup';

/**
 * What the crash test (test/unit/crash-safety.test.ts) and its child process (crash-worker.ts) agree on:
 * the jobs, the line protocol, and the texts a save writes, so the test can tell which save it sees.
 *
 * Protocol, one line each on stdout, written synchronously: `ready` once set up; `begin <n>` before
 * operation n; `ack <n> <ms>` once operation n returned (it is committed); `exhausted` when there is no
 * work left (the worker then waits to be killed); `done` after `limit` operations (calibration runs).
 */

export type CrashJob =
  | { scenario: 'import'; dataDir: string; start: number; limit?: number; office: OfficeInput; bundleFiles: string[] }
  | { scenario: 'save'; dataDir: string; start: number; limit?: number; reportIds: string[]; planId: string }
  | { scenario: 'migrate'; dataDir: string; start: number; limit?: number; fixtures: string[] }
  | { scenario: 'backup'; dataDir: string; start: number; limit?: number };

export const TASK_STATUS_CYCLE = ['in_progress', 'done', 'not_started', 'done_late', 'not_done'] as const;

/** Save n writes this into item `item` of its target: distinct for every save, longer as n grows. */
export function saveText(n: number, item: number | 'chung'): string {
  const sentence = 'Tổ chức đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân.';
  return `Lần lưu ${n}, mục ${item}: ${Array.from({ length: 1 + (n % 29) }, () => sentence).join(' ')}`;
}

export function saveStatus(n: number, item: number): (typeof TASK_STATUS_CYCLE)[number] {
  return TASK_STATUS_CYCLE[(n + item) % TASK_STATUS_CYCLE.length]!;
}

/** The save a text came from, or null for text no save wrote. */
export function saveOf(text: string): number | null {
  const m = /^Lần lưu (\d+), mục /.exec(text);
  return m ? Number(m[1]) : null;
}

/** Saves go round the reports, then the plan draft: which one save n writes. */
export function saveTarget(n: number, reports: number): { kind: 'report'; index: number } | { kind: 'plan' } {
  const slot = n % (reports + 1);
  return slot < reports ? { kind: 'report', index: slot } : { kind: 'plan' };
}

/** How many tasks save n gives the plan draft (varies, so a half-written task list would show). */
export function planTaskCount(n: number): number {
  return 3 + (n % 6);
}

/** Names of the units the backup worker creates between backups. */
export function backupUnitName(n: number): string {
  return `Thôn sao lưu ${n}`;
}
