import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../core/import/readers/ocr/ocr-engine';
import { ocrPageText } from '../../core/import/readers/ocr/ocr-page';

/** Words on a line at `baseline`, each at its left edge, 18 pixels a letter (8 between words), as tesseract gives them. */
function line(baseline: number, words: [string, number][]): OcrWord[] {
  return words.map(([text, x0]) => ({ text, confidence: 90, x0, x1: x0 + text.length * 18, y0: baseline - 30, y1: baseline, baseline, rowHeight: 36 }));
}

describe('a page read by OCR laid out as text (ocr-page.ts)', () => {
  it('a speck stuck to a heading\'s front (".Đơn") is taken off with a mark\'s width, not a letter\'s: the heading\'s column starts where its letters do, so "hợp" under it is the same heading', () => {
    const words = [
      ...line(1000, [['TT', 263], ['Nội', 341], ['dung', 403], ['Đơn', 752], ['vị', 814], ['.Đơn', 919], ['vị', 999], ['phối', 1043], ['Thời', 1136], ['gian', 1216]]),
      ...line(1040, [['chủ', 751], ['trì', 813], ['hợp', 919], ['thực', 1138], ['hiện', 1218]]),
      ...line(1080, [['1', 265], ['Quán', 341], ['triệt', 421], ['Văn', 752], ['phòng', 814], ['Công', 919], ['đoàn', 999], ['Quý', 1138], ['I/2026', 1200]]),
    ];
    expect(ocrPageText(words).text.split('\n')).toEqual(['TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện', '1\tQuán triệt\tVăn phòng\tCông đoàn\tQuý I/2026']);
  });
});
