import fs from 'node:fs';
import path from 'node:path';
import { DAV_PASSWORD, DAV_USER, freePort, serverDir, startProcess, stopProcess, type DavServer } from './process';

/** `rclone serve webdav` over a temp folder, with its own (empty) config and cache in a temp dir. */
export async function startRclone(): Promise<DavServer> {
  const dir = serverDir('rclone');
  const root = serverDir('dav-files');
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'rclone.conf'), '');
  const args = ['serve', 'webdav', root, '--addr', `127.0.0.1:${port}`, '--user', DAV_USER, '--pass', DAV_PASSWORD, '--config', path.join(dir, 'rclone.conf'), '--cache-dir', path.join(dir, 'cache')];
  const child = await startProcess('rclone', args, port, dir);
  return {
    url: `http://127.0.0.1:${port}/danvan`,
    port,
    root,
    user: DAV_USER,
    password: DAV_PASSWORD,
    async stop() {
      await stopProcess(child, 'SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
