// `npm test`: typecheck, lint, layer rules, Electron security scan, unit tests, end-to-end tests in Chromium
// (and Electron where installed). Every step runs; the last line sums them all: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
fs.mkdirSync('test-results', { recursive: true });

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(label, command, args) {
  if (run(label, command, args)) results.passed += 1;
  else results.failed += 1;
}

function suite(label, args, jsonFile) {
  fs.rmSync(jsonFile, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`]);
  if (!fs.existsSync(jsonFile)) {
    results.failed += 1; // the runner itself broke
    return;
  }
  const report = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests + (ok || report.numFailedTests ? 0 : 1);
  results.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numTotalTests === 0) results.failed += 1; // a suite that ran nothing is a defect
}

check('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '-p', '.']);
check('Lint (eslint)', 'npx', ['eslint', '.']);
check('Quy tắc phân lớp (dependency-cruiser)', 'npx', ['depcruise', 'shared', 'core', 'db', 'electron', 'renderer', 'harness', 'cli', '--config', '.dependency-cruiser.cjs']);
check('Bảo mật Electron (electronegativity)', 'node', ['scripts/security-scan.mjs']);
suite('Kiểm thử đơn vị (vitest)', [], 'test-results/unit.json');
if (run('Build giao diện (vite)', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  results.passed += 1;
  suite('Kiểm thử đầu-cuối (Chromium, Electron)', ['-c', 'vitest.e2e.config.ts'], 'test-results/e2e.json');
} else {
  results.failed += 1;
}

console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed ? 1 : 0);
