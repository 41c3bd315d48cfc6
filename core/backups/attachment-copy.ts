import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentFile } from '../reports/attachments';

/**
 * Copies the evidence files named by `hashes` from one folder's attachments/ to another's, skipping
 * those already there and any whose bytes do not match their name. Each file is written under a
 * temporary name and renamed, so a full disk leaves no half-written file. Returns how many were copied.
 */
export function copyAttachments(fromRoot: string, toRoot: string, hashes: readonly string[]): number {
  let copied = 0;
  for (const sha256 of new Set(hashes)) {
    const from = attachmentFile(fromRoot, sha256);
    const to = attachmentFile(toRoot, sha256);
    if (fs.existsSync(to) || !fs.existsSync(from)) continue;
    const bytes = fs.readFileSync(from);
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const temp = `${to}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, to);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
    copied++;
  }
  return copied;
}

/** Total size of the files among `hashes` that `toRoot` does not have yet (for the free-space check). */
export function bytesToCopy(fromRoot: string, toRoot: string, hashes: readonly string[]): number {
  let total = 0;
  for (const sha256 of new Set(hashes)) {
    const from = attachmentFile(fromRoot, sha256);
    if (!fs.existsSync(attachmentFile(toRoot, sha256)) && fs.existsSync(from)) total += fs.statSync(from).size;
  }
  return total;
}
