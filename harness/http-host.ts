import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Services } from '../core/services';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { UI_CONTENT_TYPES } from '../shared/web/mime-types';
import { fail } from '../shared/api/result';

/**
 * The same services the Electron main process hosts, behind HTTP on 127.0.0.1: for end-to-end tests in
 * Chromium and for `npm run web`. Pages carry no secret (any local process may fetch them). The run's
 * token reaches the browser once, in `signInUrl` (printed by `npm run web`); the server trades it for an
 * HttpOnly SameSite=Strict cookie and redirects to the bare address, so the token leaves the address bar
 * and history. Every API request needs that cookie, the `X-Danvan-Request` header (a cross-site form
 * cannot send it and we answer no CORS preflight), no foreign Origin, and a Host header naming this
 * server (no DNS rebinding).
 */
export interface HttpHost {
  /** The bare address, without the token: pages load from it once the cookie is set. */
  url: string;
  /** `url` with `?t=<token>`: open this first. Valid for the whole run, so a clerk who closed the tab can reopen it. */
  signInUrl: string;
  token: string;
  /** Name of the session cookie (per port: browsers share 127.0.0.1 cookies across ports). */
  cookieName: string;
  close(): Promise<void>;
}

/** The header the UI sends with every API call; a cross-site form or simple request cannot add it. */
export const REQUEST_HEADER = 'x-danvan-request';

const MAX_BODY_BYTES = 150 * 1024 * 1024; // a 100 MB bundle in base64, with room

export async function startHttpHost(options: { services: Services; rendererDir: string; port?: number; token?: string }): Promise<HttpHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();
  let cookieName = 'danvan';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify(fail('INTERNAL', 'Lỗi máy chủ thử nghiệm.')));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', 'Host không hợp lệ');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Không hỗ trợ');
    if (url.searchParams.has('t')) return signIn(res, url.searchParams.get('t') ?? '');
    return serveFile(res, url.pathname);
  }

  /** The one-time URL: a right token becomes the cookie, then the bare address (token out of the history). */
  function signIn(res: http.ServerResponse, given: string): void {
    if (!sameSecret(given, token)) return send(res, 403, 'text/plain; charset=utf-8', 'Địa chỉ đăng nhập không đúng; hãy mở đúng địa chỉ mà lệnh npm run web đã in ra.');
    res.writeHead(303, {
      Location: '/',
      // No Max-Age: gone when the browser closes; the printed URL stays valid for the run to get back in.
      'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end();
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const match = /^\/api\/invoke\/([\w.]+)$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) return send(res, 404, 'application/json', JSON.stringify(fail('UNKNOWN_OPERATION', 'Không có thao tác này.')));
    if (!sameSecret(readCookie(req, cookieName), token)) {
      return send(res, 401, 'application/json', JSON.stringify(fail('UNAUTHORIZED', 'Phiên làm việc không hợp lệ; hãy mở lại địa chỉ mà lệnh npm run web đã in ra.')));
    }
    // CSRF: SameSite=Strict already keeps the cookie off cross-site requests; the custom header and Origin check are a second lock.
    const origin = req.headers.origin;
    if (req.headers[REQUEST_HEADER] !== '1' || (origin !== undefined && !allowedOrigins.has(origin))) {
      return send(res, 403, 'application/json', JSON.stringify(fail('UNAUTHORIZED', 'Yêu cầu không đến từ giao diện của ứng dụng.')));
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)) || '{}');
    } catch {
      return send(res, 400, 'application/json', JSON.stringify(fail('VALIDATION', 'Dữ liệu gửi lên không đọc được.')));
    }
    const result = await options.services.invoke(match[1], body);
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  function serveFile(res: http.ServerResponse, pathname: string): void {
    const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(rendererDir, relative);
    const inside = file.startsWith(rendererDir + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
    if (!fs.existsSync(target)) return send(res, 503, 'text/plain; charset=utf-8', 'Chưa build giao diện: chạy npm run build:renderer');
    send(res, 200, UI_CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream', fs.readFileSync(target));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  cookieName = `danvan-${port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    signInUrl: `http://127.0.0.1:${port}/?t=${token}`,
    token,
    cookieName,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Constant-time comparison of a given secret with the run's token. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readCookie(req: http.IncomingMessage, name: string): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return '';
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
