import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer's only origin. */
export const APP_ORIGIN = 'app://danvan';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Security settings of every window, kept in one place and asserted by tests: isolated context,
 * OS sandbox, no Node in the page, web security on, no webviews, no remote fonts or plugins.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: 'Dân vận',
    show: false,
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: process.env.DANVAN_DEVTOOLS === '1',
    },
  };
}

/** Only pages served from the app's own protocol may call the API or be navigated to. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'danvan';
  } catch {
    return false;
  }
}
