/**
 * The baselines: the same work done the plainest way, straight on better-sqlite3 with no validation,
 * no checks and no layers. They say how far the app's own path is from what the data alone costs.
 */
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';

export function openRaw(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Unzip, JSON.parse, and insert the rows an import writes (sender, bundle, report, revision, event, task entries). */
export function rawImport(db: BetterSqlite3.Database, bundles: Buffer[]): void {
  const unitByName = db.prepare('SELECT id FROM unit WHERE name = ?');
  const sender = db.prepare('INSERT OR REPLACE INTO known_sender (installation_id, office_name, public_key_pem, fingerprint, accepted_at) VALUES (?, ?, ?, ?, ?)');
  const imported = db.prepare(
    'INSERT INTO imported_bundle (bundle_id, kind, sender_installation_id, subject, plan_id, duty_id, reporter_installation_id, unit_id, revision, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const report = db.prepare("INSERT INTO report (id, plan_id, duty_id, unit_id, status, revision, received_date, returned_reason, content_json, created_at, updated_at) VALUES (?, ?, ?, ?, 'submitted', ?, ?, '', ?, ?, ?)");
  const revision = db.prepare('INSERT INTO report_revision (report_id, revision, received_date, content_json, created_at) VALUES (?, ?, ?, ?, ?)');
  const event = db.prepare("INSERT INTO report_event (report_id, kind, at, date, reason, revision, actor) VALUES (?, 'submitted', ?, ?, '', ?, ?)");
  const entry = db.prepare('INSERT INTO report_task_entry (report_id, task_id, status) VALUES (?, ?, ?)');
  for (const bytes of bundles) {
    const files = unzipSync(new Uint8Array(bytes));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const payload = JSON.parse(strFromU8(files['payload.json']!));
    const stamp = new Date().toISOString();
    db.transaction(() => {
      const unit = unitByName.get(payload.unitName) as { id: string };
      sender.run(manifest.sender.installationId, manifest.sender.officeName, strFromU8(files['sender.pub']!), '', stamp);
      imported.run(manifest.bundleId, manifest.kind, manifest.sender.installationId, manifest.subject, payload.planId, payload.dutyId, manifest.sender.installationId, unit.id, manifest.revision, stamp);
      const id = crypto.randomUUID();
      const json = JSON.stringify(payload.content);
      report.run(id, payload.planId, payload.dutyId, unit.id, manifest.revision, payload.receivedDate, json, stamp, stamp);
      revision.run(id, manifest.revision, payload.receivedDate, json, stamp);
      event.run(id, stamp, payload.receivedDate, manifest.revision, manifest.sender.officeName);
      for (const t of payload.content.tasks) entry.run(id, t.taskId, t.status);
    })();
  }
}

/** The accepted reports of a duty and the plan, read and parsed: what a consolidation needs as input. */
export function rawConsolidationRead(db: BetterSqlite3.Database, planId: string, dutyId: string): number {
  const plan = db.prepare('SELECT content_json FROM plan WHERE id = ?').get(planId) as { content_json: string };
  const rows = db.prepare("SELECT unit_id, status, content_json FROM report WHERE plan_id = ? AND duty_id = ? AND status = 'accepted'").all(planId, dutyId) as { content_json: string }[];
  JSON.parse(plan.content_json);
  return rows.map((r) => JSON.parse(r.content_json)).length;
}

/** The report rows of a plan and the units: what the completeness matrix shows. */
export function rawMatrixRead(db: BetterSqlite3.Database, planId: string): number {
  const units = db.prepare('SELECT id, name FROM unit ORDER BY sort_order').all();
  const duties = db.prepare('SELECT id, due_date FROM plan_duty WHERE plan_id = ?').all(planId);
  const rows = db.prepare('SELECT duty_id, unit_id, status, received_date FROM report WHERE plan_id = ?').all(planId);
  return units.length + duties.length + rows.length;
}

export function rawSearch(db: BetterSqlite3.Database): (match: string) => unknown[] {
  const stmt = db.prepare('SELECT plan_id, task_id, rank FROM plan_search WHERE plan_search MATCH ? ORDER BY rank LIMIT 50');
  return (match) => stmt.all(match);
}
