import BetterSqlite3 from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoProvince, signInDemoAdmin } from '../../core/demo/demo-province';
import { createServices } from '../../core/services';
import { ensureDemoProvince } from '../../core/demo/demo-cache';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { call, setUpServices } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/cli';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Every row of every table and every stored file, with what cannot repeat taken out: ids the services
 * make with crypto.randomUUID, the installation's key pair, the short installation id in "máy …" and the
 * salted password hash of the demo administrator.
 */
function contentDigest(dataDir: string): string {
  const tables = snapshotDatabase(dataDir);
  const normal = Object.entries(tables).map(([name, rows]) => [
    name,
    rows
      .map((row) => row.replace(UUID, '<id>').replace(/-----BEGIN [A-Z ]+-----[^"]*-----END [A-Z ]+-----\\n/g, '<key>').replace(/\(máy [0-9a-f]{8}\)/g, '(máy <id>)').replace(/scrypt\$[^"]*/g, '<password hash>'))
      .sort(),
  ]);
  const attachments = path.join(dataDir, 'attachments');
  const files = (fs.existsSync(attachments) ? fs.readdirSync(attachments, { recursive: true, withFileTypes: true }) : [])
    .filter((f) => f.isFile())
    .map((f) => `${f.name}:${crypto.createHash('sha256').update(fs.readFileSync(path.join(f.parentPath, f.name))).digest('hex')}`)
    .sort();
  return crypto.createHash('sha256').update(JSON.stringify({ normal, files })).digest('hex');
}

/** Files in the data folder's backups/ ([] when there is none). */
function backupsIn(dataDir: string): string[] {
  const dir = path.join(dataDir, 'backups');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** How many different days the demo's clock stood on when something was done (read from the audit log). */
function daysActedOn(dataDir: string): number {
  const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(DISTINCT substr(at, 1, 10)) AS n FROM audit_event').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('demo province', () => {
  const options = { communes: 3, years: 2, today: '2026-11-23' };

  it('is the same content for the same seed, and other content for another seed', { timeout: 120_000 }, async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const first = await seedDemoProvince({ ...options, dataDir: a, seed: 7 });
    const second = await seedDemoProvince({ ...options, dataDir: b, seed: 7 });
    await seedDemoProvince({ ...options, dataDir: c, seed: 8 });
    expect(contentDigest(a)).toBe(contentDigest(b));
    expect(contentDigest(a)).not.toBe(contentDigest(c));
    const untimed = (s: typeof first) => ({ ...s, elapsedMs: 0, operations: [], perYear: s.perYear.map((y) => ({ ...y, ms: 0 })) });
    expect(untimed(first)).toEqual(untimed(second));
    expect(first).toMatchObject({ office: 'Sở Nội vụ', units: 3, plans: 4, years: [2025, 2026] });
    expect(first.perYear.map((y) => y.year)).toEqual([2025, 2026]);
    expect(first.perYear.every((y) => y.calls > 10 && y.ms > 0)).toBe(true);
  });

  it('takes no backup on the simulated days (a backup of the growing file each day made seeding quadratic)', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    await seedDemoProvince({ ...options, dataDir, seed: 5 });
    // The services' clock walked through dozens of days; the daily backup is for the clerk's days, not these.
    expect(daysActedOn(dataDir)).toBeGreaterThan(20);
    expect(backupsIn(dataDir)).toEqual([]);
    // Opened afterwards as the app opens it, on today's clock: its own daily backup is made as always.
    const services = await createServices({ dataDir, log: () => undefined });
    await signInDemoAdmin(services);
    await call(services, 'units.list', { includeInactive: false });
    expect((await call(services, 'backups.list', {})).map((b) => b.kind)).toEqual(['daily']);
    await services.close();
  });

  it('is written through the services: plans, reports and their history read back through the API', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const summary = await seedDemoProvince({ ...options, communes: 12, dataDir, seed: 3 });
    const services = await createServices({ dataDir, log: () => undefined });
    await signInDemoAdmin(services);
    expect((await call(services, 'units.list', { includeInactive: true })).map((u) => u.name)).toContain('UBND xã Bình Chương');
    const plans = await call(services, 'plans.list', { year: 2026, status: null });
    expect(plans.map((p) => [p.kind, p.status])).toEqual(expect.arrayContaining([['received', 'received'], ['own', 'issued']]));
    const own = plans.find((p) => p.kind === 'own')!;
    const matrix = await call(services, 'reports.matrix', { planId: own.id, today: '2026-11-23' });
    expect(matrix.units).toHaveLength(12);
    expect(matrix.cells.filter((cell) => cell.state === 'accepted').length).toBeGreaterThan(12);
    const c = await call(services, 'reports.consolidation', { planId: own.id, dutyId: matrix.duties[0]!.id });
    expect(c.tasks.every((t) => t.parentTask !== null)).toBe(true); // mapped to the UBND tỉnh plan's tasks
    expect(c.figures.length).toBeGreaterThan(3);
    expect(summary.reports.accepted + summary.reports.submitted + summary.reports.returned + summary.reports.draft + summary.reports.missing).toBe(12 * 2 * 2);
    expect(summary.returns).toBeGreaterThan(0);
    const search = await call(services, 'plans.search', { query: 'dan van kheo' });
    expect(search.length).toBeGreaterThan(2);
    await services.close();
  });

  it('cli demo seed prints its progress and refuses a folder that already has data', { timeout: 120_000 }, () => {
    const dataDir = tempDir();
    const args = ['demo', 'seed', '--data-dir', dataDir, '--communes', '2', '--years', '1', '--today', '2026-11-23'];
    const first = runCli(args);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Năm 2026: \d+ đã tiếp nhận/);
    expect(first.stdout).toMatch(/Xong sau [\d.]+ s: Sở Nội vụ, 2 xã, phường, 2 kế hoạch/);
    const again = runCli(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/đã có dữ liệu/);
    const bad = runCli(['demo', 'seed', '--communes', 'nhiều']);
    expect(bad.status).toBe(2);
  });

  it('is made once for npm run web -- --demo and the bench, reused after, never over other data', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tempDir(), 'demo');
    const made = await ensureDemoProvince({ dataDir, communes: 2, years: 1, seed: 1, today: '2026-11-23' });
    expect(made.reused).toBe(false);
    const again = await ensureDemoProvince({ dataDir, communes: 2, years: 1, seed: 1 });
    expect(again).toMatchObject({ reused: true, summary: { today: '2026-11-23' } });
    const bigger = await ensureDemoProvince({ dataDir, communes: 3, years: 1, seed: 1, today: '2026-11-23' });
    expect(bigger).toMatchObject({ reused: false, summary: { units: 3 } });
    const { dataDir: real } = await setUpServices();
    await expect(ensureDemoProvince({ dataDir: real, communes: 2, years: 1, seed: 1 })).rejects.toThrow(/không phải dữ liệu mẫu/);
  });
});
