/**
 * The layer rules in .dependency-cruiser.cjs refuse what they should.
 *
 * One scratch copy of the source tree (the layers and the config files; node_modules symlinked) gets one
 * probe file per forbidden import, and dependency-cruiser's CLI runs on it once, as `npm run lint:layers` does.
 * Each probe must be reported by exactly its own rule, and nothing else in the copy may be reported:
 * so today's tree passes, and each rule catches at least the imports the issue found missing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYERS = ['shared', 'core', 'db', 'electron', 'renderer', 'harness', 'cli'];
const CONFIG_FILES = ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json'];

interface Probe {
  /** What the probe shows, for the test's name. */
  what: string;
  /** The file that imports, relative to the root; a new file unless `append`. */
  file: string;
  /** An npm package or builtin (`kysely`, `node:fs`), or a repo path without extension (`db/connection`). */
  target: string;
  /** The rule that must report it, and only it. */
  rule: string;
  typeOnly?: boolean;
  /** Add the import to the copy of an existing file instead of a new one. */
  append?: boolean;
  /** Other new files the probe needs (path → content); a violation may name them instead of `file`. */
  companions?: Record<string, string>;
}

const PROBES: Probe[] = [
  // The imports the issue found unflagged.
  { what: 'renderer → better-sqlite3', file: 'renderer/src/zz-probe-better-sqlite3.ts', target: 'better-sqlite3', rule: 'renderer-only-shared-and-ui' },
  { what: 'renderer → kysely', file: 'renderer/src/zz-probe-kysely.ts', target: 'kysely', rule: 'renderer-only-shared-and-ui' },
  { what: 'renderer → fflate', file: 'renderer/src/zz-probe-fflate.ts', target: 'fflate', rule: 'renderer-only-shared-and-ui' },
  { what: 'core → harness', file: 'core/zz-probe/harness.ts', target: 'harness/http-host', rule: 'core-not-above' },
  { what: 'electron → db/connection', file: 'electron/zz-probe-db-connection.ts', target: 'db/connection', rule: 'electron-only-core-shared' },
  { what: 'shared → docx', file: 'shared/zz-probe/docx.ts', target: 'docx', rule: 'shared-only-zod' },
  { what: 'shared → mammoth', file: 'shared/zz-probe/mammoth.ts', target: 'mammoth', rule: 'shared-only-zod' },
  { what: 'harness → db', file: 'harness/zz-probe-db.ts', target: 'db/connection', rule: 'harness-only-core-shared' },
  // The other edges of each rule.
  { what: 'renderer → a Node builtin', file: 'renderer/src/zz-probe-node-fs.ts', target: 'node:fs', rule: 'renderer-only-shared-and-ui' },
  { what: 'renderer → core (type-only import)', file: 'renderer/src/zz-probe-core.ts', target: 'core/services', rule: 'renderer-only-shared-and-ui', typeOnly: true },
  { what: 'renderer → electron', file: 'renderer/src/zz-probe-electron.ts', target: 'electron', rule: 'renderer-only-shared-and-ui' },
  { what: 'shared → a Node builtin', file: 'shared/zz-probe/crypto.ts', target: 'node:crypto', rule: 'shared-only-zod' },
  { what: 'shared → db (type-only import)', file: 'shared/zz-probe/db.ts', target: 'db/schema', rule: 'shared-only-zod', typeOnly: true },
  { what: 'shared → core', file: 'shared/zz-probe/core.ts', target: 'core/app-error', rule: 'shared-only-zod' },
  { what: 'db → core', file: 'db/zz-probe-core.ts', target: 'core/services', rule: 'db-only-storage' },
  { what: 'db → a document library', file: 'db/zz-probe-docx.ts', target: 'docx', rule: 'db-only-storage' },
  { what: 'core → the electron package', file: 'core/zz-probe/electron.ts', target: 'electron', rule: 'core-not-above' },
  { what: 'core → renderer', file: 'core/zz-probe/renderer.ts', target: 'renderer/src/api/hooks', rule: 'core-not-above' },
  { what: 'core → cli', file: 'core/zz-probe/cli.ts', target: 'cli/info-command', rule: 'core-not-above' },
  { what: 'electron → an npm package other than electron', file: 'electron/zz-probe-kysely.ts', target: 'kysely', rule: 'electron-only-core-shared' },
  { what: 'electron → harness', file: 'electron/zz-probe-harness.ts', target: 'harness/http-host', rule: 'electron-only-core-shared' },
  { what: 'preload → core', file: 'electron/preload.ts', target: 'core/app-error', rule: 'preload-only-contract', append: true },
  { what: 'harness → an npm package', file: 'harness/zz-probe-fflate.ts', target: 'fflate', rule: 'harness-only-core-shared' },
  { what: 'cli → db/connection', file: 'cli/zz-probe-db-connection.ts', target: 'db/connection', rule: 'cli-only-core-shared' },
  { what: 'cli → an npm package', file: 'cli/zz-probe-kysely.ts', target: 'kysely', rule: 'cli-only-core-shared' },
  { what: 'an import that does not resolve', file: 'core/zz-probe/unresolvable.ts', target: 'core/zz-probe/does-not-exist', rule: 'not-to-unresolvable' },
  {
    what: 'a cycle',
    file: 'core/zz-probe/cycle-a.ts',
    target: 'core/zz-probe/cycle-b',
    rule: 'no-circular',
    companions: { 'core/zz-probe/cycle-b.ts': "import * as a from './cycle-a';\nexport const back = a;\n" },
  },
];

const LOCAL = new RegExp(`^(${[...LAYERS, 'test', 'bench', 'scripts'].join('|')})/`);

function importLine(probe: Probe, index: number): string {
  let specifier = probe.target;
  if (LOCAL.test(specifier)) {
    specifier = path.posix.relative(path.posix.dirname(probe.file), specifier);
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  }
  const name = `probe${index}`;
  return probe.typeOnly
    ? `import type * as ${name} from '${specifier}';\nexport type Probe${index} = typeof ${name};\n`
    : `import * as ${name} from '${specifier}';\nexport const used${index} = ${name};\n`;
}

const filesOf = (probe: Probe): string[] => [probe.file, ...Object.keys(probe.companions ?? {})];

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

let scratch = '';
let violations: Violation[] = [];
let cruised = 0;

function runDepcruise(cwd: string): Promise<{ code: number; stderr: string }> {
  const bin = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const args = [bin, ...LAYERS, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--output-to', 'depcruise.json'];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stderr });
    });
  });
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-layers-'));
  for (const layer of LAYERS) fs.cpSync(path.join(ROOT, layer), path.join(scratch, layer), { recursive: true });
  for (const file of CONFIG_FILES) fs.copyFileSync(path.join(ROOT, file), path.join(scratch, file));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'junction');

  PROBES.forEach((probe, index) => {
    const file = path.join(scratch, probe.file);
    if (probe.append) {
      expect(fs.existsSync(file), `${probe.file} exists in the copy`).toBe(true);
      fs.appendFileSync(file, `\n${importLine(probe, index)}`);
    } else {
      expect(fs.existsSync(file), `${probe.file} is a new file`).toBe(false);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `// Probe for test/unit/layer-rules.test.ts: ${probe.what}\n${importLine(probe, index)}`);
    }
    for (const [companion, content] of Object.entries(probe.companions ?? {})) {
      expect(fs.existsSync(path.join(scratch, companion)), `${companion} is a new file`).toBe(false);
      fs.writeFileSync(path.join(scratch, companion), content);
    }
  });

  // The JSON reporter exits 0 whatever it finds (the `err` reporter of `npm run lint:layers` exits with the
  // number of errors); what counts is the violations listed with severity error.
  const { code, stderr } = await runDepcruise(scratch);
  const output = path.join(scratch, 'depcruise.json');
  if (!fs.existsSync(output)) throw new Error(`dependency-cruiser wrote no result (exit ${code}):\n${stderr}`);
  const result = JSON.parse(fs.readFileSync(output, 'utf8')) as { summary: { violations: Violation[]; totalCruised: number } };
  violations = result.summary.violations;
  cruised = result.summary.totalCruised;
}, 180_000);

afterAll(() => {
  if (scratch && !process.env.KEEP_SCRATCH) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('report nothing in the tree as it is today (only the probes added to the copy)', () => {
    const probeFiles = new Set(PROBES.flatMap(filesOf));
    const others = violations.filter((v) => !probeFiles.has(v.from)).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(others).toEqual([]);
    expect(cruised).toBeGreaterThan(200);
  });

  it('every rule in the config has a probe here', () => {
    const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] };
    const names = config.forbidden.map((r) => r.name).sort();
    expect([...new Set(PROBES.map((p) => p.rule))].sort()).toEqual(names);
  });

  it.each(PROBES.map((probe) => [probe.what, probe] as const))('refuse %s', (_what, probe) => {
    const files = filesOf(probe);
    const reported = violations.filter((v) => files.includes(v.from));
    const rules = [...new Set(reported.map((v) => v.rule.name))];
    expect(rules, `${probe.file} imports ${probe.target}`).toEqual([probe.rule]);
    for (const v of reported) expect(v.rule.severity).toBe('error');
  });
});
