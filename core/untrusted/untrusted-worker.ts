// The worker thread of runUntrusted(): runs one task at a time and answers with its result or its error.
// Loaded as dist/electron/untrusted-worker.cjs in the desktop app, through untrusted-worker.mjs otherwise.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../app-error';
import { untrustedTasks, type UntrustedTaskName } from './tasks';
import type { FromWorker, ToWorker } from './worker-messages';

/** Answers the tasks posted to this thread, after saying it is ready. */
export function serve(): void {
  const port = parentPort!;
  port.on('message', async ({ id, task, input }: ToWorker) => {
    let answer: FromWorker;
    try {
      const run = untrustedTasks[task as UntrustedTaskName] as (input: unknown, progress: (step: unknown) => void) => Promise<unknown>;
      answer = { type: 'done', id, ok: true, value: await run(input, (step) => port.postMessage({ type: 'progress', id, value: step } satisfies FromWorker)) };
    } catch (error) {
      answer =
        error instanceof AppError
          ? { type: 'done', id, ok: false, appError: { code: error.code, message: error.message, fields: error.fields } }
          : { type: 'done', id, ok: false, unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(answer);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

// From source, untrusted-worker.mjs calls serve() once tsx is unregistered; the bundle starts at once.
if (!(workerData as { fromSource?: boolean } | null)?.fromSource) serve();
