// `npm start`: build and launch the desktop app. Where Electron is missing, say so plainly.
import { spawn, execFileSync } from 'node:child_process';
import { electronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';
import { ensureElectronNative } from './electron-native.mjs';

const electron = electronBinary();
if (!electron) {
  console.error(NO_ELECTRON_MESSAGE);
  process.exit(1);
}
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
execFileSync(npx, ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', shell: process.platform === 'win32' });
execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
await ensureElectronNative();
if (process.argv.includes('--prepare-only')) process.exit(0);
const child = spawn(electron, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
