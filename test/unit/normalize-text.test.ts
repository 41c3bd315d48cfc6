import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../shared/text/fold';

/** normalizeText as it was before its fast path for text that is already normal. */
function reference(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, (d) => (d === '\u2010' || d === '\u2011' ? '-' : '–'))
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const pieces = ['a', 'B', 'ệ', 'Đ', 'e\u0302\u0301', 'o\u031b', ' ', '  ', '\n', '\r', '\r\n', '\t', '\u00a0', '\u2003', '\ufeff', '\u2028', '–', '-', '\u2010', '\u2011', '\u2212', '—', '“', '1'];

describe('normalizeText', () => {
  it('gives what the six replacements give, for any mix of letters, spaces, breaks and dashes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(normalizeText(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('returns text that is already normal unchanged', () => {
    const text = 'Chủ tịch UBND xã Bình Chương tiếp 45 lượt công dân.\nTổ chức 3 cuộc đối thoại – không có đơn thư vượt cấp.';
    expect(normalizeText(text)).toBe(text);
    expect(normalizeText(reference(` ${text}\r\n\r\n\r\n `))).toBe(text);
  });
});
