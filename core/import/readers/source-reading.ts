/** What a reader gives the parser: the text, and for scans where each line came from and what OCR doubted. */

export type SourceFormat = 'docx' | 'pdf' | 'text' | 'image';

import type { ReadProgress } from '../../../shared/import/parsed-plan';

/** A page about to be read ("Đang đọc trang 3/9"); `ocr` when it is read from its image. */
export type { ReadProgress };
export type OnReadProgress = (progress: ReadProgress) => void;

/** One page's text; `ocr` when it was read from its image (no text layer). */
export interface PageText {
  text: string;
  ocr: { doubtful: string[]; confidence: number } | null;
}

export interface OcrReading {
  /** Pages read from their image (1-based). */
  pages: number[];
  /** Mean word confidence over those pages, 0–100. */
  confidence: number;
  /** Per source line (1-based, as in sourceLines), the words OCR was unsure of. */
  doubts: { line: number; words: string[] }[];
}

export interface SourceReading {
  format: SourceFormat;
  text: string;
  /** The page of each source line (1-based, one entry per line of `text`); empty for formats without pages. */
  linePages: number[];
  ocr: OcrReading | null;
}

/** Pages joined with a form feed (as the parser expects), each line remembering its page and OCR doubts. */
export function joinPages(format: SourceFormat, pages: PageText[]): SourceReading {
  const linePages: number[] = [];
  const doubts: OcrReading['doubts'] = [];
  const ocrPages: number[] = [];
  let confidence = 0;
  pages.forEach((page, index) => {
    const lines = (index === 0 ? page.text : `\f${page.text}`).split('\n');
    const first = linePages.length; // lines before this page
    if (page.ocr) {
      ocrPages.push(index + 1);
      confidence += page.ocr.confidence;
      const doubtful = new Set(page.ocr.doubtful);
      lines.forEach((line, i) => {
        const words = line.split(/\s+/).filter((w) => doubtful.has(w));
        if (words.length) doubts.push({ line: first + i + 1, words: [...new Set(words)] });
      });
    }
    for (let i = 0; i < lines.length; i++) linePages.push(index + 1);
  });
  const text = pages.map((p) => p.text).join('\n\f');
  return { format, text, linePages, ocr: ocrPages.length ? { pages: ocrPages, confidence: Math.round(confidence / ocrPages.length), doubts } : null };
}
