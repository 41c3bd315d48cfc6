// Run by test/unit/backups-disk.test.ts inside its own mount namespace, where `small`, `readOnly` and
// `dataDir` are tmpfs file systems: a tiny USB stick, a write-protected one, and a data disk to fill up.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createServices } from '../../core/services';
import { setUpOffice } from './service-setup';
import { snapshotDatabase } from './db-snapshot';

const [small, readOnly, dataDir, bundleFile] = process.argv.slice(2) as [string, string, string, string];
const out: Record<string, unknown> = {};
const services = await createServices({ dataDir, log: (message, error) => console.error(message, error) }); // shown by the test if it fails
await setUpOffice(services, { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi' });
await services.call('units.create', { name: 'Thôn An Phú', kind: 'thon' });

out.tooSmall = await services.call('backups.create', { folder: small });
out.smallAfter = fs.readdirSync(small);
out.readOnly = await services.call('backups.create', { folder: readOnly });
out.exportTooSmall = await services.call('backups.exportAll', { folder: small });

// the data disk fills up: the WAL is emptied so the import needs new space, then every block is taken
const raw = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'));
raw.pragma('wal_checkpoint(TRUNCATE)');
raw.close();
const filler = path.join(dataDir, 'filler');
const fd = fs.openSync(filler, 'w');
try {
  for (;;) fs.writeSync(fd, Buffer.alloc(64 * 1024));
} catch {
  for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(size));
    } catch {
      // next smaller size
    }
  }
}
fs.closeSync(fd);
const bundle = fs.readFileSync(bundleFile, 'utf8');
const before = snapshotDatabase(dataDir);
out.importFull = await services.call('bundles.import', { base64: bundle, acceptKey: true });
out.untouched = JSON.stringify(snapshotDatabase(dataDir)) === JSON.stringify(before);
out.leftovers = fs.readdirSync(dataDir).filter((n) => n.endsWith('.tmp') || n.endsWith('.part'));
fs.rmSync(filler);
out.importAgain = await services.call('bundles.import', { base64: bundle, acceptKey: true });
out.plans = await services.call('plans.list', {});
await services.close();
process.stdout.write(JSON.stringify(out));
