/**
 * Start-up to the first screen: the services open the province data file, the HTTP harness serves the
 * built UI, Chromium starts and shows Tổng quan. The baseline is Chromium starting and showing a static
 * page from a plain HTTP server.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { createServices } from '../core/services';
import { signInDemoAdmin } from '../core/demo/demo-province';
import { startHttpHost } from '../harness/http-host';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/chromium';

export const RENDERER_DIR = path.resolve('dist/renderer');
const VIEWPORT = { width: 1366, height: 768 };

/** ms from nothing running to the Tổng quan heading visible; `loadedMs` when its deadlines have loaded too. */
export async function appStartup(dataDir: string): Promise<{ firstScreenMs: number; loadedMs: number; browserVersion: string }> {
  const t0 = performance.now();
  const services = await createServices({ dataDir, log: () => undefined });
  // Signed in before the page loads (the same session): start-up to the first working screen, not typing a password.
  await signInDemoAdmin(services);
  const host = await startHttpHost({ services, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'vi-VN' });
    await page.goto(host.signInUrl); // the session cookie, then the app
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor({ state: 'visible', timeout: 60_000 });
    const firstScreenMs = performance.now() - t0;
    await page.locator('.ant-table-wrapper .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 60_000 });
    return { firstScreenMs, loadedMs: performance.now() - t0, browserVersion: browser.version() };
  } finally {
    await browser.close();
    await host.close();
    await services.close();
  }
}

/** ms from nothing running to a static "Xin chào" page visible in Chromium. */
export async function blankStartup(): Promise<number> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Chào</title></head><body><h1>Xin chào</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const t0 = performance.now();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: VIEWPORT, locale: 'vi-VN' });
      await page.goto(url);
      await page.getByRole('heading', { name: 'Xin chào' }).waitFor({ state: 'visible' });
      return performance.now() - t0;
    } finally {
      await browser.close();
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
