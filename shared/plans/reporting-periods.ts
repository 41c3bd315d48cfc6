import { toIsoDate, type IsoDate } from '../dates/vn-date';
import type { DutyKind } from './plan-schemas';

export interface CutoffPeriod {
  from: IsoDate;
  to: IsoDate;
}

/**
 * Data cut-off of a periodic report under Nghị định 09/2019/NĐ-CP, Điều 12: from the 15th of the month
 * before the period to the 14th of its last month (6 tháng: 15/12 năm trước – 14/6; năm: 15/12 năm
 * trước – 14/12; quý I: 15/12 – 14/3, …). Null for reports that are not periodic.
 */
export function cutoffPeriod(kind: DutyKind, year: number, quarter: number | null = null): CutoffPeriod | null {
  const previousDec15 = toIsoDate(year - 1, 12, 15);
  switch (kind) {
    case 'semiannual':
      return { from: previousDec15, to: toIsoDate(year, 6, 14) };
    case 'annual':
      return { from: previousDec15, to: toIsoDate(year, 12, 14) };
    case 'quarterly': {
      const q = quarter ?? 1;
      return { from: q === 1 ? previousDec15 : toIsoDate(year, 3 * (q - 1), 15), to: toIsoDate(year, 3 * q, 14) };
    }
    default:
      return null;
  }
}

/** The window a duty's figures are counted in: the plan's own when it sets one, else Nghị định 09/2019's. */
export function dutyCutoff(duty: { kind: DutyKind; quarter: number | null; cutoff?: CutoffPeriod }, year: number): CutoffPeriod | null {
  return duty.cutoff ?? cutoffPeriod(duty.kind, year, duty.quarter);
}

/** The due date offered when the plan names none: the last day of the cut-off period. */
export function defaultDueDate(kind: DutyKind, year: number, quarter: number | null = null): IsoDate | null {
  return cutoffPeriod(kind, year, quarter)?.to ?? null;
}
