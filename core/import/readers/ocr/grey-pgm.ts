import { despeckle } from './despeckle';

/**
 * RGBA pixels as the binary grey PGM (P5) tesseract reads without decoding (a few bytes of header, then one
 * byte a pixel, grey by the usual luma weights), its specks taken off (despeckle.ts) when the picture is fine
 * enough for the median not to thin a letter's strokes.
 */
export function greyPgm(rgba: Uint8Array, width: number, height: number, { despeckled }: { despeckled: boolean }): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let i = 0, j = header.length; j < out.length; i += 4, j++) out[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  if (despeckled) despeckle(out.subarray(header.length), width, height);
  return out;
}
