import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/sync/sync-schemas';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { newPlanWith, task } from '../helpers/plans';
import { startNginx, type NginxServer } from '../helpers/servers/nginx';
import { CAN_MOUNT, freePort } from '../helpers/servers/process';
import { call } from '../helpers/services';
import { afterTest, CASE_BUDGET, expectClerkMessage, fillDisk, later, LIMITS, plansOnServer, sendThrough, stopAll } from '../helpers/sync-faults';
import { officesOnServer, planDown, runNow } from '../helpers/sync-offices';

afterEach(stopAll);

// The server's faults; the line's (stalls, cuts, slow links) are in sync-line-faults.test.ts.
describe('sync faults of a real nginx: nothing lost, nothing counted twice, a Vietnamese message, recovery by itself', () => {
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
    afterTest(() => server.stop());
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

  it.skipIf(!CAN_MOUNT)('the server disk really full (nginx on a 256 KB disk of its own, filled up), then space freed', async () => {
    const server = later(await startNginx({ diskBytes: 256 * 1024 }));
    const filler = path.join(server.root, 'day-o-dia.bin');
    fillDisk(filler);
    // nginx answers a full disk with 500 (its error log says "No space left on device"): that is what the clerk is told
    await sendThrough(server, /Máy chủ đang gặp sự cố \(500\)/, async () => fs.rmSync(filler));
  }, CASE_BUDGET);

  // Every refusal a WebDAV server gives an upload, each explained: a quota (nginx's body limit, 413, as a quota
  // proxy answers), Insufficient Storage (507: Apache's mod_dav, Nextcloud on a full disk), an account without
  // the right (403), a folder gone (404), a missing parent (409), a file locked by another client (423).
  it.each([
    ['a quota (413)', 'client_max_body_size 1k;', /vượt giới hạn dung lượng cho phép \(413\)/],
    ['the server disk full (507)', 'if ($request_method = PUT) { return 507; }', /hết dung lượng lưu trữ \(507\)/],
    ['an account not allowed in the folder (403)', 'if ($request_method = PUT) { return 403; }', /không được phép dùng thư mục đó trên máy chủ \(403\): nhờ người quản trị/],
    ['the folder gone (404)', 'if ($request_method = PUT) { return 404; }', /Không thấy thư mục hoặc tệp trên máy chủ \(404\)/],
    ['a missing parent (409)', 'if ($request_method = PUT) { return 409; }', /Thư mục cha chưa có trên máy chủ \(409\)/],
    ['a file locked (423)', 'if ($request_method = PUT) { return 423; }', /đang bị khóa trên máy chủ \(423\); sẽ tự thử lại sau/],
  ])('%s', async (_name, directive, meaning) => {
    let server = await startNginx({ location: directive });
    afterTest(() => server.stop());
    const fault = { url: server.url, get root() { return server.root; } };
    await sendThrough(fault, meaning, async () => {
      server = await server.restart();
    });
  }, CASE_BUDGET);

  it('500 on DELETE only: an imported bundle is removed again each round, never imported, receipted or audited twice', async () => {
    let server = await startNginx();
    afterTest(() => server.stop());
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

});
