import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileAtomic, writeFileAtomic } from '../../core/files/write-file-atomic';
import { fileSecretStore } from '../../core/sync/secret-store';
import { tempDir } from '../helpers/temp-dir';

const PASSWORD = 'webdav-password';
const KEYS = 'ma-hoa-du-lieu:khoa';

/** One `set` in a child process killed with SIGKILL while writing `<target>.part` or right before its rename. */
function crashingSet(dataDir: string, name: string, value: string, target: 'secrets.enc' | 'secret.key', moment: 'mid-write' | 'before-rename') {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('test/helpers/secret-store-child.ts'), dataDir, name, value, target, moment], { encoding: 'utf8' });
  expect(child.signal, child.stderr).toBe('SIGKILL');
  expect(child.stdout).toBe('');
}

function storeWithTwoSecrets(): string {
  const dir = tempDir();
  const store = fileSecretStore(dir);
  store.set(PASSWORD, 'mật khẩu cũ');
  store.set(KEYS, '["khoa-cu"]');
  return dir;
}

const read = (dir: string) => {
  const store = fileSecretStore(dir);
  return { password: store.get(PASSWORD), keys: store.get(KEYS) };
};

describe('the file secret store writes whole files or nothing', () => {
  it('keeps every secret set before a write killed halfway through its .part (where an in-place write lost them all)', () => {
    const dir = storeWithTwoSecrets();
    const before = fs.readFileSync(path.join(dir, 'secrets.enc'));
    const key = fs.readFileSync(path.join(dir, 'secret.key'));

    crashingSet(dir, PASSWORD, 'mật khẩu mới', 'secrets.enc', 'mid-write');
    const part = fs.readFileSync(path.join(dir, 'secrets.enc.part'));
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThan(before.length); // the crash left half a file, beside the target
    expect(fs.readFileSync(path.join(dir, 'secrets.enc'))).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'secret.key'))).toEqual(key);
    expect(read(dir)).toEqual({ password: 'mật khẩu cũ', keys: '["khoa-cu"]' });

    // what the old fs.writeFileSync over the target left after the same crash: nothing readable any more
    const oldWay = tempDir();
    fs.copyFileSync(path.join(dir, 'secret.key'), path.join(oldWay, 'secret.key'));
    fs.writeFileSync(path.join(oldWay, 'secrets.enc'), part);
    expect(() => read(oldWay)).toThrow();

    // the next write ignores the stale .part and replaces it
    fileSecretStore(dir).set(PASSWORD, 'mật khẩu mới');
    expect(fs.existsSync(path.join(dir, 'secrets.enc.part'))).toBe(false);
    expect(read(dir)).toEqual({ password: 'mật khẩu mới', keys: '["khoa-cu"]' });
  });

  it('keeps the old values when the .part was written whole but the rename never happened', () => {
    const dir = storeWithTwoSecrets();
    const before = fs.readFileSync(path.join(dir, 'secrets.enc'));
    crashingSet(dir, KEYS, '["khoa-moi","khoa-cu"]', 'secrets.enc', 'before-rename');
    expect(fs.statSync(path.join(dir, 'secrets.enc.part')).size).toBeGreaterThan(before.length); // whole, with the longer value
    expect(fs.readFileSync(path.join(dir, 'secrets.enc'))).toEqual(before);
    expect(read(dir)).toEqual({ password: 'mật khẩu cũ', keys: '["khoa-cu"]' }); // the .part is never read

    fileSecretStore(dir).set(PASSWORD, 'mật khẩu mới');
    expect(fs.existsSync(path.join(dir, 'secrets.enc.part'))).toBe(false);
    expect(read(dir)).toEqual({ password: 'mật khẩu mới', keys: '["khoa-cu"]' });
  });

  it('reads back the last value after many sets, through fresh stores, with owner-only files and no .part left', () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) fileSecretStore(dir).set(i % 2 ? PASSWORD : KEYS, `giá trị ${i}`); // a reopened store each time
    expect(read(dir)).toEqual({ password: 'giá trị 39', keys: 'giá trị 38' });
    expect(fs.readdirSync(dir).sort()).toEqual(['secret.key', 'secrets.enc']);
    if (process.platform !== 'win32') {
      for (const name of ['secret.key', 'secrets.enc']) expect(fs.statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('creates secret.key whole or not at all, and never replaces an existing one', () => {
    // killed while writing the first key: no key file, only half a .part, and nothing was encrypted with it
    const dir = tempDir();
    crashingSet(dir, PASSWORD, 'mật khẩu', 'secret.key', 'mid-write');
    expect(fs.readdirSync(dir)).toEqual(['secret.key.part']);
    expect(fs.statSync(path.join(dir, 'secret.key.part')).size).toBe(16);
    expect(read(dir)).toEqual({ password: null, keys: null });
    fileSecretStore(dir).set(PASSWORD, 'mật khẩu');
    expect(fs.statSync(path.join(dir, 'secret.key')).size).toBe(32);
    expect(fs.readdirSync(dir).sort()).toEqual(['secret.key', 'secrets.enc']);
    expect(read(dir).password).toBe('mật khẩu');

    // an existing key is kept, whatever a stale .part beside it holds
    const key = fs.readFileSync(path.join(dir, 'secret.key'));
    fs.writeFileSync(path.join(dir, 'secret.key.part'), Buffer.alloc(32, 7));
    expect(createFileAtomic(path.join(dir, 'secret.key'), Buffer.alloc(32, 9))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'secret.key'))).toEqual(key);
    expect(fs.existsSync(path.join(dir, 'secret.key.part'))).toBe(false);
    fileSecretStore(dir).set(KEYS, '["khoa"]');
    expect(fs.readFileSync(path.join(dir, 'secret.key'))).toEqual(key);
    expect(read(dir)).toEqual({ password: 'mật khẩu', keys: '["khoa"]' });
  });

  it('writeFileAtomic replaces a file and a stale .part with the mode asked for', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secrets.safe.json'); // the Electron store's file, written by the same helper
    fs.writeFileSync(`${file}.part`, 'nửa tệp cũ', { mode: 0o644 });
    writeFileAtomic(file, '{"a":"1"}');
    writeFileAtomic(file, '{"a":"2"}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":"2"}');
    expect(fs.readdirSync(dir)).toEqual(['secrets.safe.json']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
