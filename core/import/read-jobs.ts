import type { ReadProgress } from '../../shared/import/parsed-plan';
import { detectFormat } from './readers/read-source';
import type { UntrustedControl, UntrustedLimits } from '../untrusted/run-untrusted';

/**
 * The limits of reading a PDF or an image, which may need OCR (measured in bench/ocr.ts and
 * test/unit/plan-import-ocr.test.ts on a busy 2-core machine): tesseract's worker thread, its WebAssembly
 * memory and the Vietnamese model take about 200 MB besides pdfjs-dist, and a page drawn at 200 dpi
 * 15–50 MB more, so 640 MB where a Word file gets 256; a page of OCR takes 3–9 s, so each page may take
 * 60 s and the whole file 15 minutes (at most 60 pages are read by OCR, read-pdf.ts).
 */
export const OCR_LIMITS: Partial<UntrustedLimits> = Object.freeze({ memoryMb: 640, timeMs: 30_000, timePerStepMs: 60_000, maxTimeMs: 15 * 60_000 });

/** The limits for a file: OCR's for what may be a scan (PDF, image), the default for the rest; by its first bytes, cheapest first. */
export function readLimits(bytes: Uint8Array, fileName: string): Partial<UntrustedLimits> | undefined {
  try {
    const format = detectFormat(bytes, fileName);
    return format === 'pdf' || format === 'image' ? OCR_LIMITS : undefined;
  } catch {
    return undefined; // refused in the worker with its own message
  }
}

/** Reads under way that the window follows by the id it chose: the page each is at, and how to stop it. */
export function createReadJobs() {
  const jobs = new Map<string, { progress: ReadProgress | null; controller: AbortController }>();
  return {
    /** The control for one read; `done` forgets it. Without an id the read can be neither followed nor stopped. */
    start(jobId: string | null): { control: UntrustedControl<ReadProgress>; done: () => void } {
      if (!jobId) return { control: {}, done: () => {} };
      const job = { progress: null as ReadProgress | null, controller: new AbortController() };
      jobs.set(jobId, job);
      return { control: { signal: job.controller.signal, onProgress: (step) => (job.progress = step) }, done: () => jobs.delete(jobId) };
    },
    progress: (jobId: string): ReadProgress | null => jobs.get(jobId)?.progress ?? null,
    cancel(jobId: string): void {
      jobs.get(jobId)?.controller.abort();
    },
  };
}
export type ReadJobs = ReturnType<typeof createReadJobs>;
