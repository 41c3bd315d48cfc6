import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../core/services';
import { resolveBackupSource } from '../../core/backups/inspect';
import { openBundle } from '../../core/bundles/bundle-codec';
import { searchEntries } from '../../core/plans/plan-search-index';
import { documentNumber } from '../../core/plans/plan-service';
import { listBackups } from '../../db/backups';
import { LATEST_SCHEMA_VERSION } from '../../db/connection';
import { PlanPayload, ReportPayload } from '../../shared/bundles/bundle-schemas';
import { PlanContent } from '../../shared/plans/plan-schemas';
import { ReportContent } from '../../shared/reports/report-schemas';
import { backupUnitName, planTaskCount, saveOf, saveStatus, saveTarget, saveText, type CrashJob } from '../helpers/crash-plan';
import { BINH_CHUONG, prepareServices, type OfficeInput } from '../helpers/service-setup';
import { newPlanWith, task } from '../helpers/plans';
import { call } from '../helpers/services';

/**
 * Kills the services process (SIGKILL: no cleanup, no finally) at random moments during four
 * operations, then reopens the data and checks it: integrity, all-or-nothing per operation, and no
 * acknowledged save lost. The delays come from a seeded generator: CRASH_SEED=<n> repeats a run.
 */

const SEED = Number(process.env.CRASH_SEED ?? 20261123);
const KILLS_PER_SCENARIO = 5;
const FIXTURES = path.join(import.meta.dirname, '../fixtures/db');
const PROVINCE: OfficeInput = { name: 'UBND tỉnh Quảng Ngãi', parentBody: '', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', reportsTo: '' };

let root = '';
let workerFile = '';

/** mulberry32: small, seeded, the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const scenarioRandom = (scenario: string) => prng(SEED ^ crypto.createHash('sha256').update(scenario).digest().readUInt32LE(0));

/** The worker bundled once (≈0.25 s to start instead of ≈1.2 s under tsx); the native module stays outside. */
async function bundleWorker(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'crash-worker.mjs');
  const requireHere = createRequire(import.meta.url);
  await build({
    entryPoints: [path.join(import.meta.dirname, '../helpers/crash-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    external: ['pdfjs-dist', '@napi-rs/canvas'], // imported only when a PDF or a photo is read
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [
      {
        name: 'native-module-in-place',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, (args) => ({ path: pathToFileURL(requireHere.resolve(args.path)).href, external: true }));
        },
      },
    ],
  });
  // the worker that opens bundles and documents, beside the bundle as in dist/electron/ (run-untrusted.ts finds it there)
  await build({
    entryPoints: [path.join(import.meta.dirname, '../../core/untrusted/untrusted-worker.ts')],
    outfile: path.join(outDir, 'untrusted-worker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    external: ['pdfjs-dist', '@napi-rs/canvas'],
  });
  return outfile;
}

interface WorkerRun {
  /** Operation → its duration in ms, as the worker measured it. */
  acked: Map<number, number>;
  begun: number[];
  /** The operation started and not acknowledged when the process died, if any. */
  inFlight: number | null;
  exhausted: boolean;
}

/** Runs the worker on a job; with `delayMs`, kills it that long after it said 'ready', else waits for 'done'. */
function runWorker(job: CrashJob, delayMs: number | null): Promise<WorkerRun> {
  const jobFile = path.join(root, `job-${crypto.randomUUID()}.json`);
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const child = spawn(process.execPath, [workerFile, jobFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: WorkerRun = { acked: new Map(), begun: [], inFlight: null, exhausted: false };
  let stderr = '';
  let pending = '';
  let ready = false;
  const giveUp = setTimeout(() => child.kill('SIGKILL'), 30_000);
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const [word, n, ms] = line.split(' ');
      if (word === 'ready' && !ready) {
        ready = true;
        if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
      } else if (word === 'begin') run.begun.push(Number(n));
      else if (word === 'ack') run.acked.set(Number(n), Number(ms));
      else if (word === 'exhausted') run.exhausted = true;
    }
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      fs.rmSync(jobFile, { force: true });
      const expected = delayMs === null ? code === 0 : signal === 'SIGKILL' && ready;
      if (!expected) return reject(new Error(`worker ${job.scenario} ended with ${signal ?? code} (ready: ${ready}):\n${stderr}`));
      const last = run.begun.at(-1);
      run.inFlight = last !== undefined && !run.acked.has(last) ? last : null;
      resolve(run);
    });
  });
}

/**
 * How long a fresh worker takes to do `ops` operations, measured on a copy: the first one (the slow one,
 * code warming up) plus the median of the others for the rest, so one operation stalled by a busy
 * machine does not stretch the window. Kills are spread over that window.
 */
async function measure(what: string, job: CrashJob, ops: number): Promise<number> {
  const run = await runWorker({ ...job, limit: ops }, null);
  const [first, ...rest] = [...run.acked.values()];
  const median = [...rest].sort((a, b) => a - b)[Math.floor(rest.length / 2)]!;
  const windowMs = first! + (ops - 1) * median;
  log(`measured ${what}: first ${first!.toFixed(1)} ms, then ${median.toFixed(1)} ms (median); kills within ${windowMs.toFixed(1)} ms of 'ready'`);
  return windowMs;
}

/** Opens a file as the app would after the crash (read-write, so a WAL left behind is recovered) and checks it. */
function inspect<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), file).toBe('ok');
    expect(db.pragma('foreign_key_check'), file).toEqual([]);
    return read(db);
  } finally {
    db.close();
  }
}

function allRows(db: BetterSqlite3.Database): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all().map((r) => JSON.stringify(r)).sort()]));
}

/**
 * Every backup the app lists (and so would offer to restore) must be whole: it opens, passes
 * integrity_check and holds what `check` expects. Returns what else lies in the folder.
 */
/** Every listed backup is whole; `check` runs on those of the operation under test (`kind` in the name), not the daily ones. */
function checkListedBackups(backupDir: string, kind: string, check: (db: BetterSqlite3.Database) => void): { listed: number; unlisted: string[] } {
  const listed = listBackups(backupDir);
  for (const b of listed) {
    const db = new BetterSqlite3(path.join(backupDir, b.fileName), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true }), `backup ${b.fileName} is listed, so it must be whole`).toBe('ok');
      if (b.fileName.includes(kind)) check(db);
    } finally {
      db.close();
    }
  }
  const present = fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : [];
  return { listed: listed.length, unlisted: present.filter((f) => !listed.some((b) => b.fileName === f)) };
}

const log = (line: string) => console.log(`[crash] ${line}`);
const where = (run: WorkerRun, name: (n: number) => string) =>
  run.inFlight !== null ? `in ${name(run.inFlight)}` : `between operations (after ${run.acked.size} done)`;

interface KillLog {
  scenario: string;
  delayMs: number;
  inFlight: boolean;
}
const kills: KillLog[] = [];

/** Kills the worker KILLS_PER_SCENARIO times, restarting it each time; `check` inspects the data after each kill. */
async function killRepeatedly(scenario: string, windowMs: number | ((kill: number) => number), jobFor: (kill: number) => CrashJob, check: (run: WorkerRun, kill: number) => void) {
  const random = scenarioRandom(scenario);
  for (let kill = 0; kill < KILLS_PER_SCENARIO; kill++) {
    const delayMs = random() * (typeof windowMs === 'number' ? windowMs : windowMs(kill));
    const run = await runWorker(jobFor(kill), delayMs);
    kills.push({ scenario, delayMs, inFlight: run.inFlight !== null });
    log(`${scenario} kill ${kill + 1}: after ${delayMs.toFixed(1)} ms, ${run.acked.size} acknowledged${run.exhausted ? ', out of work' : ''}`);
    check(run, kill);
  }
  // most kills must land inside an operation, or this test would prove little (a busy machine may
  // still pause the worker right after an acknowledgement, which is a fair moment to kill it too)
  expect(kills.filter((k) => k.scenario === scenario && k.inFlight).length, `${scenario}: kills inside an operation`).toBeGreaterThanOrEqual(KILLS_PER_SCENARIO - 3);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-crash-'));
  workerFile = await bundleWorker(root);
  log(`seed ${SEED} (CRASH_SEED=${SEED} repeats these kills)`);
}, 120_000);

afterAll(() => {
  if (kills.length) log(`${kills.length} kills, ${kills.filter((k) => k.inFlight).length} inside an operation; delays ms: ${kills.map((k) => k.delayMs.toFixed(1)).join(', ')}`);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('crash safety: SIGKILL during an operation never leaves half of it', () => {
  it('bundle import: a report bundle and a plan bundle are there entirely or not at all', async () => {
    // Two installations exchange real bundles: the province's plan down, the commune's report up.
    const provinceDir = path.join(root, 'tinh');
    const province = await prepareServices(provinceDir, { office: PROVINCE });
    const xa = await call(province, 'units.create', { name: BINH_CHUONG.name, kind: 'xa' });
    const owes = [{ type: 'unit' as const, unitId: xa.id, note: '' }];
    const duty = crypto.randomUUID();
    const plan = await newPlanWith(province, 'own', 2026, (c) => ({
      ...c,
      tasks: Array.from({ length: 25 }, (_, i) => task(String(i + 1), `Nhiệm vụ ${i + 1}: tổ chức đối thoại, tiếp công dân, giải quyết kiến nghị`, { implementing: owes })),
      duties: [{ id: duty, kind: 'semiannual', label: '', dueDate: '2026-05-15', units: owes, recipient: 'Sở Nội vụ', quarter: null }],
    }));
    await call(province, 'plans.issue', { id: plan.id, number: '14', issueDate: '2026-01-19' });
    const commune = await prepareServices(path.join(root, 'xa'));
    const bundleDir = path.join(root, 'goi');
    fs.mkdirSync(bundleDir);
    const planFiles: string[] = [];
    const writeFile = (name: string, base64: string) => {
      const file = path.join(bundleDir, name);
      fs.writeFileSync(file, Buffer.from(base64, 'base64'));
      return file;
    };
    const first = await call(province, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });
    planFiles.push(writeFile('ke-hoach-1.dvb', first.base64));
    await call(commune, 'bundles.import', { base64: first.base64, acceptKey: true });
    const own = await call(commune, 'ownReports.get', { planId: plan.id, dutyId: duty });
    const reportFiles: string[] = [];
    for (let r = 0; r < 16; r++) {
      const content = { ...own.content, tasks: own.content.tasks.map((t, i) => ({ ...t, status: saveStatus(r, i), doneText: saveText(r, i) })), generalResults: saveText(r, 'chung') };
      await call(commune, 'ownReports.save', { planId: plan.id, dutyId: duty, content });
      reportFiles.push(writeFile(`bao-cao-${r + 1}.dvb`, (await call(commune, 'bundles.exportReport', { planId: plan.id, dutyId: duty })).base64));
    }
    for (let k = 2; k <= 14; k++) {
      const current = await call(province, 'plans.get', { id: plan.id, revision: null });
      const tasks = [...current.content.tasks.map((t) => ({ ...t, body: `${t.body.replace(/ \(sửa lần \d+\)$/, '')} (sửa lần ${k})` })), task(String(current.content.tasks.length + 1), `Nhiệm vụ bổ sung lần ${k}`, { implementing: owes })];
      await call(province, 'plans.revise', { id: plan.id, reason: `Sửa lần ${k}`, content: { ...current.content, tasks } });
      planFiles.push(writeFile(`ke-hoach-${k}.dvb`, (await call(province, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id })).base64));
    }
    const communeId = (await call(commune, 'app.status', {})).installationId!;
    await province.close();
    await commune.close();

    const sequences = {
      report: { files: reportFiles, dataDir: provinceDir, office: PROVINCE, done: 0 },
      plan: { files: planFiles, dataDir: path.join(root, 'xa-nhan'), office: BINH_CHUONG as OfficeInput, done: 0 },
    };
    const opened = (files: string[]) => files.map((f) => openBundle(fs.readFileSync(f)));
    const reportBundles = opened(reportFiles);
    const planBundles = opened(planFiles);

    /** Rows the report bundles write at the province, read back; compared with what j imports must give. */
    const reportState = (db: BetterSqlite3.Database) => {
      const imported = db.prepare('SELECT bundle_id, imported_at FROM imported_bundle ORDER BY imported_at, rowid').all() as { bundle_id: string; imported_at: string }[];
      const report = db.prepare('SELECT * FROM report WHERE plan_id = ? AND duty_id = ? AND unit_id = ?').get(plan.id, duty, xa.id) as Record<string, string | number> | undefined;
      const id = report?.id ?? '';
      return {
        imported: imported.map((r) => r.bundle_id),
        report: report && { status: report.status, revision: report.revision, receivedDate: report.received_date, content: JSON.parse(report.content_json as string) },
        revisions: db.prepare('SELECT revision, content_json FROM report_revision WHERE report_id = ? ORDER BY revision').all(id).map((r) => ({ ...(r as object), content_json: JSON.parse((r as { content_json: string }).content_json) })),
        events: db.prepare('SELECT kind, revision, date FROM report_event WHERE report_id = ? ORDER BY revision').all(id),
        entries: db.prepare('SELECT task_id, status FROM report_task_entry WHERE report_id = ? ORDER BY task_id').all(id),
        senderAcceptedAt: (db.prepare('SELECT accepted_at FROM known_sender WHERE installation_id = ?').get(communeId) as { accepted_at: string } | undefined)?.accepted_at ?? null,
        lastImportedAt: imported.at(-1)?.imported_at ?? null,
      };
    };
    const expectedReportState = (j: number, actual: ReturnType<typeof reportState>) => {
      const payloads = reportBundles.slice(0, j).map((b) => ReportPayload.parse(b.payload));
      const last = payloads.at(-1);
      return {
        imported: reportBundles.slice(0, j).map((b) => b.manifest.bundleId),
        report: last && { status: 'submitted', revision: j, receivedDate: last.receivedDate, content: last.content },
        revisions: payloads.map((p, i) => ({ revision: i + 1, content_json: p.content })),
        events: payloads.map((p, i) => ({ kind: 'submitted', revision: i + 1, date: p.receivedDate })),
        entries: (last?.content.tasks ?? []).map((t) => ({ task_id: t.taskId, status: t.status })).sort((a, b) => a.task_id.localeCompare(b.task_id)),
        senderAcceptedAt: j ? actual.lastImportedAt : null, // the sender's key is pinned by the same transaction
        lastImportedAt: actual.lastImportedAt,
      };
    };
    /** Rows a plan bundle writes at the receiving commune. */
    const planState = (db: BetterSqlite3.Database) => {
      const row = db.prepare('SELECT revision, content_json FROM plan WHERE id = ?').get(plan.id) as { revision: number; content_json: string } | undefined;
      const obligations = (column: 'task_id' | 'duty_id', items: 'plan_task' | 'plan_duty') =>
        (db.prepare(`SELECT o.${column} AS id FROM received_obligation o JOIN ${items} i ON i.id = o.${column} WHERE o.plan_id = ? ORDER BY i.position`).all(plan.id) as { id: string }[]).map((r) => r.id);
      return {
        imported: (db.prepare('SELECT bundle_id FROM imported_bundle ORDER BY imported_at, rowid').all() as { bundle_id: string }[]).map((r) => r.bundle_id),
        plan: row && { revision: row.revision, content: JSON.parse(row.content_json) },
        tasks: db.prepare('SELECT id, position, ordinal, body FROM plan_task WHERE plan_id = ? ORDER BY position').all(plan.id),
        duties: db.prepare('SELECT id, position, kind, due_date FROM plan_duty WHERE plan_id = ? ORDER BY position').all(plan.id),
        search: db.prepare('SELECT task_id, folded FROM plan_search WHERE plan_id = ? ORDER BY task_id, folded').all(plan.id),
        obligations: row ? { carriedTaskIds: obligations('task_id', 'plan_task'), owedDutyIds: obligations('duty_id', 'plan_duty') } : null,
      };
    };
    const expectedPlanState = (j: number) => {
      const bundle = planBundles[j - 1];
      const p = bundle && PlanPayload.parse(bundle.payload);
      const c = p?.content;
      return {
        imported: planBundles.slice(0, j).map((b) => b.manifest.bundleId),
        plan: bundle && { revision: bundle.manifest.revision, content: c },
        tasks: (c?.tasks ?? []).map((t, position) => ({ id: t.id, position, ordinal: t.ordinal, body: t.body })),
        duties: (c?.duties ?? []).map((d, position) => ({ id: d.id, position, kind: d.kind, due_date: d.dueDate })),
        search: c ? searchEntries(c, documentNumber(c)).map((e) => ({ task_id: e.taskId, folded: e.folded })).sort((a, b) => (a.task_id ?? '').localeCompare(b.task_id ?? '') || a.folded.localeCompare(b.folded)) : [],
        obligations: p ? { carriedTaskIds: p.carriedTaskIds, owedDutyIds: p.owedDutyIds } : null,
      };
    };

    const kindOf = (kill: number) => (kill % 2 === 0 ? 'report' : 'plan') as keyof typeof sequences;
    const jobOf = (kind: keyof typeof sequences, dataDir = sequences[kind].dataDir): CrashJob => ({ scenario: 'import', dataDir, start: sequences[kind].done, office: sequences[kind].office, bundleFiles: sequences[kind].files });
    const calibration = path.join(root, 'tinh-thu');
    fs.cpSync(provinceDir, calibration, { recursive: true });
    const OPS = 4;
    const windowMs = { report: await measure('report bundle imports', jobOf('report', calibration), OPS), plan: await measure('plan bundle imports', jobOf('plan', path.join(root, 'xa-thu')), OPS) };

    await killRepeatedly(
      'import',
      (kill) => {
        // never past the bundles left, so the kill lands in an import
        const kind = kindOf(kill);
        return windowMs[kind] * Math.min(1, (0.9 * (sequences[kind].files.length - sequences[kind].done)) / OPS);
      },
      (kill) => jobOf(kindOf(kill)),
      (run, kill) => {
        const kind = kindOf(kill);
        const seq = sequences[kind];
        const file = path.join(seq.dataDir, 'danvan.sqlite');
        const j = inspect(file, (db) => {
          if (kind === 'report') {
            const actual = reportState(db);
            const count = actual.imported.length;
            expect(actual).toEqual(expectedReportState(count, actual));
            return count;
          }
          const actual = planState(db);
          expect(actual).toEqual(expectedPlanState(actual.imported.length));
          return actual.imported.length;
        });
        // every acknowledged import is there; the one under way is there entirely or not at all
        const low = seq.done + run.acked.size;
        expect(j).toBeGreaterThanOrEqual(low);
        expect(j).toBeLessThanOrEqual(low + (run.inFlight !== null ? 1 : 0));
        log(`  ${where(run, (n) => `${kind} bundle ${n + 1}`)}: ${j} of ${seq.files.length} imported, ${run.inFlight === null ? '' : j > low ? 'the one under way entirely' : 'the one under way not at all'}`);
        seq.done = j;
      },
    );
  }, 120_000);

  it('report and plan draft saves: every acknowledged text survives exactly, never a mix of two saves', async () => {
    const dataDir = path.join(root, 'luu');
    const services: Services = await prepareServices(dataDir);
    const units = [];
    for (const name of ['Thôn An Phú', 'Thôn Trà Bình', 'Thôn Phú Lâm']) units.push(await call(services, 'units.create', { name, kind: 'thon' }));
    const refs = units.map((u) => ({ type: 'unit' as const, unitId: u.id, note: '' }));
    const duty = crypto.randomUUID();
    const plan = await newPlanWith(services, 'own', 2026, (c) => ({
      ...c,
      tasks: Array.from({ length: 12 }, (_, i) => task(String(i + 1), `Nhiệm vụ ${i + 1}`, { implementing: refs })),
      duties: [{ id: duty, kind: 'semiannual', label: '', dueDate: '2026-06-10', units: refs, recipient: '', quarter: null }],
    }));
    await call(services, 'plans.issue', { id: plan.id, number: '7', issueDate: '2026-01-25' });
    const reportIds: string[] = [];
    for (const u of units) reportIds.push((await call(services, 'reports.open', { planId: plan.id, dutyId: duty, unitId: u.id })).id);
    const draft = await call(services, 'plans.create', { kind: 'own', year: 2027 });
    await services.close();

    const acked = new Set<number>();
    let next = 0;
    const job = (dir = dataDir): CrashJob => ({ scenario: 'save', dataDir: dir, start: next, reportIds, planId: draft.id });
    fs.cpSync(dataDir, path.join(root, 'luu-thu'), { recursive: true });
    const windowMs = await measure('saves', job(path.join(root, 'luu-thu')), 6);

    /** The save whose text a target holds (-1: none yet); the checks below prove every part is from that save. */
    const savedBy = (texts: string[]): number => saveOf(texts[0] ?? '') ?? -1;
    const targetKey = (n: number) => {
      const t = saveTarget(n, reportIds.length);
      return t.kind === 'plan' ? 'plan' : `report-${t.index}`;
    };
    await killRepeatedly(
      'save',
      windowMs,
      () => job(),
      (run) => {
        for (const n of run.acked.keys()) acked.add(n);
        /** The last acknowledged save of a target, or the one under way if it is this target's. */
        const allowed = (key: string) => {
          const done = [...acked].filter((n) => targetKey(n) === key);
          const options = [done.length ? Math.max(...done) : -1];
          if (run.inFlight !== null && targetKey(run.inFlight) === key) options.push(run.inFlight);
          return options;
        };
        const found: string[] = [];
        inspect(path.join(dataDir, 'danvan.sqlite'), (db) => {
          reportIds.forEach((id, index) => {
            const row = db.prepare('SELECT content_json FROM report WHERE id = ?').get(id) as { content_json: string };
            const content = ReportContent.parse(JSON.parse(row.content_json));
            const n = savedBy(content.tasks.map((t) => t.doneText));
            const expected = n < 0 ? content.tasks.map(() => ['', null]) : content.tasks.map((_, i) => [saveText(n, i), saveStatus(n, i)]);
            expect(content.tasks.map((t) => [t.doneText, t.status]), `report ${index}`).toEqual(expected);
            if (n >= 0) expect(content.generalResults).toBe(saveText(n, 'chung'));
            // the per-task mirror was written by the same save
            const mirror = db.prepare('SELECT task_id, status FROM report_task_entry WHERE report_id = ? ORDER BY task_id').all(id);
            expect(mirror).toEqual(content.tasks.map((t) => ({ task_id: t.taskId, status: t.status })).sort((a, b) => a.task_id.localeCompare(b.task_id)));
            expect(allowed(`report-${index}`)).toContain(n);
            found.push(`báo cáo ${index + 1}: lần ${n}`);
          });
          const row = db.prepare('SELECT content_json FROM plan WHERE id = ?').get(draft.id) as { content_json: string };
          const content = PlanContent.parse(JSON.parse(row.content_json));
          const n = savedBy(content.tasks.map((t) => t.body));
          if (n >= 0) {
            expect(content.title).toBe(`Kế hoạch thử – lần lưu ${n}`);
            expect(content.tasks.map((t) => t.body)).toEqual(Array.from({ length: planTaskCount(n) }, (_, i) => saveText(n, i)));
          }
          expect(db.prepare('SELECT id, ordinal, body FROM plan_task WHERE plan_id = ? ORDER BY position').all(draft.id)).toEqual(content.tasks.map((t) => ({ id: t.id, ordinal: t.ordinal, body: t.body })));
          const search = db.prepare('SELECT task_id, folded FROM plan_search WHERE plan_id = ? ORDER BY task_id, folded').all(draft.id);
          expect(search).toEqual(searchEntries(content, documentNumber(content)).map((e) => ({ task_id: e.taskId, folded: e.folded })).sort((a, b) => (a.task_id ?? '').localeCompare(b.task_id ?? '') || a.folded.localeCompare(b.folded)));
          expect(allowed('plan')).toContain(n);
          found.push(`dự thảo: lần ${n}`);
        });
        // a save under way that made it is the baseline from now on, as if acknowledged
        if (run.inFlight !== null && found.some((f) => f.endsWith(`lần ${run.inFlight}`))) acked.add(run.inFlight);
        log(`  ${where(run, (n) => `save ${n}`)}; found ${found.join(', ')}`);
        next = Math.max(next, ...run.begun) + 1;
      },
    );

    // the services, reopened, show exactly the last acknowledged (or the later, unacknowledged) texts
    const reopened = await prepareServices(dataDir, { onlyIfMissing: true });
    for (const id of reportIds) {
      const report = await call(reopened, 'reports.get', { id });
      const n = saveOf(report.content.tasks[0]!.doneText);
      expect(n).not.toBeNull();
      expect(report.content.tasks.map((t) => t.doneText)).toEqual(report.content.tasks.map((_, i) => saveText(n!, i)));
    }
    await reopened.close();
  }, 120_000);

  it('migration: an old database is found at its old version or the latest, never between, and opening again finishes', async () => {
    const fixtures = ['schema-v1.sqlite', 'schema-v3.sqlite'].map((f) => path.join(FIXTURES, f));
    // what each fixture holds, and what an uninterrupted upgrade makes of it
    const reference = new Map<string, { version: number; before: Record<string, string[]>; after: Record<string, string[]> }>();
    for (const fixture of fixtures) {
      const dir = path.join(root, `mau-${path.basename(fixture, '.sqlite')}`);
      fs.mkdirSync(dir);
      const file = path.join(dir, 'danvan.sqlite');
      fs.copyFileSync(fixture, file);
      const [version, before] = inspect(file, (db) => [db.pragma('user_version', { simple: true }) as number, allRows(db)] as const);
      await (await prepareServices(dir, { onlyIfMissing: true, signIn: false })).close();
      reference.set(fixture, { version, before, after: inspect(file, allRows) });
    }
    const baseDir = path.join(root, 'nang-cap');
    let next = 0;
    const job = (dir = baseDir): CrashJob => ({ scenario: 'migrate', dataDir: dir, start: next, fixtures });
    const windowMs = await measure('openings of an old database (backup, upgrade)', job(path.join(root, 'nang-cap-thu')), 4);

    /** Backups of an upgrade are of the fixture as it was. */
    const checkBackups = (dir: string, fixture: string) =>
      checkListedBackups(path.join(dir, 'backups'), 'truoc-nang-cap', (db) => {
        expect(db.pragma('user_version', { simple: true })).toBe(reference.get(fixture)!.version);
        expect(allRows(db)).toEqual(reference.get(fixture)!.before);
      });
    const begun: number[] = [];
    await killRepeatedly('migrate', windowMs, () => job(), (run) => {
      begun.push(...run.begun);
      next = Math.max(next, ...run.begun) + 1;
      for (const n of run.acked.keys()) {
        const file = path.join(baseDir, `lan-${n}`, 'danvan.sqlite');
        expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(LATEST_SCHEMA_VERSION);
      }
      if (run.inFlight === null) return void log(`  ${where(run, String)}`);
      const n = run.inFlight;
      const fixture = fixtures[n % fixtures.length]!;
      const ref = reference.get(fixture)!;
      const dir = path.join(baseDir, `lan-${n}`);
      // the old version with exactly the fixture's rows, or the latest with exactly what a whole upgrade gives
      const [version, rows] = inspect(path.join(dir, 'danvan.sqlite'), (db) => [db.pragma('user_version', { simple: true }) as number, allRows(db)] as const);
      expect([ref.version, LATEST_SCHEMA_VERSION]).toContain(version);
      expect(rows).toEqual(version === ref.version ? ref.before : ref.after);
      const backups = checkBackups(dir, fixture);
      const phase = version === LATEST_SCHEMA_VERSION ? 'after the upgrade committed' : backups.listed ? 'after the backup, in the upgrade' : 'before the backup was complete';
      log(`  in upgrade ${n} (${path.basename(fixture)}), ${phase}: found v${version}, ${backups.listed} whole backup(s)${backups.unlisted.length ? `, not listed: ${backups.unlisted.join(', ')}` : ''}`);
    });
    // opening again finishes every interrupted upgrade, keeping the fixture's data and backing it up whole
    for (const n of begun) {
      const dir = path.join(baseDir, `lan-${n}`);
      const fixture = fixtures[n % fixtures.length]!;
      const services = await prepareServices(dir, { onlyIfMissing: true, signIn: false });
      expect((await call(services, 'app.status', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      await services.close();
      expect(inspect(path.join(dir, 'danvan.sqlite'), allRows)).toEqual(reference.get(fixture)!.after);
      expect(checkBackups(dir, fixture).listed).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);

  it('backup: the live database is untouched and a half-written backup is never listed or restored', async () => {
    const dataDir = path.join(root, 'sao-luu');
    await (await prepareServices(dataDir)).close();
    // enough data that VACUUM INTO takes a while
    const file = path.join(dataDir, 'danvan.sqlite');
    const bulk = new BetterSqlite3(file);
    const insert = bulk.prepare('INSERT INTO setting (key, value_json) VALUES (?, ?)');
    bulk.transaction(() => {
      for (let i = 0; i < 2500; i++) insert.run(`kiem-tra:${i}`, JSON.stringify({ i, text: saveText(i, i).slice(0, 1500) }));
    })();
    bulk.close();
    const settingsOf = (db: BetterSqlite3.Database) => crypto.createHash('sha256').update(JSON.stringify(db.prepare("SELECT key, value_json FROM setting WHERE key LIKE 'kiem-tra:%' ORDER BY key").all())).digest('hex');
    const settings = inspect(file, settingsOf);
    const backupDir = path.join(dataDir, 'backups');

    let next = 0;
    const created = new Set<number>();
    let backupsMade = 0;
    const job = (dir = dataDir): CrashJob => ({ scenario: 'backup', dataDir: dir, start: next });
    fs.cpSync(dataDir, path.join(root, 'sao-luu-thu'), { recursive: true });
    const windowMs = await measure('steps (a unit saved, a backup, …)', job(path.join(root, 'sao-luu-thu')), 4);
    const unlisted = new Set<string>();

    await killRepeatedly('backup', windowMs, () => job(), (run) => {
      for (const n of run.acked.keys()) {
        if (n % 2 === 0) created.add(n);
        else backupsMade++;
      }
      // the live database: whole, the same data, every acknowledged unit there
      inspect(file, (db) => {
        expect(settingsOf(db)).toBe(settings);
        const units = new Set((db.prepare("SELECT name FROM unit WHERE name LIKE 'Thôn sao lưu %'").all() as { name: string }[]).map((u) => u.name));
        for (const n of created) expect(units.has(backupUnitName(n)), backupUnitName(n)).toBe(true);
        const mayBeThere = new Set([...created].map(backupUnitName));
        if (run.inFlight !== null && run.inFlight % 2 === 0) mayBeThere.add(backupUnitName(run.inFlight));
        expect([...units].filter((u) => !mayBeThere.has(u))).toEqual([]);
        // a unit committed just before the kill, unacknowledged, is now as durable as an acknowledged one
        if (run.inFlight !== null && run.inFlight % 2 === 0 && units.has(backupUnitName(run.inFlight))) created.add(run.inFlight);
      });
      // every backup listed is whole; anything else in the folder is not offered
      const { listed, unlisted: others } = checkListedBackups(backupDir, 'kiem-tra', (db) => {
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        expect(settingsOf(db)).toBe(settings);
      });
      expect(listed).toBeGreaterThanOrEqual(Math.min(10, backupsMade)); // a partial file never pushes a good backup out
      expect(others.filter((f) => !/\.sqlite\.part(-journal)?$/.test(f))).toEqual([]);
      const fresh = others.filter((f) => !unlisted.has(f));
      for (const f of others) unlisted.add(f);
      log(`  ${where(run, (n) => (n % 2 ? `backup ${n}` : `unit ${n}`))}: ${listed} whole backups listed${fresh.length ? `; cut short, not listed: ${fresh.join(', ')}` : ''}`);
      next = Math.max(next, ...run.begun) + 1;
    });

    // through the services: the same list, and a leftover partial file cannot be restored
    const services = await prepareServices(dataDir, { onlyIfMissing: true });
    const names = (await call(services, 'backups.list', {})).map((b) => b.fileName);
    expect(names).toEqual(listBackups(backupDir).map((b) => b.fileName));
    for (const f of unlisted) {
      if (!fs.existsSync(path.join(backupDir, f))) continue;
      expect((await services.call('backups.restore', { fileName: f })).ok, f).toBe(false); // refused by the contract's name rule
      expect(() => resolveBackupSource({ fileName: f, path: null }, backupDir, path.join(dataDir, 'danvan.sqlite')), f).toThrow(/Không tìm thấy bản sao lưu/); // and by the restore itself
    }
    await services.close();
  }, 120_000);
});
