import { describe, expect, it } from 'vitest';
import { greyPgm } from '../../core/import/readers/ocr/grey-pgm';
import { unreadInk } from '../../core/import/readers/ocr/unread-ink';

const WIDTH = 1600;
const HEIGHT = 1200;

/** A white page as the grey PGM tesseract is given, with `draw` painting dark pixels on it. */
function pagePgm(draw: (dark: (x: number, y: number) => void) => void): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${WIDTH} ${HEIGHT}\n255\n`);
  const pgm = new Uint8Array(header.length + WIDTH * HEIGHT).fill(245);
  pgm.set(header);
  draw((x, y) => {
    if (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT) pgm[header.length + Math.round(y) * WIDTH + Math.round(x)] = 30;
  });
  return pgm;
}

/** Lines of letter-sized blobs (10 × 14, 4 apart, lines 30 apart) filling a box: what print looks like to the ink count. */
function print(dark: (x: number, y: number) => void, box: { x0: number; y0: number; x1: number; y1: number }): void {
  for (let y = box.y0; y + 14 <= box.y1; y += 30) {
    for (let x = box.x0; x + 10 <= box.x1; x += 14) {
      for (let dy = 0; dy < 14; dy++) for (let dx = 0; dx < 10; dx += dy % 4 ? 3 : 1) dark(x + dx, y + dy);
    }
  }
}

const turned = (x: number, y: number, radians: number) => {
  const [dx, dy] = [x - WIDTH / 2, y - HEIGHT / 2];
  return [WIDTH / 2 + dx * Math.cos(radians) - dy * Math.sin(radians), HEIGHT / 2 + dx * Math.sin(radians) + dy * Math.cos(radians)] as const;
};

describe('print the OCR layout left out (unread-ink.ts)', () => {
  const read = { x0: 100, y0: 100, x1: 500, y1: 400 };
  const dropped = { x0: 1300, y0: 100, x1: 1500, y1: 250 };

  it('a block of print no word covers is found, with room around it; print the words cover, rules and borders are not', () => {
    const pgm = pagePgm((dark) => {
      print(dark, read);
      print(dark, dropped);
      for (let x = 50; x < 1550; x++) for (let t = 0; t < 3; t++) dark(x, 600 + t); // a rule across the page
      // a table's borders: their lines cross, and would join into one block the size of the table
      for (let y = 700; y <= 1100; y += 50) for (let x = 100; x <= 1000; x++) for (let t = 0; t < 2; t++) dark(x, y + t);
      for (const x of [100, 400, 700, 1000]) for (let y = 700; y <= 1100; y++) for (let t = 0; t < 2; t++) dark(x + t, y);
      // the borders of the dropped block's own cell, close to its print
      for (let x = 1200; x < 1590; x++) for (let t = 0; t < 2; t++) dark(x, dropped.y1 + 6 + t);
      for (let y = 20; y < 1180; y++) for (let t = 0; t < 2; t++) dark(dropped.x1 + 6 + t, y);
    });
    const regions = unreadInk(pgm, [read], 0);
    expect(regions).toHaveLength(1);
    const [region] = regions;
    expect(region!.left).toBeLessThanOrEqual(dropped.x0);
    expect(region!.top).toBeLessThanOrEqual(dropped.y0);
    expect(region!.left + region!.width).toBeGreaterThanOrEqual(dropped.x1);
    expect(region!.top + region!.height).toBeGreaterThanOrEqual(dropped.y1);
    expect(region!.width).toBeLessThan(300); // the dropped block, not its cell's borders
    expect(region!.height).toBeLessThan(250);
    expect(unreadInk(pgm, [read, dropped], 0)).toEqual([]);
  });

  it('a page tesseract turned straight: the words\' boxes, in its turned pixels, are compared with the ink turned the same way', () => {
    const radians = 0.2;
    const pgm = pagePgm((dark) => print(dark, dropped));
    // the block's box once turned, as tesseract reports the words it read there
    const corners = [turned(dropped.x0, dropped.y0, radians), turned(dropped.x1, dropped.y0, radians), turned(dropped.x0, dropped.y1, radians), turned(dropped.x1, dropped.y1, radians)];
    const box = { x0: Math.min(...corners.map((c) => c[0])), y0: Math.min(...corners.map((c) => c[1])), x1: Math.max(...corners.map((c) => c[0])), y1: Math.max(...corners.map((c) => c[1])) };
    expect(unreadInk(pgm, [box], radians)).toEqual([]);
    expect(unreadInk(pgm, [box], -radians)).not.toEqual([]);
  });

  it('a column of row numbers, each a digit, is one block read at once', () => {
    const pgm = pagePgm((dark) => {
      for (let y = 100; y < 1100; y += 180) for (let dy = 0; dy < 28; dy++) for (let dx = 0; dx < 12; dx += dy % 5 ? 4 : 1) dark(100 + dx, y + dy);
    });
    const regions = unreadInk(pgm, [], 0);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.top).toBeLessThanOrEqual(100);
    expect(regions[0]!.top + regions[0]!.height).toBeGreaterThanOrEqual(1000);
    expect(regions[0]!.width).toBeLessThan(100);
  });

  it('specks, a lone mark and a picture that is no PGM are no print', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const specks = pagePgm((dark) => {
      for (let i = 0; i < 3000; i++) {
        const [x, y] = [random() * WIDTH, random() * HEIGHT];
        dark(x, y);
        dark(x + 1, y);
      }
    });
    expect(unreadInk(specks, [], 0)).toEqual([]);
    const mark = pagePgm((dark) => print(dark, { x0: 700, y0: 500, x1: 724, y1: 514 })); // two letters' worth
    expect(unreadInk(mark, [], 0)).toEqual([]);
    expect(unreadInk(new Uint8Array([0x49, 0x49, 0x2a, 0]), [], 0)).toEqual([]); // a TIFF's header
  });
});

describe('a page\'s pixels as grey (grey-pgm.ts)', () => {
  it('RGBA and RGB pixels give the same grey, however the RGBA bytes are aligned', () => {
    const colours = [
      [255, 255, 255],
      [0, 0, 0],
      [200, 100, 50],
      [12, 240, 128],
    ];
    const rgba = new Uint8Array(colours.flatMap((c) => [...c, 255]));
    const rgb = new Uint8Array(colours.flat());
    const unaligned = new Uint8Array(rgba.length + 1).subarray(1);
    unaligned.set(rgba);
    const grey = (pgm: Uint8Array) => [...pgm.subarray(pgm.length - colours.length)];
    const expected = colours.map(([r, g, b]) => (r! * 77 + g! * 150 + b! * 29) >> 8);
    expect(grey(greyPgm(rgba, 2, 2, { despeckled: false }))).toEqual(expected);
    expect(grey(greyPgm(unaligned, 2, 2, { despeckled: false }))).toEqual(expected);
    expect(grey(greyPgm(rgb, 2, 2, { despeckled: false, channels: 3 }))).toEqual(expected);
  });
});
