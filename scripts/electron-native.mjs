// Builds better-sqlite3 for Electron into .electron-native/, apart from the Node build in node_modules/
// that tests use, so `npm start` and `npm test` work in either order. `better-sqlite3` is an npm alias of
// better-sqlite3-multiple-ciphers (SQLite3MultipleCiphers): same directory, same API, same binary name.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve('.electron-native');
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');
const binary = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(root, 'stamp.json');

export async function ensureElectronNative() {
  const driver = require('better-sqlite3/package.json');
  // the package name is part of the stamp: a build of plain better-sqlite3 at the same version is replaced
  const wanted = { electron: electronVersion(), betterSqlite3: `${driver.name}@${driver.version}` };
  const stamp = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, 'utf8')) : null;
  if (stamp && stamp.electron === wanted.electron && stamp.betterSqlite3 === wanted.betterSqlite3 && fs.existsSync(binary)) return binary;

  console.log(`Đang build better-sqlite3 cho Electron ${wanted.electron} (lần đầu mất khoảng 1–2 phút)…`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': `npm:${wanted.betterSqlite3}` } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: root, electronVersion: wanted.electron, onlyModules: ['better-sqlite3'], force: true, buildFromSource: true });
  fs.writeFileSync(stampFile, JSON.stringify(wanted));
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureElectronNative();
