import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, expectError, setUpServices } from '../helpers/services';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { newPlanWith, task } from '../helpers/plans';

describe('plans', () => {
  it('creates a draft filled from the office settings', async () => {
    const { services } = await setUpServices();
    const plan = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    expect(plan.status).toBe('draft');
    expect(plan.documentNumber).toBe('…/KH-UBND');
    expect(plan.content).toMatchObject({ issuerName: 'UBND xã Bình Chương', place: 'Bình Chương', periodStart: '2026-01-01', periodEnd: '2026-12-31', signerAuthority: 'TM. ỦY BAN NHÂN DÂN' });
    await services.close();
  });

  it('refuses a task without text, a date that does not exist or falls outside the period, a duty without date or units; nothing written', async () => {
    const { services, dataDir } = await setUpServices();
    const plan = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    const before = snapshotDatabase(dataDir);
    const save = (tasks: unknown[], duties: unknown[] = []) => services.call('plans.saveDraft', { id: plan.id, content: { ...plan.content, tasks, duties } });

    const empty = expectError(await save([task('1', '   ')]), 'VALIDATION');
    expect(empty.fields?.['content.tasks.0.body']).toBe('Không được để trống');
    expect(empty.message).toMatch(/^Nhiệm vụ thứ 1, nội dung: Không được để trống/);

    const feb31 = expectError(await save([task('1', 'Tập huấn', { timeframe: { kind: 'deadline', year: null, dueDate: '2026-02-31', from: null, to: null, text: '' } })]), 'VALIDATION');
    expect(feb31.fields?.['content.tasks.0.timeframe.dueDate']).toMatch(/Ngày không có thật/);

    const outside = expectError(await save([task('1', 'Tập huấn', { timeframe: { kind: 'deadline', year: null, dueDate: '2027-01-15', from: null, to: null, text: '' } })]), 'VALIDATION');
    expect(outside.fields?.['tasks.0.timeframe.dueDate']).toMatch(/ngoài thời gian của kế hoạch \(01\/01\/2026 – 31\/12\/2026\)/);
    expect(outside.message).toMatch(/^Nhiệm vụ 1, thời gian thực hiện/);

    const noDate = expectError(await save([], [{ id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: null, units: [{ type: 'external', name: 'Các thôn', note: '' }], recipient: '', quarter: null }]), 'VALIDATION');
    expect(noDate.fields?.['content.duties.0.dueDate']).toMatch(/Nhập hạn/);
    const noUnits = expectError(await save([], [{ id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: '2026-05-15', units: [], recipient: '', quarter: null }]), 'VALIDATION');
    expect(noUnits.fields?.['content.duties.0.units']).toMatch(/ít nhất một đơn vị/);

    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });

  it('derives a plan from the parent, keeping the link of every task; the link must point into the parent plan', async () => {
    const { services } = await setUpServices();
    const parent = await newPlanWith(services, 'received', 2026, (c) => ({
      ...c,
      issuerName: 'UBND tỉnh Quảng Ngãi',
      number: '14',
      issueDate: '2026-01-19',
      title: 'Thực hiện công tác dân vận chính quyền và dân chủ ở cơ sở năm 2026',
      tasks: [task('1', 'Tiếp tục quán triệt'), task('2', 'Thực hiện tốt công tác tiếp công dân')],
    }));
    expect(parent.status).toBe('received');
    const derived = await call(services, 'plans.derive', { parentPlanId: parent.id });
    expect(derived.parentPlanId).toBe(parent.id);
    expect(derived.content.tasks.map((t) => t.parentTaskId)).toEqual(parent.content.tasks.map((t) => t.id));
    expect(derived.content.tasks.map((t) => t.id)).not.toEqual(parent.content.tasks.map((t) => t.id));
    expect(derived.content.preamble).toMatch(/^Thực hiện Kế hoạch số 14\/KH-UBND ngày 19\/01\/2026 của UBND tỉnh Quảng Ngãi/);
    // the indicators are copied under ids of their own, and a "not above" rule points at the copy of its whole
    const nameOf = (indicators: { id: string; name: string }[], id: string | null | undefined) => indicators.find((i) => i.id === id)?.name;
    const rules = (indicators: typeof parent.content.indicators) => indicators.filter((i) => i.partOf).map((i) => [i.name, nameOf(indicators, i.partOf)]);
    expect(rules(parent.content.indicators).length).toBeGreaterThan(0);
    expect(rules(derived.content.indicators)).toEqual(rules(parent.content.indicators));
    expect(derived.content.indicators.map((i) => i.id).filter((id) => parent.content.indicators.some((p) => p.id === id))).toEqual([]);

    // drop one, add one of our own, edit the other
    const [first] = derived.content.tasks;
    const edited = await call(services, 'plans.saveDraft', {
      id: derived.id,
      content: { ...derived.content, tasks: [{ ...first!, body: 'Quán triệt tại xã' }, task('2', 'Nhiệm vụ riêng của xã')] },
    });
    expect(edited.content.tasks.map((t) => t.parentTaskId)).toEqual([parent.content.tasks[0]!.id, null]);

    const foreign = expectError(
      await services.call('plans.saveDraft', { id: derived.id, content: { ...edited.content, tasks: [task('1', 'X', { parentTaskId: crypto.randomUUID() })] } }),
      'VALIDATION',
    );
    expect(foreign.message).toMatch(/nhiệm vụ cấp trên/);
    await services.close();
  });

  it('issues with a number, locks the plan, and changes it only as a revision with a reason', async () => {
    const { services } = await setUpServices();
    const a = await newPlanWith(services, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Thực hiện tốt công tác tiếp công dân')] }));
    const issued = await call(services, 'plans.issue', { id: a.id, number: '05', issueDate: '2026-03-03' });
    expect(issued).toMatchObject({ status: 'issued', revision: 1, documentNumber: '05/KH-UBND' });

    const locked = expectError(await services.call('plans.saveDraft', { id: a.id, content: issued.content }), 'CONFLICT');
    expect(locked.message).toMatch(/tạo bản sửa đổi/);

    const b = await newPlanWith(services, 'own', 2026, (c) => ({ ...c, title: 'Kế hoạch khác', tasks: [task('1', 'Khác')] }));
    const dup = expectError(await services.call('plans.issue', { id: b.id, number: '05', issueDate: '2026-04-01' }), 'CONFLICT');
    expect(dup.fields?.number).toMatch(/đã dùng cho kế hoạch/);
    expectError(await services.call('plans.issue', { id: b.id, number: 'năm', issueDate: '2026-04-01' }), 'VALIDATION');
    expectError(await services.call('plans.issue', { id: b.id, number: '06', issueDate: '2026-02-30' }), 'VALIDATION');

    const noReason = expectError(await services.call('plans.revise', { id: a.id, reason: ' ', content: issued.content }), 'VALIDATION');
    expect(noReason.fields?.reason).toBe('Không được để trống');
    expectError(await services.call('plans.revise', { id: a.id, reason: 'Không đổi gì', content: issued.content }), 'VALIDATION');

    const changedTask = { ...issued.content.tasks[0]!, body: 'Thực hiện tốt công tác đối thoại với Nhân dân', timeframe: { kind: 'deadline' as const, year: null, dueDate: '2026-06-30', from: null, to: null, text: '' } };
    const revised = await call(services, 'plans.revise', { id: a.id, reason: 'Theo chỉ đạo của tỉnh', content: { ...issued.content, number: '99', tasks: [changedTask, task('2', 'Tập huấn')] } });
    expect(revised).toMatchObject({ revision: 2, documentNumber: '05/KH-UBND' });

    const history = await call(services, 'plans.revisions', { id: a.id });
    expect(history.map((h) => [h.revision, h.reason])).toEqual([[1, 'Ban hành'], [2, 'Theo chỉ đạo của tỉnh']]);
    expect(history[1]!.changes).toEqual(
      expect.arrayContaining(['Nhiệm vụ 1: sửa nội dung', 'Nhiệm vụ 1: đổi thời gian thực hiện từ "Thường xuyên" thành "Hoàn thành trước ngày 30/6/2026"', 'Thêm nhiệm vụ 2: Tập huấn']),
    );
    const old = await call(services, 'plans.get', { id: a.id, revision: 1 });
    expect(old.content.tasks[0]!.body).toBe('Thực hiện tốt công tác tiếp công dân');
    expect(old.revision).toBe(1);
    expectError(await services.call('plans.remove', { id: a.id }), 'IN_USE');
    await services.close();
  });

  it('a unit named in a plan has history and can no longer be deleted', async () => {
    const { services } = await setUpServices();
    const unit = await call(services, 'units.create', { name: 'Phòng Kinh tế', kind: 'phong' });
    await newPlanWith(services, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Tham vấn cộng đồng', { lead: [{ type: 'unit', unitId: unit.id, note: '' }] })] }));
    const refused = expectError(await services.call('units.remove', { id: unit.id }), 'IN_USE');
    expect(refused.message).toMatch(/Ngừng sử dụng/);
    await services.close();
  });
});

describe('ids that travel', () => {
  it('a plan cannot take over the tasks or duties of another plan by their ids', async () => {
    const { services, dataDir } = await setUpServices();
    const duty = { id: crypto.randomUUID(), kind: 'semiannual' as const, label: '', dueDate: '2026-05-15', units: [{ type: 'external' as const, name: 'Các thôn', note: '' }], recipient: '', quarter: null };
    const a = await newPlanWith(services, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Của kế hoạch A')], duties: [duty] }));
    const b = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    const before = snapshotDatabase(dataDir);
    const stealTask = expectError(await services.call('plans.saveDraft', { id: b.id, content: { ...b.content, tasks: [{ ...a.content.tasks[0]!, body: 'Chiếm' }] } }), 'VALIDATION');
    expect(stealTask.message).toMatch(/đã thuộc kế hoạch khác/);
    expectError(await services.call('plans.saveDraft', { id: b.id, content: { ...b.content, duties: [duty] } }), 'VALIDATION');
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });
});
