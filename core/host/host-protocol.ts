import type { ApiResult } from '../../shared/api/result';
import type { ServiceOptions } from '../services';

/**
 * The messages between whoever shows the window (Electron's main process, `npm run web`'s HTTP server)
 * and the services running apart from it: in a worker thread (thread-host.ts), or in Electron's utility
 * process (electron/services-process.ts, which relays to a worker thread of its own: relay.ts). The same
 * messages on every hop; calls carry a request id, results come back with it, in any order.
 */

/**
 * What the services start with: the ServiceOptions that can cross a thread or a process. Functions
 * cannot: `log` becomes 'log' messages to the parent, `secrets` becomes 'secret' requests answered by the
 * parent, and `now`/`onRestoreStep` (tests only) are not available through a host.
 */
export type HostInit = Pick<ServiceOptions, 'dataDir' | 'nativeBinding' | 'syncIntervalMs' | 'localOperator'> & {
  /**
   * Present: the parent keeps the secrets (Electron's safeStorage lives in the main process) and answers
   * every get and set. Absent: the services keep them in the encrypted file beside the data.
   */
  secrets?: { kind?: 'os' | 'file' };
};

/** A secret store whose answers may come later: the parent of a host answers from another thread or process. */
export interface ParentSecrets {
  get(name: string): string | null | Promise<string | null>;
  set(name: string, value: string): void | Promise<void>;
  kind?: 'os' | 'file';
}

export type HostLog = (message: string, error: unknown) => void;

/** A secret asked for by the services: a get, or a set when `value` is there. */
export interface SecretRequest {
  id: number;
  name: string;
  value?: string;
}
export type SecretAnswer = { id: number; value: string | null } | { id: number; error: string };

/** Parent → services. */
export type ToHost =
  | { type: 'start'; init: HostInit }
  | { type: 'invoke'; id: number; name: unknown; input: unknown }
  /** Finish the calls in progress, close the services (sync round, export, backup), then say 'closed'. */
  | { type: 'close' }
  | ({ type: 'secret-answer' } & SecretAnswer);

/** Services → parent. */
export type FromHost =
  | { type: 'started' }
  | { type: 'start-failed'; error: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'log'; message: string; error: string }
  | ({ type: 'secret' } & SecretRequest)
  | { type: 'closed' };

/** One end of a hop: posts one kind of message, hears the other (a worker, a MessagePort, Electron's parentPort). */
export interface HostPort<In, Out> {
  post(message: Out): void;
  /** The one listener for what arrives. */
  listen(listener: (message: In) => void): void;
}

/** The parent's end also learns when the child is gone, and ends it once it has said 'closed'. */
export interface ChildPort extends HostPort<FromHost, ToHost> {
  onExit(listener: (reason: string) => void): void;
  end(): Promise<void>;
}

/** What the clerk reads when the services are not there to answer. */
export const hostMessages = {
  closing: 'Ứng dụng đang đóng; thao tác này không được thực hiện. Dữ liệu không bị thay đổi.',
  gone: 'Phần xử lý dữ liệu của ứng dụng đã dừng bất ngờ; hãy đóng và mở lại ứng dụng.',
  unexpected: 'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa được thay đổi; vui lòng thử lại.',
} as const;

/** An error as text that crosses a thread or a process (its stack when there is one). */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
