import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { figureProblems, figureRowProblem } from '../../shared/reports/figure-problems';
import { ReportContent } from '../../shared/reports/report-schemas';
import { validationError } from '../../shared/api/validation';

const entry = (figures: { name: string; unit?: string; value?: number | null }[]) => ({ figures });
// The unit carries tasks 2, 3, 5 and 7 of the plan: the report's fourth task is the plan's task 7.
const ORDINALS = ['2', '3', '5', '7'];

describe('figure rows of a report, as the clerk is told what is wrong with one', () => {
  it('names the task by its number in the plan and the row by its indicator, or by its place when it has none', () => {
    const problems = figureProblems(
      [
        entry([{ name: 'Số lượt tiếp công dân', unit: 'lượt', value: 12 }]),
        entry([]),
        entry([]),
        entry([
          { name: 'Số cuộc đối thoại', unit: 'cuộc', value: null },
          { name: '', unit: '', value: 0 },
          { name: 'Số người tham gia', unit: 'người', value: -3 },
          { name: 'Số lớp tập huấn', unit: 'lớp học tập trung dành cho cán bộ thôn, tổ dân phố, chi hội', value: 2 },
          { name: 'Số đơn thư đã giải quyết', unit: 'đơn', value: 4 },
        ]),
      ],
      (i) => ORDINALS[i]!,
    );
    expect(problems).toEqual({
      'tasks.3.figures.0': 'Nhiệm vụ 7, số liệu «Số cuộc đối thoại»: chưa nhập giá trị',
      'tasks.3.figures.1': 'Nhiệm vụ 7, số liệu thứ 2: chưa chọn chỉ tiêu',
      'tasks.3.figures.2': 'Nhiệm vụ 7, số liệu «Số người tham gia»: số liệu không được âm',
      'tasks.3.figures.3': 'Nhiệm vụ 7, số liệu «Số lớp tập huấn»: đơn vị tính dài quá 50 ký tự',
    });
  });

  it('has nothing to say once the row is filled in or removed', () => {
    expect(figureRowProblem({ name: 'Số cuộc đối thoại', unit: 'cuộc', value: 0 })).toBeNull();
    expect(figureRowProblem({ name: '   ', value: 3 })).toBe('chưa chọn chỉ tiêu');
    const tasks = [entry([{ name: 'Số cuộc đối thoại', value: 4 }, { name: '', value: 0 }])];
    expect(Object.values(figureProblems(tasks, () => '4'))).toEqual(['Nhiệm vụ 4, số liệu thứ 2: chưa chọn chỉ tiêu']);
    expect(figureProblems([entry(tasks[0]!.figures.slice(0, 1))], () => '4')).toEqual({});
  });

  it('agrees with the contract: a row it passes is one reports.save takes, and a raw refusal names the row\'s place', () => {
    const content = (figures: unknown[]) => ({ tasks: [{ taskId: crypto.randomUUID(), figures }] });
    const good = { name: 'Số cuộc đối thoại', unit: 'cuộc', value: 2 };
    expect(figureRowProblem(good)).toBeNull();
    expect(ReportContent.safeParse(content([good])).success).toBe(true);
    const refused = ReportContent.safeParse(content([good, { name: '', unit: '', value: 0 }]));
    expect(refused.success).toBe(false);
    expect(validationError(refused.error!).message).toBe('Nhiệm vụ thứ 1, số liệu thứ 2, tên: Không được để trống');
  });
});
