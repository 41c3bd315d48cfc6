import fs from 'node:fs';
import path from 'node:path';
import { davServer, DAV_PASSWORD, DAV_USER, freePort, serverDir, startProcess, type DavServer } from './process';

/** `rclone serve webdav` over a temp folder, with its own (empty) config and cache in a temp dir. */
export async function startRclone(): Promise<DavServer> {
  const dir = serverDir('rclone');
  const root = serverDir('dav-files');
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'rclone.conf'), '');
  const args = ['serve', 'webdav', root, '--addr', `127.0.0.1:${port}`, '--user', DAV_USER, '--pass', DAV_PASSWORD, '--config', path.join(dir, 'rclone.conf'), '--cache-dir', path.join(dir, 'cache')];
  const child = await startProcess('rclone', args, port, dir);
  return davServer(child, port, dir, root);
}
