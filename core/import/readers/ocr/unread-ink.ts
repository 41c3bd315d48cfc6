/** A part of a page with ink that no recognised word covers, in the pixels tesseract read (the page turned straight). */
export interface InkRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A word's box as tesseract gives it, in the same pixels. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The page is looked at in squares of this many pixels (at 200 dpi a line of 13 pt print is about 2.5 of them). */
const CELL = 16;
/** Every STEP-th pixel across and down is looked at. */
const STEP = 2;
/** A square with this many dark pixels looked at holds ink (a letter's strokes are 20–25% of its box; a speck is a few pixels). */
const INKED = 4;
/** Darker than this is ink (a worn copy's paper is grey, about 200). */
const DARK = 128;
/** A run of dark pixels longer than this, across or down, is a rule or a table's border, not a letter. */
const RULE = 90;
/** A word's box is widened by this much: a letter's marks and the gap to the next letter are the word's. */
const PAD = 6;
/** The most regions read again on a page: past that the page is no page of print (a photo, a drawing). */
const MOST_REGIONS = 8;

/**
 * Where a page has print that tesseract's layout analysis left out. It sometimes drops a whole block, such as a
 * narrow table column of short repeated names ("Văn / phòng / Sở" down every row), though the letters are clear;
 * the page then reads as if the column were empty. Returns the blocks of ink (rules and borders left out) that no
 * word covers, each at least a few letters high and wide, largest first, to be read again on their own. `pgm` is
 * the grey page tesseract was given (P5); `radians` the angle tesseract turned it by, so the words' boxes and the
 * page's ink are compared in the same pixels. A picture that is not a PGM is not looked at.
 */
export function unreadInk(pgm: Uint8Array, words: Box[], radians: number): InkRegion[] {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder('latin1').decode(pgm.subarray(0, 40)));
  if (!header) return [];
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  if (pixels.length < width * height) return [];
  const columns = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);

  // every other pixel across and down: a letter's strokes are two or three pixels wide at 200 dpi, and a quarter
  // of the pixels cost a quarter of the time (the page waits for this before it is read again)
  const across = Math.floor(width / STEP);
  const down = Math.floor(height / STEP);
  const dark = (x: number, y: number) => pixels[y * STEP * width + x * STEP]! < DARK;
  const rule = RULE / STEP;
  // ink down a long vertical run is a border: marked so the row pass leaves it out
  const border = new Uint8Array(across * down);
  for (let x = 0; x < across; x++) {
    let start = -1;
    for (let y = 0; y <= down; y++) {
      const inked = y < down && dark(x, y);
      if (inked && start < 0) start = y;
      if (!inked && start >= 0) {
        if (y - start > rule) for (let k = start; k < y; k++) border[k * across + x] = 1;
        start = -1;
      }
    }
  }
  // each dark pixel counted in the square it falls in once the page is turned as tesseract turned it (about its centre)
  const ink = new Uint16Array(columns * rows);
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = width / 2;
  const cy = height / 2;
  const count = (x: number, y: number) => {
    const dx = x * STEP - cx;
    const dy = y * STEP - cy;
    const column = Math.floor((cx + dx * cos - dy * sin) / CELL);
    const row = Math.floor((cy + dx * sin + dy * cos) / CELL);
    if (column >= 0 && column < columns && row >= 0 && row < rows) ink[row * columns + column]! += 1;
  };
  for (let y = 0; y < down; y++) {
    let start = -1;
    for (let x = 0; x <= across; x++) {
      // a run goes on through a border it crosses, so a rule is not cut into short pieces where the borders cross it
      const inked = x < across && dark(x, y);
      if (inked && start < 0) start = x;
      if (!inked && start >= 0) {
        if (x - start <= rule) for (let k = start; k < x; k++) if (!border[y * across + k]) count(k, y);
        start = -1;
      }
    }
  }

  const covered = new Uint8Array(columns * rows);
  for (const word of words) {
    const c0 = Math.max(0, Math.floor((word.x0 - PAD) / CELL));
    const c1 = Math.min(columns - 1, Math.floor((word.x1 + PAD) / CELL));
    const r0 = Math.max(0, Math.floor((word.y0 - PAD) / CELL));
    const r1 = Math.min(rows - 1, Math.floor((word.y1 + PAD) / CELL));
    for (let r = r0; r <= r1; r++) covered.fill(1, r * columns + c0, r * columns + c1 + 1);
  }
  const unread = (cell: number) => ink[cell]! >= INKED && !covered[cell];

  // squares of unread ink two squares apart or nearer are one block (a line's letters, a cell's lines)
  const seen = new Uint8Array(columns * rows);
  const regions: (InkRegion & { cells: number })[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (seen[start] || !unread(start)) continue;
    seen[start] = 1;
    const queue = [start];
    let [c0, c1, r0, r1, cells] = [columns, 0, rows, 0, 0];
    while (queue.length) {
      const cell = queue.pop()!;
      const column = cell % columns;
      const row = (cell - column) / columns;
      [c0, c1, r0, r1, cells] = [Math.min(c0, column), Math.max(c1, column), Math.min(r0, row), Math.max(r1, row), cells + 1];
      for (let r = Math.max(0, row - 2); r <= Math.min(rows - 1, row + 2); r++) {
        for (let c = Math.max(0, column - 2); c <= Math.min(columns - 1, column + 2); c++) {
          const next = r * columns + c;
          if (!seen[next] && unread(next)) {
            seen[next] = 1;
            queue.push(next);
          }
        }
      }
    }
    // a lone square is a speck; a row's number ("1", "2") is two or three
    if (cells < 2) continue;
    const left = Math.max(0, (c0 - 1) * CELL);
    const top = Math.max(0, (r0 - 1) * CELL);
    regions.push({ left, top, width: Math.min(width, (c1 + 2) * CELL) - left, height: Math.min(height, (r1 + 2) * CELL) - top, cells });
  }
  // blocks over each other (a column's cells, row after row, a column of row numbers) are read as one: one call to the engine, not one a row
  const merged: (InkRegion & { cells: number })[] = [];
  for (const region of regions.sort((a, b) => a.top - b.top)) {
    const column = merged.find((m) => Math.min(m.left + m.width, region.left + region.width) - Math.max(m.left, region.left) >= Math.min(m.width, region.width) / 2);
    if (!column) {
      merged.push({ ...region });
      continue;
    }
    const right = Math.max(column.left + column.width, region.left + region.width);
    const bottom = Math.max(column.top + column.height, region.top + region.height);
    column.left = Math.min(column.left, region.left);
    column.top = Math.min(column.top, region.top);
    column.width = right - column.left;
    column.height = bottom - column.top;
    column.cells += region.cells;
  }
  // a few letters at least, or a column of row numbers: a stray mark, a seal's edge or a lone tone mark is no block of print
  return merged
    .filter((region) => region.cells >= 6 && region.height >= 4 * CELL)
    .sort((a, b) => b.cells - a.cells)
    .slice(0, MOST_REGIONS)
    .map(({ left, top, width: w, height: h }) => ({ left, top, width: w, height: h }));
}
