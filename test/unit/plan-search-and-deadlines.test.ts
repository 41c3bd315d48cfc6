import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { bucketFor } from '../../core/plans/deadlines';
import { cutoffPeriod, defaultDueDate } from '../../shared/plans/reporting-periods';
import { highlightRanges } from '../../shared/text/highlight';

const deadline = (dueDate: string) => ({ kind: 'deadline' as const, year: null, dueDate, from: null, to: null, text: '' });

describe('search', () => {
  it('finds plans and tasks without diacritics, in upper case, with d for đ, across years', async () => {
    const { services } = await setUpServices();
    await newPlanWith(services, 'own', 2025, (c) => ({ ...c, tasks: [task('1', 'Thực hiện tốt công tác tiếp công dân, đối thoại trực tiếp với dân')] }));
    await newPlanWith(services, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Phát động phong trào thi đua “Dân vận khéo”')] }));
    const search = async (query: string) => call(services, 'plans.search', { query });

    const tiep = await search('tiep cong dan');
    expect(tiep.map((r) => [r.year, r.taskOrdinal])).toEqual([[2025, '1']]);
    expect((await search('DÂN VẬN KHÉO')).map((r) => r.year)).toEqual([2026]);
    expect((await search('dan van kheo')).map((r) => r.year)).toEqual([2026]);
    expect((await search('doi thoai')).length).toBe(1);
    expect((await search('binh chuong')).map((r) => r.taskId)).toEqual([null, null]); // the issuer, on both plans
    expect(await search('   ')).toEqual([]);
    expect(await search('"); DROP TABLE plan; --')).toEqual([]);
    await services.close();
  });

  it('a task edited in a revision is found by its new words and not by its old ones', async () => {
    const { services } = await setUpServices();
    const plan = await newPlanWith(services, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Tổ chức hội nghị cán bộ công chức')] }));
    const issued = await call(services, 'plans.issue', { id: plan.id, number: '1', issueDate: '2026-02-02' });
    await call(services, 'plans.revise', { id: plan.id, reason: 'Điều chỉnh', content: { ...issued.content, tasks: [{ ...issued.content.tasks[0]!, body: 'Tập huấn nghiệp vụ dân vận' }] } });
    expect(await call(services, 'plans.search', { query: 'hoi nghi can bo' })).toEqual([]);
    expect((await call(services, 'plans.search', { query: 'tap huan nghiep vu' })).length).toBe(1);
    await services.close();
  });

  it('highlights the original words a folded query matched', () => {
    const text = 'Thực hiện tốt công tác tiếp công dân';
    const ranges = highlightRanges(text, 'tiep cong');
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['công', 'tiếp', 'công']);
    expect(highlightRanges('Đăng ký mô hình', 'dang')).toEqual([[0, 4]]);
  });
});

describe('deadlines', () => {
  it('sorts what is due into overdue, within 7 and within 30 days, across month and year ends', async () => {
    const { services } = await setUpServices();
    const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const group = await call(services, 'groups.create', { name: 'Các thôn', memberIds: [thon.id] });
    const plan = await newPlanWith(services, 'own', 2026, (c) => ({
      ...c,
      tasks: [
        task('1', 'Rà soát quy chế', { implementing: [{ type: 'group', groupId: group.id, note: '' }], timeframe: deadline('2026-05-30') }),
        task('2', 'Tập huấn', { timeframe: deadline('2026-12-31') }),
        task('3', 'Thường xuyên'),
      ],
      duties: [
        { id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: '2026-05-15', units: [{ type: 'group', groupId: group.id, note: '' }], recipient: 'Phòng Văn hóa – Xã hội', quarter: null },
        { id: crypto.randomUUID(), kind: 'annual', label: '', dueDate: defaultDueDate('annual', 2026)!, units: [{ type: 'unit', unitId: thon.id, note: '' }], recipient: '', quarter: null },
      ],
    }));
    // drafts are not yet binding
    expect(await call(services, 'overview.deadlines', { year: 2026, today: '2026-05-20' })).toEqual([]);
    await call(services, 'plans.issue', { id: plan.id, number: '3', issueDate: '2026-01-20' });

    const at = async (today: string) => (await call(services, 'overview.deadlines', { year: 2026, today })).map((i) => [i.label.slice(0, 20), i.daysLeft, i.bucket]);
    expect(await at('2026-05-20')).toEqual([
      ['Báo cáo 6 tháng', -5, 'overdue'],
      ['Nhiệm vụ 1: Rà soát ', 10, 'month'],
      ['Báo cáo năm', 208, 'later'],
      ['Nhiệm vụ 2: Tập huấn', 225, 'later'],
    ]);
    expect((await at('2026-05-23'))[1]).toEqual(['Nhiệm vụ 1: Rà soát ', 7, 'week']);
    expect((await at('2026-12-01')).slice(2)).toEqual([['Báo cáo năm', 13, 'month'], ['Nhiệm vụ 2: Tập huấn', 30, 'month']]);
    expect((await at('2027-01-01')).at(-1)).toEqual(['Nhiệm vụ 2: Tập huấn', -1, 'overdue']);
    const items = await call(services, 'overview.deadlines', { year: 2026, today: '2026-05-20' });
    expect(items[0]!.units).toEqual([{ id: thon.id, name: 'Thôn An Phú' }]);
    expect(items[0]!.cutoff).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(await call(services, 'overview.deadlines', { year: 2025, today: '2026-05-20' })).toEqual([]);
    await services.close();
  });

  it('applies the Nghị định 09 cut-off periods', () => {
    expect(cutoffPeriod('semiannual', 2026)).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(cutoffPeriod('annual', 2026)).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(cutoffPeriod('quarterly', 2026, 1)).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(cutoffPeriod('quarterly', 2026, 3)).toEqual({ from: '2026-06-15', to: '2026-09-14' });
    expect(cutoffPeriod('model-registration', 2026)).toBeNull();
    expect(defaultDueDate('semiannual', 2026)).toBe('2026-06-14');
    expect(bucketFor(0)).toBe('week');
    expect(bucketFor(-1)).toBe('overdue');
    expect(bucketFor(31)).toBe('later');
  });
});
