import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** A small WebDAV server on 127.0.0.1 for tests (PUT, MKCOL, MOVE, PROPFIND, GET, DELETE, basic auth). */
export async function startWebdavServer(root: string, user = 'xa', password = 'matkhau') {
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const local = (url: string) => {
    const p = path.resolve(root, decodeURIComponent(new URL(url, 'http://x').pathname).replace(/^\/+/, ''));
    if (!p.startsWith(path.resolve(root))) throw new Error('outside');
    return p;
  };
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== expected) return void res.writeHead(401).end();
    const target = local(req.url ?? '/');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      switch (req.method) {
        case 'MKCOL':
          if (fs.existsSync(target)) return void res.writeHead(405).end();
          fs.mkdirSync(target, { recursive: true });
          return void res.writeHead(201).end();
        case 'PUT':
          if (!fs.existsSync(path.dirname(target))) return void res.writeHead(409).end();
          fs.writeFileSync(target, Buffer.concat(chunks));
          return void res.writeHead(201).end();
        case 'MOVE': {
          if (!fs.existsSync(target)) return void res.writeHead(404).end();
          fs.renameSync(target, local(String(req.headers.destination)));
          return void res.writeHead(201).end();
        }
        case 'GET':
          if (!fs.existsSync(target)) return void res.writeHead(404).end();
          return void res.writeHead(200).end(fs.readFileSync(target));
        case 'DELETE':
          fs.rmSync(target, { force: true });
          return void res.writeHead(204).end();
        case 'PROPFIND': {
          if (!fs.existsSync(target)) return void res.writeHead(404).end();
          const stat = fs.statSync(target);
          const entry = (href: string, size: number | null) => `<d:response><d:href>${href}</d:href><d:propstat><d:prop>${size === null ? '<d:resourcetype><d:collection/></d:resourcetype>' : `<d:getcontentlength>${size}</d:getcontentlength>`}</d:prop></d:propstat></d:response>`;
          const href = new URL(req.url ?? '/', 'http://x').pathname;
          let body = entry(href, stat.isDirectory() ? null : stat.size);
          if (stat.isDirectory() && req.headers.depth === '1') {
            for (const name of fs.readdirSync(target)) body += entry(`${href.replace(/\/$/, '')}/${encodeURIComponent(name)}`, fs.statSync(path.join(target, name)).size);
          }
          res.writeHead(207, { 'Content-Type': 'application/xml' });
          return void res.end(`<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">${body}</d:multistatus>`);
        }
        default:
          res.writeHead(405).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/danvan`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
