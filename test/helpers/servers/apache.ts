import fs from 'node:fs';
import path from 'node:path';
import { davServer, DAV_PASSWORD, DAV_USER, freePort, htpasswdLine, serverDir, startProcess, workerUser, type DavServer } from './process';

const MODULES = '/usr/lib/apache2/modules';

/** Apache httpd with mod_dav / mod_dav_fs and basic auth, in the foreground as the current user, all paths in a temp dir. */
export async function startApache(): Promise<DavServer> {
  const dir = serverDir('apache');
  const root = serverDir('dav-files');
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'htpasswd'), htpasswdLine(DAV_USER, DAV_PASSWORD));
  const modules = ['mpm_event', 'authn_core', 'authz_core', 'authn_file', 'authz_user', 'auth_basic', 'dav', 'dav_fs'];
  const conf = `
ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
DefaultRuntimeDir ${dir}
Mutex file:${dir}
ErrorLog ${dir}/error.log
LogLevel warn
${workerUser((u, g) => `User ${u}\nGroup ${g}`)}
${modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join('\n')}
DavLockDB ${dir}/davlock
DocumentRoot ${root}
<Directory ${root}>
  Dav On
  AuthType Basic
  AuthName danvan
  AuthBasicProvider file
  AuthUserFile ${dir}/htpasswd
  Require valid-user
</Directory>
`;
  fs.writeFileSync(path.join(dir, 'httpd.conf'), conf);
  const child = await startProcess('apache2', ['-f', path.join(dir, 'httpd.conf'), '-DFOREGROUND'], port, dir);
  return davServer(child, port, dir, root);
}
