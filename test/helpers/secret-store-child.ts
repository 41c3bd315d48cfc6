// Run by test/unit/secret-store.test.ts in its own process: one secret set, killed (SIGKILL, no cleanup
// runs, as in a crash) while writing `<target>.part` or just before renaming it over `<target>`.
import fs from 'node:fs';
import path from 'node:path';
import { fileSecretStore } from '../../core/sync/secret-store';

const [dataDir, name, value, target, moment] = process.argv.slice(2) as [string, string, string, string, 'mid-write' | 'before-rename'];
const part = path.join(dataDir, `${target}.part`);
const { openSync, writeFileSync, renameSync } = fs;
let opened = '';
// the store uses the default export of node:fs, so patching its functions reaches it
fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
  opened = String(file);
  return (openSync as (...a: unknown[]) => number)(file, ...rest);
}) as typeof fs.openSync;
fs.writeFileSync = ((file: unknown, data: Uint8Array | string, ...rest: unknown[]) => {
  if (moment === 'mid-write' && typeof file === 'number' && opened === part) {
    const bytes = Buffer.from(data);
    fs.writeSync(file, bytes, 0, Math.floor(bytes.length / 2));
    fs.fsyncSync(file);
    process.kill(process.pid, 'SIGKILL');
  }
  return (writeFileSync as (...a: unknown[]) => void)(file, data, ...rest);
}) as typeof fs.writeFileSync;
fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
  if (moment === 'before-rename' && String(from) === part) process.kill(process.pid, 'SIGKILL');
  renameSync(from, to);
}) as typeof fs.renameSync;

fileSecretStore(dataDir).set(name, value);
process.stdout.write('set without being killed');
