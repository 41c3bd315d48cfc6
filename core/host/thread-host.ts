import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Services } from '../services';
import { connectServices } from './host-client';
import { describeError, type ChildPort, type HostInit, type HostLog, type ParentSecrets, type SecretAnswer, type SecretRequest } from './host-protocol';

export interface ThreadHostOptions extends Omit<HostInit, 'secrets'> {
  /** The secrets kept by the caller (its answers may be promises); absent: the services keep their own file. */
  secrets?: ParentSecrets;
  /** Where the services' unexpected errors go (stderr by default). */
  log?: HostLog;
}

/** Data for the worker: how to load it, and the channel on which it asks for secrets and waits for the answer. */
export interface ServicesWorkerData {
  fromSource: boolean;
  secretPort: MessagePort;
  /** Int32Array over a SharedArrayBuffer: set to 1 and notified when an answer is on secretPort. */
  signal: Int32Array;
}

/**
 * The services in a worker thread, behind the same `Services` contract: the calling thread (the HTTP
 * server of `npm run web`, or the relay in Electron's utility process) goes on answering while a backup,
 * an export or an import runs. Secrets the caller keeps are asked for on a channel of their own: the
 * services' SecretStore is synchronous, so the worker posts the request and blocks in Atomics.wait until
 * this thread has the answer (see services-worker.ts); this thread never waits for the worker.
 */
export async function startServicesHost(options: ThreadHostOptions): Promise<Services> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  // a bundle (dist/electron/services-host.cjs, scripts/build-electron.mjs) has the worker's bundle beside it
  const bundledEntry = new URL('./services-worker.cjs', import.meta.url);
  const bundled = fs.existsSync(fileURLToPath(bundledEntry));
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1: secretsHere, port2: secretsThere } = new MessageChannel();
  const worker = new Worker(bundled ? bundledEntry : new URL('./services-worker.mjs', import.meta.url), {
    workerData: { fromSource: !bundled, secretPort: secretsThere, signal },
    transferList: [secretsThere],
    execArgv: [], // not the tsx loader of the command line: from source the worker registers tsx itself
  });

  secretsHere.on('message', (request: SecretRequest) => {
    void (async (): Promise<SecretAnswer> => {
      try {
        if (!options.secrets) throw new Error('No secret store in the parent');
        if (request.value === undefined) return { id: request.id, value: await options.secrets.get(request.name) };
        await options.secrets.set(request.name, request.value);
        return { id: request.id, value: null };
      } catch (error) {
        return { id: request.id, error: describeError(error) };
      }
    })().then((answer) => {
      secretsHere.postMessage(answer);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });
  secretsHere.unref(); // the worker keeps the process alive, not this channel

  const port: ChildPort = {
    post: (message) => worker.postMessage(message),
    listen: (listener) => worker.on('message', listener),
    onExit(listener) {
      let reason = '';
      worker.on('error', (error) => (reason = describeError(error)));
      worker.on('exit', (code) => listener(reason || `exit code ${code}`));
    },
    async end() {
      await worker.terminate();
      secretsHere.close();
    },
  };
  const { secrets: _secrets, log: _log, ...init } = options;
  return connectServices(port, { ...init, ...(options.secrets ? { secrets: { kind: options.secrets.kind } } : {}) }, { log });
}
