import { daysInMonth, isRealDate, toIsoDate } from '../../../shared/dates/vn-date';

/** A date found in text, with where it sits in the folded string. */
export interface FoundDate {
  iso: string;
  index: number;
  end: number;
}

// Folded text (no diacritics). OCR may read "năm" as "ndm", "tháng" as "thang"/"thdng", "ngày" as "ngay"/"ngdy".
const NUMERIC = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/g;
const WORDS = /(\d{1,2})\s+th\w{2,4}\s+(\d{1,2})\s+n\w{1,2}m?\s+((?:19|20)\d{2})(?!\d)/g;

/** Every real date in folded text, in order: "15/5/2026", "26 thang 11 nam 2021". */
export function findDates(folded: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const re of [NUMERIC, WORDS]) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isRealDate(y, mo, d)) found.push({ iso: toIsoDate(y, mo, d), index: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "tháng 6/2026", "tháng 6 năm 2026" → the month's first and last day. */
export function monthRange(month: number, year: number): { from: string; to: string } | null {
  if (month < 1 || month > 12) return null;
  return { from: toIsoDate(year, month, 1), to: toIsoDate(year, month, daysInMonth(year, month)) };
}

const QUARTER_NUMBER: Record<string, number> = { i: 1, '1': 1, ii: 2, '2': 2, iii: 3, '3': 3, iv: 4, '4': 4 };

export function quarterRange(label: string, year: number): { from: string; to: string } | null {
  const q = QUARTER_NUMBER[label.toLowerCase()];
  if (!q) return null;
  return { from: toIsoDate(year, q * 3 - 2, 1), to: toIsoDate(year, q * 3, daysInMonth(year, q * 3)) };
}
