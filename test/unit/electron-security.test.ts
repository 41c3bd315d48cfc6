import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppUrl, secureWindowOptions } from '../../electron/window-options';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

describe('Electron security settings', () => {
  it('every window is isolated, sandboxed, without Node and with web security', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('only the app protocol counts as the app', () => {
    expect(isAppUrl('app://danvan/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://danvan/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('the CSP allows no remote origin, no inline or eval script', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  it('main denies navigation, new windows, webviews and permissions; IPC checks the sender', () => {
    const main = fs.readFileSync('electron/main.ts', 'utf8');
    expect(main).toMatch(/will-navigate[\s\S]*isAppUrl\(url\)\) event\.preventDefault/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/will-attach-webview/);
    expect(main).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)/);
    expect(main).toMatch(/isAppUrl\(event\.senderFrame\?\.url\)/);
    expect(main).toMatch(/requestSingleInstanceLock/);
  });

  it('electron-builder turns the dangerous fuses off and unpacks the native module', () => {
    const yml = fs.readFileSync('electron-builder.yml', 'utf8');
    for (const line of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'enableEmbeddedAsarIntegrityValidation: true', 'onlyLoadAppFromAsar: true', 'node_modules/better-sqlite3/**', 'productName: Dân vận']) {
      expect(yml).toContain(line);
    }
  });
});
