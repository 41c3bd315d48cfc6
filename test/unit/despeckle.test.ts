import { describe, expect, it } from 'vitest';
import { despeckle } from '../../core/import/readers/ocr/despeckle';

describe('despeckle: a worn page\'s specks taken off before OCR', () => {
  it('a speck of one or two pixels becomes paper; a stroke three pixels wide and a dot of 3 × 3 stay', () => {
    const width = 20;
    const height = 12;
    const page = new Uint8Array(width * height).fill(230);
    const ink = (x: number, y: number) => (page[y * width + x] = 20);
    for (let y = 1; y < 11; y++) for (const x of [2, 3, 4]) ink(x, y); // a letter's stem
    for (const y of [4, 5, 6]) for (const x of [14, 15, 16]) ink(x, y); // a tone mark's dot
    ink(9, 3); // specks
    ink(9, 8);
    ink(10, 8);
    page[6 * width + 3] = 250; // a white speck in the stem
    despeckle(page, width, height);
    const at = (x: number, y: number) => page[y * width + x];
    expect([at(9, 3), at(9, 8), at(10, 8)]).toEqual([230, 230, 230]);
    expect([at(3, 5), at(3, 6), at(3, 7), at(15, 5)]).toEqual([20, 20, 20, 20]);
  });
});
