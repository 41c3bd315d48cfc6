// The worker thread of startServicesHost(): the services themselves, answering the host protocol.
// Loaded as dist/electron/services-worker.cjs in the desktop app, through services-worker.mjs otherwise.
import { isMainThread, parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { createServices } from '../services';
import type { SecretStore } from '../sync/secret-store';
import { serveServices } from './host-server';
import type { FromHost, SecretAnswer, SecretRequest, ToHost } from './host-protocol';
import type { ServicesWorkerData } from './thread-host';

/** Long enough for the operating system's key store behind Electron's main process; a parent that never answers is a bug. */
const SECRET_TIMEOUT_MS = 60_000;

/** Answers the host protocol on this thread's parentPort. */
export function serve(): void {
  const data = workerData as ServicesWorkerData;
  const port = parentPort!;
  serveServices({ post: (message: FromHost) => port.postMessage(message), listen: (listener: (message: ToHost) => void) => port.on('message', listener) }, (init, parent) =>
    createServices({
      dataDir: init.dataDir,
      nativeBinding: init.nativeBinding,
      syncIntervalMs: init.syncIntervalMs,
      localOperator: init.localOperator,
      log: parent.log,
      secrets: init.secrets ? blockingSecrets(data.secretPort, data.signal, init.secrets.kind) : undefined,
    }),
  );
}

/**
 * The parent's secrets as the synchronous SecretStore the services expect: the request goes out on a
 * channel of its own and this thread blocks (Atomics.wait) until the parent has put the answer there, so
 * a key is stored before the data is encrypted with it, exactly as with a store in the same thread. The
 * parent's thread is never blocked, so it always gets to answer.
 */
function blockingSecrets(port: MessagePort, signal: Int32Array, kind: SecretStore['kind']): SecretStore {
  let nextId = 1;
  const ask = (name: string, value?: string): string | null => {
    const id = nextId++;
    Atomics.store(signal, 0, 0);
    port.postMessage((value === undefined ? { id, name } : { id, name, value }) satisfies SecretRequest);
    const deadline = Date.now() + SECRET_TIMEOUT_MS;
    for (;;) {
      const received = receiveMessageOnPort(port);
      if (received) {
        const answer = received.message as SecretAnswer;
        if (answer.id !== id) {
          Atomics.store(signal, 0, 0); // a late answer to a request that timed out: wait for ours
          continue;
        }
        if ('error' in answer) throw new Error(answer.error);
        return answer.value;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No answer from the parent about the secret ${name}`);
      Atomics.wait(signal, 0, 0, left); // the parent posts the answer, then sets the signal to 1
    }
  };
  return { kind, get: (name) => ask(name), set: (name, value) => void ask(name, value) };
}

// From source, services-worker.mjs calls serve() once tsx is registered; the bundle starts at once.
if (!isMainThread && !(workerData as Partial<ServicesWorkerData> | null)?.fromSource) serve();
