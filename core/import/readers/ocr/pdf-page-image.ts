import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { greyPgm } from './grey-pgm';

/** Scans are read at 200 dpi: tesseract's sweet spot for 12–14 pt print. */
const DPI = 200;
/** A page larger than A3 is drawn smaller, so one drawing stays under about 50 MB of pixels. */
const MAX_PIXELS = 12_000_000;
/** A scan's own picture is handed over as it is when its resolution is within this of 200 dpi (a scanner's 200 dpi setting). */
const SCAN_DPI = [170, 240] as const;
/** pdfjs's operators a page that is only a picture has besides painting it. */
const PAINT_IMAGE = 'paintImageXObject';
const AROUND_IMAGE = new Set(['save', 'restore', 'transform', 'dependency']);
/** pdfjs's ImageKind RGB_24BPP: three bytes a pixel (a picture with transparency, RGBA, is drawn on white instead). */
const CHANNELS: Record<number, 3> = { 2: 3 };

interface CanvasFactory {
  create(width: number, height: number): { canvas: { data(): Uint8Array }; context: unknown };
  destroy(entry: unknown): void;
}

type Ops = Record<string, number>;

/**
 * A PDF page drawn for OCR at 200 dpi, handed over as a grey PGM (a few bytes of header, then one byte a pixel),
 * its specks taken off (despeckle.ts), which tesseract reads without decoding. A scanner's page, one picture of
 * about 200 dpi over the whole page, is taken as pdfjs-dist decoded it, without drawing it; any other page is drawn by
 * pdfjs-dist on its own Node canvas (@napi-rs/canvas, pdfjs-dist's optional dependency). Drawing a scan cost
 * a quarter of a second a page beside tesseract's 1.5 s, on the same two cores; a PNG cost as much again to
 * encode and decode.
 */
export async function pdfPageImage(page: PDFPageProxy, canvasFactory: unknown, ops: Ops): Promise<Uint8Array> {
  const scan = await scannedPicture(page, ops);
  if (scan) return greyPgm(scan.data, scan.width, scan.height, { despeckled: true, channels: scan.channels });
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

/**
 * The page's picture as pdfjs-dist decoded it, when the page is nothing else: one picture, upright, over the whole
 * page (within 2%), of about 200 dpi, in RGB. Null for anything else (a page turned by /Rotate, a picture
 * in a corner, a fax's one bit a pixel, a 300 dpi scan), which is drawn instead.
 */
async function scannedPicture(page: PDFPageProxy, ops: Ops): Promise<{ data: Uint8Array; width: number; height: number; channels: 3 } | null> {
  if (page.rotate % 360) return null;
  const names = new Map(Object.entries(ops).map(([name, code]) => [code, name]));
  const list = await page.getOperatorList();
  const painted = list.fnArray.map((fn) => names.get(fn) ?? '');
  if (painted.filter((name) => name === PAINT_IMAGE).length !== 1 || painted.some((name) => name !== PAINT_IMAGE && !AROUND_IMAGE.has(name))) return null;
  const transforms = painted.flatMap((name, k) => (name === 'transform' ? [list.argsArray[k] as number[]] : []));
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const [pageWidth, pageHeight] = [x1 - x0, y1 - y0];
  const [a, b, c, d, e, f] = transforms[0] ?? [];
  if (transforms.length !== 1 || b || c || Math.abs(e! - x0) > 1 || Math.abs(f! - y0) > 1 || Math.abs(a! - pageWidth) > pageWidth * 0.02 || Math.abs(d! - pageHeight) > pageHeight * 0.02) return null;
  const id = (list.argsArray[painted.indexOf(PAINT_IMAGE)] as [string])[0];
  let image: { width: number; height: number; kind: number; data?: Uint8ClampedArray } | null;
  try {
    image = page.objs.get(id) as typeof image;
  } catch {
    return null; // not decoded yet, or not decodable: drawn instead, which says so
  }
  const channels = image && CHANNELS[image.kind];
  if (!image?.data || !channels || image.data.length !== image.width * image.height * channels || image.width * image.height > MAX_PIXELS) return null;
  const dpi = (image.width / pageWidth) * 72;
  if (dpi < SCAN_DPI[0] || dpi > SCAN_DPI[1]) return null;
  return { data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length), width: image.width, height: image.height, channels };
}
