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
 * Chromium and for `npm run web`. Every API request must carry this run's token and a Host header
 * naming this server (no DNS rebinding); the UI gets the token in a meta tag of index.html.
 */
export interface HttpHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 150 * 1024 * 1024; // a 100 MB bundle in base64, with room

export async function startHttpHost(options: { services: Services; rendererDir: string; port?: number; token?: string }): Promise<HttpHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts: Set<string> = new Set();

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
    return serveFile(res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const match = /^\/api\/invoke\/([\w.]+)$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) return send(res, 404, 'application/json', JSON.stringify(fail('UNKNOWN_OPERATION', 'Không có thao tác này.')));
    const given = Buffer.from(String(req.headers['x-danvan-token'] ?? ''));
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return send(res, 401, 'application/json', JSON.stringify(fail('UNAUTHORIZED', 'Phiên làm việc không hợp lệ; hãy tải lại trang.')));
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
    let content: Buffer | string = fs.readFileSync(target);
    if (target.endsWith('index.html')) {
      content = content.toString('utf8').replace('<meta name="danvan-token" content="" />', `<meta name="danvan-token" content="${token}" />`);
    }
    send(res, 200, UI_CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream', content);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
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
