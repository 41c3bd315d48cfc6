import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { DAV_EXT_MODULE } from './servers/nginx';
import { startProcess, stopProcess } from './servers/process';

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl (P-256: fast on a busy machine). */
export function selfSignedCertificate(dir: string, names = 'IP:127.0.0.1,DNS:localhost', file = 'server'): { cert: string; key: string } {
  const cert = path.join(dir, `${file}.crt`);
  const key = path.join(dir, `${file}.key`);
  const cn = names.split(',')[0]!.replace(/^\w+:/, '');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${cn}`, '-addext', `subjectAltName=${names}`], { stdio: 'ignore' });
  return { cert, key };
}

/**
 * The real nginx running the server kit's site file unchanged: a main config in `dir` that loads the dav_ext
 * module, keeps pid, logs and temp files there and includes the site; started and stopped like the other
 * test servers (test/helpers/servers/process.ts).
 */
export async function startKitNginx(dir: string, siteFile: string, port: number): Promise<{ stop: () => Promise<void>; errorLog: string }> {
  for (const sub of ['logs', 'tmp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  const t = (n: string) => path.join(dir, 'tmp', n);
  fs.writeFileSync(
    conf,
    `load_module ${DAV_EXT_MODULE};
${process.getuid?.() === 0 ? `user ${os.userInfo().username};  # as root the workers would become nobody and not read the temp dir\n` : ''}pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'logs', 'error.log')};
events { worker_connections 64; }
http {
    client_body_temp_path ${t('body')}; proxy_temp_path ${t('proxy')}; fastcgi_temp_path ${t('fastcgi')}; uwsgi_temp_path ${t('uwsgi')}; scgi_temp_path ${t('scgi')};
    include ${siteFile};
}
`,
  );
  const errorLog = path.join(dir, 'logs', 'error.log');
  const child = await startProcess('nginx', ['-p', dir, '-c', conf, '-e', errorLog, '-g', 'daemon off; worker_processes 1;'], port, dir);
  return { errorLog, stop: () => stopProcess(child, 'SIGQUIT') };
}

export interface DavAnswer {
  status: number;
  body: string;
}

/** One WebDAV request over HTTPS trusting `ca`, as `user` (no Authorization header when user is null). */
export function dav(base: string, ca: string, method: string, target: string, o: { user?: [string, string] | null; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<DavAnswer> {
  const url = new URL(target, base);
  const headers: Record<string, string> = { ...o.headers };
  if (o.user) headers.Authorization = `Basic ${Buffer.from(`${o.user[0]}:${o.user[1]}`).toString('base64')}`;
  if (o.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(o.body));
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}
