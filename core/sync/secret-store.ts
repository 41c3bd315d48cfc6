import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileAtomic, writeFileAtomic } from '../files/write-file-atomic';

/**
 * Where the WebDAV password and the data encryption keys are kept: Electron's safeStorage on the desktop,
 * an encrypted file elsewhere.
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  /** 'os': protected by the operating system (DPAPI, keyring); 'file': a key file beside the data. */
  kind?: 'os' | 'file';
}

/**
 * AES-256-GCM with a random key kept beside the data (harness and CLI): keeps the password out of the
 * database and its backups; Electron uses the OS keychain instead (electron/secret-store.ts). Both files
 * are written whole or not at all (a torn key or secrets file would lose the data encryption key).
 */
export function fileSecretStore(dataDir: string): SecretStore {
  const keyFile = path.join(dataDir, 'secret.key');
  const dataFile = path.join(dataDir, 'secrets.enc');
  const key = () => {
    // created once and never replaced: secrets.enc (and so the data) is encrypted with it
    if (!fs.existsSync(keyFile)) createFileAtomic(keyFile, crypto.randomBytes(32));
    return fs.readFileSync(keyFile);
  };
  const readAll = (): Record<string, string> => {
    if (!fs.existsSync(dataFile)) return {};
    const raw = fs.readFileSync(dataFile);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Record<string, string>;
  };
  return {
    kind: 'file',
    get: (name) => readAll()[name] ?? null,
    set(name, value) {
      const all = { ...readAll(), [name]: value };
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(all), 'utf8'), cipher.final()]);
      writeFileAtomic(dataFile, Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
  };
}
