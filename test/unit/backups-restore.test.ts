import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../core/services';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { RESTORE_STEPS, restoreTempFile } from '../../core/backups/restore';
import { call, expectError, setUpServices, ADMIN, signInAsAdmin } from '../helpers/services';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { namesIn, servicesWithClock, unitNamesIn } from '../helpers/backups';
import { tempDir } from '../helpers/temp-dir';

const unitNames = async (services: Awaited<ReturnType<typeof createServices>>) => (await call(services, 'units.list', {})).map((u) => u.name).sort();
const countOf = (counts: { key: string; backup: number; current: number | null }[], key: string) => counts.find((c) => c.key === key)!;

describe('restoring a backup', () => {
  it('shows what the backup holds next to the current data, then backs up the current data and puts the old data back', async () => {
    const { services, dataDir, clock, backupDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    clock.now = new Date('2026-11-20T03:00:00Z');
    const made = await call(services, 'backups.create', {});
    expect(made).toMatchObject({ fileName: 'dv-20261120T030000000-thu-cong.sqlite', kind: 'manual', path: path.join(backupDir, made.fileName) });
    await call(services, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });

    const before = snapshotDatabase(dataDir);
    const seen = await call(services, 'backups.inspect', { fileName: made.fileName });
    expect(seen).toMatchObject({ fileName: made.fileName, createdAt: '2026-11-20T03:00:00.000Z', integrity: 'ok', schemaVersion: LATEST_SCHEMA_VERSION, officeName: 'UBND xã Bình Chương', warnings: [] });
    expect(countOf(seen.counts, 'unit')).toEqual({ key: 'unit', label: 'Đơn vị', backup: 1, current: 2 });
    expect(seen.counts.map((c) => c.label)).toContain('Kế hoạch');
    expect(snapshotDatabase(dataDir)).toEqual(before); // looking writes nothing
    expect(namesIn(dataDir).filter((n) => n.startsWith('.'))).toEqual([]);

    clock.now = new Date('2026-11-20T04:00:00Z');
    const status = await call(services, 'backups.restore', { fileName: made.fileName });
    expect(status.state).toBe('ready');
    expect(await unitNames(services)).toEqual(['Thôn An Phú']);
    const safety = (await call(services, 'backups.list', {})).find((b) => b.kind === 'pre_restore')!;
    expect(safety.fileName).toBe('dv-20261120T040000000-truoc-khoi-phuc.sqlite');
    expect(unitNamesIn(path.join(backupDir, safety.fileName))).toEqual(['Thôn An Phú', 'Thôn Bình Tây']);
    expect(fs.existsSync(restoreTempFile(path.join(dataDir, 'danvan.sqlite')))).toBe(false);
    await services.close();
  });

  it('from a USB stick onto a new computer: the evidence files come from beside the backup', async () => {
    const { services } = await servicesWithClock('2026-11-20T02:00:00Z');
    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const pdf = Buffer.from('%PDF-1.4\nbiên bản họp thôn');
    const evidence = await call(services, 'attachments.add', { fileName: 'Biên bản.pdf', base64: pdf.toString('base64') });
    const usb = tempDir();
    const made = await call(services, 'backups.create', { folder: usb });
    expect(made.path).toBe(path.join(usb, made.fileName));
    expect(namesIn(usb)).toEqual(['attachments', made.fileName]);
    expect(fs.readFileSync(path.join(usb, 'attachments', evidence.sha256.slice(0, 2), evidence.sha256)).equals(pdf)).toBe(true);
    await services.close();

    const fresh = await setUpServices({ office: false });
    const seen = await call(fresh.services, 'backups.inspect', { path: made.path });
    expect(seen.officeName).toBe('UBND xã Bình Chương');
    expect(seen.warnings).toEqual([expect.stringMatching(/^Bản sao lưu này của một cài đặt khác \(UBND xã Bình Chương\)/)]);
    expect(countOf(seen.counts, 'attachment')).toMatchObject({ backup: 1, current: 0 });
    const status = await call(fresh.services, 'backups.restore', { path: made.path });
    // the accounts come with the data: the person signs in with the account kept in the backup
    expect(status).toMatchObject({ state: 'signedOut', office: { name: 'UBND xã Bình Chương' } });
    await signInAsAdmin(fresh.services);
    expect(await unitNames(fresh.services)).toEqual(['Thôn An Phú']);
    expect(Buffer.from((await call(fresh.services, 'attachments.get', { sha256: evidence.sha256 })).base64, 'base64').equals(pdf)).toBe(true);
    await fresh.services.close();
  });

  it('a signed-in quản trị restores another installation’s backup: the audit line names the person, whose account is not in the restored data', async () => {
    const { services: old } = await servicesWithClock('2026-11-20T02:00:00Z');
    await call(old, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const made = await call(old, 'backups.create', { folder: tempDir() });
    await old.close();

    const { services, dataDir } = await setUpServices(); // its own administrator, another user id
    const status = await call(services, 'backups.restore', { path: made.path });
    expect(status.state).toBe('signedOut');
    await signInAsAdmin(services);
    expect(await unitNames(services)).toEqual(['Thôn An Phú']);
    await services.close();
    const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
    const line = db.prepare("SELECT user_id, user_name FROM audit_event WHERE action = 'backups.restore'").get() as { user_id: string | null; user_name: string };
    db.close();
    expect(line).toEqual({ user_id: null, user_name: expect.stringContaining(ADMIN.fullName) });
  });

  it('refuses, with a Vietnamese message and nothing written, a file that is not a backup, is corrupt, or is from a newer version', async () => {
    const { services, dataDir, backupDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const good = await call(services, 'backups.create', {});
    const dir = tempDir();
    const file = (name: string, bytes: Buffer | string) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const text = file('ghi-chu.sqlite', 'Đây là ghi chú, không phải bản sao lưu.');
    const other = path.join(dir, 'ung-dung-khac.sqlite');
    const foreign = new BetterSqlite3(other);
    foreign.exec('CREATE TABLE so_lieu (x); INSERT INTO so_lieu VALUES (1)');
    foreign.close();
    const newer = path.join(dir, 'ban-moi.sqlite');
    fs.copyFileSync(good.path, newer);
    const raw = new BetterSqlite3(newer);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const pages = fs.readFileSync(good.path);
    pages.fill(0x55, 4096 * 3, 4096 * 6); // the header survives, some pages do not
    const corrupt = file('hong.sqlite', pages);
    const empty = file('rong.sqlite', '');

    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ path: text }, 'VALIDATION', /^Tệp này không phải bản sao lưu của Dân vận \(không phải tệp cơ sở dữ liệu SQLite\)\.$/],
      [{ path: empty }, 'VALIDATION', /không phải bản sao lưu của Dân vận/],
      [{ path: other }, 'VALIDATION', /không phải bản sao lưu của Dân vận: là cơ sở dữ liệu SQLite nhưng không có dữ liệu của ứng dụng/],
      [{ path: newer }, 'VALIDATION', new RegExp(`phiên bản mới hơn của ứng dụng \\(phiên bản dữ liệu ${LATEST_SCHEMA_VERSION + 1}, ứng dụng này chỉ đọc được đến ${LATEST_SCHEMA_VERSION}\\)`)],
      [{ path: corrupt }, 'VALIDATION', /^Bản sao lưu bị hỏng/],
      [{ path: 'ban-sao-luu.sqlite' }, 'VALIDATION', /^Tệp sao lưu: gõ đường dẫn đầy đủ/],
      [{ path: path.join(dir, 'khong-co.sqlite') }, 'VALIDATION', /^Tệp sao lưu: không có tệp .* \(ổ USB đã cắm chưa\?\)$/],
      [{ path: dir }, 'VALIDATION', /là một thư mục/],
      [{ path: path.join(dataDir, 'danvan.sqlite') }, 'VALIDATION', /đây là tệp dữ liệu đang dùng/],
      [{ fileName: 'dv-20200101T000000000-thu-cong.sqlite' }, 'NOT_FOUND', /Không tìm thấy bản sao lưu/],
      [{ fileName: '../danvan.sqlite' }, 'VALIDATION', /Tên tệp sao lưu không hợp lệ/],
      [{}, 'VALIDATION', /Chọn một bản sao lưu trong danh sách, hoặc chọn tệp sao lưu trên máy/],
      [{ fileName: good.fileName, path: text }, 'VALIDATION', /Chọn một bản sao lưu/],
    ];
    const before = snapshotDatabase(dataDir);
    const sources = [text, other, newer, corrupt].map((f) => fs.readFileSync(f));
    for (const [input, code, message] of refusals) {
      for (const operation of ['backups.inspect', 'backups.restore'] as const) {
        expect(expectError(await services.call(operation, input), code).message, `${operation} ${JSON.stringify(input)}`).toMatch(message);
      }
    }
    expect(snapshotDatabase(dataDir)).toEqual(before);
    expect([text, other, newer, corrupt].map((f) => fs.readFileSync(f))).toEqual(sources);
    expect(namesIn(dataDir).filter((n) => n !== 'attachments' && !n.startsWith('danvan.sqlite') && n !== 'backups')).toEqual([]);
    expect(namesIn(backupDir).filter((n) => !n.includes('hang-ngay'))).toEqual([good.fileName]); // no "trước khôi phục" backup either
    expect(await unitNames(services)).toEqual(['Thôn An Phú']);
    await services.close();
  });

  it('a backup cut short (USB stick pulled while copying) is refused and the current data stays', async () => {
    const { services, dataDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const good = await call(services, 'backups.create', {});
    const cut = path.join(tempDir(), good.fileName);
    fs.writeFileSync(cut, fs.readFileSync(good.path).subarray(0, 3 * 4096));
    await call(services, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });
    const before = snapshotDatabase(dataDir);
    expect(expectError(await services.call('backups.restore', { path: cut }), 'VALIDATION').message).toMatch(/^Bản sao lưu bị hỏng/);
    expect(snapshotDatabase(dataDir)).toEqual(before);
    expect(await unitNames(services)).toEqual(['Thôn An Phú', 'Thôn Bình Tây']);
    await services.close();
  });

  it('stopped at any step (the process killed, as by a power cut) leaves the current data whole, or the backup whole once renamed', { timeout: 120_000 }, async () => {
    for (const step of RESTORE_STEPS) {
      const { services, dataDir } = await setUpServices();
      await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
      const backup = await call(services, 'backups.create', {});
      await call(services, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });
      await services.close();

      const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('test/helpers/restore-child.ts'), dataDir, backup.fileName, step], { encoding: 'utf8' });
      expect(child.signal, `${step}: ${child.stderr}`).toBe('SIGKILL');
      expect(child.stdout).toBe(''); // it never finished

      const after = await createServices({ dataDir, log: () => undefined });
      expect((await call(after, 'app.status', {})).state, step).toBe('signedOut');
      await signInAsAdmin(after);
      expect(await unitNames(after), step).toEqual(step === 'replaced' ? ['Thôn An Phú'] : ['Thôn An Phú', 'Thôn Bình Tây']);
      expect(fs.existsSync(restoreTempFile(path.join(dataDir, 'danvan.sqlite'))), step).toBe(false);
      await after.close();
    }
  });
});

describe('Sao lưu ngay into a chosen folder', () => {
  it('refuses a folder that is not a full path, does not exist or is a file, writing nothing', async () => {
    const { services, dataDir, backupDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'tep.txt'), 'x');
    const cases: [string, string][] = [
      ['SaoLuu', 'Thư mục: gõ đường dẫn đầy đủ, ví dụ E:\\SaoLuu hoặc /media/usb/SaoLuu'],
      [path.join(dir, 'khong-co'), `Thư mục: "${path.join(dir, 'khong-co')}" không tồn tại (ổ USB đã cắm chưa?)`],
      [path.join(dir, 'tep.txt'), `Thư mục: "${path.join(dir, 'tep.txt')}" là một tệp, không phải thư mục`],
      ['   ', 'Thư mục: Chọn hoặc gõ đường dẫn thư mục'],
    ];
    await call(services, 'units.list', {}); // the day's first use, and its daily backup, come first
    const before = snapshotDatabase(dataDir);
    const backupsBefore = namesIn(backupDir);
    for (const [folder, message] of cases) {
      const error = expectError(await services.call('backups.create', { folder }), 'VALIDATION');
      expect(error.message).toBe(message);
      expect(error.fields?.folder).toBeDefined();
    }
    expect(namesIn(dir)).toEqual(['tep.txt']);
    expect(namesIn(backupDir)).toEqual(backupsBefore);
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });
});
