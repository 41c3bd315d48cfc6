import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../core/services';
import { keyFromRecoveryCode, recoveryCodeOf } from '../../core/encryption/recovery-code';
import { applyKey, changeKey } from '../../db/encryption';
import { openDatabase } from '../../db/connection';
import { DatabaseOpenError } from '../../db/open-errors';
import { call, expectError, setUpServices, signInAsAdmin } from '../helpers/services';
import { prepareServices } from '../helpers/service-setup';
import { exportFinished, namesIn } from '../helpers/backups';
import { tempDir } from '../helpers/temp-dir';

const PLAIN_HEADER = 'SQLite format 3\0';
/** Words typed by the clerk that must never be readable in the files once encryption is on. */
const SECRET_UNIT = 'Thôn Phú Lộc Đông';
const LATER_UNIT = 'Tổ dân phố Hòa Bình Tây';

const header = (file: string) => fs.readFileSync(file).subarray(0, 16).toString('latin1');
const contains = (file: string, text: string) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));
const unitNames = async (services: Services) => (await call(services, 'units.list', {})).map((u) => u.name).sort();
const dbFile = (dataDir: string) => path.join(dataDir, 'danvan.sqlite');

/** The unit names in a database file, opened with `key` (or without one). */
function unitNamesIn(file: string, key: string | null): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    if (key) applyKey(db, key);
    return (db.prepare('SELECT name FROM unit ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** A set-up office with a unit, encryption turned on; returns the recovery code shown once. */
async function encryptedOffice() {
  const { services, dataDir } = await setUpServices();
  await call(services, 'units.create', { name: SECRET_UNIT, kind: 'thon' });
  expect(await call(services, 'encryption.status', {})).toMatchObject({ encrypted: false });
  const enabled = await call(services, 'encryption.enable', {});
  return { services, dataDir, enabled, key: keyFromRecoveryCode(enabled.recoveryCode) };
}

describe('encryption of the data at rest', () => {
  it('turned on: the data file and its WAL hold no readable text, the app reopens it with the stored key, and it can be turned off again', async () => {
    const { services, dataDir, enabled, key } = await encryptedOffice();
    expect(enabled.recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(enabled).toMatchObject({ encrypted: true, backupsPlain: 0, backupProblem: '' });
    expect(enabled.backupFileName).toMatch(/-truoc-ma-hoa\.sqlite$/);
    expect(enabled.backupsEncrypted).toBeGreaterThanOrEqual(2); // the daily backup and the one just before

    await call(services, 'units.create', { name: LATER_UNIT, kind: 'to_dan_pho' }); // lands in the WAL
    expect(fs.statSync(`${dbFile(dataDir)}-wal`).size).toBeGreaterThan(0);
    for (const file of [dbFile(dataDir), `${dbFile(dataDir)}-wal`]) {
      expect(contains(file, SECRET_UNIT)).toBe(false);
      expect(contains(file, LATER_UNIT)).toBe(false);
      expect(contains(file, 'Bình Chương')).toBe(false);
    }
    expect(header(dbFile(dataDir))).not.toBe(PLAIN_HEADER);
    for (const name of namesIn(path.join(dataDir, 'backups'))) {
      const file = path.join(dataDir, 'backups', name);
      expect(header(file)).not.toBe(PLAIN_HEADER);
      expect(contains(file, SECRET_UNIT)).toBe(false);
    }
    // without the key the file is unreadable; the key is not in it
    expect(() => unitNamesIn(dbFile(dataDir), null)).toThrow(/not a database/);
    expect(contains(dbFile(dataDir), key)).toBe(false);
    await services.close();

    const t0 = performance.now();
    const again = await prepareServices(dataDir, { onlyIfMissing: true });
    const openMs = performance.now() - t0;
    expect(openMs).toBeLessThan(5000);
    expect(await unitNames(again)).toEqual([LATER_UNIT, SECRET_UNIT].sort());
    expect(await call(again, 'encryption.status', {})).toMatchObject({ encrypted: true });
    expect(unitNamesIn(dbFile(dataDir), key)).toEqual([LATER_UNIT, SECRET_UNIT].sort());
    expectError(await again.call('encryption.enable', {}), 'CONFLICT');

    const off = await call(again, 'encryption.disable', {});
    expect(off.encrypted).toBe(false);
    expect(header(dbFile(dataDir))).toBe(PLAIN_HEADER);
    expect(unitNamesIn(dbFile(dataDir), null)).toEqual([LATER_UNIT, SECRET_UNIT].sort());
    const beforeOff = (await call(again, 'backups.list', {})).find((b) => b.fileName.endsWith('-truoc-tat-ma-hoa.sqlite'))!;
    expect(header(path.join(dataDir, 'backups', beforeOff.fileName))).not.toBe(PLAIN_HEADER);
    await again.close();

    // plain again after a restart; the encrypted backups still restore here without a code (the key is kept)
    const third = await prepareServices(dataDir, { onlyIfMissing: true });
    expect(await call(third, 'encryption.status', {})).toMatchObject({ encrypted: false });
    await call(third, 'units.create', { name: 'Thôn Mới', kind: 'thon' });
    await call(third, 'backups.restore', { fileName: beforeOff.fileName });
    await signInAsAdmin(third);
    expect(await unitNames(third)).toEqual([LATER_UNIT, SECRET_UNIT].sort());
    // restored into plain data it keeps the backup's encryption (and its key, already held here)
    expect(await call(third, 'encryption.status', {})).toMatchObject({ encrypted: true });
    await third.close();
  });

  it('backs up encrypted (VACUUM INTO keeps the key) and restores such a backup here', async () => {
    const { services, dataDir, key } = await encryptedOffice();
    const made = await call(services, 'backups.create', {});
    const file = path.join(dataDir, 'backups', made.fileName);
    expect(header(file)).not.toBe(PLAIN_HEADER);
    expect(contains(file, SECRET_UNIT)).toBe(false);
    expect(() => unitNamesIn(file, null)).toThrow(/not a database/);
    expect(unitNamesIn(file, key)).toEqual([SECRET_UNIT]);

    await call(services, 'units.create', { name: LATER_UNIT, kind: 'to_dan_pho' });
    const seen = await call(services, 'backups.inspect', { fileName: made.fileName });
    expect(seen.warnings).toEqual([]);
    await call(services, 'backups.restore', { fileName: made.fileName });
    await signInAsAdmin(services);
    expect(await unitNames(services)).toEqual([SECRET_UNIT]);
    expect(header(dbFile(dataDir))).not.toBe(PLAIN_HEADER);
    expect(unitNamesIn(dbFile(dataDir), key)).toEqual([SECRET_UNIT]);
    await services.close();
  });

  it('on another computer: refuses an encrypted backup without its recovery code or with a wrong one, writing nothing; restores it with the code', async () => {
    const { services: old, key, enabled } = await encryptedOffice();
    const usb = tempDir('danvan-usb-');
    const made = await call(old, 'backups.create', { folder: usb });
    await old.close();

    const { services, dataDir } = await setUpServices(); // a new computer: its own office, no key
    await call(services, 'units.create', { name: 'Thôn Của Máy Mới', kind: 'thon' });
    // the -shm index changes with every read; the data, its WAL and the folder list may not
    const files = () => Object.fromEntries(namesIn(dataDir).filter((n) => !n.endsWith('-shm')).map((n) => [n, fs.statSync(path.join(dataDir, n)).isFile() ? crypto.createHash('sha256').update(fs.readFileSync(path.join(dataDir, n))).digest('hex') : 'dir']));
    const backupsBefore = namesIn(path.join(dataDir, 'backups'));
    const before = files();

    const source = { path: made.path };
    for (const op of ['backups.inspect', 'backups.restore'] as const) {
      const missing = expectError(await services.call(op, source), 'VALIDATION');
      expect(missing.message).toMatch(/^Bản sao lưu được mã hóa và không mở được bằng khóa của máy này/);
      expect(missing.fields).toHaveProperty('recoveryCode');
      const wrong = expectError(await services.call(op, { ...source, recoveryCode: recoveryCodeOf(crypto.randomBytes(32).toString('hex')) }), 'VALIDATION');
      expect(wrong.message).toMatch(/^Bản sao lưu được mã hóa và mã khôi phục vừa gõ không mở được nó/);
      const typo = enabled.recoveryCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
      expect(expectError(await services.call(op, { ...source, recoveryCode: typo }), 'VALIDATION').message).toMatch(/^Mã khôi phục: gõ chưa đúng/);
      expect(expectError(await services.call(op, { ...source, recoveryCode: 'ABCD' }), 'VALIDATION').fields).toHaveProperty('recoveryCode');
    }
    expect(files()).toEqual(before); // nothing written: not the data, not a backup, no leftover copy
    expect(namesIn(path.join(dataDir, 'backups'))).toEqual(backupsBefore);
    expect(await unitNames(services)).toEqual(['Thôn Của Máy Mới']);

    // typed as written down: lower case, spaces instead of dashes
    const typed = enabled.recoveryCode.toLowerCase().replace(/-/g, ' ');
    const seen = await call(services, 'backups.inspect', { ...source, recoveryCode: typed });
    expect(seen.counts.find((c) => c.key === 'unit')).toMatchObject({ backup: 1, current: 1 });
    expect(seen.warnings.join(' ')).toMatch(/Bản sao lưu được mã hóa: sau khi khôi phục, dữ liệu trên máy này được mã hóa bằng khóa của bản sao lưu, mở bằng mã khôi phục vừa gõ/);
    await call(services, 'backups.restore', { ...source, recoveryCode: typed });
    await signInAsAdmin(services);
    expect(await unitNames(services)).toEqual([SECRET_UNIT]);
    expect(await call(services, 'encryption.status', {})).toMatchObject({ encrypted: true });
    expect(unitNamesIn(dbFile(dataDir), key)).toEqual([SECRET_UNIT]);
    await services.close();

    // the key came with the code and is now held here: the next start opens the data by itself
    const again = await prepareServices(dataDir, { onlyIfMissing: true });
    expect(await unitNames(again)).toEqual([SECRET_UNIT]);
    await again.close();
  });

  it('restoring a plain backup into encrypted data keeps the data encrypted with this computer’s key', async () => {
    const { services, dataDir } = await setUpServices();
    await call(services, 'units.create', { name: SECRET_UNIT, kind: 'thon' });
    const plain = await call(services, 'backups.create', {});
    const enabled = await call(services, 'encryption.enable', {});
    const key = keyFromRecoveryCode(enabled.recoveryCode);
    // the backup folder was encrypted with the new key: copy a plain backup back in from "elsewhere"
    const outside = tempDir('danvan-old-');
    const oldFile = path.join(outside, 'dv-20200101T000000000-thu-cong.sqlite');
    const db = new BetterSqlite3(dbFile(dataDir), { readonly: true });
    applyKey(db, key);
    db.prepare('VACUUM INTO ?').run(`${oldFile}.tmp`);
    db.close();
    const tmp = new BetterSqlite3(`${oldFile}.tmp`);
    applyKey(tmp, key);
    tmp.pragma("rekey = ''");
    tmp.close();
    fs.renameSync(`${oldFile}.tmp`, oldFile);
    expect(header(oldFile)).toBe(PLAIN_HEADER);
    expect(header(path.join(dataDir, 'backups', plain.fileName))).not.toBe(PLAIN_HEADER);

    const seen = await call(services, 'backups.inspect', { path: oldFile });
    expect(seen.warnings).toContain('Bản sao lưu không được mã hóa; khi khôi phục, dữ liệu được mã hóa bằng khóa của máy này.');
    await call(services, 'backups.restore', { path: oldFile });
    expect(header(dbFile(dataDir))).not.toBe(PLAIN_HEADER);
    expect(unitNamesIn(dbFile(dataDir), key)).toEqual([SECRET_UNIT]);
    await services.close();
  });

  it('opens the data file with the recovery code when this computer lost the key; export of everything stays plain', async () => {
    const { services, dataDir, enabled } = await encryptedOffice();
    const folder = tempDir('danvan-export-');
    const job = await call(services, 'backups.exportAll', { folder });
    const done = await exportFinished(services, job.jobId);
    expect(done.state).toBe('done');
    const zip = unzipSync(fs.readFileSync(done.filePath!));
    expect(JSON.parse(strFromU8(zip['du-lieu/unit.json']!)).map((u: { name: string }) => u.name)).toEqual([SECRET_UNIT]);
    expect(strFromU8(zip['README.txt']!)).toMatch(/KHÔNG được mã hóa/);
    await services.close();

    for (const name of ['secrets.enc', 'secret.key']) fs.rmSync(path.join(dataDir, name), { force: true }); // the key store is gone
    const lost = await prepareServices(dataDir, { office: false });
    const status = await call(lost, 'app.status', {});
    expect(status.state).toBe('databaseError');
    expect(status.databaseError).toMatch(/^Tệp dữ liệu được mã hóa và không mở được bằng khóa lưu trên máy này/);
    const wrong = expectError(await lost.call('encryption.unlock', { recoveryCode: recoveryCodeOf(crypto.randomBytes(32).toString('hex')) }), 'VALIDATION');
    expect(wrong.message).toMatch(/^Mã khôi phục này không mở được tệp dữ liệu/);
    expect((await call(lost, 'encryption.unlock', { recoveryCode: enabled.recoveryCode })).state).toBe('signedOut');
    await signInAsAdmin(lost);
    expect(await unitNames(lost)).toEqual([SECRET_UNIT]);
    expectError(await lost.call('encryption.unlock', { recoveryCode: enabled.recoveryCode }), 'CONFLICT');
    await lost.close();
  });

  it('is for quản trị only: a chuyên viên cannot turn it on or off', async () => {
    const { services, dataDir } = await setUpServices();
    await call(services, 'users.create', { username: 'chuyenvien', fullName: 'Trần Thị Chuyên', roles: ['chuyen_vien'], password: 'tam-thoi-1' });
    await call(services, 'session.signOut', {});
    await call(services, 'session.signIn', { username: 'chuyenvien', password: 'tam-thoi-1' });
    await call(services, 'session.changePassword', { currentPassword: 'tam-thoi-1', newPassword: 'moi-cua-chuyen' });
    expect((await call(services, 'encryption.status', {})).encrypted).toBe(false);
    const refused = expectError(await services.call('encryption.enable', {}), 'FORBIDDEN');
    expect(refused.message).toMatch(/Quản trị/);
    expectError(await services.call('encryption.disable', {}), 'FORBIDDEN');
    expect(header(dbFile(dataDir))).toBe(PLAIN_HEADER);
    await services.close();
  });

  it('openDatabase: a file opened and closed untouched is released (the rekey needs the only connection); an encrypted file needs its key', async () => {
    const dir = tempDir();
    const file = dbFile(dir);
    const backupDir = path.join(dir, 'backups');
    await (await openDatabase(file, { backupDir })).close(); // creates and migrates
    await (await openDatabase(file, { backupDir })).close(); // no query through Kysely
    expect(namesIn(dir)).toEqual(['danvan.sqlite']);
    const key = crypto.randomBytes(32).toString('hex');
    const plain = await openDatabase(file, { backupDir });
    expect(plain.encryptionKey).toBeNull();
    changeKey(plain.sqlite, key);
    await plain.close();
    expect(header(file)).not.toBe(PLAIN_HEADER);
    const other = crypto.randomBytes(32).toString('hex');
    const keyed = await openDatabase(file, { backupDir, keys: [other, key] });
    expect(keyed.encryptionKey).toBe(key);
    await keyed.close();
    for (const keys of [[], [other]]) {
      const refused = await openDatabase(file, { backupDir, keys }).then(() => null, (e: unknown) => e);
      expect(refused).toBeInstanceOf(DatabaseOpenError);
      expect((refused as DatabaseOpenError).problem).toBe('ENCRYPTED');
    }
  });

  it('writes a recovery code that reads back to its key, and catches typing mistakes', () => {
    const key = crypto.randomBytes(32).toString('hex');
    const code = recoveryCodeOf(key);
    expect(code).toHaveLength(56 + 13);
    expect(keyFromRecoveryCode(code)).toBe(key);
    expect(keyFromRecoveryCode(code.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(key);
    expect(keyFromRecoveryCode(key.toUpperCase())).toBe(key);
    expect(() => keyFromRecoveryCode(code.slice(0, -1) + (code.endsWith('Z') ? 'Y' : 'Z'))).toThrow(/gõ chưa đúng/);
    expect(() => keyFromRecoveryCode('ABCU')).toThrow(/ký tự không có trong mã/);
  });
});
