import { greyPgm } from './grey-pgm';

/** An A4 page's short side at 170 dpi, in pixels. */
const MIN_SHORT_SIDE = 1400;

/**
 * A photo or scan file (.jpg, .png) as the grey PGM tesseract reads, its specks taken off as a scanned PDF
 * page's are (despeckle.ts) when it is fine enough: decoded by @napi-rs/canvas, which also turns a phone photo as its camera was held
 * (EXIF orientation), on white (a PNG's transparent parts). A TIFF, which the canvas cannot decode, is given to
 * tesseract as it is. The size was checked from the header before this decodes anything (read-image.ts).
 */
export async function photoPixels(bytes: Uint8Array): Promise<Uint8Array> {
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const png = bytes[0] === 0x89 && bytes[1] === 0x50;
  if (!jpeg && !png) return bytes;
  // loaded only when a photo is read, as pdfjs-dist only when a PDF is (a native package of 30 MB)
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  // the canvas's own pixels: getImageData's copies are never given back (pdf-page-image.ts)
  // under about 170 dpi for an A4 page a letter's strokes are a pixel or two wide, and the median would thin them
  return greyPgm(canvas.data(), image.width, image.height, { despeckled: Math.min(image.width, image.height) >= MIN_SHORT_SIDE });
}
