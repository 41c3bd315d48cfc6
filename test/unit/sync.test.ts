import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServices } from '../../core/services';
import { backoffMinutes } from '../../core/sync/sync-service';
import { fileSecretStore } from '../../core/sync/secret-store';
import { call, expectError, setUpOffice } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { tempDir } from '../helpers/temp-dir';
import { startNginx } from '../helpers/servers/nginx';
import { snapshotDatabase } from '../helpers/db-snapshot';

async function provinceAndCommune(clock: { now: Date }) {
  const now = () => clock.now;
  const province = await createServices({ dataDir: tempDir(), now, log: () => undefined });
  await setUpOffice(province, { name: 'UBND tỉnh Quảng Ngãi', parentBody: '', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', reportsTo: '' });
  const xa = await call(province, 'units.create', { name: 'UBND xã Bình Chương', kind: 'xa' });
  const owes = [{ type: 'unit' as const, unitId: xa.id, note: '' }];
  const plan = await newPlanWith(province, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Đối thoại', { implementing: owes })], duties: [{ id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: '2026-05-15', units: owes, recipient: '', quarter: null }] }));
  await call(province, 'plans.issue', { id: plan.id, number: '14', issueDate: '2026-01-19' });
  const commune = await createServices({ dataDir: tempDir(), now, log: () => undefined });
  await setUpOffice(commune, { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)' });
  return { province, commune, plan, xa };
}

describe('sending over the network', () => {
  it('records a bundle as sent only together with its place in the outbox', async () => {
    const { province, plan, xa } = await provinceAndCommune({ now: new Date('2026-01-20T08:00:00Z') });
    const { dataDir } = await call(province, 'app.status', {});
    fs.writeFileSync(path.join(dataDir, 'outbox'), 'không phải thư mục'); // the outbox cannot take the file
    const before = snapshotDatabase(dataDir);
    const refused = await province.call('bundles.exportPlan', { planId: plan.id, unitId: xa.id, deliver: 'outbox' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/[ăâđêôơư]/i);
    const after = snapshotDatabase(dataDir);
    expect([after.sent_bundle, after.outbox_item]).toEqual([before.sent_bundle, before.outbox_item]);
    fs.rmSync(path.join(dataDir, 'outbox'));
    await call(province, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id, deliver: 'outbox' });
    expect((await call(province, 'bundles.sent', {})).length).toBe(1);
    expect((await call(province, 'sync.status', {})).outbox.length).toBe(1);
    await province.close();
  });

  it('waits offline without losing anything, retries with backoff, then delivers over WebDAV; the inbox imports itself once the key is confirmed', async () => {
    const clock = { now: new Date('2026-01-20T08:00:00Z') };
    const { province, commune, plan, xa } = await provinceAndCommune(clock);
    const server = await startNginx();
    onTestFinished(() => server.stop());
    const root = server.root;
    const offline = 'http://127.0.0.1:9/danvan'; // nothing listens there
    await call(province, 'sync.saveConfig', { kind: 'webdav', url: offline, username: 'xa', password: 'matkhau' });
    const queued = await call(province, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id, deliver: 'outbox' });
    expect(queued.base64).toBe('');
    // the export started a round of its own (attempt 1); "Đồng bộ ngay" waits for it and tries again
    let status = await call(province, 'sync.runNow', {});
    expect(status.outbox[0]).toMatchObject({ status: 'waiting', attempts: 2 });
    expect(status.outbox[0]!.lastError).toBe('Không kết nối được máy chủ (mất mạng hoặc sai địa chỉ)');
    expect(status.lastError).toMatch(/Không kết nối được máy chủ/);
    expect(Date.parse(status.outbox[0]!.nextAttemptAt) - clock.now.getTime()).toBe(120_000); // backoff: 1, 2, 4 … minutes
    status = await call(province, 'sync.runNow', {}); // the clerk asks: tried again at once, not only when due
    expect(status.outbox[0]!.attempts).toBe(3);
    expect(Date.parse(status.outbox[0]!.nextAttemptAt) - clock.now.getTime()).toBe(240_000);

    await call(province, 'sync.saveConfig', { kind: 'webdav', url: server.url, username: 'xa', password: '' }); // password kept
    clock.now = new Date('2026-01-20T08:05:00Z');
    status = await call(province, 'sync.runNow', {});
    expect(status.outbox[0]).toMatchObject({ status: 'sent' });
    expect(fs.readdirSync(path.join(root, 'danvan', 'UBND-xa-Binh-Chuong'))).toEqual([queued.fileName]);

    // the commune's inbox: refused until the clerk confirms the province's key, left on the server meanwhile
    await call(commune, 'sync.saveConfig', { kind: 'webdav', url: server.url, username: 'xa', password: 'matkhau' });
    const first = await call(commune, 'sync.runNow', {});
    expect(first.waitingInInbox[0]!.reason).toMatch(/Chưa xác nhận khóa/);
    const bytes = fs.readFileSync(path.join(root, 'danvan', 'UBND-xa-Binh-Chuong', queued.fileName));
    await call(commune, 'bundles.import', { base64: bytes.toString('base64'), acceptKey: true });
    const second = await call(commune, 'sync.runNow', {});
    expect(second.waitingInInbox).toEqual([]); // already imported: removed from the server
    expect(fs.readdirSync(path.join(root, 'danvan', 'UBND-xa-Binh-Chuong'))).toEqual([]);
    expect((await call(commune, 'plans.get', { id: plan.id, revision: null })).kind).toBe('received');

    // the commune's receipt travelled back by itself; the province marks its bundle as received
    expect(second.outbox.some((o) => o.fileName.startsWith('BienNhan_') && o.status === 'waiting')).toBe(true);
    const third = await call(commune, 'sync.runNow', {});
    expect(third.outbox.some((o) => o.fileName.startsWith('BienNhan_') && o.status === 'sent')).toBe(true);
    await call(province, 'bundles.import', { base64: fs.readFileSync(path.join(root, 'danvan', 'UBND-tinh-Quang-Ngai', fs.readdirSync(path.join(root, 'danvan', 'UBND-tinh-Quang-Ngai'))[0]!)).toString('base64'), acceptKey: true });
    expect((await call(province, 'sync.status', {})).outbox[0]!.status).toBe('received');
    await province.close();
    await commune.close();
  });

  it('also works through a shared folder or USB stick, and refuses a bad configuration', async () => {
    const clock = { now: new Date('2026-01-20T08:00:00Z') };
    const { province, commune, plan, xa } = await provinceAndCommune(clock);
    const shared = tempDir();
    await call(province, 'sync.saveConfig', { kind: 'folder', folder: shared });
    await call(province, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id, deliver: 'outbox' });
    expect((await call(province, 'sync.runNow', {})).outbox[0]!.status).toBe('sent');
    expect(fs.readdirSync(path.join(shared, 'UBND-xa-Binh-Chuong'))).toHaveLength(1);
    expectError(await commune.call('sync.saveConfig', { kind: 'webdav', url: 'ftp://x' }), 'VALIDATION');
    expectError(await commune.call('sync.saveConfig', { kind: 'folder', folder: '' }), 'VALIDATION');
    await province.close();
    await commune.close();
  });

  it('keeps the password out of the database, encrypted', () => {
    const dir = tempDir();
    const store = fileSecretStore(dir);
    store.set('webdav-password', 'mật khẩu bí mật');
    expect(fileSecretStore(dir).get('webdav-password')).toBe('mật khẩu bí mật');
    expect(fs.readFileSync(path.join(dir, 'secrets.enc')).toString('latin1')).not.toContain('bí mật');
    expect(backoffMinutes(1)).toBe(1);
    expect(backoffMinutes(4)).toBe(8);
    expect(backoffMinutes(30)).toBe(360);
  });
});
