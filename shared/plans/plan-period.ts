import { daysInMonth, toIsoDate } from '../dates/vn-date';
import type { PlanContent } from './plan-schemas';

type YearAndPeriod = Pick<PlanContent, 'year' | 'periodStart' | 'periodEnd'>;

/** The same day and month `years` later; a day the month lacks then (29/02) and the end of February become its last day. */
export function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const lastDay = d === daysInMonth(y, m);
  const target = y + years;
  return toIsoDate(target, m, lastDay && m === 2 ? daysInMonth(target, m) : Math.min(d, daysInMonth(target, m)));
}

/**
 * The plan's year and its period move together. When the clerk changes the year (2025 → 2026), a period that
 * starts in the old year moves by the same number of years, whole or part of a year alike
 * (01/01–31/12/2025 → 01/01–31/12/2026; 01/07/2025–30/06/2026 → 01/07/2026–30/06/2027), so the deadlines of
 * the new year fit in it. A period the clerk has already set apart from the year (one that does not start in
 * the old year) is theirs and is left as it is. Either way the period stays editable afterwards.
 */
export function withPlanYear<T extends YearAndPeriod>(content: T, year: number): T {
  const years = year - content.year;
  if (years === 0 || Number(content.periodStart.slice(0, 4)) !== content.year) return { ...content, year };
  return { ...content, year, periodStart: shiftYears(content.periodStart, years), periodEnd: shiftYears(content.periodEnd, years) };
}
