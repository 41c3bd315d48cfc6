import crypto from 'node:crypto';
import { DATA_KEY } from '../../db/encryption';
import type { SecretStore } from '../sync/secret-store';

/** The secret holding the data keys (a JSON list, newest first), kept by the SecretStore, never in the database. */
export const KEY_RING_SECRET = 'ma-hoa-du-lieu:khoa';

/**
 * Every data key this installation has held, the one in use first. Keys are never dropped: backups made
 * under an earlier key, or restored from elsewhere, still open here without a recovery code.
 */
export interface KeyRing {
  keys(): string[];
  /** Puts a key first (adding it if new); written before the file is encrypted with it. */
  remember(key: string): void;
}

export function keyRing(secrets: SecretStore, log: (message: string, error: unknown) => void): KeyRing {
  const read = (): string[] => {
    try {
      const raw = secrets.get(KEY_RING_SECRET);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string' && DATA_KEY.test(k)) : [];
    } catch (error) {
      log('Không đọc được khóa mã hóa dữ liệu', error);
      return [];
    }
  };
  return {
    keys: read,
    remember(key) {
      if (!DATA_KEY.test(key)) throw new Error('A data key is 64 hex digits.');
      const keys = read();
      if (keys[0] === key) return;
      secrets.set(KEY_RING_SECRET, JSON.stringify([key, ...keys.filter((k) => k !== key)]));
    },
  };
}

export const newDataKey = () => crypto.randomBytes(32).toString('hex');
