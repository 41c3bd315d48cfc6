import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error';
import type { UntrustedInput, UntrustedOutput, UntrustedProgress, UntrustedTaskName } from './tasks';
import type { FromWorker, ToWorker } from './worker-messages';

/**
 * Files from outside (a plan the clerk picked, later bundles) are read in a worker thread, never in the
 * thread that answers the window: a file that inflates to gigabytes or makes a reader loop for minutes
 * ends the worker, not the app, and the caller gets one Vietnamese sentence.
 */
export interface UntrustedLimits {
  /**
   * Memory one task may take, in MB: the worker's JavaScript heap is capped at this (V8 resourceLimits),
   * and the process's resident memory may not grow by more than this while the task runs (sampled every
   * 50 ms; this is what catches inflated buffers, which live outside the heap).
   */
  memoryMb: number;
  /** Time one task may take, from when it starts (a cold worker's start included), in milliseconds. */
  timeMs: number;
  /**
   * For tasks that report steps (the pages of a scan): each step may take this long from when it is
   * reported, so a long scan is not cut at timeMs, while one stuck page still is. Never past maxTimeMs.
   */
  timePerStepMs?: number;
  /** With timePerStepMs: the whole task's limit, from its start. */
  maxTimeMs?: number;
}

/** How the caller follows and stops a task: each step the task reports, and a signal that ends it (the worker is ended). */
export interface UntrustedControl<P> {
  onProgress?: (step: P) => void;
  signal?: AbortSignal;
}

/**
 * 256 MB and 30 s (README, "Command line"). Measured on a 2-core machine busy with other work (load 6),
 * a new worker's start and pdfjs-dist's loading included: the largest seed plan takes 2.6 s and 48 MB as
 * .docx, 3.3 s and 83 MB as a 6-page PDF; a 24-page PDF 3.8 s and 68 MB (1.7 s in a warm worker).
 */
export const DEFAULT_UNTRUSTED_LIMITS: Readonly<UntrustedLimits> = Object.freeze({ memoryMb: 256, timeMs: 30_000 });

export const untrustedMessages = {
  memory: 'Tệp quá lớn hoặc bị hỏng: không đọc được trong giới hạn bộ nhớ cho phép.',
  time: (limits: UntrustedLimits) =>
    limits.timePerStepMs
      ? `Tệp quá lớn hoặc bị hỏng: không đọc xong trong thời gian cho phép (${Math.round(limits.timePerStepMs / 1000)} giây một trang, ${Math.round((limits.maxTimeMs ?? limits.timeMs) / 60_000)} phút cả tệp).`
      : `Tệp quá lớn hoặc bị hỏng: không đọc xong trong thời gian cho phép (${Math.round(limits.timeMs / 1000)} giây).`,
  unexpected: 'Không đọc được tệp: đã xảy ra lỗi không mong muốn khi đọc. Dữ liệu chưa được thay đổi.',
  closed: 'Việc đọc tệp đã dừng vì ứng dụng đang đóng.',
  cancelled: 'Đã dừng đọc tệp theo yêu cầu. Dữ liệu chưa được thay đổi.',
} as const;

export interface UntrustedRunner {
  /**
   * Runs a task of tasks.ts in the worker: its result, or its AppError as it was thrown there, or an
   * AppError('VALIDATION') past a limit. Uint8Array fields of the input are transferred to the worker
   * (empty for the caller afterwards). Tasks run one after another, the time limit counting from each start.
   */
  run<T extends UntrustedTaskName>(task: T, input: UntrustedInput<T>, limits?: Partial<UntrustedLimits>, control?: UntrustedControl<UntrustedProgress<T>>): Promise<UntrustedOutput<T>>;
  /** Ends the worker; a task under way or waiting is refused. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  limits: UntrustedLimits;
  onProgress?: (step: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
}

interface Warm {
  worker: Worker;
  memoryMb: number;
  ready: Promise<void>;
}

const MB = 1024 * 1024;
const SAMPLE_MS = 50;

/**
 * A runner with one worker, kept warm between tasks (a fresh worker takes about 0.45 s from source under
 * tsx) and ended after a minute without work, at a limit, or on close(); it never keeps the process alive
 * when idle.
 */
export function createUntrustedRunner(options: { log?: (message: string, error: unknown) => void; idleMs?: number } = {}): UntrustedRunner {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const idleMs = options.idleMs ?? 60_000;
  const queue: Job[] = [];
  let current: { job: Job; timer: NodeJS.Timeout; sampler: NodeJS.Timeout | null; startedAt: number; deadline: number } | null = null;
  let warm: Warm | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;

  function spawn(memoryMb: number): Warm {
    // a bundle (dist/electron/main.cjs, scripts/build-electron.mjs; or a test's bundle) has the worker's bundle beside it
    const bundledEntry = new URL('./untrusted-worker.cjs', import.meta.url);
    const bundled = fs.existsSync(fileURLToPath(bundledEntry));
    const worker = new Worker(bundled ? bundledEntry : new URL('./untrusted-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      workerData: { fromSource: !bundled },
      execArgv: [], // not the tsx loader of the command line: the worker registers tsx itself, and only for our own files
    });
    const entry: Warm = { worker, memoryMb, ready: null! };
    entry.ready = new Promise<void>((resolve) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') return resolve();
        if (!current || message.id !== current.job.id) return;
        if (message.type === 'progress') return step(message.value);
        if (message.ok) finish({ value: message.value });
        else finish({ error: 'appError' in message ? new AppError(message.appError.code, message.appError.message, message.appError.fields) : unexpected(message.unexpected) });
      });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (warm !== entry) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') end('memory');
      else end(unexpected(error));
    });
    worker.on('exit', () => {
      if (warm === entry) end(unexpected(new Error('The untrusted worker exited')));
    });
    return entry;
  }

  function unexpected(error: unknown): AppError {
    log('Lỗi khi đọc tệp trong luồng riêng', error);
    return new AppError('VALIDATION', untrustedMessages.unexpected);
  }

  /** A step reported by the task: passed on, and the deadline moved so that this step has its own time. */
  function step(value: unknown): void {
    const running = current!;
    const { timePerStepMs, maxTimeMs } = running.job.limits;
    if (timePerStepMs) {
      const deadline = Math.min(running.startedAt + (maxTimeMs ?? Infinity), Math.max(running.deadline, Date.now() + timePerStepMs));
      if (deadline !== running.deadline) {
        clearTimeout(running.timer);
        running.deadline = deadline;
        running.timer = setTimeout(() => end('time'), deadline - Date.now());
      }
    }
    try {
      running.job.onProgress?.(value);
    } catch (error) {
      log('Lỗi khi báo tiến độ đọc tệp', error);
    }
  }

  /** The worker is ended (a limit, a crash, the caller's signal): the task under way is refused, the next one gets a new worker. */
  function end(reason: 'memory' | 'time' | AppError): void {
    const ending = warm;
    warm = null;
    if (ending) void ending.worker.terminate();
    if (!current) return;
    const limits = current.job.limits;
    finish({ error: reason instanceof AppError ? reason : new AppError('VALIDATION', reason === 'memory' ? untrustedMessages.memory : untrustedMessages.time(limits)) });
  }

  function finish(outcome: { value: unknown } | { error: AppError }): void {
    if (!current) return;
    const { job, timer, sampler } = current;
    current = null;
    clearTimeout(timer);
    if (sampler) clearInterval(sampler);
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.value);
    next();
  }

  function next(): void {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) {
      warm?.worker.unref();
      if (warm && !idleTimer) {
        idleTimer = setTimeout(() => {
          idleTimer = null;
          if (current || !warm) return;
          void warm.worker.terminate();
          warm = null;
        }, idleMs);
        idleTimer.unref();
      }
      return;
    }
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    // a warm worker with a higher heap cap (a scan's OCR) serves a smaller task too, whose own limit the
    // resident-memory sampler below still holds; respawning on every change of cap cost 0.5 s per file
    if (warm && warm.memoryMb < job.limits.memoryMb) {
      void warm.worker.terminate();
      warm = null;
    }
    try {
      warm ??= spawn(job.limits.memoryMb);
    } catch (error) {
      job.reject(unexpected(error));
      return next();
    }
    const entry = warm;
    entry.worker.ref();
    current = { job, timer: setTimeout(() => end('time'), job.limits.timeMs), sampler: null, startedAt: Date.now(), deadline: Date.now() + job.limits.timeMs };
    const running = current;
    void entry.ready.then(() => {
      if (current !== running || warm !== entry) return;
      const baseline = process.memoryUsage.rss();
      running.sampler = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > job.limits.memoryMb * MB) end('memory');
      }, SAMPLE_MS);
      try {
        const { input, transfer } = transferable(job.input);
        job.input = null;
        entry.worker.postMessage({ id: job.id, task: job.task, input } satisfies ToWorker, transfer);
      } catch (error) {
        finish({ error: unexpected(error) }); // an input that cannot be cloned: a programming error
      }
    });
  }

  return {
    run(task, input, limits, control) {
      return new Promise((resolve, reject) => {
        if (closed) return reject(new AppError('VALIDATION', untrustedMessages.closed));
        const signal = control?.signal;
        if (signal?.aborted) return reject(new AppError('VALIDATION', untrustedMessages.cancelled));
        const onAbort = () => {
          const waiting = queue.indexOf(job);
          if (waiting >= 0) {
            queue.splice(waiting, 1);
            job.reject(new AppError('VALIDATION', untrustedMessages.cancelled));
          } else if (current?.job === job) end(new AppError('VALIDATION', untrustedMessages.cancelled));
        };
        const settle = <V>(settleWith: (value: V) => void) => (value: V) => {
          signal?.removeEventListener('abort', onAbort);
          settleWith(value);
        };
        const job: Job = {
          id: nextId++,
          task,
          input,
          limits: { ...DEFAULT_UNTRUSTED_LIMITS, ...limits },
          onProgress: control?.onProgress as ((step: unknown) => void) | undefined,
          resolve: settle(resolve as (value: unknown) => void),
          reject: settle(reject),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        next();
      });
    },
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const job of queue.splice(0)) job.reject(new AppError('VALIDATION', untrustedMessages.closed));
      const ending = warm;
      warm = null;
      if (current) finish({ error: new AppError('VALIDATION', untrustedMessages.closed) });
      await ending?.worker.terminate();
    },
  };
}

/** The input with its Uint8Array fields moved, not copied: a field that is a view into a larger buffer (Node's pool) is copied once first. */
function transferable(input: unknown): { input: unknown; transfer: ArrayBuffer[] } {
  if (!input || typeof input !== 'object') return { input, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const fields = Object.entries(input).map(([key, value]) => {
    if (!(value instanceof Uint8Array)) return [key, value];
    const own = value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : new Uint8Array(value);
    transfer.push(own.buffer as ArrayBuffer);
    return [key, own];
  });
  return { input: Object.fromEntries(fields), transfer };
}

let shared: UntrustedRunner | null = null;

/** A task on the process's own runner, for callers without a lifetime of their own (the command line). */
export function runUntrusted<T extends UntrustedTaskName>(task: T, input: UntrustedInput<T>, limits?: Partial<UntrustedLimits>, control?: UntrustedControl<UntrustedProgress<T>>): Promise<UntrustedOutput<T>> {
  shared ??= createUntrustedRunner();
  return shared.run(task, input, limits, control);
}
