import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createServices, type Services } from '../../core/services';
import { startHttpHost, type HttpHost } from '../../harness/http-host';
import { tempDir } from './temp-dir';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

export { CHROMIUM };
export const RENDERER_DIR = path.resolve('dist/renderer');


export interface Harness {
  dataDir: string;
  services: Services;
  host: HttpHost;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  /** Opens a screen afresh (a reload, so data set up through the services is what the page sees). */
  open(route: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh data folder, the services behind the HTTP host, and Chromium on its page. */
export async function openHarness(options: { dataDir?: string } = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Chưa build giao diện: chạy npm run build:renderer trước.');
  const dataDir = options.dataDir ?? tempDir();
  const services = await createServices({ dataDir, log: () => undefined });
  const host = await startHttpHost({ services, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(host.signInUrl); // sets the session cookie, then lands on host.url
  return {
    dataDir,
    services,
    host,
    browser,
    page,
    pageErrors,
    open: async (route) => {
      await page.goto('about:blank'); // a fresh document, not a same-document hash change
      await page.goto(`${host.url}#${route}`);
      await page.locator('.ant-layout-sider').waitFor(); // the app, not the setup screen

    },
    close: async () => {
      await browser.close();
      await host.close();
      await services.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** A dialog that has finished zooming in: a click during the animation can land beside its button on a busy machine. */
export async function settled(dialog: Locator): Promise<void> {
  await expect.poll(async () => (await dialog.getAttribute('class')) ?? '').not.toMatch(/ant-zoom/);
}
