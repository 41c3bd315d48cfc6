import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeText } from '../../shared/text/fold';
import { compareVietnamese, sortVietnamese } from '../../shared/text/collate';
import { formatOfficialDate, formatPlaceAndDate, formatVnDate, parseVnDate } from '../../shared/dates/vn-date';

describe('foldVietnamese', () => {
  it('matches names typed without diacritics, in any case, with đ as d', () => {
    expect(foldVietnamese('Bình Chương')).toBe('binh chuong');
    expect(foldVietnamese('BÌNH CHƯƠNG')).toBe('binh chuong');
    expect(foldVietnamese('Đăng ký “Dân vận khéo”')).toBe('dang ky "dan van kheo"');
    expect(foldVietnamese('Sở Nội vụ')).toBe('so noi vu');
  });
  it('treats decomposed (NFD) input and dash variants alike', () => {
    expect(foldVietnamese('Bình Chương'.normalize('NFD'))).toBe('binh chuong');
    expect(foldVietnamese('Phòng Văn hóa – Xã hội')).toBe(foldVietnamese('Phòng Văn hóa - Xã hội'));
    expect(foldVietnamese('Phòng VH -XH')).toBe('phong vh-xh');
  });
  it('normalises whitespace and NFC', () => {
    expect(normalizeText('  Thôn\u00A0  Bình\tAn ')).toBe('Thôn Bình An');
    expect(normalizeText('Hòa'.normalize('NFD'))).toBe('Hòa'.normalize('NFC'));
  });
});

describe('Vietnamese collation', () => {
  it('orders by the Vietnamese alphabet (d before đ, a before ă before â)', () => {
    expect(sortVietnamese(['Đông', 'Dương', 'Ân', 'Ăn', 'An'], (s) => s)).toEqual(['An', 'Ăn', 'Ân', 'Dương', 'Đông']);
    expect(compareVietnamese('Thôn 2', 'Thôn 10')).toBeLessThan(0);
  });
});

describe('dates', () => {
  it('parses dd/mm/yyyy and refuses dates that do not exist', () => {
    expect(parseVnDate('03/3/2025')).toBe('2025-03-03');
    expect(parseVnDate('30/01/2026')).toBe('2026-01-30');
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVnDate('29/02/2026')).toBeNull();
    expect(parseVnDate('31/02/2026')).toBeNull();
    expect(parseVnDate('31/04/2026')).toBeNull();
    expect(parseVnDate('2026-01-30')).toBeNull();
    expect(parseVnDate('abc')).toBeNull();
  });
  it('formats for screens as dd/mm/yyyy', () => {
    expect(formatVnDate('2026-05-15')).toBe('15/05/2026');
  });
  it('applies the Nghị định 30 leading-zero rule in official dates', () => {
    expect(formatOfficialDate('2025-03-03')).toBe('ngày 03 tháng 3 năm 2025');
    expect(formatOfficialDate('2026-01-19')).toBe('ngày 19 tháng 01 năm 2026');
    expect(formatOfficialDate('2026-02-09')).toBe('ngày 09 tháng 02 năm 2026');
    expect(formatOfficialDate('2025-11-04')).toBe('ngày 04 tháng 11 năm 2025');
    expect(formatOfficialDate('2025-12-10')).toBe('ngày 10 tháng 12 năm 2025');
    expect(formatPlaceAndDate('Bình Chương', '2026-03-03')).toBe('Bình Chương, ngày 03 tháng 3 năm 2026');
  });
});

describe('normalizeText keeps what a document needs', () => {
  it('keeps line breaks (one paragraph per line) and curly quotes, collapses spaces and blank lines', () => {
    expect(normalizeText('1. Mục đích  \r\n- Tiếp tục\n\n\n\n2. Yêu cầu ')).toBe('1. Mục đích\n- Tiếp tục\n\n2. Yêu cầu');
    expect(normalizeText('phong trào “Dân vận khéo”')).toBe('phong trào “Dân vận khéo”');
    expect(foldVietnamese('Thôn\nAn Phú')).toBe('thon an phu');
  });
});
