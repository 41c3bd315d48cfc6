import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { _electron } from 'playwright-core';
// @ts-expect-error -- plain .mjs helper shared with scripts/start.mjs
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { tempDir } from '../helpers/temp-dir';

const binary = (electronBinary as () => string | null)();
if (!binary) {
  console.warn('Bỏ qua kiểm thử Electron: máy này không có bản chạy Electron (không tải được khi cài đặt). Trên máy có Electron, kiểm thử này chạy.');
}

describe.skipIf(!binary)('the Electron app (needs the Electron binary)', () => {
  it('launches with the secure settings and the contract bridge only', async () => {
    execFileSync(process.execPath, ['scripts/start.mjs', '--prepare-only'], { stdio: 'inherit' });
    const app = await _electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, DANVAN_DATA_DIR: tempDir() } });
    try {
      const page = await app.firstWindow();
      await page.getByText('Chào mừng đến với Dân vận').waitFor();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        // getLastWebPreferences exists at run time in every Electron we support
        return (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { danvan: object }).danvan))).toEqual(['invoke']);
      expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull();
      const status = await page.evaluate(() => (window as unknown as { danvan: { invoke(n: string, i: unknown): Promise<{ ok: boolean }> } }).danvan.invoke('app.status', {}));
      expect(status.ok).toBe(true);
      const bad = await page.evaluate(() => (window as unknown as { danvan: { invoke(n: string, i: unknown): Promise<{ ok: boolean; error: { code: string } }> } }).danvan.invoke('units.create', { name: 'X', kind: 'phong', hack: 1 }));
      expect(bad.error.code).toBe('VALIDATION');
    } finally {
      await app.close();
    }
  });
});
