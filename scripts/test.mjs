// `npm test`: typecheck, lint, layer rules, Electron security scan, the renderer's build, unit tests, end-to-end
// tests in Chromium (and Electron where installed). Every step runs; the last line sums them all:
// "N passed, N failed, N skipped".
// The four static checks run side by side (each prints when done, in order); the renderer is built before the
// unit tests, which pack it (packaging.test.ts), so a fresh clone builds it once.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
fs.mkdirSync('test-results', { recursive: true });
const env = { ...process.env, FORCE_COLOR: '0' };
const shell = process.platform === 'win32';

function report(label, ok, started, ended = Date.now()) {
  console.log(`${ok ? '✔' : '✘'} ${label} (${((ended - started) / 1000).toFixed(1)} s)`);
}

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', shell, env });
  const ok = r.status === 0;
  report(label, ok, started);
  return ok;
}

/** A check run beside others: its output kept and printed whole when it ends, so outputs never interleave. */
function background(label, command, args) {
  const started = Date.now();
  const child = spawn(command, args, { shell, env });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => {
    child.on('error', (e) => resolve({ label, ok: false, output: `${output}${e.message}\n`, started, ended: Date.now() }));
    child.on('close', (code) => resolve({ label, ok: code === 0, output, started, ended: Date.now() }));
  });
}

function suite(label, args, jsonFile) {
  fs.rmSync(jsonFile, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`]);
  if (!fs.existsSync(jsonFile)) {
    results.failed += 1; // the runner itself broke
    return;
  }
  const summary = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  results.passed += summary.numPassedTests;
  results.failed += summary.numFailedTests + (ok || summary.numFailedTests ? 0 : 1);
  results.skipped += summary.numPendingTests + summary.numTodoTests;
  if (summary.numTotalTests === 0) results.failed += 1; // a suite that ran nothing is a defect
}

const checks = await Promise.all([
  background('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '-p', '.']),
  background('Lint (eslint)', 'npx', ['eslint', '.']),
  background('Quy tắc phân lớp (dependency-cruiser)', 'npx', ['depcruise', 'shared', 'core', 'db', 'electron', 'renderer', 'harness', 'cli', '--config', '.dependency-cruiser.cjs']),
  background('Bảo mật Electron (electronegativity)', 'node', ['scripts/security-scan.mjs']),
]);
for (const c of checks) {
  console.log(`\n▶ ${c.label}`);
  if (c.output) process.stdout.write(c.output.endsWith('\n') ? c.output : `${c.output}\n`);
  report(c.label, c.ok, c.started, c.ended);
  if (c.ok) results.passed += 1;
  else results.failed += 1;
}

const built = run('Build giao diện (vite)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (built) results.passed += 1;
else results.failed += 1;
suite('Kiểm thử đơn vị (vitest)', [], 'test-results/unit.json');
if (built) suite('Kiểm thử đầu-cuối (Chromium, Electron)', ['-c', 'vitest.e2e.config.ts'], 'test-results/e2e.json');

console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed ? 1 : 0);
