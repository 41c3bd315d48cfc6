import type { ErrorCode } from '../../shared/api/result';

/** Between runUntrusted() and its worker thread. */
export interface ToWorker {
  id: number;
  task: string;
  input: unknown;
}

export type FromWorker =
  | { type: 'ready' }
  /** A step of the task under way (a page of a scan), before it is done. */
  | { type: 'progress'; id: number; value: unknown }
  | { type: 'done'; id: number; ok: true; value: unknown }
  | { type: 'done'; id: number; ok: false; appError: { code: ErrorCode; message: string; fields?: Record<string, string> } }
  | { type: 'done'; id: number; ok: false; unexpected: string };
