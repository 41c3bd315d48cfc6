import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session } from 'electron';
import type { Services } from '../core/services';
import { fail, ok } from '../shared/api/result';
import { operations } from '../shared/api/contract';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { buildMenu } from './menu';
import { safeStorageSecrets } from './secret-store';
import { startServicesProcess } from './services-process';
import { APP_ENTRY, isAppUrl, secureWindowOptions } from './window-options';

// Thin shell: window, security, IPC bound to the contract. All behaviour lives in core/.
const appRoot = path.resolve(__dirname, '..', '..');
const dataDir = process.env.DANVAN_DATA_DIR || app.getPath('userData');
let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the services' close(): the calls in progress, a sync round, an export or a backup finish first.
  let quitting: Promise<void> | null = null;
  let servicesClosed = false;
  app.on('will-quit', (event) => {
    if (!services || servicesClosed) return;
    event.preventDefault();
    quitting ??= services
      .close()
      .catch((error: unknown) => console.error('Không đóng được phần xử lý dữ liệu', error))
      .finally(() => {
        servicesClosed = true;
        app.quit();
      });
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Dân vận', `Không khởi động được ứng dụng: ${String(error)}`);
    app.quit();
  });
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  // The services run in a utility process (services-host.cjs), not on this thread: the window answers during long work.
  services = await startServicesProcess(
    { dataDir, nativeBinding: electronNativeBinding(), syncIntervalMs: 60_000 },
    { secrets: safeStorage.isEncryptionAvailable() ? safeStorageSecrets(dataDir) : undefined },
  );
  ipcMain.handle('danvan:invoke', async (event, name: unknown, input: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) return fail('UNAUTHORIZED', 'Yêu cầu không đến từ giao diện của ứng dụng.');
    if (name === 'dialogs.chooseFolder') return chooseFolder(input);
    if (name === 'dialogs.chooseBackupFile') return chooseBackupFile(input);
    if (name === 'dialogs.chooseCertificateFile') return chooseCertificateFile(input);
    return services!.invoke(name, input);
  });
  Menu.setApplicationMenu(buildMenu());
  // electronegativity: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK — both true in secureWindowOptions (window-options.ts, asserted by test/unit/electron-security.test.ts); the scanner does not follow the call
  // electronegativity: AUXCLICK_JS_CHECK — a middle click can only navigate or open a window, and both are denied for every web contents (will-navigate, setWindowOpenHandler above)
  mainWindow = new BrowserWindow(secureWindowOptions(path.join(__dirname, 'preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(APP_ENTRY);
}

/** Paths come from the clerk through the native dialog, validated by the contract like any input. */
async function chooseFolder(input: unknown) {
  const parsed = operations['dialogs.chooseFolder'].input.safeParse(input);
  if (!parsed.success) return fail('VALIDATION', 'Yêu cầu chọn thư mục không hợp lệ.');
  const result = await dialog.showOpenDialog(mainWindow!, { title: parsed.data.title, properties: ['openDirectory', 'createDirectory'] });
  return ok({ path: result.canceled ? null : (result.filePaths[0] ?? null) });
}

/** A backup file on this computer or a USB stick; the services check it before anything is replaced. */
async function chooseBackupFile(input: unknown) {
  const parsed = operations['dialogs.chooseBackupFile'].input.safeParse(input);
  if (!parsed.success) return fail('VALIDATION', 'Yêu cầu chọn tệp không hợp lệ.');
  const result = await dialog.showOpenDialog(mainWindow!, {
    title: parsed.data.title,
    properties: ['openFile'],
    filters: [{ name: 'Bản sao lưu Dân vận', extensions: ['sqlite'] }, { name: 'Tất cả các tệp', extensions: ['*'] }],
  });
  return ok({ path: result.canceled ? null : (result.filePaths[0] ?? null) });
}

/** The WebDAV server's certificate; the services read and check it when the settings are saved. */
async function chooseCertificateFile(input: unknown) {
  const parsed = operations['dialogs.chooseCertificateFile'].input.safeParse(input);
  if (!parsed.success) return fail('VALIDATION', 'Yêu cầu chọn tệp không hợp lệ.');
  const result = await dialog.showOpenDialog(mainWindow!, {
    title: parsed.data.title,
    properties: ['openFile'],
    filters: [{ name: 'Chứng chỉ', extensions: ['crt', 'pem', 'cer'] }, { name: 'Tất cả các tệp', extensions: ['*'] }],
  });
  return ok({ path: result.canceled ? null : (result.filePaths[0] ?? null) });
}

/** In development the Electron build of better-sqlite3 lives apart from Node's (see scripts/electron-native.mjs). */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(appRoot, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
