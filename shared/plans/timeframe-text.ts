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

/** The words a timeframe's kind is written with, as a choice of the editor says them. */
const KIND_WORDS: Partial<Record<Timeframe['kind'], string>> = { ongoing: 'thường xuyên', year: 'năm' };

/**
 * Whether the source's own words (kept in `text`, and printed) say what the chosen kind says, letter for
 * letter: a scan's "Thuong xuyén" was matched to "Thường xuyên" by the importer's tolerant reading, but
 * prints as read. Then `nearest` is what the kind prints without the source's words, for the clerk to take.
 */
export function timeframeWording(t: Timeframe): { exact: boolean; nearest: string } {
  const nearest = timeframeText({ ...t, text: '' });
  const words = KIND_WORDS[t.kind];
  if (!t.text || !words) return { exact: true, nearest };
  return { exact: t.text.normalize('NFC').toLocaleLowerCase('vi').includes(words), nearest };
}
