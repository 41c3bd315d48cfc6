import fs from 'node:fs';
import path from 'node:path';
import { davServer, DAV_PASSWORD, DAV_USER, freePort, htpasswdLine, onSmallDisk, seenFromOutside, serverDir, startProcess, stopProcess, workerUser, type DavServer } from './process';

/** nginx's PROPFIND and OPTIONS (Debian's libnginx-mod-http-dav-ext), loaded by every nginx the tests start. */
export const DAV_EXT_MODULE = '/usr/lib/nginx/modules/ngx_http_dav_ext_module.so';

export interface NginxOptions {
  /** Extra directives inside the WebDAV location (a fault: `return 500;`, `limit_rate 64k;` …). */
  location?: string;
  /** Reuse a port and a files folder (a restarted server: the same address, the same files). */
  port?: number;
  root?: string;
  /**
   * The files folder on a disk of this many bytes (a tmpfs, where CAN_MOUNT): a server disk that really
   * fills up. The server's root is then read from outside through /proc (server.root says where). A restart
   * leaves that disk behind (it starts on the ordinary one).
   */
  diskBytes?: number;
}

export interface NginxServer extends DavServer {
  /** Stops and starts it again on the same port over the same files, with other directives (a fault ends or begins). */
  restart(location?: string): Promise<NginxServer>;
}

/**
 * nginx with its WebDAV modules (dav + dav_ext for PROPFIND), as the current user: `-p` a temp prefix,
 * pid, logs and body temp files inside it, `daemon off` so the test owns the process. Like a real
 * server it answers 409 to MKCOL under a missing parent (create_full_put_path off). With `diskBytes` it runs
 * on a small disk of its own, its upload temp files on that disk too (one disk, as on a small server).
 */
export async function startNginx(options: NginxOptions = {}): Promise<NginxServer> {
  const dir = serverDir('nginx');
  const root = options.root ?? serverDir('dav-files');
  const port = options.port ?? (await freePort());
  fs.writeFileSync(path.join(dir, 'htpasswd'), htpasswdLine(DAV_USER, DAV_PASSWORD));
  fs.mkdirSync(path.join(dir, 'logs'));
  // on its own disk nginx is root of its namespace, where no other user exists: its workers stay root there
  const user = options.diskBytes ? 'user root root;' : workerUser((u, g) => `user ${u} ${g};`);
  const conf = `
load_module ${DAV_EXT_MODULE};
worker_processes 1;
${user}
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${options.diskBytes ? `${root}/.nginx-body` : `${dir}/body`};
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 50m;
    location / {
      root ${root};
      auth_basic "danvan";
      auth_basic_user_file ${dir}/htpasswd;
      dav_methods PUT DELETE MKCOL COPY MOVE;
      dav_ext_methods PROPFIND OPTIONS;
      create_full_put_path off;
      ${options.location ?? ''}
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const nginx: [string, string[]] = ['nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'logs/error.log'), '-g', 'daemon off;']];
  const [command, args] = options.diskBytes ? onSmallDisk(options.diskBytes, root, ...nginx) : nginx;
  const child = await startProcess(command, args, port, dir);
  const server: NginxServer = {
    ...davServer(child, port, dir, root, 'SIGQUIT'), // graceful: nginx finishes what it is answering
    ...(options.diskBytes ? { root: seenFromOutside(child, root) } : {}),
    async restart(location) {
      await stopProcess(child, 'SIGQUIT');
      fs.rmSync(dir, { recursive: true, force: true });
      return startNginx({ location, port, root }); // the new one removes the files when it stops
    },
  };
  return server;
}
