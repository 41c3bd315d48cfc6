import type { ParsedTimeframe } from '../../../shared/import/parsed-plan';
import { findDates, monthRange, quarterRange } from './dates';
import { fold, sameWords } from './fuzzy';

/**
 * "Thường xuyên", "Trong năm 2026", "Cả năm 2025", "Thường xuyên trong năm 2025",
 * "Hoàn thành trước ngày 30/5/2026", "Từ ngày 01/3 đến ngày 30/6/2026", "Quý II/2026", "6 tháng đầu năm 2026".
 */
export function parseTimeframe(raw: string): ParsedTimeframe {
  const text = raw.replace(/[.;,\s]+$/, '').trim();
  const f = fold(text);
  const dates = findDates(f);
  const yearMatch = /\bn\w{1,2}m?\s+((?:19|20)\d{2})\b/.exec(f) ?? /\b((?:19|20)\d{2})\b/.exec(f);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;

  const range = /\btu\b.*\bden\b/.test(f);
  if (range && dates.length >= 2) return { kind: 'range', from: dates[0]!.iso, to: dates[1]!.iso, text };
  // "Từ tháng 3 đến tháng 5/2026", "tháng 10 - tháng 11/2026"
  const months = /\b(?:tu\s+)?thang\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*(?:den|[-–])\s*(?:het\s+)?thang\s+(\d{1,2})(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(f);
  if (months) {
    const y2 = Number(months[4] ?? months[2] ?? year);
    const y1 = Number(months[2] ?? y2);
    const a = monthRange(Number(months[1]), y1);
    const b = monthRange(Number(months[3]), y2);
    if (a && b) return { kind: 'range', from: a.from, to: b.to, text };
  }
  // "Tháng 10 - 11/2026": the second month without its word (no date: "10 - 11/2026" is no 10 November)
  const shortMonths = /\bthang\s+(\d{1,2})\s*(?:den|[-–])\s*(\d{1,2})\s*\/\s*(\d{4})\b/.exec(f);
  if (shortMonths && Number(shortMonths[1]) < Number(shortMonths[2])) {
    const a = monthRange(Number(shortMonths[1]), Number(shortMonths[3]));
    const b = monthRange(Number(shortMonths[2]), Number(shortMonths[3]));
    if (a && b) return { kind: 'range', from: a.from, to: b.to, text };
  }
  const quarter = /\bquy\s+([ivx]{1,3}|[1-4])\s*(?:\/|nam)\s*(\d{4})/.exec(f);
  if (quarter) {
    // "Quý I và Quý III/2026": from the first quarter's start to the last one's end
    const first = /\bquy\s+([ivx]{1,3}|[1-4])\b/.exec(f)!;
    const q = quarterRange(quarter[1]!, Number(quarter[2]));
    const from = first.index < quarter.index ? quarterRange(first[1]!, Number(quarter[2])) : q;
    if (q && from) return { kind: 'range', from: from.from, to: q.to, text };
  }
  const half = /\b6 thang (dau|cuoi) nam (\d{4})/.exec(f);
  if (half) {
    const y = Number(half[2]);
    return half[1] === 'dau' ? { kind: 'range', from: `${y}-01-01`, to: `${y}-06-30`, text } : { kind: 'range', from: `${y}-07-01`, to: `${y}-12-31`, text };
  }
  const ongoing = f.split(/[^a-z]+/).some((_, i, words) => sameWords(`${words[i]} ${words[i + 1] ?? ''}`, 'thuong xuyen'));
  if (ongoing) return year ? { kind: 'ongoing', year, text } : { kind: 'ongoing', text };
  if (dates.length >= 1) return { kind: 'deadline', dueDate: dates[dates.length - 1]!.iso, text };
  // "Định kỳ hằng quý (trước ngày 15 của tháng cuối quý)": again and again, no one date
  if (/^(?:dinh ky|hang (?:quy|thang|tuan))\b/.test(f)) return year ? { kind: 'ongoing', year, text } : { kind: 'ongoing', text };
  const monthDeadline = /\bthang\s+(\d{1,2})\s*(?:\/|nam)\s*(\d{4})/.exec(f);
  if (monthDeadline) {
    const m = monthRange(Number(monthDeadline[1]), Number(monthDeadline[2]));
    // "Hoàn thành tháng 10/2026" is due at the month's end; "Hoàn thành trong tháng 10/2026" is done during it
    const due = /\b(truoc|cham nhat)\b/.test(f) || (/\bhoan thanh\b/.test(f) && !/\btrong thang\b/.test(f));
    if (m) return due ? { kind: 'deadline', dueDate: m.to, text } : { kind: 'range', from: m.from, to: m.to, text };
  }
  if (year) return { kind: 'year', year, text };
  return { kind: 'unspecified', text };
}
