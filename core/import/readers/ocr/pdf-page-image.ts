import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Scans are read at 200 dpi: tesseract's sweet spot for 12–14 pt print. */
const DPI = 200;
/** A page larger than A3 is drawn smaller, so one drawing stays under about 50 MB of pixels. */
const MAX_PIXELS = 12_000_000;

interface CanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(mime: 'image/png'): Uint8Array }; context: unknown };
  destroy(entry: unknown): void;
}

/**
 * A PDF page drawn as a PNG for OCR, by pdfjs-dist with its own Node canvas (@napi-rs/canvas, pdfjs-dist's
 * optional dependency): the page's scanned picture, whatever its compression, at 200 dpi.
 */
export async function pdfPageImage(page: PDFPageProxy, canvasFactory: unknown): Promise<Uint8Array> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const factory = canvasFactory as CanvasFactory;
  const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    await page.render({ canvas: entry.canvas as never, canvasContext: entry.context as never, viewport, background: 'white' }).promise;
    return entry.canvas.toBuffer('image/png');
  } finally {
    factory.destroy(entry);
  }
}
