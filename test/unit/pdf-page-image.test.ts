import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { pdfPageImage } from '../../core/import/readers/ocr/pdf-page-image';
import { imagePdf } from '../helpers/scan-pdf';

/** A grey A4 scan's JPEG at `dpi`, a dark bar across its top third. */
function scanJpeg(dpi: number): Buffer {
  const [width, height] = [Math.round((595 / 72) * dpi), Math.round((842 / 72) * dpi)];
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000';
  context.fillRect(0, height / 4, width, height / 12);
  return canvas.toBuffer('image/jpeg', 90);
}

async function firstPageImage(pdf: Buffer): Promise<{ width: number; height: number; grey: (x: number, y: number) => number }> {
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pgm = await pdfPageImage(await doc.getPage(1), doc.canvasFactory, pdfjs.OPS as unknown as Record<string, number>);
    const header = /^P5\n(\d+) (\d+)\n255\n/.exec(new TextDecoder('latin1').decode(pgm.subarray(0, 30)))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    return { width, height, grey: (x, y) => pgm[header[0].length + Math.round(y) * width + Math.round(x)]! };
  } finally {
    await doc.destroy();
  }
}

describe('a scanned PDF page as tesseract is given it (pdf-page-image.ts)', () => {
  it('a scanner\'s 200 dpi page is its own picture, taken as decoded; a 300 dpi one is drawn at 200 dpi; both the right way up', async () => {
    const at200 = await firstPageImage(imagePdf([scanJpeg(205)]));
    // the picture's own pixels (1694 wide), not the page drawn at 200 dpi (1653)
    expect([at200.width, at200.height]).toEqual([1694, 2397]);
    const at300 = await firstPageImage(imagePdf([scanJpeg(300)]));
    expect([at300.width, at300.height]).toEqual([1653, 2339]);
    for (const page of [at200, at300]) {
      expect(page.grey(page.width / 2, page.height * 0.29)).toBeLessThan(60); // the bar
      expect(page.grey(page.width / 2, page.height * 0.1)).toBeGreaterThan(200);
      expect(page.grey(page.width / 2, page.height * 0.7)).toBeGreaterThan(200);
    }
  }, 60_000);
});
