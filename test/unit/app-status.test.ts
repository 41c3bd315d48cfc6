import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../core/services';
import { keyFingerprint } from '../../core/identity/installation-identity';
import { call, expectError, setUpServices, BINH_CHUONG, setUpOffice } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';

describe('first run and identity', () => {
  it('makes a UUID and an Ed25519 key pair once, and keeps them across restarts', async () => {
    const { services, dataDir } = await setUpServices({ office: false });
    const status = await call(services, 'app.status', {});
    expect(status.state).toBe('needsSetup');
    expect(status.installationId).toMatch(/^[0-9a-f-]{36}$/);
    await setUpOffice(services, { ...BINH_CHUONG });
    await services.close();

    const again = await createServices({ dataDir });
    const second = await call(again, 'app.status', {});
    expect(second.installationId).toBe(status.installationId);
    expect(second.state).toBe('signedOut') // a new session: the person signs in again;
    expect(second.office?.name).toBe('UBND xã Bình Chương');
    await again.close();

    const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
    const row = db.prepare('SELECT public_key_pem, private_key_pem FROM installation').get() as { public_key_pem: string; private_key_pem: string };
    db.close();
    const signature = crypto.sign(null, Buffer.from('báo cáo'), row.private_key_pem);
    expect(crypto.verify(null, Buffer.from('báo cáo'), row.public_key_pem, signature)).toBe(true);
    expect(crypto.createPublicKey(row.public_key_pem).asymmetricKeyType).toBe('ed25519');
    expect(keyFingerprint(row.public_key_pem)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });
});

describe('a data file that cannot be opened', () => {
  it('is reported, never overwritten, and a backup can be restored in its place', async () => {
    const dataDir = tempDir();
    const first = await createServices({ dataDir });
    await setUpOffice(first, { ...BINH_CHUONG });
    await first.close();
    // make a backup the way a migration would
    const backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true }); // the day's automatic backup may have made it
    const good = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'));
    good.prepare('VACUUM INTO ?').run(path.join(backups, 'dv-20261120T080000000-thu-cong.sqlite'));
    good.close();

    const file = path.join(dataDir, 'danvan.sqlite');
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    fs.writeFileSync(file, 'rác');
    const broken = await createServices({ dataDir, log: () => undefined });
    const status = await call(broken, 'app.status', {});
    expect(status.state).toBe('databaseError');
    expect(status.databaseError).toMatch(/không phải là cơ sở dữ liệu/);
    expectError(await broken.call('units.list', {}), 'DATABASE');
    expect(fs.readFileSync(file, 'utf8')).toBe('rác');

    const list = await call(broken, 'backups.list', {});
    expect(list.map((b) => b.fileName)).toContain('dv-20261120T080000000-thu-cong.sqlite');
    expectError(await broken.call('backups.restore', { fileName: '../danvan.sqlite' }), 'VALIDATION');
    const restored = await call(broken, 'backups.restore', { fileName: 'dv-20261120T080000000-thu-cong.sqlite' });
    expect(restored.state).toBe('signedOut');
    expect(restored.office?.name).toBe('UBND xã Bình Chương');
    const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith('danvan.sqlite.hong-'));
    expect(aside.length).toBe(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0]!), 'utf8')).toBe('rác');
    await broken.close();
  });
});
