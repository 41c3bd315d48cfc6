import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/sync/secret-store';
import { writeFileAtomic } from '../core/files/write-file-atomic';

/**
 * Secrets encrypted by the operating system (DPAPI on Windows, the keyring on Linux) through safeStorage,
 * in one file written whole or not at all: a torn write would lose the data encryption key.
 */
export function safeStorageSecrets(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'secrets.safe.json');
  const readAll = (): Record<string, string> => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {});
  return {
    kind: 'os',
    get(name) {
      const value = readAll()[name];
      return value ? safeStorage.decryptString(Buffer.from(value, 'base64')) : null;
    },
    set(name, value) {
      const all = { ...readAll(), [name]: safeStorage.encryptString(value).toString('base64') };
      writeFileAtomic(file, JSON.stringify(all));
    },
  };
}
