import { despeckle } from './despeckle';

/**
 * RGBA pixels (or RGB, `channels` 3) as the binary grey PGM (P5) tesseract reads without decoding (a few bytes of header, then one
 * byte a pixel, grey by the usual luma weights), its specks taken off (despeckle.ts) when the picture is fine
 * enough for the median not to thin a letter's strokes.
 */
export function greyPgm(pixels: Uint8Array, width: number, height: number, { despeckled, channels = 4 }: { despeckled: boolean; channels?: 3 | 4 }): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  if (channels === 4 && pixels.byteOffset % 4 === 0) {
    // a pixel a read (little-endian, as every PC: red in the low byte), a third of the loads of reading its bytes one by one
    const rgba = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
    for (let i = 0, j = header.length; i < rgba.length; i++, j++) {
      const v = rgba[i]!;
      out[j] = ((v & 255) * 77 + ((v >>> 8) & 255) * 150 + ((v >>> 16) & 255) * 29) >> 8;
    }
  } else for (let i = 0, j = header.length; j < out.length; i += channels, j++) out[j] = (pixels[i]! * 77 + pixels[i + 1]! * 150 + pixels[i + 2]! * 29) >> 8;
  if (despeckled) despeckle(out.subarray(header.length), width, height);
  return out;
}
