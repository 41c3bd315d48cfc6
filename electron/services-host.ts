// The utility process's entry (dist/electron/services-host.cjs, forked by services-process.ts): the
// services run here, in a worker thread of this process, away from the window (core/host/relay.ts).
import type { ParentPort } from 'electron';
import { relayServices } from '../core/host/relay';
import type { FromHost, ToHost } from '../core/host/host-protocol';

const parent: ParentPort = process.parentPort;
relayServices({
  post: (message: FromHost) => parent.postMessage(message),
  listen: (listener: (message: ToHost) => void) => parent.on('message', (event) => listener(event.data as ToHost)),
});
