import fs from 'node:fs';
import { expect } from 'vitest';
import type { Services } from '../../core/services';
import type { SyncStatus } from '../../shared/sync/sync-schemas';
import { call } from './services';
import { COMMUNE_FOLDER, officesOnServer, runNow, serverFiles } from './sync-offices';

// What the sync fault tests share (test/unit/sync-faults.test.ts: the server's faults; sync-line-faults.test.ts:
// the line's): short limits, the clerk's message checked, and one exchange sent through a fault until it ends.

/** Short limits so a stalled link fails in seconds: 3 s to connect, 3 s without a byte. */
export const LIMITS = { connectMs: 3000, idleMs: 3000 };
// Each case: two installations, two to five sync rounds. Measured 15–44 s with both cores busy (load 18–28);
// the slow link adds its 16 s download.
export const CASE_BUDGET = 120_000;

const cleanup: (() => Promise<unknown>)[] = [];
/** For afterEach: stops the servers and closes the offices a test started, the last first. */
export async function stopAll() {
  for (const c of cleanup.splice(0).reverse()) await c();
}
/** Something to do after the test (a server that a restart replaces: stop whichever runs then). */
export const afterTest = (c: () => Promise<unknown>) => void cleanup.push(c);
/** Something a test started, to be stopped after it. */
export const later = <T extends { stop(): Promise<unknown> } | { close(): Promise<unknown> }>(thing: T): T => {
  cleanup.push(() => ('stop' in thing ? thing.stop() : thing.close()));
  return thing;
};

/** A message for the clerk: Vietnamese, and nothing of an English error or a library's text. */
export function expectClerkMessage(message: string, meaning: RegExp) {
  expect(message).toMatch(meaning);
  expect(message).toMatch(/[ăâđêôơư]/i);
  expect(message).not.toMatch(/Error|Invalid|timeout|ECONN|EPIPE|fetch failed|socket|aborted/i);
}

export const plansOnServer = (root: string) => serverFiles(root)[COMMUNE_FOLDER] ?? [];

/** One sync round, its transfer progress read every half second while it runs, as Gửi, nhận shows it. */
export async function watchedRound(office: Services) {
  const started = Date.now();
  const round = runNow(office);
  const seen: NonNullable<SyncStatus['transfer']>[] = [];
  let done = false;
  void round.finally(() => (done = true));
  while (!done) {
    const t = (await call(office, 'sync.status', {})).transfer;
    if (t) seen.push(t);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { took: Date.now() - started, seen, after: await round };
}

/** Writes zeros into `file` until the disk it is on has no space left. */
export function fillDisk(file: string) {
  const fd = fs.openSync(file, 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(16 * 1024));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The province sends its plan while the fault lasts: it waits in the outbox with the clerk's message,
 * nothing reaches the server half-written; once the fault ends the next round delivers it exactly once.
 */
export async function sendThrough(fault: { url: string; root: string }, meaning: RegExp, endFault: (province: Services) => Promise<void>, options: { password?: string } = {}) {
  const o = later(await officesOnServer(fault.url, { limits: LIMITS, password: options.password }));
  const made = await call(o.province, 'bundles.exportPlan', { planId: o.plan.id, unitId: o.unitId, deliver: 'outbox' });
  const failed = await runNow(o.province);
  expect(failed.outbox).toHaveLength(1);
  expect(failed.outbox[0]).toMatchObject({ status: 'waiting', fileName: made.fileName });
  expect(failed.outbox[0]!.attempts).toBeGreaterThanOrEqual(1);
  expect(Date.parse(failed.outbox[0]!.nextAttemptAt)).toBeGreaterThan(Date.now()); // retried later by itself
  expectClerkMessage(failed.outbox[0]!.lastError, meaning);
  expectClerkMessage(failed.lastError, meaning);
  expect(plansOnServer(fault.root).filter((f) => f.endsWith('.dvb'))).toEqual([]);

  await endFault(o.province);
  const recovered = await runNow(o.province);
  expect(recovered.lastError).toBe('');
  expect(recovered.outbox.map((i) => [i.fileName, i.status])).toEqual([[made.fileName, 'sent']]);
  expect(plansOnServer(fault.root)).toEqual([made.fileName]); // once, and no temporary upload left
  return o;
}

