/** Between runInBackground() and its worker thread. */
export interface ToBackground {
  task: string;
  input: unknown;
}

export type FromBackground =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'done'; value: string }
  /** The error as it was thrown there: its fields are what translateStorageError reads (code, message). */
  | { type: 'failed'; error: { name: string; message: string; code?: string; stack?: string; appError?: { code: string; fields?: Record<string, string> } } };
