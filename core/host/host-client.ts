import { fail, type ApiResult } from '../../shared/api/result';
import type { Services } from '../services';
import { describeError, hostMessages, type ChildPort, type FromHost, type HostInit, type HostLog, type ParentSecrets } from './host-protocol';

/**
 * The parent's side of a host: the `Services` contract over a port to services running elsewhere.
 * invoke() never throws: when the services are closing or gone it returns a Vietnamese refusal.
 * close() refuses new calls at once, waits for the calls in progress and for the services' own close()
 * (a sync round, an export, a backup), then ends the child.
 */
export async function connectServices(port: ChildPort, init: HostInit, parent: { secrets?: ParentSecrets; log?: HostLog } = {}): Promise<Services> {
  const log = parent.log ?? ((message, error) => console.error(message, error));
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let state: 'starting' | 'open' | 'closing' | 'closed' | 'gone' = 'starting';
  let closing: Promise<void> | null = null;

  let started!: { resolve: () => void; reject: (error: Error) => void };
  const startedPromise = new Promise<void>((resolve, reject) => (started = { resolve, reject }));
  let closed!: () => void;
  const closedPromise = new Promise<void>((resolve) => (closed = resolve));

  const answerSecret = async (request: Extract<FromHost, { type: 'secret' }>) => {
    try {
      if (!parent.secrets) throw new Error('No secret store in the parent');
      if (request.value === undefined) port.post({ type: 'secret-answer', id: request.id, value: await parent.secrets.get(request.name) });
      else {
        await parent.secrets.set(request.name, request.value);
        port.post({ type: 'secret-answer', id: request.id, value: null });
      }
    } catch (error) {
      port.post({ type: 'secret-answer', id: request.id, error: describeError(error) });
    }
  };

  port.listen((message) => {
    switch (message.type) {
      case 'started':
        state = 'open';
        return started.resolve();
      case 'start-failed':
        return started.reject(new Error(message.error));
      case 'result': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        return resolve?.(message.result);
      }
      case 'log':
        return log(message.message, message.error);
      case 'secret':
        return void answerSecret(message);
      case 'closed':
        return closed();
    }
  });
  port.onExit((reason) => {
    if (state === 'gone' || state === 'closed') return;
    const wasClosing = state === 'closing';
    state = wasClosing ? 'closed' : 'gone';
    if (!wasClosing) log('Phần xử lý dữ liệu đã dừng', reason);
    for (const resolve of pending.values()) resolve(fail('INTERNAL', hostMessages.gone));
    pending.clear();
    started.reject(new Error(`The services host stopped before it started: ${reason}`));
    closed();
  });

  port.post({ type: 'start', init });
  try {
    await startedPromise;
  } catch (error) {
    state = 'gone';
    await port.end();
    throw error;
  }

  const invoke = (name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (state !== 'open') return Promise.resolve(fail('INTERNAL', state === 'gone' ? hostMessages.gone : hostMessages.closing));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        port.post({ type: 'invoke', id, name, input });
      } catch (error) {
        pending.delete(id); // an input that cannot be cloned
        log(`Không gửi được thao tác ${String(name)}`, error);
        resolve(fail('INTERNAL', hostMessages.unexpected));
      }
    });
  };

  return {
    invoke,
    call: (name, input) => invoke(name, input) as never,
    close() {
      closing ??= (async () => {
        if (state === 'gone') return port.end();
        state = 'closing';
        port.post({ type: 'close' });
        await closedPromise; // every result in progress arrived before 'closed' (messages keep their order)
        if (state === 'closing') state = 'closed';
        await port.end();
      })();
      return closing;
    },
  };
}
