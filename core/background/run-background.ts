import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/api/result';
import { AppError } from '../app-error';
import type { Progress } from '../archive/export-archive';
import type { BackgroundInput, BackgroundTaskName } from './background-tasks';
import type { FromBackground, ToBackground } from './background-messages';

/**
 * Runs a task of background-tasks.ts in a worker thread of its own, so that the services' thread goes on
 * answering the window while a backup or an export is written (VACUUM INTO of a large file, deflating
 * every table: seconds on an old PC). One worker per task: these are rare, and a fresh worker costs well
 * under a second. The error comes back as it was thrown (an AppError, or an error with SQLite's or the
 * file system's code for translateStorageError).
 */
export function runInBackground<T extends BackgroundTaskName>(task: T, input: BackgroundInput<T>, progress: Progress = () => undefined): Promise<string> {
  // a bundle (dist/electron/services-worker.cjs, scripts/build-electron.mjs) has the worker's bundle beside it
  const bundledEntry = new URL('./background-worker.cjs', import.meta.url);
  const bundled = fs.existsSync(fileURLToPath(bundledEntry));
  const worker = new Worker(bundled ? bundledEntry : new URL('./background-worker.mjs', import.meta.url), { workerData: { fromSource: !bundled }, execArgv: [] });
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (message: FromBackground) => {
      if (message.type === 'progress') progress(message.done, message.total, message.step);
      else if (message.type === 'done') settle(() => resolve(message.value));
      else settle(() => reject(revive(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The background worker exited (${code}) before answering`))));
    worker.postMessage({ task, input } satisfies ToBackground);
  });
}

function revive(e: Extract<FromBackground, { type: 'failed' }>['error']): Error {
  if (e.appError) return new AppError(e.appError.code as ErrorCode, e.message, e.appError.fields);
  const error = Object.assign(new Error(e.message), { name: e.name, code: e.code });
  if (e.stack) error.stack = e.stack;
  return error;
}
