/**
 * The child process of the crash test: runs one kind of operation in a loop until it is killed
 * (SIGKILL, from test/unit/crash-safety.test.ts), saying on stdout what it starts and what has returned.
 * Run as `node --import tsx test/helpers/crash-worker.ts JOB.json`; the test bundles it with esbuild
 * first, which starts in a quarter of the time. Plain Node: no vitest here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../core/services';
import { openDatabase } from '../../db/connection';
import { writeBackup } from '../../db/backups';
import { dataPaths } from '../../core/data-paths';
import { blankTask } from '../../shared/plans/blank-task';
import type { PlanContent } from '../../shared/plans/plan-schemas';
import type { ReportContent } from '../../shared/reports/report-schemas';
import { backupUnitName, planTaskCount, saveStatus, saveTarget, saveText, type CrashJob } from './crash-plan';
import { expectOk, prepareServices } from './service-setup';

/** Synchronous, so a line is in the pipe before the next operation starts. */
const say = (line: string) => fs.writeSync(1, `${line}\n`);

type Operation = (n: number) => Promise<void>;

async function setUp(job: CrashJob): Promise<{ run: Operation; available: number }> {
  switch (job.scenario) {
    case 'import': {
      const services = await prepareServices(job.dataDir, { office: job.office, onlyIfMissing: true });
      const bundles = job.bundleFiles.map((f) => fs.readFileSync(f).toString('base64'));
      return {
        available: bundles.length,
        run: async (n) => {
          const result = expectOk(await services.call('bundles.import', { base64: bundles[n]!, acceptKey: true }));
          if (result.result !== 'imported') throw new Error(`bundle ${n}: ${result.result}`);
        },
      };
    }
    case 'save': {
      const services = await prepareServices(job.dataDir, { onlyIfMissing: true });
      const reports = await Promise.all(job.reportIds.map(async (id) => expectOk(await services.call('reports.get', { id }))));
      const plan = expectOk(await services.call('plans.get', { id: job.planId, revision: null }));
      return {
        available: Infinity,
        run: async (n) => {
          const target = saveTarget(n, reports.length);
          if (target.kind === 'report') {
            const report = reports[target.index]!;
            const content: ReportContent = {
              ...report.content,
              tasks: report.content.tasks.map((t, i) => ({ ...t, status: saveStatus(n, i), doneText: saveText(n, i) })),
              generalResults: saveText(n, 'chung'),
            };
            expectOk(await services.call('reports.save', { id: report.id, content }));
          } else {
            const content: PlanContent = {
              ...plan.content,
              title: `Kế hoạch thử – lần lưu ${n}`,
              tasks: Array.from({ length: planTaskCount(n) }, (_, i) => blankTask(String(i + 1), saveText(n, i))),
            };
            expectOk(await services.call('plans.saveDraft', { id: plan.id, content }));
          }
        },
      };
    }
    case 'migrate':
      // each operation opens a fresh copy of an old fixture: backup, then the migrations
      return {
        available: Infinity,
        run: async (n) => {
          const services = await prepareServices(path.join(job.dataDir, `lan-${n}`), { onlyIfMissing: true, signIn: false });
          await services.close();
        },
      };
    case 'backup': {
      const services: Services = await prepareServices(job.dataDir, { onlyIfMissing: true });
      // a second connection, opened as the services open theirs, for the same VACUUM INTO they run
      const paths = dataPaths(job.dataDir);
      const opened = await openDatabase(paths.databaseFile, { backupDir: paths.backupDir });
      return {
        available: Infinity,
        run: async (n) => {
          if (n % 2 === 0) expectOk(await services.call('units.create', { name: backupUnitName(n), kind: 'thon' }));
          else writeBackup(opened.sqlite, paths.backupDir, 'kiem-tra', new Date());
        },
      };
    }
  }
}

/** Work done before an operation that is scaffolding, not the operation under test (a kill there proves nothing). */
function beforeOperation(job: CrashJob, n: number): void {
  if (job.scenario !== 'migrate') return;
  const dir = path.join(job.dataDir, `lan-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(job.fixtures[n % job.fixtures.length]!, path.join(dir, 'danvan.sqlite'));
}

async function main(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as CrashJob;
  const { run, available } = await setUp(job);
  say('ready');
  const end = job.limit === undefined ? available : Math.min(available, job.start + job.limit);
  for (let n = job.start; n < end; n++) {
    beforeOperation(job, n);
    say(`begin ${n}`);
    const started = performance.now();
    await run(n);
    say(`ack ${n} ${(performance.now() - started).toFixed(2)}`);
  }
  if (job.limit !== undefined) {
    say('done');
    process.exit(0);
  }
  say('exhausted');
  setInterval(() => undefined, 60_000); // wait for the kill
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
