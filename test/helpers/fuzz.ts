import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import type { ApiResult } from '../../shared/api/result';

/**
 * Shared settings and checks of the fuzz tests (test/unit/fuzz-*.test.ts).
 * The seed is fixed so CI is reproducible; fast-check prints it (with the failing path) when a property
 * fails. FUZZ_SEED=<n> replays or explores another seed; FUZZ_SCALE=<k> runs k times as many cases (0.1 for a quick look).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_119);
const SCALE = Math.max(0.01, Number(process.env.FUZZ_SCALE ?? 1));

export function fuzzParameters<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), ...extra };
}

/** A letter only Vietnamese writes (a marked vowel or đ): an English or empty message has none. */
export const VIETNAMESE_LETTER = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

export function expectVietnamese(message: unknown, context = ''): void {
  expect(typeof message, `${context}: the message is not a string`).toBe('string');
  expect(VIETNAMESE_LETTER.test(message as string), `${context}: not a Vietnamese message: ${JSON.stringify(message)}`).toBe(true);
}

/**
 * What every answer of `services.invoke` must be: ok, or a refusal with a known code other than
 * INTERNAL and a Vietnamese message (also in every per-field message).
 */
export function expectHandled(result: ApiResult<unknown>, context: string): void {
  expect(result, `${context}: no result`).toBeTypeOf('object');
  if (result.ok) return;
  expect(result.error.code, `${context}: ${result.error.message}`).not.toBe('INTERNAL');
  expectVietnamese(result.error.message, context);
  // a JavaScript value printed into the sentence instead of words
  expect(result.error.message, context).not.toMatch(/\[object \w+\]|\[native code\]/);
  for (const [field, message] of Object.entries(result.error.fields ?? {})) expectVietnamese(message, `${context}, field ${field}`);
}

/**
 * Cheap "was anything committed?" between two full snapshots: SQLite's data_version, read through a
 * connection of our own, changes whenever another connection commits.
 */
export function commitWatcher(dataDir: string): { changed(): boolean; close(): void } {
  const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
  const version = () => (db.pragma('data_version', { simple: true }) as number);
  let last = version();
  return {
    changed() {
      const now = version();
      const changed = now !== last;
      last = now;
      return changed;
    },
    close: () => db.close(),
  };
}

/** Runs `work`, failing the case when it takes longer than `budgetMs` (catastrophic backtracking, loops). */
export async function withinBudget<T>(budgetMs: number, context: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  const took = performance.now() - started;
  expect(took, `${context}: took ${Math.round(took)} ms (budget ${budgetMs} ms)`).toBeLessThan(budgetMs);
  return value;
}

/**
 * Folders for installations shared by all the tests of a file (test/helpers/temp-dir.ts removes its
 * folders after each test): removed after the file's last test.
 */
export function suiteTempDirs(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-fuzz-'));
    made.push(dir);
    return dir;
  };
}

/**
 * A copy of an installation's database to go back to after a case that wrote (an import that went
 * through), so every case starts from the same state: SQLite's online backup into the live file, which
 * the installation's own connection then reads like any other committed change.
 */
export async function restorePoint(dataDir: string): Promise<{ restore(): Promise<void> }> {
  const live = path.join(dataDir, 'danvan.sqlite');
  const saved = path.join(dataDir, 'fuzz-restore-point.sqlite');
  const source = new BetterSqlite3(live, { readonly: true });
  await source.backup(saved).finally(() => source.close());
  return {
    async restore() {
      const copy = new BetterSqlite3(saved, { readonly: true });
      await copy.backup(live).finally(() => copy.close());
    },
  };
}
