import { describe, expect, it } from 'vitest';
import { completionByTask, completionByUnit, figuresAgainstPreviousYear, onTimeRateByPeriod } from '../../shared/reports/report-charts';
import type { Consolidation } from '../../shared/reports/consolidation';
import type { Matrix } from '../../shared/reports/report-schemas';

const result = (unitName: string, status: 'done' | 'done_late' | 'in_progress' | null) => ({ unitName, status, doneText: '', reason: '' });

describe('report charts', () => {
  const c = {
    tasks: [
      { ordinal: '1', results: [result('A', 'done'), result('B', 'done_late'), result('C', 'in_progress')] },
      { ordinal: '2', results: [result('A', 'in_progress')] },
      { ordinal: '3', results: [] },
    ],
  } as unknown as Consolidation;

  it('completion by task and by unit', () => {
    expect(completionByTask(c)).toEqual([{ name: 'NV 1', percent: 67 }, { name: 'NV 2', percent: 0 }, { name: 'NV 3', percent: 0 }]);
    expect(completionByUnit(c)).toEqual([{ name: 'A', percent: 50 }, { name: 'B', percent: 100 }, { name: 'C', percent: 0 }]);
  });

  it('figures against the same period of the previous year', () => {
    const figure = (name: string, total: number, previous: number | null) => ({ name, unit: '', total, byUnit: [], previous });
    const withFigures = { figures: [figure('Số lượt tiếp công dân', 44, 20), figure('Số cuộc đối thoại', 3, null), figure('Số đơn thư', 9, 0)] } as unknown as Consolidation;
    expect(figuresAgainstPreviousYear(withFigures)).toEqual([{ name: 'Số lượt tiếp công dân', percent: 220 }]);
  });

  it('on-time rate over the periods already due', () => {
    const m: Matrix = {
      duties: [{ id: 'd1', label: 'Báo cáo 6 tháng', dueDate: '2026-05-15' }, { id: 'd2', label: 'Báo cáo năm', dueDate: '2026-10-30' }],
      units: [],
      cells: [
        { dutyId: 'd1', unitId: 'a', state: 'on_time', daysLate: 0, reportId: 'r' },
        { dutyId: 'd1', unitId: 'b', state: 'accepted', daysLate: 2, reportId: 'r' },
        { dutyId: 'd1', unitId: 'c', state: 'accepted', daysLate: 0, reportId: 'r' },
        { dutyId: 'd1', unitId: 'd', state: 'missing', daysLate: 5, reportId: null },
        { dutyId: 'd2', unitId: 'a', state: 'not_due', daysLate: 0, reportId: null },
      ],
    };
    expect(onTimeRateByPeriod(m, '2026-05-20')).toEqual([{ name: 'Báo cáo 6 tháng', percent: 50 }]);
  });
});
