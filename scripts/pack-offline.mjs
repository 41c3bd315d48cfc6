// Packs the app with electron-builder's `--dir` target for Linux x64 without downloading anything, so that what
// the installers would carry can be checked on a machine that cannot fetch Electron (test/unit/packaging.test.ts;
// by hand: `npm run pack:offline`, which writes release/offline/out/linux-unpacked/).
//
// Two things differ from the real release (`npm run dist:linux`, `npm run dist:win`), and only these:
// - Electron itself: electron-builder's `electronDist` points at a stand-in distribution laid out like Electron's
//   linux-x64 zip (below) instead of the zip it would download. The release downloads the real zip.
// - The native rebuild: `npmRebuild=false`, so the SQLite driver is packed as npm installed it (built for Node).
//   The release keeps `npmRebuild: true` (electron-builder.yml): @electron/rebuild fetches the driver's prebuilt
//   binary for that Electron and platform (prebuild-install; `buildDependenciesFromSource` is false), else compiles
//   it with node-gyp against Electron's headers; both download, which is why the check cannot do it. Note that this
//   rebuilds node_modules/better-sqlite3 in place for Electron: run `npm rebuild better-sqlite3` before `npm test`.
// Everything else (the file patterns, asar and its unpacked part, the fuses) is the release configuration itself.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** Where @electron/fuses finds the fuse wire in an Electron binary: this marker, the wire's version (1) and length. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's own fuse defaults, in @electron/fuses' order ('1' on, '0' off): RunAsNode 1, EnableCookieEncryption 0,
 * EnableNodeOptionsEnvironmentVariable 1, EnableNodeCliInspectArguments 1, EnableEmbeddedAsarIntegrityValidation 0,
 * OnlyLoadAppFromAsar 0, LoadBrowserProcessSpecificV8Snapshot 0, GrantFileProtocolExtraPrivileges 1.
 */
export const DEFAULT_FUSE_WIRE = '10110001';

/**
 * A stand-in for Electron's linux-x64 zip, unpacked, as electron-builder 26 takes it for `electronDist` (a folder
 * without electron-v*-linux-x64.zip inside is copied as "a custom unpacked Electron distribution",
 * app-builder-lib/out/electron/ElectronFramework.js): the `electron` executable, which electron-builder renames to
 * the app's executable and whose fuse wire it flips, so a shell script that carries the wire in a comment; Electron's
 * LICENSE files (kept beside the executable); `version`; `locales/`; and `resources/` with no default_app.asar.
 */
export function makeElectronStandIn(dir, version = electronVersion()) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'));
  const script = [
    '#!/bin/sh',
    '# Stand-in for the Electron executable (scripts/pack-offline.mjs): it only checks how the app is packed.',
    `# fuse wire: ${FUSE_SENTINEL}\u0001\u0008${DEFAULT_FUSE_WIRE}`,
    'echo "Đây không phải Electron: bản thay thế chỉ để kiểm tra việc đóng gói." >&2',
    'exit 1',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), version);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for the MIT license of Electron.\n');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in</title>\n');
  fs.writeFileSync(path.join(dir, 'locales', 'vi.pak'), '');
  fs.writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}

/**
 * Runs electron-builder (the project's electron-builder.yml) for `--dir --linux --x64` into outDir with the stand-in
 * made in outDir/electron-standin/; the app is then in outDir/linux-unpacked/. Needs `npm run build` first.
 * Any download electron-builder attempted would go to a proxy that refuses connections, and fail the run.
 */
export function packOffline(outDir) {
  const standIn = makeElectronStandIn(path.join(outDir, 'electron-standin'));
  const cli = require.resolve('electron-builder/cli.js');
  const args = [
    cli, '--dir', '--linux', '--x64', '--publish', 'never', '--config', 'electron-builder.yml',
    `-c.electronDist=${standIn}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${path.join(outDir, 'out')}`,
  ];
  const refused = 'http://127.0.0.1:9';
  const env = { ...process.env, HTTPS_PROXY: refused, HTTP_PROXY: refused, https_proxy: refused, http_proxy: refused, NO_PROXY: '', no_proxy: '', ELECTRON_GET_USE_PROXY: '1' };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`electron-builder thoát với mã ${code}:\n${log}`));
      resolve({ appOutDir: path.join(outDir, 'out', 'linux-unpacked'), seconds: (Date.now() - started) / 1000, log });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = path.resolve(process.argv[2] ?? path.join(projectDir, 'release', 'offline'));
  const { appOutDir, seconds } = await packOffline(outDir);
  console.log(`Đã đóng gói (bản thay thế Electron, không tải gì) vào ${appOutDir} trong ${seconds.toFixed(1)} s`);
}
