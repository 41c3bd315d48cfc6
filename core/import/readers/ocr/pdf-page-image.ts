import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { greyPgm } from './grey-pgm';

/** Scans are read at 200 dpi: tesseract's sweet spot for 12–14 pt print. */
const DPI = 200;
/** A page larger than A3 is drawn smaller, so one drawing stays under about 50 MB of pixels. */
const MAX_PIXELS = 12_000_000;

interface CanvasFactory {
  create(width: number, height: number): { canvas: { data(): Uint8Array }; context: unknown };
  destroy(entry: unknown): void;
}

/**
 * A PDF page drawn for OCR, by pdfjs-dist with its own Node canvas (@napi-rs/canvas, pdfjs-dist's optional
 * dependency): the page's scanned picture, whatever its compression, at 200 dpi, handed over as a grey
 * PGM (a few bytes of header, then one byte a pixel), its specks taken off (despeckle.ts), which tesseract reads without decoding. A PNG
 * cost a third of a second a page to encode and as much again to decode, beside the 3 s of recognition.
 */
export async function pdfPageImage(page: PDFPageProxy, canvasFactory: unknown): Promise<Uint8Array> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const factory = canvasFactory as CanvasFactory;
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const entry = factory.create(width, height);
  try {
    await page.render({ canvas: entry.canvas as never, canvasContext: entry.context as never, viewport, background: 'white' }).promise;
    // the canvas's own pixels (RGBA): getImageData's copies are never given back by @napi-rs/canvas
    // (its issue 819), 15 MB a page, which took a 10-page scan past 600 MB
    return greyPgm(entry.canvas.data(), width, height, { despeckled: true });
  } finally {
    factory.destroy(entry);
  }
}
