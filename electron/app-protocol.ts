import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { UI_CONTENT_TYPES } from '../shared/web/mime-types';

/** Must run before the app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from app://danvan/, with the CSP on every response, never outside its folder. */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const file = path.resolve(root, decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html');
    // electronegativity: CSP_GLOBAL_CHECK — the CSP (shared/security/csp.ts) is a header of every app:// response, here; the scanner only looks for meta tags and webRequest
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
    if (url.host !== 'danvan' || !file.startsWith(root + path.sep) || !fs.existsSync(file)) {
      return new Response('Không tìm thấy', { status: 404, headers });
    }
    return new Response(fs.readFileSync(file), { headers: { ...headers, 'Content-Type': UI_CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' } });
  });
}
