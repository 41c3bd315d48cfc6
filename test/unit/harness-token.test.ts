import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../harness/http-host';
import type { Services } from '../../core/services';
import { setUpServices } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A raw request (node:http, so Cookie, Origin and Host are exactly what the test says). */
function request(host: HttpHost, method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let host: HttpHost | null = null;
let services: Services | null = null;
afterEach(async () => {
  await host?.close();
  await services?.close();
  host = services = null;
});

async function start(): Promise<HttpHost> {
  // The renderer's own index.html (the one vite builds from), served by the real host over real services.
  const rendererDir = tempDir();
  fs.copyFileSync(path.resolve('renderer/index.html'), path.join(rendererDir, 'index.html'));
  services = (await setUpServices()).services;
  host = await startHttpHost({ services, rendererDir });
  return host;
}

const invoke = (h: HttpHost, headers: Record<string, string>) => request(h, 'POST', '/api/invoke/app.status', { 'Content-Type': 'application/json', ...headers }, '{}');

describe('the browser harness hands its token over once, as an HttpOnly cookie', () => {
  it('serves pages without the token and trades the sign-in URL for a cookie that authorises the API', async () => {
    const h = await start();
    expect(h.signInUrl).toBe(`${h.url}?t=${h.token}`);

    // pages: readable by any local process, so they carry nothing secret
    for (const page of ['/', '/index.html', '/ke-hoach']) {
      const reply = await request(h, 'GET', page);
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('<div id="root">');
      expect(reply.body).not.toContain(h.token);
      expect(reply.body).not.toContain('danvan-token');
      expect(reply.headers['set-cookie']).toBeUndefined();
    }

    // no cookie: refused, as is the old header token
    const bare = await invoke(h, { 'X-Danvan-Request': '1' });
    expect(bare.status).toBe(401);
    expect(JSON.parse(bare.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/Phiên làm việc không hợp lệ/) } });
    expect((await invoke(h, { 'X-Danvan-Request': '1', 'X-Danvan-Token': h.token })).status).toBe(401);

    // a wrong token (same length, one character off) sets nothing
    const wrongToken = h.token.slice(0, -1) + (h.token.endsWith('0') ? '1' : '0');
    const wrong = await request(h, 'GET', `/?t=${wrongToken}`);
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await request(h, 'GET', '/?t=')).status).toBe(403);

    // the sign-in URL: an HttpOnly, SameSite=Strict cookie and a redirect to the bare address
    const signIn = await request(h, 'GET', `/?t=${h.token}`);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/');
    const [setCookie] = signIn.headers['set-cookie'] ?? [];
    expect(setCookie).toBe(`${h.cookieName}=${h.token}; HttpOnly; SameSite=Strict; Path=/`);
    expect(signIn.body).toBe('');
    // valid for the whole run: a clerk who closed the tab reopens the printed address
    expect((await request(h, 'GET', `/?t=${h.token}`)).status).toBe(303);

    // with the cookie and the custom header the API answers, with or without a same-origin Origin
    const cookie = setCookie!.split(';')[0]!;
    const ok = await invoke(h, { Cookie: `other=1; ${cookie}`, 'X-Danvan-Request': '1' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { state: 'ready', office: { name: 'UBND xã Bình Chương' } } });
    expect((await invoke(h, { Cookie: cookie, 'X-Danvan-Request': '1', Origin: h.url.slice(0, -1) })).status).toBe(200);

    // a wrong cookie value is refused
    expect((await invoke(h, { Cookie: `${h.cookieName}=${wrongToken}`, 'X-Danvan-Request': '1' })).status).toBe(401);
    expect((await invoke(h, { Cookie: `danvan-1=${h.token}`, 'X-Danvan-Request': '1' })).status).toBe(401); // another port's cookie name

    // CSRF: the cookie alone is not enough; a cross-site form has no custom header, a foreign page a foreign Origin
    const noHeader = await invoke(h, { Cookie: cookie, Origin: h.url.slice(0, -1) });
    expect(noHeader.status).toBe(403);
    expect(JSON.parse(noHeader.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await invoke(h, { Cookie: cookie, 'X-Danvan-Request': '1', Origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke(h, { Cookie: cookie, 'X-Danvan-Request': '1', Origin: 'null' })).status).toBe(403);
    const form = await request(h, 'POST', '/api/invoke/app.status', { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' }, 'a=1');
    expect(form.status).toBe(403);

    // DNS rebinding: a foreign Host is refused before anything else, the sign-in URL included
    expect((await request(h, 'GET', `/?t=${h.token}`, { Host: 'evil.example' })).status).toBe(421);
    expect((await invoke(h, { Host: 'evil.example', Cookie: cookie, 'X-Danvan-Request': '1' })).status).toBe(421);
  });
});
