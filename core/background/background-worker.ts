// The worker thread of runInBackground(): one task, its progress, then its result or its error.
// Loaded as dist/electron/background-worker.cjs in the desktop app, through background-worker.mjs otherwise.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../app-error';
import { backgroundTasks, type BackgroundTaskName } from './background-tasks';
import type { FromBackground, ToBackground } from './background-messages';

export function serve(): void {
  const port = parentPort!;
  port.once('message', async ({ task, input }: ToBackground) => {
    const post = (message: FromBackground) => port.postMessage(message);
    try {
      const run = backgroundTasks[task as BackgroundTaskName] as (input: unknown, progress: (done: number, total: number, step: string) => void) => Promise<string>;
      post({ type: 'done', value: await run(input, (done, total, step) => post({ type: 'progress', done, total, step })) });
    } catch (error) {
      const e = error as Error & { code?: string };
      const appError = error instanceof AppError ? { code: error.code, fields: error.fields } : undefined;
      post({ type: 'failed', error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), code: typeof e?.code === 'string' ? e.code : undefined, stack: e?.stack, appError } });
    }
  });
}

// From source, background-worker.mjs calls serve() once tsx is registered; the bundle starts at once.
if (!(workerData as { fromSource?: boolean } | null)?.fromSource) serve();
