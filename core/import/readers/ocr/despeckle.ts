/**
 * A page's grey pixels with the specks of a worn copy taken off: each pixel becomes the median of its 3 × 3
 * neighbourhood. A speck of one or two pixels (dust, toner, a photo's noise) is outvoted by the paper around it,
 * while a letter's strokes, two or more pixels wide at 200 dpi, keep their shape. Tesseract reads such specks
 * as marks and tone marks ("Văn nữ" for "Văn phòng"); on a clean scan the median changes next to nothing.
 * In place; the border rows and columns are left as they are.
 */
export function despeckle(grey: Uint8Array, width: number, height: number): void {
  const source = grey.slice();
  for (let y = 1; y < height - 1; y++) {
    const up = (y - 1) * width;
    const row = y * width;
    const down = (y + 1) * width;
    for (let x = 1; x < width - 1; x++) {
      // five of the nine alike (the pixel and the four beside it, as on blank paper): that is the median, no sorting needed
      const centre = source[row + x]!;
      if (source[row + x - 1] === centre && source[row + x + 1] === centre && source[up + x] === centre && source[down + x] === centre) continue;
      grey[row + x] = median9(
        source[up + x - 1]!,
        source[up + x]!,
        source[up + x + 1]!,
        source[row + x - 1]!,
        source[row + x]!,
        source[row + x + 1]!,
        source[down + x - 1]!,
        source[down + x]!,
        source[down + x + 1]!,
      );
    }
  }
}

/** The median of nine values by the 19-exchange network (Paeth, Graphics Gems): no array, no sort. */
function median9(p0: number, p1: number, p2: number, p3: number, p4: number, p5: number, p6: number, p7: number, p8: number): number {
  let t: number;
  if (p1 > p2) {
    t = p1;
    p1 = p2;
    p2 = t;
  }
  if (p4 > p5) {
    t = p4;
    p4 = p5;
    p5 = t;
  }
  if (p7 > p8) {
    t = p7;
    p7 = p8;
    p8 = t;
  }
  if (p0 > p1) {
    t = p0;
    p0 = p1;
    p1 = t;
  }
  if (p3 > p4) {
    t = p3;
    p3 = p4;
    p4 = t;
  }
  if (p6 > p7) {
    t = p6;
    p6 = p7;
    p7 = t;
  }
  if (p1 > p2) {
    t = p1;
    p1 = p2;
    p2 = t;
  }
  if (p4 > p5) {
    t = p4;
    p4 = p5;
    p5 = t;
  }
  if (p7 > p8) {
    t = p7;
    p7 = p8;
    p8 = t;
  }
  if (p0 > p3) p3 = p0;
  if (p5 > p8) p5 = p8;
  if (p4 > p7) {
    t = p4;
    p4 = p7;
    p7 = t;
  }
  if (p3 > p6) p6 = p3;
  if (p1 > p4) p4 = p1;
  if (p2 > p5) p2 = p5;
  if (p4 > p7) p4 = p7;
  if (p4 > p2) {
    t = p4;
    p4 = p2;
    p2 = t;
  }
  if (p6 > p4) p4 = p6;
  if (p4 > p2) p4 = p2;
  return p4;
}
