import { createRequire } from 'node:module';
import path from 'node:path';
import type Tesseract from 'tesseract.js';
import { unreadInk } from './unread-ink';

/** A word the engine read, in the page image's pixels, with how sure it is (0–100). */
export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The text row's baseline (pixels from the top) and height: the letter size the layout's gaps are measured against. */
  baseline: number;
  rowHeight: number;
}

export interface OcrEngine {
  recognize(image: Uint8Array): Promise<OcrWord[]>;
  close(): Promise<void>;
}

/**
 * The Vietnamese model installed with the app (npm @tesseract.js-data/vie): its LSTM "best_int" data,
 * the one tesseract.js itself would fetch for LSTM_ONLY. Nothing is ever fetched: langPath is a folder
 * (tesseract.js reads a local path with fs; only a URL is fetched), and cacheMethod 'none' neither reads
 * nor writes a cached copy in the working folder.
 */
export function vietnameseModelFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/vie/package.json')), '4.0.0_best_int');
}

/** A word read again in a block the layout left out is kept from this confidence (tesseract's 0–100). */
const SURE_AGAIN = 70;

/** The words of a recognised page, each with its line's baseline and height. */
function pageWords(data: Tesseract.Page): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const rowHeight = line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0;
        const baseline = line.baseline ? (line.baseline.y0 + line.baseline.y1) / 2 : line.bbox.y1;
        for (const word of line.words) {
          const text = word.text.trim();
          if (text) words.push({ text, confidence: word.confidence, ...word.bbox, baseline, rowHeight });
        }
      }
    }
  }
  return words;
}

/** One tesseract.js worker (its own thread) with the Vietnamese model; close() ends it. */
export async function createOcrEngine(): Promise<OcrEngine> {
  // Loaded only when a page has no text: a Word file or a PDF with text never pays for it.
  const tesseract = (await import('tesseract.js')) as unknown as typeof Tesseract & { default?: typeof Tesseract };
  const { createWorker, OEM, PSM } = tesseract.default ?? tesseract;
  const worker = await createWorker('vie', OEM.LSTM_ONLY, { langPath: vietnameseModelFolder(), gzip: true, cacheMethod: 'none', errorHandler: () => {} });
  // Scans of official letters: a page of blocks and columns; a page photographed askew is turned straight (rotateAuto).
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '0' });
  return {
    async recognize(image) {
      const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      const { data } = await worker.recognize(bytes, { rotateAuto: true }, { blocks: true, text: false });
      const words = pageWords(data);
      // print the layout analysis left out (unread-ink.ts) read again on its own, as one block, in the same turned pixels
      const radians = (data as { rotateRadians?: number }).rotateRadians ?? 0;
      for (const rectangle of unreadInk(image, words, radians)) {
        const options = { rotateRadians: radians, rectangle, tessedit_pageseg_mode: PSM.SINGLE_BLOCK } as Partial<Tesseract.RecognizeOptions>;
        const more = pageWords((await worker.recognize(bytes, options, { blocks: true, text: false })).data);
        // a sure word with a letter or digit, where no word was: a seal's or a signature's strokes read as letters are not sure
        words.push(...more.filter((w) => w.confidence >= SURE_AGAIN && /[\p{L}\p{N}]/u.test(w.text) && !words.some((o) => w.x0 < o.x1 && o.x0 < w.x1 && w.y0 < o.y1 && o.y0 < w.y1)));
      }
      return words;
    },
    async close() {
      await worker.terminate();
    },
  };
}
