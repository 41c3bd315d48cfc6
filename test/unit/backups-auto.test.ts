import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../core/services';
import { freshBackupPath, partialFile } from '../../db/backups';
import { call, expectError, setUpOffice, signInAsAdmin } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { fullDiskAt, HAS_DEV_FULL, namesIn, servicesWithClock, unitNamesIn } from '../helpers/backups';
import { tempDir } from '../helpers/temp-dir';

const BACKUP_NAME = /^dv-\d{8}T\d{9}-[a-z0-9-]+\.sqlite$/;

describe('the daily backup', () => {
  it('is made at the first use of each day, once, also when the app stays open past midnight', async () => {
    const { services, dataDir, clock, backupDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    expect(namesIn(backupDir)).toEqual([]); // nothing yet today

    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const first = await call(services, 'backups.list', {});
    expect(first.map((b) => b.kind)).toEqual(['daily']);
    expect(first[0]!.fileName).toBe('dv-20261120T020000000-hang-ngay.sqlite');
    expect(unitNamesIn(path.join(backupDir, first[0]!.fileName))).toEqual([]); // taken before the day's first change

    await call(services, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });
    await services.close();
    const reopened = await createServices({ dataDir, now: () => clock.now, log: () => undefined });
    await signInAsAdmin(reopened);
    await call(reopened, 'units.list', {});
    expect((await call(reopened, 'backups.list', {})).length).toBe(1); // same day: no second one

    clock.now = new Date('2026-11-21T02:00:00Z'); // the app stayed open overnight
    await call(reopened, 'units.list', {});
    const second = await call(reopened, 'backups.list', {});
    expect(second.map((b) => b.fileName)).toEqual(['dv-20261121T020000000-hang-ngay.sqlite', 'dv-20261120T020000000-hang-ngay.sqlite']);
    expect(unitNamesIn(path.join(backupDir, second[0]!.fileName))).toEqual(['Thôn An Phú', 'Thôn Bình Tây']);
    expect(namesIn(backupDir).every((n) => BACKUP_NAME.test(n))).toBe(true);
    await reopened.close();
  });

  it('applies the retention rule the clerk set after each automatic backup, and says it in words', async () => {
    const { services, clock, backupDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    await call(services, 'units.list', {});
    const [daily] = await call(services, 'backups.list', {});
    for (const day of ['01', '05', '09']) fs.copyFileSync(path.join(backupDir, daily!.fileName), path.join(backupDir, `dv-202611${day}T020000000-hang-ngay.sqlite`));
    expect((await call(services, 'backups.list', {})).length).toBe(4);

    const defaults = await call(services, 'backups.settings', {});
    expect(defaults.retentionText).toBe('Giữ 10 bản sao lưu mới nhất, và bản mới nhất của mỗi tháng trong 12 tháng gần đây. Các bản cũ hơn được tự động xóa sau mỗi lần sao lưu tự động.');
    const refused = expectError(await services.call('backups.saveRetention', { keepLatest: 0, keepMonthly: 2 }), 'VALIDATION');
    expect(refused.message).toBe('Số bản mới nhất giữ lại: Phải giữ lại ít nhất 1 bản mới nhất');
    expect((await call(services, 'backups.settings', {})).retention).toEqual({ keepLatest: 10, keepMonthly: 12 });

    const saved = await call(services, 'backups.saveRetention', { keepLatest: 2, keepMonthly: 0 });
    expect(saved.retentionText).toBe('Giữ 2 bản sao lưu mới nhất. Các bản cũ hơn được tự động xóa sau mỗi lần sao lưu tự động.');
    expect((await call(services, 'backups.list', {})).length).toBe(4); // saving the rule deletes nothing by itself
    clock.now = new Date('2026-11-20T03:00:00Z');
    await call(services, 'backups.create', {});
    expect((await call(services, 'backups.list', {})).length).toBe(5); // nor does a backup made by hand

    clock.now = new Date('2026-11-21T02:00:00Z');
    await call(services, 'units.list', {});
    const kept = await call(services, 'backups.list', {});
    expect(kept.map((b) => [b.fileName.slice(3, 11), b.kind])).toEqual([['20261121', 'daily'], ['20261120', 'manual']]);
    await services.close();
  });

  it.skipIf(!HAS_DEV_FULL)('on a full disk leaves no half-written file, lets the work go on and shows why in Cài đặt', async () => {
    const { services, clock, backupDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    fullDiskAt(partialFile(freshBackupPath(backupDir, 'hang-ngay', clock.now)));
    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    expect(await call(services, 'backups.list', {})).toEqual([]);
    expect(namesIn(backupDir)).toEqual([]);
    expect((await call(services, 'backups.settings', {})).lastAutomaticError).toMatch(/^Lần sao lưu tự động lúc \d\d\/11\/2026 \d\d:00 không thành công: Ổ đĩa của máy đã đầy, không ghi được\. Dữ liệu hiện tại được giữ nguyên\./);
    expect((await call(services, 'units.list', {})).map((u) => u.name)).toEqual(['Thôn An Phú']);
    await services.close();
  });
});

const PROVINCE = { name: 'UBND tỉnh Quảng Ngãi', parentBody: '', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', reportsTo: '' } as const;

/** A province plan with two reporting duties, received by the commune, which reports on both. */
async function communeReportingOnTwoDuties() {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const now = () => clock.now;
  const province = await createServices({ dataDir: tempDir(), now, log: () => undefined });
  await setUpOffice(province, { ...PROVINCE });
  const xa = await call(province, 'units.create', { name: 'UBND xã Bình Chương', kind: 'xa' });
  const owes = [{ type: 'unit' as const, unitId: xa.id, note: '' }];
  const duty = (kind: 'semiannual' | 'annual', dueDate: string) => ({ id: crypto.randomUUID(), kind, label: '', dueDate, units: owes, recipient: '', quarter: null });
  const plan = await newPlanWith(province, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Đối thoại với Nhân dân', { implementing: owes })], duties: [duty('semiannual', '2026-06-15'), duty('annual', '2026-12-15')] }));
  await call(province, 'plans.issue', { id: plan.id, number: '14', issueDate: '2026-01-19' });
  const communeDir = tempDir();
  const commune = await createServices({ dataDir: communeDir, now, log: () => undefined });
  await setUpOffice(commune, { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi' });
  const down = await call(province, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });
  await call(commune, 'bundles.import', { base64: down.base64, acceptKey: true });
  for (const d of plan.content.duties) {
    const own = await call(commune, 'ownReports.get', { planId: plan.id, dutyId: d.id });
    await call(commune, 'ownReports.save', { planId: plan.id, dutyId: d.id, content: { ...own.content, tasks: own.content.tasks.map((t) => ({ ...t, status: 'done', doneText: 'Đã đối thoại' })) } });
  }
  const revise = async (reason: string) => {
    const issued = await call(province, 'plans.get', { id: plan.id, revision: null });
    await call(province, 'plans.revise', { id: plan.id, reason, content: { ...issued.content, tasks: [...issued.content.tasks, task(String(issued.content.tasks.length + 1), reason)] } });
    return (await call(province, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id })).base64;
  };
  return { province, commune, communeDir, plan, clock, revise };
}

const planRevisionIn = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare("SELECT revision FROM plan WHERE kind = 'received'").get() as { revision: number }).revision;
  } finally {
    db.close();
  }
};

describe('the backup before a bundle import', () => {
  it('is made when the import changes more than one report, not for a single report', async () => {
    const { province, commune, communeDir, plan, revise } = await communeReportingOnTwoDuties();
    const preImport = async () => (await call(commune, 'backups.list', {})).filter((b) => b.kind === 'pre_import');
    expect(await preImport()).toEqual([]); // the first plan changed no report

    // a new revision of the plan both own reports were made against
    await call(commune, 'bundles.import', { base64: await revise('Bổ sung nhiệm vụ') });
    const [backup] = await preImport();
    expect(backup!.fileName).toMatch(/-truoc-nhap-goi\.sqlite$/);
    expect(planRevisionIn(path.join(communeDir, 'backups', backup!.fileName))).toBe(1); // the data as it was before
    expect(planRevisionIn(path.join(communeDir, 'danvan.sqlite'))).toBe(2);

    // one report going up changes one report at the province: no backup there
    const up = await call(commune, 'bundles.exportReport', { planId: plan.id, dutyId: plan.content.duties[0]!.id });
    await call(province, 'bundles.import', { base64: up.base64, acceptKey: true });
    expect((await call(province, 'backups.list', {})).filter((b) => b.kind === 'pre_import')).toEqual([]);
    await province.close();
    await commune.close();
  });

  it.skipIf(!HAS_DEV_FULL)('stops the import, writing nothing, when that backup cannot be written (full disk)', async () => {
    const { province, commune, communeDir, clock, revise } = await communeReportingOnTwoDuties();
    const bundle = await revise('Bổ sung nhiệm vụ');
    fullDiskAt(partialFile(freshBackupPath(path.join(communeDir, 'backups'), 'truoc-nhap-goi', clock.now)));
    const before = snapshotDatabase(communeDir);
    const refused = expectError(await commune.call('bundles.import', { base64: bundle }), 'STORAGE');
    expect(refused.message).toBe('Ổ đĩa của máy đã đầy, không ghi được. Dữ liệu hiện tại được giữ nguyên. Hãy giải phóng dung lượng hoặc chọn nơi khác rồi thử lại.');
    expect(snapshotDatabase(communeDir)).toEqual(before);
    expect(namesIn(path.join(communeDir, 'backups')).filter((n) => !BACKUP_NAME.test(n))).toEqual([]);
    // with room again, the same bundle imports
    await call(commune, 'bundles.import', { base64: bundle });
    expect(planRevisionIn(path.join(communeDir, 'danvan.sqlite'))).toBe(2);
    await province.close();
    await commune.close();
  });
});
