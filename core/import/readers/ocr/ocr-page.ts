import { pageText, type Item } from '../page-layout';
import type { TableCarry } from '../page-table';
import type { OcrWord } from './ocr-engine';

/** Below this a word is a doubt: underlined in the review's source pane (tesseract's 0–100 scale). */
export const DOUBTFUL_CONFIDENCE = 70;

export interface OcrPageText {
  text: string;
  /** Words read with little confidence, as they appear in the text. */
  doubtful: string[];
  confidence: number;
}

/**
 * A page read by OCR laid out like a PDF's text layer (page-layout.ts): the words become items on
 * their baselines, sized by their text row, so the header and signature tables are read column by
 * column and the parser sees the same shape of text from a scan as from a PDF with text.
 */
/** Specks of dirt and shadows at the edge read as stray punctuation: no letter or digit, and little confidence. */
const SPECK = /^[^\p{L}\p{N}]+$/u;
const SPECK_CONFIDENCE = 60;

export function ocrPageText(read: OcrWord[], carry?: TableCarry): OcrPageText {
  const words = read.filter((w) => !(SPECK.test(w.text) && w.confidence < SPECK_CONFIDENCE));
  if (!words.length) return { text: '', doubtful: [], confidence: 0 };
  const items: Item[] = words.map((w) => ({ str: w.text.normalize('NFC'), x: w.x0, y: -w.baseline, width: w.x1 - w.x0, size: w.rowHeight }));
  const sizes = items.map((i) => i.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)]!;
  const doubtful = [...new Set(words.filter((w) => w.confidence < DOUBTFUL_CONFIDENCE).map((w) => w.text.normalize('NFC')))];
  const confidence = Math.round(words.reduce((sum, w) => sum + w.confidence, 0) / words.length);
  return { text: pageText(items, body, carry), doubtful, confidence };
}
