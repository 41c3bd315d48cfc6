import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../core/services';
import type { SyncStatus } from '../../shared/sync/sync-schemas';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { newPlanWith, task } from '../helpers/plans';
import { startFaultyProxy } from '../helpers/servers/faulty-proxy';
import { startNginx, type NginxServer } from '../helpers/servers/nginx';
import { freePort } from '../helpers/servers/process';
import { call } from '../helpers/services';
import { COMMUNE_FOLDER, officesOnServer, planDown, PROVINCE_FOLDER, runNow, serverFiles } from '../helpers/sync-offices';

/** Short limits so a stalled link fails in seconds: 3 s to connect, 3 s without a byte. */
const LIMITS = { connectMs: 3000, idleMs: 3000 };
// Each case: two installations, two to five sync rounds. Measured 15–44 s with both cores busy (load 18–28);
// the slow link adds its 16 s download.
const CASE_BUDGET = 120_000;

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
const later = <T extends { stop(): Promise<unknown> } | { close(): Promise<unknown> }>(thing: T): T => {
  cleanup.push(() => ('stop' in thing ? thing.stop() : thing.close()));
  return thing;
};

/** A message for the clerk: Vietnamese, and nothing of an English error or a library's text. */
function expectClerkMessage(message: string, meaning: RegExp) {
  expect(message).toMatch(meaning);
  expect(message).toMatch(/[ăâđêôơư]/i);
  expect(message).not.toMatch(/Error|Invalid|timeout|ECONN|EPIPE|fetch failed|socket|aborted/i);
}

const plansOnServer = (root: string) => serverFiles(root)[COMMUNE_FOLDER] ?? [];

/**
 * The province sends its plan while the fault lasts: it waits in the outbox with the clerk's message,
 * nothing reaches the server half-written; once the fault ends the next round delivers it exactly once.
 */
async function sendThrough(fault: { url: string; root: string }, meaning: RegExp, endFault: (province: Services) => Promise<void>, options: { password?: string } = {}) {
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

describe('sync faults against a real nginx: nothing lost, nothing counted twice, a Vietnamese message, recovery by itself', () => {
  it('server down, then up again on the same address', async () => {
    const port = await freePort(); // nothing listens there yet
    let server: NginxServer | null = null;
    const fault = { url: `http://127.0.0.1:${port}/danvan`, get root() { return server?.root ?? path.join(path.sep, 'nowhere'); } };
    await sendThrough(fault, /Không kết nối được máy chủ/, async () => {
      server = later(await startNginx({ port }));
    });
  }, CASE_BUDGET);

  it('500 on every method', async () => {
    let server = await startNginx({ location: 'return 500;' });
    cleanup.push(() => server.stop());
    const fault = { url: server.url, get root() { return server.root; } };
    await sendThrough(fault, /Máy chủ đang gặp sự cố \(500\)/, async () => {
      server = await server.restart();
    });
  }, CASE_BUDGET);

  it('wrong password (401), then the right one', async () => {
    const server = later(await startNginx());
    await sendThrough(server, /từ chối tên đăng nhập hoặc mật khẩu \(401\)/, async (province) => {
      await call(province, 'sync.saveConfig', { kind: 'webdav', url: server.url, username: 'xa', password: 'matkhau' });
    }, { password: 'sai-mat-khau' });
  }, CASE_BUDGET);

  // No tmpfs can be mounted without root, so the full disk is what servers answer then: a quota (nginx's
  // body limit, 413, as a quota proxy answers) and Insufficient Storage (507, WebDAV's full disk).
  it.each([
    ['a quota (413)', 'client_max_body_size 1k;', /vượt giới hạn dung lượng cho phép \(413\)/],
    ['the server disk full (507)', 'if ($request_method = PUT) { return 507; }', /hết dung lượng lưu trữ \(507\)/],
  ])('%s', async (_name, directive, meaning) => {
    let server = await startNginx({ location: directive });
    cleanup.push(() => server.stop());
    const fault = { url: server.url, get root() { return server.root; } };
    await sendThrough(fault, meaning, async () => {
      server = await server.restart();
    });
  }, CASE_BUDGET);

  it('a stalled connection (accepts, never answers) fails after the idle limit, then delivers when the link is back', async () => {
    const server = later(await startNginx());
    const silent = later(await startFaultyProxy(server.port, 'silent'));
    await sendThrough({ url: silent.url, root: server.root }, /ngừng trả lời quá 3 giây/, async (province) => {
      await call(province, 'sync.saveConfig', { kind: 'webdav', url: server.url, username: 'xa', password: '' });
    });
  }, CASE_BUDGET);

  it('the connection cut in the middle of an upload', async () => {
    const server = later(await startNginx());
    const proxy = later(await startFaultyProxy(server.port, 'cutUpload', 600));
    await sendThrough({ url: proxy.url, root: server.root }, /kết nối bị ngắt giữa chừng/, async () => {
      expect(proxy.state.cuts).toBeGreaterThanOrEqual(1);
      proxy.state.mode = 'pass';
    });
  }, CASE_BUDGET);

  it('500 on DELETE only: an imported bundle is removed again each round, never imported, receipted or audited twice', async () => {
    let server = await startNginx();
    cleanup.push(() => server.stop());
    const o = later(await officesOnServer(server.url, { limits: LIMITS }));
    await planDown(o, server.root); // the commune knows the province's key from now on
    server = await server.restart('if ($request_method = DELETE) { return 500; }');

    const second = await newPlanWith(o.province, 'own', 2026, (c) => ({ ...c, title: 'Kế hoạch tiếp công dân', tasks: [task('1', 'Tiếp công dân định kỳ', { implementing: [{ type: 'unit', unitId: o.unitId, note: '' }] })] }));
    await call(o.province, 'plans.issue', { id: second.id, number: '06', issueDate: '2026-02-02' });
    const made = await call(o.province, 'bundles.exportPlan', { planId: second.id, unitId: o.unitId, deliver: 'outbox' });
    expect((await runNow(o.province)).outbox.every((i) => i.status !== 'waiting')).toBe(true);

    const { dataDir } = await call(o.commune, 'app.status', {});
    const counts = (s: SyncStatus) => {
      const db = snapshotDatabase(dataDir);
      return { receipts: s.outbox.filter((i) => i.fileName.startsWith('BienNhan_')).length, imports: db.audit_event!.filter((a) => a.includes('"bundles.import"') && a.includes('hộp thư đến')).length, imported: db.imported_bundle!.length };
    };
    const rounds: ReturnType<typeof counts>[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await runNow(o.commune);
      expectClerkMessage(s.lastError, /Đã nhận .* không xóa được .* \(500\)/);
      expect(s.waitingInInbox).toEqual([]);
      rounds.push(counts(s));
    }
    expect((await call(o.commune, 'plans.get', { id: second.id, revision: null })).kind).toBe('received');
    expect(rounds).toEqual([rounds[0], rounds[0], rounds[0]]); // the same after every round: 2 → 2 → 2, not 2 → 4 → 6
    expect(rounds[0]).toMatchObject({ receipts: 2, imports: 1 });
    expect(plansOnServer(server.root)).toEqual([made.fileName]); // still there: the server would not delete it

    server = await server.restart(); // DELETE works again: the next round removes it, and nothing else changes
    const healed = await runNow(o.commune);
    expect(healed.lastError).toBe('');
    expect(plansOnServer(server.root)).toEqual([]);
    expect(counts(healed)).toEqual(rounds[0]);
  }, CASE_BUDGET);

  it('a slow link: a 1 MB file through limit_rate 64k (~16 s) completes under a 3 s idle limit, with progress shown', async () => {
    const server = later(await startNginx({ location: 'limit_rate 64k;' }));
    const o = later(await officesOnServer(server.url, { limits: LIMITS }));
    // 1 MB that does not compress, waiting in the province's inbox (own reports carry no evidence of their own,
    // so no real bundle is this large without a whole consolidation; the link does not care what it carries)
    const folder = path.join(server.root, 'danvan', PROVINCE_FOLDER);
    fs.mkdirSync(folder, { recursive: true, mode: 0o777 });
    const report = { fileName: 'BC-6thang-2026_UBND-xa-Binh-Chuong_lan-1.dvb' };
    fs.writeFileSync(path.join(folder, report.fileName), crypto.randomBytes(1024 * 1024));
    const size = 1024 * 1024;

    const started = Date.now();
    const round = runNow(o.province);
    const seen: NonNullable<SyncStatus['transfer']>[] = [];
    let done = false;
    void round.finally(() => (done = true));
    while (!done) {
      const t = (await call(o.province, 'sync.status', {})).transfer;
      if (t) seen.push(t);
      await new Promise((r) => setTimeout(r, 500));
    }
    const took = Date.now() - started;
    const after = await round;
    expect(took).toBeGreaterThan(10_000); // it was slow: 1 MB at 64 KB/s
    // downloaded whole: what stops it is the file itself (not a bundle), read once it had all arrived, not the link
    expect(after.lastError).toBe('');
    expect(after.waitingInInbox).toEqual([{ fileName: report.fileName, reason: expect.stringMatching(/Tệp gói không hợp lệ|không phải/) }]);
    const down = seen.filter((t) => t.direction === 'down' && t.fileName === report.fileName);
    expect(down.length).toBeGreaterThan(3);
    expect(down.at(-1)!.total).toBe(size);
    expect(down.some((t) => t.done > 0 && t.done < t.total)).toBe(true);
  }, CASE_BUDGET);
});
