import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultyProxy } from '../helpers/servers/faulty-proxy';
import { startNginx } from '../helpers/servers/nginx';
import { call } from '../helpers/services';
import { CASE_BUDGET, expectClerkMessage, later, LIMITS, sendThrough, stopAll, watchedRound } from '../helpers/sync-faults';
import { confirmWaiting, megabyteScan, officesOnServer, planDown, PROVINCE_FOLDER, queueCommuneReport, runNow, serverFiles } from '../helpers/sync-offices';

afterEach(stopAll);

// The line's faults between an office and a real nginx (a TCP proxy makes those no server config can); the
// server's own faults are in sync-faults.test.ts.
describe('sync over a bad line: nothing lost, nothing counted twice, a Vietnamese message, recovery by itself', () => {
  it('a stalled connection (accepts, never answers) fails after the idle limit, then delivers when the link is back', async () => {
    const server = later(await startNginx());
    const silent = later(await startFaultyProxy(server.port, 'silent'));
    await sendThrough({ url: silent.url, root: server.root }, /ngừng trả lời quá 3 giây/, async (province) => {
      await call(province, 'sync.saveConfig', { kind: 'webdav', url: server.url, username: 'xa', password: '' });
    });
  }, CASE_BUDGET);

  it('the connection cut in the middle of an upload', async () => {
    const server = later(await startNginx());
    const proxy = later(await startFaultyProxy(server.port, 'cutUpload', { afterBytes: 600 }));
    await sendThrough({ url: proxy.url, root: server.root }, /kết nối bị ngắt giữa chừng/, async () => {
      expect(proxy.state.cuts).toBeGreaterThanOrEqual(1);
      proxy.state.mode = 'pass';
    });
  }, CASE_BUDGET);

  it('a line that stops under an upload, after the sender handed over its last byte: refused once the line would have carried it, sent again later', async () => {
    const server = later(await startNginx());
    const proxy = later(await startFaultyProxy(server.port, 'stallUpload', { afterBytes: 600 }));
    // the wait after the last byte: 3 s, plus the bundle (a few KB) at the slowest line promised (2 KB/s)
    await sendThrough({ url: proxy.url, root: server.root }, /đã gửi hết nhưng máy chủ chưa xác nhận đã nhận sau \d+ giây/, async () => {
      expect(proxy.state.cuts).toBeGreaterThanOrEqual(1);
      proxy.state.mode = 'pass';
    });
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

    const { took, seen, after } = await watchedRound(o.province);
    expect(took).toBeGreaterThan(10_000); // it was slow: 1 MB at 64 KB/s
    // downloaded whole: what stops it is the file itself (not a bundle), read once it had all arrived, not the link
    expect(after.lastError).toBe('');
    expect(after.waitingInInbox).toEqual([{ fileName: report.fileName, reason: expect.stringMatching(/Tệp gói không hợp lệ|không phải/) }]);
    const down = seen.filter((t) => t.direction === 'down' && t.fileName === report.fileName);
    expect(down.length).toBeGreaterThan(3);
    expect(down.at(-1)!.total).toBe(size);
    expect(down.some((t) => t.done > 0 && t.done < t.total)).toBe(true);
  }, CASE_BUDGET);

  it('a slow uplink: a report with 1 MB of evidence sent at 64 KB/s (~16 s) completes under a 3 s idle limit, with its progress shown', async () => {
    const server = later(await startNginx());
    const slow = later(await startFaultyProxy(server.port, 'slowUpload', { bytesPerSecond: 64 * 1024 }));
    const o = later(await officesOnServer(server.url, { limits: LIMITS }));
    await planDown(o, server.root);
    await call(o.commune, 'sync.saveConfig', { kind: 'webdav', url: slow.url, username: 'xa', password: 'matkhau' });
    const made = await queueCommuneReport(o.commune, o.plan.id, o.dutyId, 'Tổ chức 3 buổi đối thoại', megabyteScan());

    const { took, seen, after } = await watchedRound(o.commune);
    const arrived = fs.readFileSync(path.join(server.root, 'danvan', PROVINCE_FOLDER, made.fileName));
    const size = arrived.length;
    expect(size).toBeGreaterThan(1024 * 1024);
    expect(took).toBeGreaterThan(10_000); // it was slow: 1 MB at 64 KB/s
    expect(after.lastError).toBe('');
    expect(after.outbox.find((i) => i.fileName === made.fileName)?.status).toBe('sent');
    const up = seen.filter((t) => t.direction === 'up' && t.fileName === made.fileName);
    expect(up.length).toBeGreaterThan(3);
    expect(up.every((t) => t.total === size)).toBe(true);
    // progress counts what the system has taken: here its buffers take the whole megabyte at once, and the
    // round then waits for the line to carry it (before, that wait ran into the 3 s idle limit and failed)
    expect(up.at(-1)!.done).toBe(size);
    // arrived whole: the province reads it (a first report from this commune: its key waits for the clerk)
    const atProvince = await runNow(o.province);
    expect(atProvince.waitingInInbox.find((w) => w.fileName === made.fileName)?.reason).toMatch(/chưa xác nhận|khóa/i);
  }, CASE_BUDGET);

  it('a link that stops in the middle of a download fails after the idle limit, leaves the report on the server, and takes it whole once the link is back', async () => {
    const server = later(await startNginx());
    const proxy = later(await startFaultyProxy(server.port, 'stallDownload', { afterBytes: 2048 }));
    const o = later(await officesOnServer(server.url, { limits: LIMITS }));
    await planDown(o, server.root);
    const made = await queueCommuneReport(o.commune, o.plan.id, o.dutyId, 'Tổ chức 3 buổi đối thoại');
    expect((await runNow(o.commune)).lastError).toBe('');
    const folder = path.join(server.root, 'danvan', PROVINCE_FOLDER);
    expect(fs.statSync(path.join(folder, made.fileName)).size).toBeGreaterThan(4096); // the stall comes inside its body

    await call(o.province, 'sync.saveConfig', { kind: 'webdav', url: proxy.url, username: 'xa', password: 'matkhau' });
    const stalled = await runNow(o.province);
    expect(proxy.state.stalls).toBeGreaterThanOrEqual(1);
    expectClerkMessage(stalled.waitingInInbox.find((w) => w.fileName === made.fileName)!.reason, /Không tải về được .*ngừng trả lời quá 3 giây.*tự thử lại/);
    expect(serverFiles(server.root)[PROVINCE_FOLDER]).toContain(made.fileName); // still there for the next round
    const reportsIn = async () => (await call(o.province, 'reports.matrix', { planId: o.plan.id, today: '2026-05-20' })).cells.filter((c) => c.reportId).length;
    expect(await reportsIn()).toBe(0); // nothing half-read was taken

    proxy.state.mode = 'pass'; // the link is back
    const back = await runNow(o.province);
    expect(back.lastError).toBe('');
    expect(back.waitingInInbox.map((w) => w.fileName)).toContain(made.fileName); // read whole; a first report waits for its key to be confirmed
    await confirmWaiting(o.province, back, folder);
    expect((await runNow(o.province)).waitingInInbox).toEqual([]);
    expect(serverFiles(server.root)[PROVINCE_FOLDER]).toEqual([]);
    expect(await reportsIn()).toBe(1); // taken, once
  }, CASE_BUDGET);
});
