import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../core/services';
import { ADMIN, call, expectError, expectOk, setUpServices } from '../helpers/services';
import { snapshotDatabase, withoutTables } from '../helpers/db-snapshot';
import { tempDir } from '../helpers/temp-dir';

/** A clock the test moves forward. */
function clock(start = '2026-11-23T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (minutes: number) => (t += minutes * 60_000) };
}


describe('sign-in', () => {
  it('asks for a first administrator, then a sign-in; only the first account can be made without one', async () => {
    const { services } = await setUpServices({ office: false });
    await call(services, 'office.save', { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: '' });
    expect((await call(services, 'app.status', {})).state).toBe('needsAdmin');
    expectError(await services.call('units.list', {}), 'SIGN_IN_REQUIRED');
    const short = expectError(await services.call('users.createFirstAdmin', { ...ADMIN, password: 'ngan' }), 'VALIDATION');
    expect(short.message).toBe('Mật khẩu: Mật khẩu có ít nhất 8 ký tự');
    const status = await call(services, 'users.createFirstAdmin', { ...ADMIN, roles: ['chuyen_vien'] });
    expect(status.state).toBe('ready');
    // The first account holds every role, whatever was sent: it sets the office up and may be its only user.
    expect(status.user?.roles).toEqual(['chuyen_vien', 'lanh_dao', 'quan_tri']);
    expectError(await services.call('users.createFirstAdmin', { ...ADMIN, username: 'khac' }), 'CONFLICT');
    expect((await call(services, 'session.signOut', {})).state).toBe('signedOut');
    expectError(await services.call('plans.list', {}), 'SIGN_IN_REQUIRED');
  });

  it('stores scrypt hashes, counts wrong passwords and locks the account for 15 minutes after five', async () => {
    const time = clock();
    const { services, dataDir } = await setUpServices({ now: time.now });
    await call(services, 'session.signOut', {});
    const first = expectError(await services.call('session.signIn', { username: 'quantri', password: 'sai-mat-khau' }), 'UNAUTHORIZED');
    expect(first.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng. Còn 4 lần thử trước khi tài khoản bị khóa 15 phút.');
    const unknown = expectError(await services.call('session.signIn', { username: 'khongco', password: 'sai-mat-khau' }), 'UNAUTHORIZED');
    expect(unknown.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    for (let i = 0; i < 3; i++) expectError(await services.call('session.signIn', { username: 'quantri', password: 'sai' }), 'UNAUTHORIZED');
    const locked = expectError(await services.call('session.signIn', { username: 'QuanTri', password: 'sai' }), 'LOCKED');
    expect(locked.message).toMatch(/^Nhập sai mật khẩu 5 lần: tài khoản bị khóa đến \d\d:\d\d ngày 23\/11\/2026\.$/);
    // Even the right password waits out the lock.
    expectError(await services.call('session.signIn', { username: 'quantri', password: ADMIN.password }), 'LOCKED');
    time.advance(16);
    const status = await call(services, 'session.signIn', { username: 'quantri', password: ADMIN.password });
    expect(status.user?.fullName).toBe('Nguyễn Văn Quản');
    await services.close();

    const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
    const row = db.prepare('SELECT password_hash, failed_attempts FROM app_user').get() as { password_hash: string; failed_attempts: number };
    const log = db.prepare("SELECT summary, outcome FROM audit_event WHERE action = 'session.signIn' ORDER BY id").all() as { summary: string; outcome: string }[];
    db.close();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
    expect(row.failed_attempts).toBe(0);
    expect(log.map((l) => l.summary)).toEqual([
      'Đăng nhập sai', 'Đăng nhập sai', 'Đăng nhập sai', 'Đăng nhập sai', 'Đăng nhập sai', 'Đăng nhập sai, tài khoản bị khóa',
      'Đăng nhập khi tài khoản bị khóa', 'Đăng nhập',
    ]);
  });
});

describe('roles', () => {
  it('lets chuyên viên enter, lãnh đạo issue and quản trị manage; refusals write nothing but the audit line', async () => {
    const { services, dataDir } = await setUpServices();
    await call(services, 'users.create', { username: 'chuyenvien', fullName: 'Trần Thị Chuyên', roles: ['chuyen_vien'], password: 'tam-thoi-1' });
    await call(services, 'users.create', { username: 'lanhdao', fullName: 'Lê Văn Đạo', roles: ['lanh_dao'], password: 'tam-thoi-2' });
    await call(services, 'session.signOut', {});

    // A password someone else chose is changed first.
    const signedIn = await call(services, 'session.signIn', { username: 'chuyenvien', password: 'tam-thoi-1' });
    expect(signedIn.user?.mustChangePassword).toBe(true);
    expectError(await services.call('plans.list', {}), 'SIGN_IN_REQUIRED');
    expectError(await services.call('session.changePassword', { currentPassword: 'sai-roi-nhe', newPassword: 'moi-cua-chuyen' }), 'VALIDATION');
    await call(services, 'session.changePassword', { currentPassword: 'tam-thoi-1', newPassword: 'moi-cua-chuyen' });

    const plan = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    const before = snapshotDatabase(dataDir);
    const refused = expectError(await services.call('plans.issue', { id: plan.id, number: '5', issueDate: '2026-03-03' }), 'FORBIDDEN');
    expect(refused.message).toBe('Tài khoản chuyenvien không có quyền ban hành kế hoạch. Việc này cần vai trò Lãnh đạo.');
    expectError(await services.call('units.create', { name: 'Thôn An Phú', kind: 'thon' }), 'FORBIDDEN');
    expectError(await services.call('users.list', {}), 'FORBIDDEN');
    expectError(await services.call('audit.list', {}), 'FORBIDDEN');
    expect(withoutTables(snapshotDatabase(dataDir), 'audit_event')).toEqual(withoutTables(before, 'audit_event'));

    await call(services, 'session.signOut', {});
    await call(services, 'session.signIn', { username: 'lanhdao', password: 'tam-thoi-2' });
    await call(services, 'session.changePassword', { currentPassword: 'tam-thoi-2', newPassword: 'moi-cua-lanh-dao' });
    const issued = await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-03-03' });
    expect(issued.status).toBe('issued');

    const log = await call(services, 'audit.list', { query: 'ban hanh' });
    expect(log.events.map((e) => [e.userName, e.summary, e.outcome])).toEqual([
      ['Lê Văn Đạo (lanhdao)', 'Ban hành kế hoạch', 'ok'],
      ['Trần Thị Chuyên (chuyenvien)', 'Ban hành kế hoạch', 'refused'],
    ]);
    expect(log.events[0]!.detail).toBe('Số 5, ngày 03/03/2026');
    expect(log.events[0]!.targetLabel).toMatch(/^Số 5\/KH-UBND: /);
  });

  it('keeps one administrator, and an administrator reset leaves a trace and a password to change', async () => {
    const { services } = await setUpServices();
    const me = (await call(services, 'app.status', {})).user!;
    const last = expectError(await services.call('users.update', { id: me.id, fullName: me.fullName, roles: ['chuyen_vien'], active: true }), 'CONFLICT');
    expect(last.message).toBe('Phải còn ít nhất một tài khoản quản trị đang dùng.');
    const clerk = await call(services, 'users.create', { username: 'chuyenvien', fullName: 'Trần Thị Chuyên', roles: ['chuyen_vien'], password: 'tam-thoi-1' });
    expectError(await services.call('users.create', { username: 'ChuyenVien', fullName: 'Người khác', roles: ['chuyen_vien'], password: 'tam-thoi-1' }), 'CONFLICT');
    await call(services, 'users.resetPassword', { id: clerk.id, password: 'dat-lai-moi' });
    const log = await call(services, 'audit.list', { action: 'users.resetPassword' });
    expect(log.events.map((e) => [e.userName, e.summary, e.targetLabel])).toEqual([['Nguyễn Văn Quản (quantri)', 'Đặt lại mật khẩu', 'Trần Thị Chuyên (chuyenvien)']]);
    await call(services, 'users.update', { id: clerk.id, fullName: clerk.fullName, roles: ['chuyen_vien'], active: false });
    await call(services, 'session.signOut', {});
    const inactive = expectError(await services.call('session.signIn', { username: 'chuyenvien', password: 'dat-lai-moi' }), 'UNAUTHORIZED');
    expect(inactive.message).toMatch(/ngừng sử dụng/);
  });
});

describe('audit log', () => {
  it('attributes every change, filters by person, action, words and dates, and exports to Excel', async () => {
    const time = clock('2026-11-20T02:00:00.000Z');
    const { services } = await setUpServices({ now: time.now });
    const unit = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const plan = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    // Autosaves while typing make one line per sitting.
    for (let i = 0; i < 5; i++) await call(services, 'plans.saveDraft', { id: plan.id, content: { ...plan.content, title: `Kế hoạch thử ${i}` } });
    time.advance(3 * 24 * 60);
    await call(services, 'units.update', { id: unit.id, name: 'Thôn An Phú Đông', kind: 'thon', abbreviation: '', parentId: null, aliases: [] });
    await call(services, 'plans.remove', { id: plan.id });

    const all = await call(services, 'audit.list', {});
    expect(all.events.map((e) => e.summary)).toEqual(['Xóa dự thảo kế hoạch', 'Sửa đơn vị', 'Lưu dự thảo kế hoạch', 'Tạo kế hoạch', 'Thêm đơn vị', 'Tạo tài khoản quản trị đầu tiên']);
    expect(all.events[0]!.targetLabel).toBe('Dự thảo năm 2026: Kế hoạch thử 4');
    expect(all.events[1]!.targetLabel).toBe('Thôn An Phú Đông');
    const laterDays = await call(services, 'audit.list', { from: '2026-11-22' });
    expect(laterDays.total).toBe(2);
    const earlyDays = await call(services, 'audit.list', { to: '2026-11-21' });
    expect(earlyDays.total).toBe(4);
    expect((await call(services, 'audit.list', { query: 'an phu' })).total).toBe(2);
    expect((await call(services, 'audit.list', { limit: 2, offset: 2 })).events.map((e) => e.summary)).toEqual(['Lưu dự thảo kế hoạch', 'Tạo kế hoạch']);
    expectError(await services.call('audit.list', { from: '31/02/2026' }), 'VALIDATION');

    const file = await call(services, 'audit.export', { query: 'an phu' });
    expect(file.fileName).toBe('nhat-ky-2026-11-23.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = book.getWorksheet('Nhật ký')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.length).toBe(3);
    expect(rows[0]!.slice(1, 4)).toEqual(['Thời điểm', 'Người thực hiện', 'Thao tác']);
    expect(rows[1]![3]).toBe('Sửa đơn vị');
  });
});

describe('an installation from before accounts existed', () => {
  it('opens at the latest schema asking for its first administrator, with its data', async () => {
    const dataDir = tempDir();
    fs.copyFileSync('test/fixtures/db/schema-v7.sqlite', path.join(dataDir, 'danvan.sqlite'));
    const services = await createServices({ dataDir, log: () => undefined });
    const status = await call(services, 'app.status', {});
    expect(status.state).toBe('needsAdmin');
    expect(status.office?.name).toBe('UBND xã Bình Chương');
    expectOk(await services.call('users.createFirstAdmin', { ...ADMIN, roles: [...ADMIN.roles] }));
    expect((await call(services, 'units.list', {})).length).toBe(2);
    await services.close();
  });
});
