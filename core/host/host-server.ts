import { fail, type ApiResult } from '../../shared/api/result';
import type { Services } from '../services';
import { describeError, hostMessages, type FromHost, type HostInit, type HostLog, type HostPort, type ParentSecrets, type ToHost } from './host-protocol';

/** What serveServices gives the opener: the parent's log and, when asked for at start, the parent's secrets. */
export interface ParentLink {
  log: HostLog;
  /** Asks the parent over the port; present only when init.secrets is set. */
  secrets?: ParentSecrets;
}

/**
 * The child's side of a host: opens the services once 'start' arrives, answers each 'invoke' with its
 * result and id (calls run concurrently, as in one process), and on 'close' waits for the calls in
 * progress and the services' own close() before saying 'closed'.
 */
export function serveServices(port: HostPort<ToHost, FromHost>, open: (init: HostInit, parent: ParentLink) => Promise<Services>): void {
  let services: Promise<Services | null> | null = null;
  let closing: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();
  const secretWaits = new Map<number, { resolve: (value: string | null) => void; reject: (error: Error) => void }>();
  let nextSecret = 1;

  const log: HostLog = (message, error) => port.post({ type: 'log', message, error: describeError(error) });
  const ask = (name: string, value?: string) =>
    new Promise<string | null>((resolve, reject) => {
      const id = nextSecret++;
      secretWaits.set(id, { resolve, reject });
      port.post(value === undefined ? { type: 'secret', id, name } : { type: 'secret', id, name, value });
    });

  async function start(init: HostInit): Promise<Services | null> {
    try {
      const secrets: ParentSecrets | undefined = init.secrets ? { kind: init.secrets.kind, get: (name) => ask(name), set: async (name, value) => void (await ask(name, value)) } : undefined;
      const opened = await open(init, { log, secrets });
      port.post({ type: 'started' });
      return opened;
    } catch (error) {
      port.post({ type: 'start-failed', error: describeError(error) });
      return null;
    }
  }

  function run(id: number, name: unknown, input: unknown): void {
    const work = (async () => {
      let result: ApiResult<unknown>;
      const opened = closing ? null : await services;
      if (!opened) result = fail('INTERNAL', closing ? hostMessages.closing : hostMessages.gone);
      else {
        try {
          result = await opened.invoke(name, input); // never throws by its contract; a throw is a bug, logged
        } catch (error) {
          log(`Lỗi khi thực hiện ${String(name)}`, error);
          result = fail('INTERNAL', hostMessages.unexpected);
        }
      }
      try {
        port.post({ type: 'result', id, result });
      } catch (error) {
        log(`Không gửi được kết quả của ${String(name)}`, error); // a value that cannot be cloned: a programming error
        port.post({ type: 'result', id, result: fail('INTERNAL', hostMessages.unexpected) });
      }
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      try {
        await (await services)?.close();
      } catch (error) {
        log('Không đóng được dữ liệu', error);
      }
      port.post({ type: 'closed' });
    })();
    return closing;
  }

  port.listen((message) => {
    switch (message.type) {
      case 'start':
        services ??= start(message.init);
        return;
      case 'invoke':
        return run(message.id, message.name, message.input);
      case 'close':
        return void close();
      case 'secret-answer': {
        const wait = secretWaits.get(message.id);
        secretWaits.delete(message.id);
        if ('error' in message) wait?.reject(new Error(message.error));
        else wait?.resolve(message.value);
        return;
      }
    }
  });
}
