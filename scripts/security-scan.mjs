// `npm run security`: @doyensec/electronegativity on the Electron shell (electron/*.ts), offline.
// Its CLI does not run here (it needs an old `commander` and downloads translations), so this calls its
// runner directly, with the network blocked. Every finding above LOW in electron/ must be explained by a
// comment at the place it points to, in the comment lines right above that line (or on it):
//     // electronegativity: CHECK_ID — why this is fine
// (several ids may share one reason: "CHECK_A, CHECK_B — …"). A finding without a place (file "N/A",
// the tool's whole-app checks) is explained by such a comment anywhere in electron/. Findings outside
// electron/ are out of scope. Writes test-results/electronegativity.sarif (the tool's report) and
// test-results/electronegativity.json (each finding, explained or not); exits 1 if one is not explained.
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';

const root = path.resolve(import.meta.dirname, '..');
const scanned = path.join(root, 'electron');
const outDir = path.join(root, 'test-results');
const started = Date.now();

// No network, whatever the tool tries (translations, Electron release lists): every attempt fails at once.
const offline = () => {
  throw new Error('security-scan: no network');
};
for (const m of [http, https]) Object.assign(m, { request: offline, get: offline });
Object.assign(net, { connect: offline, createConnection: offline });
Object.assign(tls, { connect: offline });
Object.assign(dns, { lookup: (_host, options, callback) => (typeof options === 'function' ? options : callback)(new Error('security-scan: no network')) });
globalThis.fetch = async () => offline();

const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
// `got` (translations; release lists) answers "offline" without trying.
const gotPath = require.resolve('got', { paths: [path.join(toolDir, 'dist', 'locales')] });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('security-scan: no network')) };
process.env.LANG = 'en-US'; // the bundled English messages

const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const quiet = console.log;
console.log = (...args) => (/Could not retrieve updated translations/.test(String(args[0])) ? undefined : quiet(...args));
const run = require(path.join(toolDir, 'dist', 'runner.js'));
fs.mkdirSync(outDir, { recursive: true });
const result = await run(
  {
    input: scanned,
    output: path.join(outDir, 'electronegativity.sarif'),
    isSarif: true,
    isRelative: true,
    customScan: [],
    // Needs the Electron release list from the internet (security fixes of the installed version).
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
  },
  false,
).finally(() => (console.log = quiet));

const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const EXPLANATION = /electronegativity:\s*([A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*)\s*[—–-]+\s*(\S.*)$/;
const isComment = (line) => /^\s*(\/\/|\/\*|\*)/.test(line);
const sources = new Map(fs.readdirSync(scanned).filter((f) => /\.[cm]?[jt]sx?$/.test(f)).map((f) => [f, fs.readFileSync(path.join(scanned, f), 'utf8').split('\n')]));

/** The reason given for `id` in these lines, if any. */
function reasonIn(lines, id) {
  for (const line of lines) {
    const m = EXPLANATION.exec(line);
    if (m && m[1].split(/\s*,\s*/).includes(id)) return m[2].replace(/\s*\*\/\s*$/, '').trim();
  }
  return null;
}

/** The finding's own line and the comment lines right above it. */
function linesAt(file, line) {
  const lines = sources.get(file) ?? [];
  const at = [lines[line - 1] ?? ''];
  for (let i = line - 2; i >= 0 && isComment(lines[i]); i--) at.push(lines[i]);
  return at;
}

const findings = result.issues.map((issue) => {
  const file = issue.file === 'N/A' ? 'N/A' : path.relative(scanned, path.resolve(scanned, issue.file));
  const inScope = file === 'N/A' || (!file.startsWith('..') && !path.isAbsolute(file));
  const severity = issue.severity.name;
  const reason = !inScope ? null : file === 'N/A' ? [...sources.values()].map((lines) => reasonIn(lines, issue.id)).find(Boolean) ?? null : reasonIn(linesAt(file, issue.location.line), issue.id);
  return { id: issue.id, severity, confidence: issue.confidence.name, file: file === 'N/A' ? 'N/A' : `electron/${file}`, line: issue.location.line, description: issue.description, inScope, mustExplain: inScope && SEVERITY[severity] > SEVERITY.LOW, reason };
});
fs.writeFileSync(path.join(outDir, 'electronegativity.json'), `${JSON.stringify({ electronVersion, checks: { global: result.globalChecks, atomic: result.atomicChecks }, errors: result.errors, findings }, null, 2)}\n`);

for (const error of result.errors) console.log(`${error.tolerable ? 'cảnh báo' : 'LỖI'} khi đọc ${error.file}: ${error.message}`);
for (const f of findings) {
  const where = f.file === 'N/A' ? 'toàn ứng dụng' : `${f.file}:${f.line}`;
  const verdict = !f.inScope ? 'ngoài phạm vi' : f.reason ? `đã giải thích: ${f.reason}` : f.mustExplain ? 'CHƯA GIẢI THÍCH' : 'mức thấp';
  console.log(`${f.mustExplain && !f.reason ? '✘' : '·'} ${f.id} [${f.severity}/${f.confidence}] ${where} — ${verdict}`);
}
const unexplained = findings.filter((f) => f.mustExplain && !f.reason);
const parseErrors = result.errors.filter((e) => !e.tolerable);
console.log(
  `electronegativity ${result.globalChecks + result.atomicChecks} kiểm tra, Electron ${electronVersion}: ${findings.length} phát hiện, ${unexplained.length} chưa giải thích` +
    `${parseErrors.length ? `, ${parseErrors.length} tệp không đọc được` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s; test-results/electronegativity.json)`,
);
if (unexplained.length) console.log('Sửa chỗ đó, hoặc ghi ngay trên dòng ấy: // electronegativity: <MÃ KIỂM TRA> — lý do an toàn');
process.exit(unexplained.length || parseErrors.length ? 1 : 0);
