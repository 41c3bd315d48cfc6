/**
 * Migration 010: what a bundle is about moves from its subject string ("report:<plan>:<duty>:<installation>")
 * into columns of sent_bundle and imported_bundle, and a received plan's obligations from the setting
 * "nhan-ke-hoach:<plan>" into received_obligation. Checked three ways: offices that really exchanged bundles,
 * turned back into the version 9 shape and upgraded again, give exactly the rows this version writes; odd old
 * rows written with raw SQL at version 9 (malformed subjects, ties, orphans) upgrade as documented; the
 * committed fixtures of versions 8 and 9 upgrade with their sent plan bundles read.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { prepareServices } from '../helpers/service-setup';
import { communeReport, provinceWithCommunes, type Office } from '../helpers/offices';
import { task } from '../helpers/plans';
import { call } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/db');
const V9 = MIGRATIONS.filter((m) => m.version <= 9);
const A = 'UBND xã Bình Chương';
const B = 'UBND xã Bình Sơn';

const dbFile = (dataDir: string) => path.join(dataDir, 'danvan.sqlite');

interface SubjectRow {
  bundle_id: string;
  kind: string;
  subject: string;
  plan_id: string | null;
  duty_id: string | null;
  reporter_installation_id: string | null;
}
type ImportedRow = SubjectRow & { unit_id: string | null; receipt_for_bundle_id: string | null };
interface ObligationRow {
  plan_id: string;
  task_id: string | null;
  duty_id: string | null;
}

/** Rows in one order whatever order they were listed in (plain code-point comparison, as SQLite's). */
const sorted = <T>(rows: T[]) => [...rows].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));

/** The rows migration 010 fills: the subject columns, the obligations, and whatever is left of the old settings. */
function newRows(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      sent: db.prepare('SELECT bundle_id, kind, subject, plan_id, duty_id, reporter_installation_id FROM sent_bundle ORDER BY bundle_id').all() as SubjectRow[],
      imported: db.prepare('SELECT bundle_id, kind, subject, plan_id, duty_id, reporter_installation_id, unit_id, receipt_for_bundle_id FROM imported_bundle ORDER BY bundle_id').all() as ImportedRow[],
      obligations: sorted(db.prepare('SELECT plan_id, task_id, duty_id FROM received_obligation').all() as ObligationRow[]),
      settings: (db.prepare('SELECT key FROM setting ORDER BY key').all() as { key: string }[]).map((r) => r.key),
    };
  } finally {
    db.close();
  }
}

/** The obligation setting version 9 kept for each received plan. */
function oldObligations(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare("SELECT key, value_json FROM setting WHERE substr(key, 1, 14) = 'nhan-ke-hoach:'").all();
  } finally {
    db.close();
  }
}

/** Tables, their columns (name, type, NOT NULL, default, key) and the indexes: what a version's schema is. */
function shape(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type <> 'shadow' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return {
      version: db.pragma('user_version', { simple: true }),
      tables: Object.fromEntries(tables.map((t) => [t, db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(t)])),
      indexes: db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY name").all(),
    };
  } finally {
    db.close();
  }
}

/**
 * Turns a database this version wrote back into what version 9 wrote for the same exchanges: the
 * obligations as the setting the import used to write (every plan received as a bundle, lists in the
 * plan's order), the new table, indexes and columns gone, user_version 9.
 */
function rewindToVersion9(file: string) {
  const db = new BetterSqlite3(file);
  try {
    db.exec(`
      INSERT INTO setting (key, value_json)
      SELECT 'nhan-ke-hoach:' || p.id, json_object(
        'carriedTaskIds', (SELECT json_group_array(id) FROM (SELECT t.id FROM received_obligation o JOIN plan_task t ON t.id = o.task_id WHERE o.plan_id = p.id ORDER BY t.position)),
        'owedDutyIds', (SELECT json_group_array(id) FROM (SELECT d.id FROM received_obligation o JOIN plan_duty d ON d.id = o.duty_id WHERE o.plan_id = p.id ORDER BY d.position)))
      FROM plan p WHERE p.id IN (SELECT plan_id FROM imported_bundle WHERE kind = 'plan');
      DROP TABLE received_obligation;
      DROP INDEX sent_bundle_subject;
      DROP INDEX imported_bundle_subject;
      ALTER TABLE sent_bundle DROP COLUMN plan_id;
      ALTER TABLE sent_bundle DROP COLUMN duty_id;
      ALTER TABLE sent_bundle DROP COLUMN reporter_installation_id;
      ALTER TABLE imported_bundle DROP COLUMN plan_id;
      ALTER TABLE imported_bundle DROP COLUMN duty_id;
      ALTER TABLE imported_bundle DROP COLUMN reporter_installation_id;
      ALTER TABLE imported_bundle DROP COLUMN unit_id;
      ALTER TABLE imported_bundle DROP COLUMN receipt_for_bundle_id;
      PRAGMA user_version = 9;`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

async function upgrade(dataDir: string) {
  const opened = await openDatabase(dbFile(dataDir), { backupDir: path.join(dataDir, 'backups') });
  const version = opened.schemaVersion;
  await opened.close();
  return version;
}

const installationOf = async (office: Office) => (await call(office.services, 'app.status', {})).installationId!;

describe('migration 010: bundle subjects and received obligations in columns', () => {
  it('gives offices that exchanged bundles at version 9 exactly the rows this version writes, and they keep working', async () => {
    // A province and two communes; the plan has a third task neither commune carries.
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương'], [B, 'Bình Sơn']]);
    const [a, b] = communes as [(typeof communes)[0], (typeof communes)[0]];
    const issued = await call(province.services, 'plans.get', { id: plan.id, revision: null });
    await call(province.services, 'plans.revise', { id: plan.id, reason: 'Bổ sung', content: { ...issued.content, tasks: [...issued.content.tasks, task('3', 'Việc riêng của Sở')] } });
    for (const commune of communes) {
      const file = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: commune.unitId });
      const taken = await call(commune.services, 'bundles.import', { base64: file.base64 });
      await call(province.services, 'bundles.import', { base64: taken.receipt!.base64, acceptKey: true });
    }
    // both report revision 1 on the same duty; the province returns B's
    for (const commune of communes) {
      const taken = await call(province.services, 'bundles.import', { base64: await communeReport(commune, plan.id, dutyId, `Kết quả của ${commune.name}`), acceptKey: true });
      await call(commune.services, 'bundles.import', { base64: taken.receipt!.base64, acceptKey: true });
    }
    const matrix = await call(province.services, 'reports.matrix', { planId: plan.id, today: null });
    const reportOf = (unitId: string) => matrix.cells.find((c) => c.unitId === unitId)!.reportId!;
    await call(province.services, 'reports.return', { id: reportOf(b.unitId), reason: 'Bổ sung số liệu' });
    const back = await call(province.services, 'bundles.exportReturn', { reportId: reportOf(b.unitId), deliver: 'file' });
    expect(back.fileName).toBe('TraLai_UBND-xa-Binh-Son_lan-1.dvb'); // B's, not the other report of the same duty and revision
    await call(b.services, 'bundles.import', { base64: back.base64 });
    const [installationA, installationB] = [await installationOf(a), await installationOf(b)];
    const offices = [province, a, b];
    for (const office of offices) await office.services.close();

    // what this version wrote, and that it is right
    const written = offices.map((o) => newRows(dbFile(o.dataDir)));
    const [atProvince, atA, atB] = written as [ReturnType<typeof newRows>, ReturnType<typeof newRows>, ReturnType<typeof newRows>];
    const tasks = issued.content.tasks.map((t) => t.id);
    expect(atA.obligations).toEqual(sorted([{ plan_id: plan.id, task_id: null, duty_id: dutyId }, ...tasks.map((id) => ({ plan_id: plan.id, task_id: id, duty_id: null }))]));
    expect(atA.settings.filter((k) => k.startsWith('nhan-ke-hoach:'))).toEqual([]);
    const ofKind = <T extends SubjectRow>(rows: T[], kind: string) => rows.filter((r) => r.kind === kind);
    expect(sorted(ofKind(atProvince.imported, 'report').map(({ plan_id, duty_id, reporter_installation_id, unit_id, receipt_for_bundle_id }) => ({ plan_id, duty_id, reporter_installation_id, unit_id, receipt_for_bundle_id })))).toEqual(
      sorted([
        { plan_id: plan.id, duty_id: dutyId, reporter_installation_id: installationA, unit_id: a.unitId, receipt_for_bundle_id: null },
        { plan_id: plan.id, duty_id: dutyId, reporter_installation_id: installationB, unit_id: b.unitId, receipt_for_bundle_id: null },
      ]),
    );
    // the receipts name the bundles they acknowledge: the province's second plan bundles, each commune's report
    const sentPlans = ofKind(atProvince.sent, 'plan');
    expect(sentPlans).toHaveLength(4);
    expect(sentPlans.every((r) => r.plan_id === plan.id && r.duty_id === null && r.reporter_installation_id === null)).toBe(true);
    const receipts = ofKind(atProvince.imported, 'receipt');
    expect(receipts).toHaveLength(2);
    expect(receipts.every((r) => sentPlans.some((s) => s.bundle_id === r.receipt_for_bundle_id) && r.plan_id === null)).toBe(true);
    expect(ofKind(atA.imported, 'receipt').map((r) => r.receipt_for_bundle_id)).toEqual(ofKind(atA.sent, 'report').map((r) => r.bundle_id));
    expect(ofKind(atProvince.sent, 'return')).toEqual([expect.objectContaining({ plan_id: plan.id, duty_id: dutyId, reporter_installation_id: installationB })]);
    expect(atB.sent).toEqual([expect.objectContaining({ kind: 'report', plan_id: plan.id, duty_id: dutyId, reporter_installation_id: installationB })]);
    expect(ofKind(atB.imported, 'return')).toEqual([expect.objectContaining({ plan_id: plan.id, duty_id: dutyId, reporter_installation_id: installationB, unit_id: null })]);
    expect(ofKind(atB.imported, 'plan')).toHaveLength(2);
    expect(ofKind(atB.imported, 'plan').every((r) => r.plan_id === plan.id && r.duty_id === null)).toBe(true);

    // the same data as version 9 held it, upgraded: the same rows
    const v9 = tempDir();
    await (await openDatabase(dbFile(v9), { backupDir: path.join(v9, 'backups'), migrations: V9 })).close();
    for (const [i, office] of offices.entries()) {
      rewindToVersion9(dbFile(office.dataDir));
      expect(shape(dbFile(office.dataDir))).toEqual(shape(dbFile(v9)));
      const expected = office === province ? [] : [{ key: `nhan-ke-hoach:${plan.id}`, value_json: JSON.stringify({ carriedTaskIds: tasks, owedDutyIds: [dutyId] }) }];
      expect(oldObligations(dbFile(office.dataDir))).toEqual(expected); // as the version 9 import wrote it
      expect(await upgrade(office.dataDir)).toBe(10);
      expect(newRows(dbFile(office.dataDir))).toEqual(written[i]);
    }

    // and the upgraded data works: A's report imported at version 9 goes back to A, A's next one is revision 2
    const [p, ca, cb] = [await prepareServices(province.dataDir, { onlyIfMissing: true }), await prepareServices(a.dataDir, { onlyIfMissing: true }), await prepareServices(b.dataDir, { onlyIfMissing: true })];
    expect(await call(cb, 'bundles.sentReports', { planId: plan.id })).toEqual([{ dutyId, revision: 1, status: 'returned', note: 'Bổ sung số liệu' }]);
    expect(await call(ca, 'bundles.sentReports', { planId: plan.id })).toEqual([{ dutyId, revision: 1, status: 'received', note: '' }]);
    expect((await call(ca, 'ownReports.get', { planId: plan.id, dutyId })).tasks.map((t) => t.ordinal)).toEqual(['1', '2']);
    await call(p, 'reports.return', { id: reportOf(a.unitId), reason: 'Thiếu số liệu' });
    const backToA = await call(p, 'bundles.exportReturn', { reportId: reportOf(a.unitId), deliver: 'file' });
    expect(backToA.fileName).toBe('TraLai_UBND-xa-Binh-Chuong_lan-1.dvb');
    await call(ca, 'bundles.import', { base64: backToA.base64 });
    expect(await call(ca, 'bundles.sentReports', { planId: plan.id })).toEqual([{ dutyId, revision: 1, status: 'returned', note: 'Thiếu số liệu' }]);
    const second = await call(ca, 'bundles.exportReport', { planId: plan.id, dutyId });
    expect(second.fileName).toMatch(/_lan-2\.dvb$/);
    await call(p, 'bundles.import', { base64: second.base64 });
    expect(await call(p, 'reports.get', { id: reportOf(a.unitId) })).toMatchObject({ revision: 2, status: 'submitted' });
    for (const s of [p, ca, cb]) await s.close();
  }, 120_000);

  it('reads old subjects by kind with substr/instr, breaks ties, and moves obligations, dropping what no plan has', async () => {
    const dir = tempDir();
    const opened = await openDatabase(dbFile(dir), { backupDir: path.join(dir, 'backups'), migrations: V9 });
    const db = opened.sqlite;
    const id = () => crypto.randomUUID();
    const [ownPlan, ownDuty, received, receivedGone, t1, t2, t3, d1] = [id(), id(), id(), id(), id(), id(), id(), id()];
    const [unitA, unitB, instA, instB, sentPlanBundle] = [id(), id(), id(), id(), id()];
    const stamp = '2026-06-01T08:00:00.000Z';
    const planRow = db.prepare(
      "INSERT INTO plan (id, kind, status, year, number, symbol, title, issuer_name, period_start, period_end, revision, content_json, created_at, updated_at) VALUES (?, ?, ?, 2026, '5', 'KH-UBND', 'Kế hoạch', 'UBND', '2026-01-01', '2026-12-31', 1, '{}', ?, ?)",
    );
    planRow.run(ownPlan, 'own', 'issued', stamp, stamp);
    planRow.run(received, 'received', 'received', stamp, stamp);
    const taskRow = db.prepare("INSERT INTO plan_task (id, plan_id, position, ordinal, body, timeframe_kind) VALUES (?, ?, ?, ?, 'Việc', 'none')");
    [t1, t2, t3].forEach((t, i) => taskRow.run(t, received, i, String(i + 1)));
    db.prepare("INSERT INTO plan_duty (id, plan_id, position, kind, due_date) VALUES (?, ?, 0, 'semiannual', '2026-06-15')").run(d1, received);
    db.prepare("INSERT INTO plan_duty (id, plan_id, position, kind, due_date) VALUES (?, ?, 0, 'semiannual', '2026-06-15')").run(ownDuty, ownPlan);
    const unitRow = db.prepare("INSERT INTO unit (id, name, name_folded, kind, sort_order, created_at, updated_at) VALUES (?, ?, ?, 'xa', ?, ?, ?)");
    unitRow.run(unitA, A, 'ubnd xa binh chuong', 0, stamp, stamp);
    unitRow.run(unitB, B, 'ubnd xa binh son', 1, stamp, stamp);
    // both units' reports came in the same millisecond at revision 1: B's key is bound, A's office name is known
    const reportRow = db.prepare("INSERT INTO report (id, plan_id, duty_id, unit_id, status, revision, content_json, created_at, updated_at) VALUES (?, ?, ?, ?, 'submitted', 1, '{}', ?, ?)");
    const eventRow = db.prepare("INSERT INTO report_event (report_id, kind, at, date, reason, revision, actor) VALUES (?, 'submitted', ?, '2026-06-01', '', 1, ?)");
    const [reportA, reportB] = [id(), id()];
    reportRow.run(reportA, ownPlan, ownDuty, unitA, stamp, stamp);
    reportRow.run(reportB, ownPlan, ownDuty, unitB, stamp, stamp);
    eventRow.run(reportA, stamp, `${A} (gửi qua tệp gói)`);
    eventRow.run(reportB, stamp, `${B} (gửi qua tệp gói)`);
    db.prepare("INSERT INTO known_sender VALUES (?, ?, 'pem', ?, ?)").run(instA, A, 'aaaa', stamp);
    db.prepare("INSERT INTO known_sender VALUES (?, ?, 'pem', ?, ?)").run(instB, 'UBND xã Bình Sơn (tên cũ)', 'bbbb', stamp);
    db.prepare("INSERT INTO unit_installation VALUES (?, ?, 'pem', 'bbbb', ?, ?, 'quantri', NULL)").run(unitB, instB, B, stamp);

    const sent = db.prepare("INSERT INTO sent_bundle (bundle_id, kind, subject, revision, file_name, recipient, status, created_at) VALUES (?, ?, ?, 1, 'f.dvb', 'x', 'saved', ?)");
    const imported = db.prepare('INSERT INTO imported_bundle (bundle_id, kind, sender_installation_id, subject, revision, imported_at) VALUES (?, ?, ?, ?, 1, ?)');
    const rows = {
      sentPlan: [sentPlanBundle, 'plan', `plan:${ownPlan}`],
      sentReport: [id(), 'report', `report:${received}:${d1}:${instA}`],
      sentReturn: [id(), 'return', `return:${ownPlan}:${ownDuty}:${instB}`],
      sentTooShort: [id(), 'report', `report:${received}:${d1}`],
      sentTooLong: [id(), 'report', `report:${received}:${d1}:${instA}:extra`],
      sentWrongPrefix: [id(), 'report', `plan:${received}`],
      sentNoColon: [id(), 'plan', 'ke-hoach'],
      sentEmptyPlan: [id(), 'plan', 'plan:'],
    } as const;
    for (const [bundleId, kind, subject] of Object.values(rows)) sent.run(bundleId, kind, subject, stamp);
    const fromA = id();
    const fromB = id();
    const receipt = id();
    imported.run(fromA, 'report', instA, `report:${ownPlan}:${ownDuty}:${instA}`, stamp);
    imported.run(fromB, 'report', instB, `report:${ownPlan}:${ownDuty}:${instB}`, stamp);
    imported.run(receipt, 'receipt', instA, `receipt:${sentPlanBundle}`, stamp);
    const lateReport = id();
    imported.run(lateReport, 'report', instA, `report:${ownPlan}:${ownDuty}:${instA}`, '2026-06-02T00:00:00.000Z'); // no event at that time
    // obligations: a task twice, an id the plan does not have, a plan since removed, a setting that is not JSON
    const setting = db.prepare('INSERT INTO setting (key, value_json) VALUES (?, ?)');
    setting.run(`nhan-ke-hoach:${received}`, JSON.stringify({ carriedTaskIds: [t2, t1, t2, id()], owedDutyIds: [d1, ownDuty] }));
    setting.run(`nhan-ke-hoach:${receivedGone}`, JSON.stringify({ carriedTaskIds: [t3], owedDutyIds: [] }));
    setting.run(`nhan-ke-hoach:${ownPlan}`, '{không phải JSON');
    setting.run('sync', JSON.stringify({ kind: 'folder', folder: '/usb' }));
    await opened.close();

    expect(await upgrade(dir)).toBe(10);
    const after = newRows(dbFile(dir));
    const sentOf = (bundleId: string) => after.sent.find((r) => r.bundle_id === bundleId);
    const columns = (plan: string | null, duty: string | null, reporter: string | null) => expect.objectContaining({ plan_id: plan, duty_id: duty, reporter_installation_id: reporter });
    expect(sentOf(rows.sentPlan[0])).toEqual(columns(ownPlan, null, null));
    expect(sentOf(rows.sentReport[0])).toEqual(columns(received, d1, instA));
    expect(sentOf(rows.sentReturn[0])).toEqual(columns(ownPlan, ownDuty, instB));
    for (const bad of [rows.sentTooShort, rows.sentTooLong, rows.sentWrongPrefix, rows.sentNoColon, rows.sentEmptyPlan]) expect(sentOf(bad[0])).toEqual(columns(null, null, null));
    const importedOf = (bundleId: string) => after.imported.find((r) => r.bundle_id === bundleId);
    expect(importedOf(fromA)).toMatchObject({ plan_id: ownPlan, duty_id: ownDuty, reporter_installation_id: instA, unit_id: unitA, receipt_for_bundle_id: null });
    expect(importedOf(fromB)).toMatchObject({ plan_id: ownPlan, duty_id: ownDuty, reporter_installation_id: instB, unit_id: unitB, receipt_for_bundle_id: null });
    expect(importedOf(lateReport)).toMatchObject({ plan_id: ownPlan, unit_id: null });
    expect(importedOf(receipt)).toMatchObject({ plan_id: null, duty_id: null, reporter_installation_id: null, unit_id: null, receipt_for_bundle_id: sentPlanBundle });
    expect(after.obligations).toEqual(
      sorted([
        { plan_id: received, task_id: t1, duty_id: null },
        { plan_id: received, task_id: t2, duty_id: null },
        { plan_id: received, task_id: null, duty_id: d1 },
      ]),
    );
    expect(after.settings).toEqual(['sync']);

    // the table's rules: a row names a task or a duty, each once, and goes with its plan
    const check = new BetterSqlite3(dbFile(dir));
    check.pragma('foreign_keys = ON');
    expect(() => check.prepare('INSERT INTO received_obligation (plan_id, task_id, duty_id) VALUES (?, ?, ?)').run(received, t3, d1)).toThrow(/CHECK/);
    expect(() => check.prepare('INSERT INTO received_obligation (plan_id, task_id) VALUES (?, ?)').run(received, t1)).toThrow(/UNIQUE/);
    expect(() => check.prepare('INSERT INTO received_obligation (plan_id, task_id) VALUES (?, ?)').run(received, id())).toThrow(/FOREIGN KEY/);
    check.prepare('DELETE FROM plan WHERE id = ?').run(received);
    expect(check.prepare('SELECT count(*) AS n FROM received_obligation').get()).toEqual({ n: 0 });
    expect(check.pragma('foreign_key_check')).toEqual([]);
    check.close();
  });

  it('reads the plan bundles sent in the fixtures of versions 8 and 9', async () => {
    for (const version of [8, 9]) {
      const dir = tempDir();
      fs.copyFileSync(path.join(FIXTURES, `schema-v${version}.sqlite`), dbFile(dir));
      const before = new BetterSqlite3(dbFile(dir), { readonly: true });
      const subjects = before.prepare('SELECT bundle_id, subject FROM sent_bundle ORDER BY bundle_id').all() as { bundle_id: string; subject: string }[];
      before.close();
      expect(subjects.length).toBeGreaterThan(0);
      expect(await upgrade(dir)).toBe(10);
      const after = newRows(dbFile(dir));
      expect(after.sent).toEqual(subjects.map((s) => ({ bundle_id: s.bundle_id, kind: 'plan', subject: s.subject, plan_id: s.subject.slice('plan:'.length), duty_id: null, reporter_installation_id: null })));
      expect(after.settings).toEqual(['sync']);
      expect(after.obligations).toEqual([]);
    }
  });
});
