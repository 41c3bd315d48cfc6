import { serveServices } from './host-server';
import type { FromHost, HostPort, ToHost } from './host-protocol';
import { startServicesHost } from './thread-host';

/**
 * Electron's utility process (electron/services-host.ts): answers the host protocol on its parentPort by
 * relaying to a services worker thread of its own. A utility process cannot wait synchronously for the
 * main process, where safeStorage lives, but the services' SecretStore is synchronous: so the services run
 * in a worker that blocks for each secret, and this thread fetches the answer from the main process
 * meanwhile (thread-host.ts). The same host code as `npm run web`, one hop further.
 */
export function relayServices(port: HostPort<ToHost, FromHost>): void {
  serveServices(port, (init, parent) =>
    startServicesHost({
      dataDir: init.dataDir,
      nativeBinding: init.nativeBinding,
      syncIntervalMs: init.syncIntervalMs,
      localOperator: init.localOperator,
      secrets: parent.secrets,
      log: parent.log,
    }),
  );
}
