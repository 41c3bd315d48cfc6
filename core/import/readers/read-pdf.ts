import { AppError } from '../../app-error';
import type { OcrWord } from './ocr/ocr-engine';
import { ocrPageText } from './ocr/ocr-page';
import { pdfPageImage } from './ocr/pdf-page-image';
import { createOcrPool, type OcrPool } from './ocr/ocr-pool';
import { pageText, type Item } from './page-layout';
import type { TableCarry } from './page-table';
import { joinPages, type OnReadProgress, type SourceReading } from './source-reading';

/** A page with fewer letters than this in its text layer is a scanned picture: it is read by OCR. */
const SCANNED_PAGE_LETTERS = 20;
/** A plan runs to a few dozen pages; OCR takes seconds a page, so a longer scan is refused before it starts. */
export const MAX_OCR_PAGES = 60;

/**
 * A PDF read page by page: through pdfjs-dist's text layer where the page has one (rebuilt into lines by
 * page-layout.ts), by OCR of the page's picture where it has none (a scan, or a scanned page inserted
 * among typed ones). Pages are joined with a form feed.
 */
export async function readPdf(bytes: Uint8Array, progress?: OnReadProgress): Promise<SourceReading> {
  const pdfjs = await loadPdfjs();
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new AppError('VALIDATION', 'Tệp PDF có mật khẩu nên không đọc được. Hãy xin bản không đặt mật khẩu hoặc bản Word.');
    throw new AppError('VALIDATION', 'Không đọc được tệp PDF: tệp bị hỏng hoặc không phải PDF.');
  }
  let pool: OcrPool | null = null;
  try {
    const pages: { items: Item[]; words: OcrWord[] | null }[] = [];
    const scanned: number[] = [];
    // Pages under recognition (each engine in its own thread) while the next one is drawn here: as many as there are engines, oldest first.
    const recognising: Promise<void>[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      let page;
      const items: Item[] = [];
      try {
        page = await doc.getPage(p);
        const content = await page.getTextContent();
        for (const raw of content.items) {
          if (!('str' in raw) || !raw.str) continue;
          const [a, b, , d, x, y] = raw.transform as number[];
          items.push({ str: raw.str, x: x!, y: y!, width: raw.width, size: Math.hypot(a!, b!) || Math.abs(d!) || raw.height });
        }
      } catch {
        // a damaged page tree or content stream shows only when the page is read (found by fuzzing)
        throw new AppError('VALIDATION', `Không đọc được trang ${p} của tệp PDF: tệp bị hỏng.`);
      }
      const letters = items.reduce((n, i) => n + i.str.replace(/\s/g, '').length, 0);
      // A page with no picture on it has nothing OCR could read (blank, or a damaged content stream): not drawn.
      if (letters >= SCANNED_PAGE_LETTERS || !(await paintsImage(page, pdfjs.OPS))) {
        progress?.({ page: p, pages: doc.numPages, ocr: false });
        page.cleanup();
        pages.push({ items, words: null });
        continue;
      }
      scanned.push(p);
      if (scanned.length > MAX_OCR_PAGES) throw new AppError('VALIDATION', `Bản quét có hơn ${MAX_OCR_PAGES} trang không có chữ, quá dài cho một kế hoạch. Hãy tách riêng phần kế hoạch rồi nhập lại.`);
      let image: Uint8Array;
      try {
        image = await pdfPageImage(page, doc.canvasFactory, pdfjs.OPS);
      } catch {
        throw new AppError('VALIDATION', `Không đọc được trang ${p} của tệp PDF: không vẽ được hình của trang.`);
      } finally {
        page.cleanup();
      }
      pool ??= createOcrPool();
      if (recognising.length >= pool.size) await recognising.shift();
      progress?.({ page: p, pages: doc.numPages, ocr: true });
      const entry: (typeof pages)[number] = { items: [], words: [] };
      pages.push(entry);
      // settled here (never a rejection left unhandled while the next page is drawn), thrown when awaited
      const reading = pool.recognize(image).then(
        (words) => void (entry.words = words),
        () => Promise.reject(new AppError('VALIDATION', `Không nhận dạng được chữ trên trang ${p} của tệp PDF: hình của trang bị hỏng.`)),
      );
      reading.catch(() => undefined);
      recognising.push(reading);
    }
    await Promise.all(recognising);
    // Body text size over the text pages: a last page of footnotes must not set its own.
    const sizes = pages.flatMap((page) => page.items.map((i) => i.size)).sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)] ?? 12;
    // in page order, so a task table goes on from one page to the next (a scan's pixels and a text layer's points are not mixed)
    let carry: TableCarry = { columns: null };
    let previous: 'ocr' | 'text' | null = null;
    const texts = pages.map((page) => {
      const kind = page.words ? 'ocr' : 'text';
      if (kind !== previous) carry = { columns: null };
      previous = kind;
      if (!page.words) return { text: pageText(page.items, body, carry), ocr: null };
      const read = ocrPageText(page.words, carry);
      return { text: read.text, ocr: { doubtful: read.doubtful, confidence: read.confidence } };
    });
    const letters = texts.reduce((n, page) => n + page.text.replace(/\s/g, '').length, 0);
    if (letters < 40) {
      throw new AppError('VALIDATION', 'Không đọc được chữ nào trong tệp PDF này, kể cả bằng nhận dạng chữ trên ảnh quét. Hãy quét lại rõ hơn (200–300 dpi, thẳng trang), hoặc dùng bản Word, hoặc dán nội dung văn bản.');
    }
    return joinPages('pdf', texts);
  } finally {
    await pool?.close();
    await doc.destroy();
  }
}

/** Whether the page paints a picture (a scan is one image per page), from its operator list, without drawing it. */
async function paintsImage(page: import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy, ops: Pdfjs['OPS']): Promise<boolean> {
  try {
    const list = await page.getOperatorList();
    const painting = new Set<number>([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageXObjectRepeat, ops.paintImageMaskXObject, ops.paintInlineImageXObjectGroup]);
    return list.fnArray.some((fn) => painting.has(fn));
  } catch {
    return false;
  }
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | null = null;

/** pdfjs runs its worker in this thread: the worker module is imported here, so bundlers see it. */
function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}
