import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../core/bundles/bundle-codec';
import { runSync, type Inbox, type SyncState } from '../../core/sync/sync-service';
import { fileSecretStore } from '../../core/sync/secret-store';
import { openDatabase } from '../../db/connection';
import { AppError } from '../../core/app-error';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { prepareServices } from '../helpers/service-setup';
import { communeReport, installationSigner, newSigner, payloadOf, provinceWithCommunes, resign, SO_NOI_VU } from '../helpers/offices';
import { call, expectError } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';

const A = 'UBND xã Bình Chương';
const B = 'UBND xã Bình Sơn';

describe('a report counts only from the installation bound to its unit', () => {
  it('refuses a trusted commune reporting as another one, and takes the real commune next', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương'], [B, 'Bình Sơn']]);
    const [a, b] = communes as [(typeof communes)[0], (typeof communes)[0]];

    // A's first report: the province sees the unit, the name it claims and the key, and binds on confirmation
    const first = await communeReport(a, plan.id, dutyId, 'Đã tổ chức 2 cuộc đối thoại');
    const preview = await call(province.services, 'bundles.preview', { base64: first });
    expect(preview).toMatchObject({ trust: 'new', binds: 'unit', unitName: A, senderOffice: A, problems: [] });
    expectError(await province.services.call('bundles.import', { base64: first }), 'CONFLICT');
    await call(province.services, 'bundles.import', { base64: first, acceptKey: true });
    const bindings = await call(province.services, 'bundles.bindings', {});
    expect(bindings.units).toMatchObject([{ unitName: A, fingerprint: preview.fingerprint, officeName: A, boundBy: 'Nguyễn Văn Quản (quantri)' }]);
    expect(bindings.units[0]!.lastBundleAt).not.toBeNull();

    // A signs a report naming B (manifest sender and unitName both changed, revision 60)
    const forged = resign(first, installationSigner(a, B), SO_NOI_VU.name, { payload: { ...payloadOf(first), unitName: B }, revision: 60 });
    const before = snapshotDatabase(province.dataDir);
    const seen = await call(province.services, 'bundles.preview', { base64: forged });
    expect(seen.trust).toBe('refused');
    expect(seen.problems.join(' ')).toContain(`Máy đã gắn với ${A} (mã khóa ${preview.fingerprint}) không được gửi báo cáo thay cho "${B}"`);
    const refused = expectError(await province.services.call('bundles.import', { base64: forged, acceptKey: true }), 'CONFLICT');
    expect(refused.message).toContain(A);
    expect(refused.message).toContain(B);
    // A's key under A's name, but a payload naming B
    const halfForged = resign(first, installationSigner(a), SO_NOI_VU.name, { payload: { ...payloadOf(first), unitName: B }, revision: 61 });
    expect(expectError(await province.services.call('bundles.import', { base64: halfForged, acceptKey: true }), 'VALIDATION').message).toMatch(/ghi đơn vị báo cáo là "UBND xã Bình Sơn"/);
    // A's key with another office name
    const renamed = resign(first, installationSigner(a, 'UBND xã Bình Chương mới'), SO_NOI_VU.name, { revision: 62 });
    expect(expectError(await province.services.call('bundles.import', { base64: renamed, acceptKey: true }), 'CONFLICT').message).toMatch(/không được gửi báo cáo thay cho "UBND xã Bình Chương mới"/);
    expect(snapshotDatabase(province.dataDir)).toEqual(before);

    // B's real revision 1 is taken (after B's own first-time confirmation)
    const real = await communeReport(b, plan.id, dutyId, 'Bình Sơn đã tiếp công dân 4 buổi');
    await call(province.services, 'bundles.import', { base64: real, acceptKey: true });
    const matrix = await call(province.services, 'reports.matrix', { planId: plan.id, today: '2026-06-01' });
    const cellB = matrix.cells.find((c) => c.unitId === b.unitId)!;
    const reportB = await call(province.services, 'reports.get', { id: cellB.reportId! });
    expect(reportB).toMatchObject({ revision: 1 });
    expect(reportB.content.tasks[0]!.doneText).toBe('Bình Sơn đã tiếp công dân 4 buổi');
    expect((await call(province.services, 'bundles.bindings', {})).units.map((u) => u.unitName).sort()).toEqual([A, B]);
  });

  it('refuses a new key for a bound unit until a lãnh đạo unbinds it, with the reason in the audit log', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương']]);
    const a = communes[0]!;
    const first = await communeReport(a, plan.id, dutyId, 'Lần đầu');
    await call(province.services, 'bundles.import', { base64: first, acceptKey: true });

    // a reinstalled PC (or someone else) signs with a new key, claiming A
    const newPc = newSigner(A);
    const fromNewPc = resign(first, newPc, SO_NOI_VU.name, { revision: 2 });
    const before = snapshotDatabase(province.dataDir);
    const refused = expectError(await province.services.call('bundles.import', { base64: fromNewPc, acceptKey: true }), 'CONFLICT');
    expect(refused.message).toMatch(/UBND xã Bình Chương đã gắn với máy có mã khóa .* gói này ký bằng khóa khác/);
    expect(refused.message).toMatch(/Gỡ máy đã gắn/);
    expect(snapshotDatabase(province.dataDir)).toEqual(before);

    // a chuyên viên may not unbind; a lãnh đạo does, with a reason
    await call(province.services, 'users.create', { username: 'chuyenvien', fullName: 'Trần Thị Chuyên', roles: ['chuyen_vien'], password: 'tam-thoi-1' });
    await call(province.services, 'users.create', { username: 'lanhdao', fullName: 'Lê Văn Đạo', roles: ['lanh_dao'], password: 'tam-thoi-2' });
    await call(province.services, 'session.signOut', {});
    await call(province.services, 'session.signIn', { username: 'chuyenvien', password: 'tam-thoi-1' });
    await call(province.services, 'session.changePassword', { currentPassword: 'tam-thoi-1', newPassword: 'moi-cua-chuyen' });
    expectError(await province.services.call('bundles.unbindUnit', { unitId: a.unitId, reason: 'Cài lại máy' }), 'FORBIDDEN');
    await call(province.services, 'session.signOut', {});
    await call(province.services, 'session.signIn', { username: 'lanhdao', password: 'tam-thoi-2' });
    await call(province.services, 'session.changePassword', { currentPassword: 'tam-thoi-2', newPassword: 'moi-cua-lanh-dao' });
    expectError(await province.services.call('bundles.unbindUnit', { unitId: a.unitId, reason: '' }), 'VALIDATION');
    expect((await call(province.services, 'bundles.unbindUnit', { unitId: a.unitId, reason: 'Xã cài lại máy sau khi hỏng ổ cứng' })).units).toEqual([]);
    const log = await call(province.services, 'audit.list', { query: 'go may' });
    expect(log.events[0]).toMatchObject({ userName: 'Lê Văn Đạo (lanhdao)', summary: 'Gỡ máy đã gắn với đơn vị', targetLabel: A, detail: 'Lý do: Xã cài lại máy sau khi hỏng ổ cứng' });

    // the new PC's bundle is now a first one: shown with its key, bound on confirmation; the old key is refused
    const preview = await call(province.services, 'bundles.preview', { base64: fromNewPc });
    expect(preview).toMatchObject({ trust: 'new', binds: 'unit', unitName: A, problems: [] });
    await call(province.services, 'bundles.import', { base64: fromNewPc, acceptKey: true });
    const oldPc = resign(first, installationSigner(a), SO_NOI_VU.name, { revision: 3 });
    expectError(await province.services.call('bundles.import', { base64: oldPc, acceptKey: true }), 'CONFLICT');
  });
});

describe('the body above is a key, not a name', () => {
  it('takes plans only from the confirmed key, whatever the upper office is called in Cài đặt', async () => {
    // the communes typed their upper office as "UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)"; the plan came from "Sở Nội vụ tỉnh Quảng Ngãi"
    const { province, communes, plan } = await provinceWithCommunes([[A, 'Bình Chương']]);
    const a = communes[0]!;
    const provinceKey = (await call(province.services, 'bundles.fingerprint', {})).fingerprint;
    expect((await call(a.services, 'bundles.bindings', {})).parent).toMatchObject({ fingerprint: provinceKey, officeName: SO_NOI_VU.name });
    expect((await call(a.services, 'plans.get', { id: plan.id, revision: null })).kind).toBe('received');

    // a new key calling itself "UBND" sends a plan: refused, even when the clerk ticks the box
    const sent = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: a.unitId });
    const impostor = resign(sent.base64, newSigner('UBND'), A, { revision: 9 });
    const before = snapshotDatabase(a.dataDir);
    const preview = await call(a.services, 'bundles.preview', { base64: impostor });
    expect(preview.trust).toBe('refused');
    expect(preview.problems[0]).toContain(`chỉ nhận từ cơ quan cấp trên đã xác nhận: ${SO_NOI_VU.name} (mã khóa ${provinceKey})`);
    expectError(await a.services.call('bundles.import', { base64: impostor, acceptKey: true }), 'CONFLICT');
    expect(snapshotDatabase(a.dataDir)).toEqual(before);

    // changing the body above is explicit and audited; the next plan is then confirmed like a first one
    await call(a.services, 'bundles.resetParent', { reason: 'Sở Nội vụ thay máy chủ' });
    const log = await call(a.services, 'audit.list', { query: 'co quan cap tren' });
    expect(log.events[0]).toMatchObject({ summary: 'Đổi cơ quan cấp trên', detail: 'Lý do: Sở Nội vụ thay máy chủ' });
    expect(await call(a.services, 'bundles.preview', { base64: impostor })).toMatchObject({ trust: 'new', binds: 'parent' });
  });
});

describe('untrusted bundles are refused before their payload is read', () => {
  it('does not read the payload of an unconfirmed or refused key, and caps every entry by its signed size', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương']]);
    const a = communes[0]!;
    const first = await communeReport(a, plan.id, dutyId, 'Lần đầu');
    await call(province.services, 'bundles.import', { base64: first, acceptKey: true });
    const signer = newSigner(A);
    const signed = () =>
      writeBundle({ kind: 'report', subject: `report:${plan.id}:${dutyId}:${signer.installationId}`, revision: 5, payload: {} }, signer, SO_NOI_VU.name, new Date());
    // a payload that is not even JSON (nor the one the manifest hashes): the trust refusal comes first, so it was never read
    const garbage = strToU8('{ không phải JSON');
    const rebuilt = (bytes: Buffer, payload: Uint8Array) => {
      const entries = unzipSync(new Uint8Array(bytes));
      return Buffer.from(zipSync({ ...entries, 'payload.json': payload })).toString('base64');
    };
    const refused = expectError(await province.services.call('bundles.import', { base64: rebuilt(signed(), garbage), acceptKey: true }), 'CONFLICT');
    expect(refused.message).toMatch(/đã gắn với máy có mã khóa/);

    // a brand-new key with a huge payload, within the compression ratio: refused from its declared size
    const huge = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < huge.length; i += 4) huge.writeUInt32LE((i * 2654435761) >>> 8, i); // poorly compressible
    const stranger = newSigner('UBND xã Lạ');
    const hugeBundle = writeBundle({ kind: 'report', subject: 'report:x', revision: 1, payload: { filler: huge.toString('latin1').slice(0, 1) } }, stranger, SO_NOI_VU.name, new Date());
    const hugeBase64 = Buffer.from(zipSync({ ...unzipSync(new Uint8Array(hugeBundle)), 'payload.json': huge }, { level: 1 })).toString('base64');
    // the reason names the signed size: nothing was inflated to find it out
    const tooBig = expectError(await province.services.call('bundles.preview', { base64: hugeBase64 }), 'VALIDATION');
    expect(tooBig.message).toBe('Tệp gói không hợp lệ: mục "payload.json" lớn hơn giới hạn 16 MB.');
    expectError(await province.services.call('bundles.import', { base64: hugeBase64, acceptKey: true }), 'VALIDATION');
  });
});

describe('the inbox', () => {
  it('parses a refused file once, not on every round, and forgets it when the clerk imports by hand', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương']]);
    const a = communes[0]!;
    const shared = tempDir();
    await call(province.services, 'sync.saveConfig', { kind: 'folder', folder: shared, url: '', username: '', password: '' });
    const report = await communeReport(a, plan.id, dutyId, 'Qua thư mục chung');
    const inbox = path.join(shared, 'So-Noi-vu-tinh-Quang-Ngai');
    fs.mkdirSync(inbox, { recursive: true });
    fs.writeFileSync(path.join(inbox, 'BC-6thang-2026_UBND-xa-Binh-Chuong_lan-1.dvb'), Buffer.from(report, 'base64'));
    await province.services.close();

    const opened = await openDatabase(path.join(province.dataDir, 'danvan.sqlite'), { backupDir: path.join(province.dataDir, 'backups') });
    const state: SyncState = { lastRunAt: null, lastError: '', waitingInInbox: [], running: false, transfer: null };
    let parsed = 0;
    const importOne: Inbox = {
      duplicate: async () => null,
      importOne: async () => {
        parsed += 1;
        throw new AppError('CONFLICT', 'Chưa xác nhận khóa.');
      },
    };
    await runSync(opened.db, province.dataDir, fileSecretStore(province.dataDir), state, () => new Date(), importOne);
    await runSync(opened.db, province.dataDir, fileSecretStore(province.dataDir), state, () => new Date(), importOne);
    expect(parsed).toBe(1);
    expect(state.waitingInInbox).toEqual([{ fileName: 'BC-6thang-2026_UBND-xa-Binh-Chuong_lan-1.dvb', reason: 'Chưa xác nhận khóa.' }]);
    await opened.close();
    expect(snapshotDatabase(province.dataDir).refused_file).toHaveLength(1);

    // the clerk confirms it by hand; the next round removes it from the inbox as already imported
    const again = await prepareServices(province.dataDir, { onlyIfMissing: true });
    await call(again, 'bundles.import', { base64: report, acceptKey: true });
    expect(snapshotDatabase(province.dataDir).refused_file).toEqual([]);
    expect((await call(again, 'sync.runNow', {})).waitingInInbox).toEqual([]);
    expect(fs.readdirSync(inbox)).toEqual([]);
    await again.close();
  });
});
