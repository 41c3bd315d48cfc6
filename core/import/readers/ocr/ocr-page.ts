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

/** Specks of dirt and shadows at the edge read as stray punctuation: no letter or digit, and little confidence. */
const SPECK = /^[^\p{L}\p{N}]+$/u;
const SPECK_CONFIDENCE = 60;

/** How wide a mark is beside an average letter. */
const NARROW_MARK = 0.35;
/** A speck read as the first character of the word beside it (":Phòng", ".khu"). */
const SPECK_BEFORE_WORD = /^[.:,;'`´‘’|]+(?=\p{L})/u;

/**
 * A word as an item on its baseline. A speck stuck to its front is taken off, with its width: it would put the
 * word in the column to its left (a table cell starts where its first letter does).
 */
function wordItem(w: OcrWord): Item {
  const text = w.text.normalize('NFC');
  const speck = SPECK_BEFORE_WORD.exec(text)?.[0].length ?? 0;
  const width = w.x1 - w.x0;
  // a stop, a colon or a quote is about a third as wide as a letter: a whole letter's width taken off would start
  // the word right of its column's edge (".Đơnvịphối" past the "hợp" under it)
  const cut = Math.round((width * speck * NARROW_MARK) / text.length);
  return { str: text.slice(speck), x: w.x0 + cut, y: -w.baseline, width: width - cut, size: w.rowHeight };
}

/**
 * A page read by OCR laid out like a PDF's text layer (page-layout.ts): the words become items on
 * their baselines, sized by their text row, so the header and signature tables are read column by
 * column and the parser sees the same shape of text from a scan as from a PDF with text.
 */
export function ocrPageText(read: OcrWord[], carry?: TableCarry): OcrPageText {
  const words = read.filter((w) => !(SPECK.test(w.text) && w.confidence < SPECK_CONFIDENCE));
  if (!words.length) return { text: '', doubtful: [], confidence: 0 };
  const items: Item[] = words.map(wordItem);
  const sizes = items.map((i) => i.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)]!;
  const doubtful = [...new Set(items.filter((_, k) => words[k]!.confidence < DOUBTFUL_CONFIDENCE).map((item) => item.str))];
  const confidence = Math.round(words.reduce((sum, w) => sum + w.confidence, 0) / words.length);
  return { text: pageText(items, body, carry), doubtful, confidence };
}
