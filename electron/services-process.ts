import path from 'node:path';
import { utilityProcess } from 'electron';
import type { Services } from '../core/services';
import { connectServices } from '../core/host/host-client';
import type { ChildPort, HostInit, HostLog, ParentSecrets } from '../core/host/host-protocol';

/**
 * The services in an Electron utility process (services-host.cjs beside main.cjs), behind the same
 * `Services` contract: the main process keeps the window, the menus and the native dialogs answering
 * while a backup, an export or an import runs. Secrets stay here (safeStorage is main-process only) and
 * are answered on request.
 */
export function startServicesProcess(init: Omit<HostInit, 'secrets'>, parent: { secrets?: ParentSecrets; log?: HostLog }): Promise<Services> {
  const child = utilityProcess.fork(path.join(__dirname, 'services-host.cjs'), [], { serviceName: 'Dân vận – dữ liệu', stdio: 'inherit' });
  const spawned = new Promise<void>((resolve) => child.once('spawn', () => resolve()));
  let exited = false;
  child.once('exit', () => (exited = true));
  const port: ChildPort = {
    post: (message) => void spawned.then(() => child.postMessage(message)), // in order, once the process is there
    listen: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(`exit code ${code}`)),
    end: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
  return connectServices(port, { ...init, ...(parent.secrets ? { secrets: { kind: parent.secrets.kind } } : {}) }, parent);
}
