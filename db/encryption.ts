import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Encryption at rest with SQLite3MultipleCiphers (the driver is better-sqlite3-multiple-ciphers under the
 * name better-sqlite3). Files are SQLCipher 4 files (cipher 'sqlcipher', legacy 4: every byte of the file
 * encrypted, openable by SQLCipher tools with the raw key). The key is 32 random bytes given as a raw key
 * (x'…'), so opening runs no key derivation.
 */

/** A data key: 32 random bytes as 64 lower-case hex digits. */
export const DATA_KEY = /^[0-9a-f]{64}$/;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What a file looks like from its first bytes: 'plain' SQLite, 'encrypted' (no SQLite header, and a size
 * that is a whole number of pages, as SQLCipher writes; which key, if any, opens it is only known by
 * trying), or 'other' (not a database). An encrypted file cannot be told from random bytes of the same size.
 */
export type DatabaseFileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'other';

export function databaseFileKind(file: string): DatabaseFileKind {
  if (!fs.existsSync(file)) return 'missing';
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return 'empty';
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 16 && header.equals(SQLITE_HEADER)) return 'plain';
    return size >= 512 && size % 512 === 0 ? 'encrypted' : 'other';
  } finally {
    fs.closeSync(fd);
  }
}

function assertKey(key: string): void {
  if (!DATA_KEY.test(key)) throw new Error('A data key is 64 hex digits.');
}

/** Must be the first thing done on a connection: the cipher, then the key. */
export function applyKey(sqlite: BetterSqlite3.Database, key: string): void {
  assertKey(key);
  useSqlcipher(sqlite);
  sqlite.pragma(`key = "x'${key}'"`);
  // sorting and temporary tables stay in memory, never in an unencrypted temporary file
  sqlite.pragma('temp_store = MEMORY');
}

function useSqlcipher(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
}

/** A wrong key shows as "not a database" at the first read. */
export function isWrongKeyError(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_NOTADB';
}

export interface KeyedConnection {
  sqlite: BetterSqlite3.Database;
  /** The key that opened the file; null for a plain file. */
  key: string | null;
}

/**
 * Opens a database file, plain or encrypted: an encrypted file with the first of `keys` that reads it
 * (each tried on a fresh connection). Returns null when the file is encrypted and no key opens it; other
 * errors (busy, unreadable) are thrown.
 */
export function openWithKeys(file: string, keys: readonly string[], options: BetterSqlite3.Options = {}): KeyedConnection | null {
  if (databaseFileKind(file) !== 'encrypted') return { sqlite: new BetterSqlite3(file, options), key: null };
  for (const key of new Set(keys)) {
    if (!DATA_KEY.test(key)) continue;
    const sqlite = new BetterSqlite3(file, options);
    try {
      applyKey(sqlite, key);
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      return { sqlite, key };
    } catch (error) {
      sqlite.close();
      if (!isWrongKeyError(error)) throw error;
    }
  }
  return null;
}

/**
 * Encrypts (key), re-encrypts (another key) or decrypts (null) the open database in place. SQLite3MultipleCiphers
 * refuses to rekey in WAL mode, so the WAL is first checkpointed into the file and the journal switched to
 * DELETE for the rekey (one transaction with a rollback journal: interrupted, the file stays as it was),
 * then back. Needs the only connection to the file, outside any transaction.
 */
export function changeKey(sqlite: BetterSqlite3.Database, key: string | null): void {
  if (key !== null) assertKey(key);
  const wal = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  if (wal) {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
  }
  try {
    if (key !== null) {
      useSqlcipher(sqlite);
      sqlite.pragma(`rekey = "x'${key}'"`);
      sqlite.pragma('temp_store = MEMORY');
    } else {
      sqlite.pragma("rekey = ''");
    }
  } finally {
    if (wal) sqlite.pragma('journal_mode = WAL');
  }
}

/**
 * Changes the key of a closed file that nothing else has open (a backup, a checked copy): opened with
 * `from` (null: plain), rekeyed to `to` (null: plain), closed, and checked with the new key.
 */
export function rekeyFile(file: string, from: string | null, to: string | null, options: BetterSqlite3.Options = {}): void {
  const sqlite = new BetterSqlite3(file, options);
  try {
    if (from !== null) applyKey(sqlite, from);
    changeKey(sqlite, to);
  } finally {
    sqlite.close();
  }
  const check = openWithKeys(file, to === null ? [] : [to], { ...options, fileMustExist: true });
  if (!check) throw new Error('The file does not open with its new key.');
  try {
    if (check.sqlite.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('The rekeyed file fails quick_check.');
  } finally {
    check.sqlite.close();
  }
}
