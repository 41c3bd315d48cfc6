import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createServices, type Services } from '../../core/services';
import { BINH_CHUONG, call, setUpOffice } from './services';
import { tempDir } from './temp-dir';

/** Linux's /dev/full: every write to it fails with ENOSPC, as on a full disk. */
export const HAS_DEV_FULL = fs.existsSync('/dev/full');

/** Makes the next write to `file` fail with a real "no space left on device" from the kernel. */
export function fullDiskAt(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.symlinkSync('/dev/full', file);
}

/**
 * Services on a fresh data folder with a clock the test moves, set up as UBND xã Bình Chương the day
 * before `iso` (creating the administrator is that day's first use, so it made that day's backup);
 * the test starts at `iso` with an empty backup folder.
 */
export async function servicesWithClock(iso: string, dataDir = tempDir()) {
  const clock = { now: new Date(Date.parse(iso) - 24 * 3600_000) };
  const services = await createServices({ dataDir, now: () => clock.now, log: () => undefined });
  await setUpOffice(services, { ...BINH_CHUONG });
  const backupDir = path.join(dataDir, 'backups');
  fs.rmSync(backupDir, { recursive: true, force: true });
  clock.now = new Date(iso);
  return { services, dataDir, clock, backupDir };
}

/** Names in a folder, sorted; [] when it does not exist. */
export function namesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Names of the units in a database file, read through its own connection. */
export function unitNamesIn(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM unit ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/**
 * The export of everything once its worker has finished. Waited for by time, not by a count of polls:
 * a small office's export takes about 1 s idle and passed 10 s with the machine at load 25.
 */
export async function exportFinished(services: Services, jobId: string, budgetMs = 45_000) {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const job = await call(services, 'backups.exportProgress', { jobId });
    if (job.state !== 'running' || Date.now() > deadline) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}
