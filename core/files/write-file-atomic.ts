import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../../db/backups';

/** Where a file is written before it replaces `file`; never read, and overwritten by the next write. */
export const partFile = (file: string) => `${file}.part`;

/** `data` into a fresh `<file>.part` with `mode`, flushed to disk; a crash's leftover of that name is dropped first. */
function writePart(file: string, data: string | Uint8Array, mode: number): string {
  const part = partFile(file);
  fs.rmSync(part, { force: true }); // a stale .part keeps its own bytes and mode: start from nothing
  const fd = fs.openSync(part, 'wx', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return part;
}

/**
 * Replaces `file` so that a crash or power cut at any point leaves the old content or the new, never a
 * torn mix: `<file>.part`, fsync, rename over the target, fsync the folder (best effort: Windows cannot
 * open a folder, db/backups.ts's `syncDirectory` ignores that).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  const part = writePart(file, data, mode);
  try {
    fs.renameSync(part, file);
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

/**
 * Creates `file` with `data` only if it does not exist, whole or not at all; never replaces an existing
 * file (a key that encrypts data already written). Returns whether this call created it.
 */
export function createFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): boolean {
  const part = writePart(file, data, mode);
  try {
    fs.linkSync(part, file); // atomic and fails with EEXIST where rename would replace
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // no hard links (FAT or exFAT USB sticks): rename, after checking; only this app writes the folder
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (fs.existsSync(file)) return false;
    fs.renameSync(part, file);
  } finally {
    fs.rmSync(part, { force: true });
  }
  syncDirectory(path.dirname(file));
  return true;
}
