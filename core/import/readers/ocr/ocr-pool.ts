import os from 'node:os';
import { createOcrEngine, type OcrEngine, type OcrWord } from './ocr-engine';

/**
 * Tesseract recognises a page on one core. Two engines read two pages at once on a 2-core office PC
 * (a 10-page scan in about half the time); each holds about 100 MB of model and page, so never more
 * than two, to stay well inside a 4 GB machine.
 */
const MOST_ENGINES = 2;

/** How many pages are recognised at once on this machine. */
export function ocrEngineCount(): number {
  return Math.max(1, Math.min(MOST_ENGINES, os.availableParallelism()));
}

export interface OcrPool {
  /** How many pages it recognises at once. */
  size: number;
  /** Recognised by the first engine free; an engine is started only when a page finds none free. */
  recognize(image: Uint8Array): Promise<OcrWord[]>;
  /** Ends every engine, also one still starting. */
  close(): Promise<void>;
}

export function createOcrPool(size = ocrEngineCount()): OcrPool {
  const started: Promise<OcrEngine>[] = [];
  const idle: OcrEngine[] = [];
  const waiting: ((engine: OcrEngine) => void)[] = [];

  async function take(): Promise<OcrEngine> {
    const free = idle.pop();
    if (free) return free;
    if (started.length < size) {
      const starting = createOcrEngine();
      started.push(starting);
      return starting;
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function give(engine: OcrEngine): void {
    const next = waiting.shift();
    if (next) next(engine);
    else idle.push(engine);
  }

  return {
    size,
    async recognize(image) {
      const engine = await take();
      try {
        return await engine.recognize(image);
      } finally {
        give(engine);
      }
    },
    async close() {
      const engines = await Promise.allSettled(started);
      await Promise.all(engines.map((e) => (e.status === 'fulfilled' ? e.value.close() : undefined)));
    },
  };
}
