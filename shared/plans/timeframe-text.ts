import { formatDocumentDate } from '../dates/vn-date';
import type { Timeframe } from './plan-schemas';

/** The timeframe as the document says it; the source's own words win when kept. */
export function timeframeText(t: Timeframe): string {
  if (t.text) return t.text;
  switch (t.kind) {
    case 'ongoing':
      return t.year ? `Thường xuyên trong năm ${t.year}` : 'Thường xuyên';
    case 'year':
      return `Trong năm ${t.year}`;
    case 'deadline':
      return t.dueDate ? `Hoàn thành trước ngày ${formatDocumentDate(t.dueDate)}` : '';
    case 'range':
      return t.from && t.to ? `Từ ngày ${formatDocumentDate(t.from)} đến ngày ${formatDocumentDate(t.to)}` : '';
    case 'unspecified':
      return '';
  }
}

/** The date by which the task must be done, if it has one (deadline, or the end of a range). */
export function timeframeDueDate(t: Timeframe): string | null {
  if (t.kind === 'deadline') return t.dueDate;
  if (t.kind === 'range') return t.to;
  return null;
}
