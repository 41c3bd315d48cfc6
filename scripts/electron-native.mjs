// Builds better-sqlite3 for Electron into .electron-native/, apart from the Node build in node_modules/
// that tests use, so `npm start` and `npm test` work in either order. `better-sqlite3` is an npm alias of
// better-sqlite3-multiple-ciphers (SQLite3MultipleCiphers): same directory, same API, same binary name.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve('.electron-native');
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');
const binary = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(root, 'stamp.json');

/**
 * How to get the driver's binary for Electron, in order; the first step that succeeds is kept.
 *
 * - Windows: first the prebuilt binary the driver publishes for this Electron's ABI, fetched by prebuild-install
 *   (the same tool its own `npm install` uses for Node); compiling needs Visual Studio Build Tools, which most
 *   Windows PCs lack. Only when there is none (or it cannot be fetched) is it compiled from source.
 * - Elsewhere: compiled from source with @electron/rebuild, as `npm install` did for Node (a C++ compiler is
 *   part of the documented setup), with no download from the driver's GitHub releases.
 *
 * `buildPath` is the folder whose node_modules/better-sqlite3 is built (.electron-native/); `prebuildInstall` is
 * the path of prebuild-install's bin.js, or null where it is not installed (then only the source build is
 * possible). Pure, so test/unit/electron-native.test.ts checks the choice for each platform without a network.
 */
export function nativeBuildSteps({ platform, arch, electronVersion, buildPath, prebuildInstall }) {
  const fromSource = {
    kind: 'source',
    rebuild: { buildPath, electronVersion, arch, onlyModules: ['better-sqlite3'], force: true, buildFromSource: true },
  };
  if (platform !== 'win32' || !prebuildInstall) return [fromSource];
  const prebuilt = {
    kind: 'prebuilt',
    command: process.execPath,
    args: [prebuildInstall, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--tag-prefix=v', '--verbose'],
    cwd: path.join(buildPath, 'node_modules', 'better-sqlite3'),
  };
  return [prebuilt, fromSource];
}

/**
 * Runs the steps in order until one succeeds and leaves the binary at `binaryPath`; returns that step.
 * `run(step)` performs one step and resolves to true on success (a thrown error counts as failure).
 */
export async function runNativeBuildSteps(steps, { run, binaryPath, exists = fs.existsSync, log = console.log }) {
  const failures = [];
  for (const step of steps) {
    let ok = false;
    try {
      ok = (await run(step)) === true && exists(binaryPath);
    } catch (error) {
      failures.push(`${step.kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (ok) return step;
    if (step.kind === 'prebuilt') log('Không có (hoặc không tải được) bản build sẵn cho phiên bản Electron này; build từ mã nguồn…');
  }
  throw new Error(`Không build được better-sqlite3 cho Electron (${steps.map((s) => s.kind).join(', ')}). ${failures.join('; ')}`);
}

/** One step, for real: prebuild-install as a child process, or @electron/rebuild in this process. */
async function runStep(step) {
  if (step.kind === 'prebuilt') {
    return spawnSync(step.command, step.args, { cwd: step.cwd, stdio: 'inherit' }).status === 0;
  }
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(step.rebuild);
  return true;
}

/** prebuild-install as the driver itself finds it (one of its dependencies), or null. */
function prebuildInstallPath() {
  try {
    return createRequire(require.resolve('better-sqlite3/package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
}

export async function ensureElectronNative() {
  const driver = require('better-sqlite3/package.json');
  // the package name is part of the stamp: a build of plain better-sqlite3 at the same version is replaced
  const wanted = { electron: electronVersion(), betterSqlite3: `${driver.name}@${driver.version}` };
  const stamp = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, 'utf8')) : null;
  if (stamp && stamp.electron === wanted.electron && stamp.betterSqlite3 === wanted.betterSqlite3 && fs.existsSync(binary)) return binary;

  console.log(`Đang chuẩn bị better-sqlite3 cho Electron ${wanted.electron} (lần đầu; build từ mã nguồn mất khoảng 1–2 phút)…`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': `npm:${wanted.betterSqlite3}` } }));
  const steps = nativeBuildSteps({ platform: process.platform, arch: process.arch, electronVersion: wanted.electron, buildPath: root, prebuildInstall: prebuildInstallPath() });
  const used = await runNativeBuildSteps(steps, { run: runStep, binaryPath: binary });
  fs.writeFileSync(stampFile, JSON.stringify({ ...wanted, how: used.kind }));
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureElectronNative();
