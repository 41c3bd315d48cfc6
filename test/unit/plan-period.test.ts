import { describe, expect, it } from 'vitest';
import { shiftYears, withPlanYear } from '../../shared/plans/plan-period';

describe('the plan year and its period move together', () => {
  it('a whole-year period follows the year (2025 → 2026), forward and back', () => {
    expect(withPlanYear({ year: 2025, periodStart: '2025-01-01', periodEnd: '2025-12-31' }, 2026)).toEqual({ year: 2026, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(withPlanYear({ year: 2026, periodStart: '2026-01-01', periodEnd: '2026-12-31' }, 2024)).toEqual({ year: 2024, periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  });

  it('a part-year or straddling period moves by the same number of years', () => {
    expect(withPlanYear({ year: 2025, periodStart: '2025-03-15', periodEnd: '2025-10-31' }, 2026)).toEqual({ year: 2026, periodStart: '2026-03-15', periodEnd: '2026-10-31' });
    expect(withPlanYear({ year: 2025, periodStart: '2025-07-01', periodEnd: '2026-06-30' }, 2026)).toEqual({ year: 2026, periodStart: '2026-07-01', periodEnd: '2027-06-30' });
  });

  it('leaves a period the clerk set apart from the year, and keeps the rest of the content', () => {
    const content = { year: 2025, periodStart: '2026-01-01', periodEnd: '2026-12-31', title: 'Kế hoạch' };
    expect(withPlanYear(content, 2026)).toEqual({ year: 2026, periodStart: '2026-01-01', periodEnd: '2026-12-31', title: 'Kế hoạch' });
    expect(withPlanYear({ year: 2025, periodStart: '2025-01-01', periodEnd: '2025-12-31', title: 'x' }, 2025).periodStart).toBe('2025-01-01');
  });

  it('keeps the end of February the end of February and never makes a day that does not exist', () => {
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2025-02-28', 3)).toBe('2028-02-29');
    expect(shiftYears('2025-02-27', 3)).toBe('2028-02-27');
    expect(shiftYears('2025-12-31', -1)).toBe('2024-12-31');
  });
});
