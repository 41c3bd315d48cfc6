import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, expectError, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { snapshotDatabase, withoutTables } from '../helpers/db-snapshot';
import { figureRuleProblems, indicatorRules, outlierWords } from '../../shared/reports/figure-rules';

const id = () => crypto.randomUUID();

describe('the rules of an indicator', () => {
  it('are what the plan declares, else those of the built-in indicator of that name, else a quantity (a percentage when in %)', () => {
    const whole = id();
    const rules = indicatorRules([
      { id: whole, name: 'Số hộ được tuyên truyền', unit: 'hộ', kind: 'count', partOf: null },
      { id: id(), name: 'Số hộ ký cam kết', unit: 'hộ', kind: 'count', partOf: whole },
      { id: id(), name: 'Số đơn thư đã giải quyết', unit: 'đơn' }, // a plan saved before the rules
      { id: id(), name: 'Tỷ lệ hộ gia đình văn hóa', unit: '%' },
      { id: id(), name: 'Kinh phí hỗ trợ', unit: 'triệu đồng' },
      { id: id(), name: 'Số đơn thư tiếp nhận', unit: 'đơn', kind: 'quantity', partOf: null }, // declared wins over built-in
    ]);
    expect(rules.map((r) => [r.name, r.kind, r.partOf])).toEqual([
      ['Số hộ được tuyên truyền', 'count', null],
      ['Số hộ ký cam kết', 'count', 'Số hộ được tuyên truyền'],
      ['Số đơn thư đã giải quyết', 'count', 'Số đơn thư tiếp nhận'],
      ['Tỷ lệ hộ gia đình văn hóa', 'percentage', null],
      ['Kinh phí hỗ trợ', 'quantity', null],
      ['Số đơn thư tiếp nhận', 'quantity', null],
    ]);
  });

  it('name task, indicator and rule: a part above its whole in the same task, a percentage over 100, a count not whole or below 0', () => {
    const rules = indicatorRules([]); // only the built-in ones, by name
    const tasks = [
      { figures: [{ name: 'Số đơn thư đã giải quyết', unit: 'đơn', value: 7 }, { name: 'Số đơn thư tiếp nhận', unit: 'đơn', value: 8 }, { name: 'Số đơn thư đã giải quyết', unit: 'đơn', value: 5 }] },
      { figures: [{ name: 'Tỉ lệ đơn thư được giải quyết', unit: '%', value: 120 }, { name: 'Số lớp tập huấn', unit: 'lớp', value: 2.5 }, { name: 'Số người tham gia', unit: 'người', value: -3 }] },
      // the whole is in another task: nothing to compare within this one; an empty value is figureProblems' to name
      { figures: [{ name: 'Số đơn thư đã giải quyết', unit: 'đơn', value: 40 }, { name: 'Số cuộc đối thoại', unit: 'cuộc', value: null }, { name: 'Tên tự gõ', unit: '', value: 1.5 }] },
    ];
    expect(figureRuleProblems(tasks, rules, (i) => ['2', '3', '5'][i]!)).toEqual({
      'tasks.0.figures.0': 'Nhiệm vụ 2: Số đơn thư đã giải quyết (12) lớn hơn số đơn thư tiếp nhận (8)',
      'tasks.1.figures.0': 'Nhiệm vụ 3: Tỉ lệ đơn thư được giải quyết (120) là tỉ lệ phần trăm, phải từ 0 đến 100',
      'tasks.1.figures.1': 'Nhiệm vụ 3: Số lớp tập huấn (2,5) phải là số nguyên',
      'tasks.1.figures.2': 'Nhiệm vụ 3: Số người tham gia (-3) không được âm',
    });
    expect(figureRuleProblems([{ figures: [{ name: 'Số đơn thư đã giải quyết', unit: 'đơn', value: 8 }, { name: 'Số đơn thư tiếp nhận', unit: 'đơn', value: 8 }] }], rules, () => '1')).toEqual({});
  });

  it('flag a figure far from the previous period: 3 times or a third, and apart by 10 (20 points for a percentage)', () => {
    expect(outlierWords(120, 10, 'count', '6 tháng đầu năm 2025', 'lượt')).toBe('gấp 12 lần 6 tháng đầu năm 2025 (10 lượt)');
    expect(outlierWords(35, 10, 'count', 'năm 2025', '')).toBe('gấp 3,5 lần năm 2025 (10)');
    expect(outlierWords(20, 80, 'count', 'năm 2025', 'người')).toBe('chỉ bằng 1/4 năm 2025 (80 người)');
    expect(outlierWords(0, 25, 'count', 'quý I năm 2026', 'cuộc')).toBe('bằng 0, quý I năm 2026 (25 cuộc)');
    expect(outlierWords(15, 0, 'count', 'quý I năm 2026', 'cuộc')).toBe('quý I năm 2026 là 0');
    expect(outlierWords(3, 1, 'count', 'năm 2025', 'cuộc')).toBeNull(); // 3 times, but 2 more dialogues is nothing
    expect(outlierWords(25, 10, 'count', 'năm 2025', '')).toBeNull(); // 2.5 times
    expect(outlierWords(40, 10, 'percentage', 'năm 2025', '%')).toBe('gấp 4 lần năm 2025 (10 %)');
    expect(outlierWords(15, 5, 'percentage', 'năm 2025', '%')).toBeNull(); // 10 points
  });
});

/** Thôn An Phú reports quarter I, then quarter II, of one plan; Thôn Bình Tây owes both too. */
async function twoQuarters() {
  const { services, dataDir } = await setUpServices();
  const anPhu = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
  const binhTay = await call(services, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });
  const both = [{ type: 'unit' as const, unitId: anPhu.id, note: '' }, { type: 'unit' as const, unitId: binhTay.id, note: '' }];
  const [q1, q2] = [id(), id()];
  const plan = await newPlanWith(services, 'own', 2026, (c) => ({
    ...c,
    tasks: [task('1', 'Tuyên truyền', { implementing: both }), task('2', 'Tiếp công dân, giải quyết đơn thư', { implementing: both })],
    duties: [
      { id: q1, kind: 'quarterly', label: '', dueDate: '2026-03-20', units: both, recipient: '', quarter: 1 },
      { id: q2, kind: 'quarterly', label: '', dueDate: '2026-06-20', units: both, recipient: '', quarter: 2 },
    ],
  }));
  await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-01-20' });
  const fill = async (dutyId: string, unitId: string, figures: Record<string, number>) => {
    const r = await call(services, 'reports.open', { planId: plan.id, dutyId, unitId });
    const rows = Object.entries(figures).map(([name, value]) => ({ name, unit: plan.content.indicators.find((i) => i.name === name)?.unit ?? '', value }));
    return call(services, 'reports.save', { id: r.id, content: { ...r.content, tasks: r.content.tasks.map((t, i) => ({ ...t, status: 'done', figures: i === 1 ? rows : [] })) } });
  };
  return { services, dataDir, plan, q1, q2, anPhu, binhTay, fill };
}

describe('figures through the services', () => {
  it('refuses to send a report whose part exceeds its whole, naming task, indicator and rule, and writes nothing', async () => {
    const { services, dataDir, q2, anPhu, fill } = await twoQuarters();
    const draft = await fill(q2, anPhu.id, { 'Số đơn thư tiếp nhận': 8, 'Số đơn thư đã giải quyết': 12 });
    expect(draft.status).toBe('draft'); // a draft may hold it while the clerk checks the paper
    const before = snapshotDatabase(dataDir);
    const refused = expectError(await services.call('reports.submit', { id: draft.id, receivedDate: '2026-06-18' }), 'VALIDATION');
    expect(refused.message).toBe('Chưa gửi được: Nhiệm vụ 2: Số đơn thư đã giải quyết (12) lớn hơn số đơn thư tiếp nhận (8).');
    expect(refused.fields).toEqual({ 'tasks.1.figures.1': 'Nhiệm vụ 2: Số đơn thư đã giải quyết (12) lớn hơn số đơn thư tiếp nhận (8)' });
    expect(withoutTables(snapshotDatabase(dataDir), 'audit_event')).toEqual(withoutTables(before, 'audit_event'));

    await fill(q2, anPhu.id, { 'Tỉ lệ đơn thư được giải quyết': 150 });
    expect(expectError(await services.call('reports.submit', { id: draft.id, receivedDate: '2026-06-18' }), 'VALIDATION').message).toBe('Chưa gửi được: Nhiệm vụ 2: Tỉ lệ đơn thư được giải quyết (150) là tỉ lệ phần trăm, phải từ 0 đến 100.');
    await fill(q2, anPhu.id, { 'Số đơn thư tiếp nhận': 8, 'Số đơn thư đã giải quyết': 8, 'Tỉ lệ đơn thư được giải quyết': 100 });
    expect((await call(services, 'reports.submit', { id: draft.id, receivedDate: '2026-06-18' })).status).toBe('submitted');
  });

  it('never takes a negative count as 0: the save is refused with the row named', async () => {
    const { services, dataDir, q1, anPhu, fill } = await twoQuarters();
    const r = await fill(q1, anPhu.id, { 'Số người tham gia': 40 });
    const before = snapshotDatabase(dataDir);
    const tasks = r.content.tasks.map((t, i) => ({ ...t, figures: i === 1 ? [{ name: 'Số người tham gia', unit: 'người', value: -3 }] : [] }));
    const refused = expectError(await services.call('reports.save', { id: r.id, content: { ...r.content, tasks } }), 'VALIDATION');
    expect(refused.message).toBe('Nhiệm vụ thứ 2, số liệu thứ 1: Số liệu không được âm');
    expect(withoutTables(snapshotDatabase(dataDir), 'audit_event')).toEqual(withoutTables(before, 'audit_event'));
    expect((await call(services, 'reports.get', { id: r.id })).content.tasks[1]!.figures).toEqual([{ name: 'Số người tham gia', unit: 'người', value: 40 }]);
  });

  it('flags at review and in the consolidation a figure far from the unit\'s previous quarter, and says from how many units each total comes', async () => {
    const { services, plan, q1, q2, anPhu, binhTay, fill } = await twoQuarters();
    const send = async (dutyId: string, unitId: string, figures: Record<string, number>) => {
      const r = await fill(dutyId, unitId, figures);
      await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-06-18' });
      return call(services, 'reports.accept', { id: r.id });
    };
    const earlier = await send(q1, anPhu.id, { 'Số lượt tiếp công dân': 10, 'Số cuộc đối thoại': 2 });
    expect(earlier.outliers).toEqual([]); // nothing before it
    await send(q1, binhTay.id, { 'Số lượt tiếp công dân': 30 });
    const draft = await fill(q2, anPhu.id, { 'Số lượt tiếp công dân': 120, 'Số cuộc đối thoại': 5 });
    expect(draft.outliers).toEqual([]); // a draft is not compared
    const sent = await call(services, 'reports.submit', { id: draft.id, receivedDate: '2026-06-18' });
    // 5 dialogues after 2 is 2.5 times and 3 more: not flagged
    expect(sent.outliers).toEqual([{ name: 'Số lượt tiếp công dân', unit: 'lượt', value: 120, previous: 10, period: 'quý I năm 2026', words: 'gấp 12 lần quý I năm 2026 (10 lượt)' }]);
    await call(services, 'reports.accept', { id: sent.id }); // advice, not a block

    const c = await call(services, 'reports.consolidation', { planId: plan.id, dutyId: q2 });
    expect(c.figures.map((f) => [f.name, f.total, f.fromUnits, f.byUnit.map((b) => [b.unitName, b.value, b.outlier])])).toEqual([
      ['Số lượt tiếp công dân', 120, { reported: 1, expected: 2 }, [['Thôn An Phú', 120, 'gấp 12 lần quý I năm 2026 (10 lượt)']]],
      ['Số cuộc đối thoại', 5, { reported: 1, expected: 2 }, [['Thôn An Phú', 5, null]]],
    ]);
    const first = await call(services, 'reports.consolidation', { planId: plan.id, dutyId: q1 });
    expect(first.figures.map((f) => [f.name, f.total, f.fromUnits])).toEqual([
      ['Số lượt tiếp công dân', 40, { reported: 2, expected: 2 }],
      ['Số cuộc đối thoại', 2, { reported: 1, expected: 2 }],
    ]);
  });
});
