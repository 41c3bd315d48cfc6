import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, expectError, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { cellState } from '../../core/reports/matrix';

async function issuedPlan() {
  const { services, dataDir } = await setUpServices();
  const vhxh = await call(services, 'units.create', { name: 'Phòng Văn hóa – Xã hội', kind: 'phong' });
  const anPhu = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
  const binhTay = await call(services, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });
  const thon = await call(services, 'groups.create', { name: 'Các thôn', memberIds: [anPhu.id, binhTay.id] });
  const g = (id: string) => [{ type: 'group' as const, groupId: id, note: '' }];
  const u = (id: string) => [{ type: 'unit' as const, unitId: id, note: '' }];
  const semi = crypto.randomUUID();
  const annual = crypto.randomUUID();
  const plan = await newPlanWith(services, 'own', 2026, (c) => ({
    ...c,
    tasks: [
      task('1', 'Tuyên truyền', { implementing: g(thon.id) }),
      task('2', 'Cải cách hành chính', { lead: u(vhxh.id), coordinating: g(thon.id) }),
      task('3', 'Tập huấn', { lead: u(vhxh.id) }),
      task('4', 'Chỉ đạo chung', { directing: g(thon.id) }),
    ],
    duties: [
      { id: semi, kind: 'semiannual', label: '', dueDate: '2026-05-15', units: [...g(thon.id), ...u(vhxh.id)], recipient: 'Phòng Văn hóa – Xã hội', quarter: null },
      { id: annual, kind: 'annual', label: '', dueDate: '2026-10-30', units: g(thon.id), recipient: '', quarter: null },
    ],
  }));
  await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-01-20' });
  return { services, dataDir, plan, semi, annual, vhxh, anPhu, binhTay };
}

describe('unit reports', () => {
  it('opens a report pre-filled with exactly the tasks the unit carries, groups expanded', async () => {
    const { services, plan, semi, anPhu, vhxh } = await issuedPlan();
    const r = await call(services, 'reports.open', { planId: plan.id, dutyId: semi, unitId: anPhu.id });
    expect(r.tasks.map((t) => [t.ordinal, t.roles])).toEqual([['1', ['thực hiện']], ['2', ['phối hợp']]]);
    expect(r).toMatchObject({ status: 'draft', unitName: 'Thôn An Phú', dutyLabel: 'Báo cáo 6 tháng', dueDate: '2026-05-15' });
    expect(r.indicators).toContainEqual({ name: 'Số lượt tiếp công dân', unit: 'lượt', kind: 'count', partOf: null }); // the plan's catalogue
    expect(r.indicators).toContainEqual({ name: 'Số đơn thư đã giải quyết', unit: 'đơn', kind: 'count', partOf: 'Số đơn thư tiếp nhận' }); // with its rules
    const again = await call(services, 'reports.open', { planId: plan.id, dutyId: semi, unitId: anPhu.id });
    expect(again.id).toBe(r.id);
    const lead = await call(services, 'reports.open', { planId: plan.id, dutyId: semi, unitId: vhxh.id });
    expect(lead.tasks.map((t) => t.ordinal)).toEqual(['2', '3']);
    expectError(await services.call('reports.open', { planId: plan.id, dutyId: crypto.randomUUID(), unitId: anPhu.id }), 'NOT_FOUND');
    await services.close();
  });

  it('goes draft → submitted → returned with a reason → revised → submitted → accepted, keeping every revision', async () => {
    const { services, dataDir, plan, semi, anPhu } = await issuedPlan();
    const r = await call(services, 'reports.open', { planId: plan.id, dutyId: semi, unitId: anPhu.id });
    const before = snapshotDatabase(dataDir);
    const incomplete = expectError(await services.call('reports.submit', { id: r.id, receivedDate: '2026-05-10' }), 'VALIDATION');
    expect(incomplete.message).toMatch(/nhiệm vụ thứ 1 – chọn tình trạng/);
    expect(snapshotDatabase(dataDir)).toEqual(before);

    const entries = r.content.tasks;
    const notDone = { ...r.content, tasks: [{ ...entries[0]!, status: 'done' as const, doneText: 'Tổ chức 3 buổi', figures: [{ name: 'Số buổi tuyên truyền', unit: 'buổi', value: 3 }] }, { ...entries[1]!, status: 'not_done' as const }] };
    await call(services, 'reports.save', { id: r.id, content: notDone });
    const noReason = expectError(await services.call('reports.submit', { id: r.id, receivedDate: '2026-05-10' }), 'VALIDATION');
    expect(noReason.fields?.['tasks.1.reason']).toMatch(/lý do/);
    const complete = { ...notDone, tasks: [notDone.tasks[0]!, { ...notDone.tasks[1]!, reason: 'Chưa có kinh phí' }], shortcomings: 'Còn chậm' };
    await call(services, 'reports.save', { id: r.id, content: complete });
    const sent = await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-05-10' });
    expect(sent).toMatchObject({ status: 'submitted', revision: 1, receivedDate: '2026-05-10' });
    expectError(await services.call('reports.save', { id: r.id, content: complete }), 'CONFLICT');

    expectError(await services.call('reports.return', { id: r.id, reason: '' }), 'VALIDATION');
    const returned = await call(services, 'reports.return', { id: r.id, reason: 'Bổ sung số liệu nhiệm vụ 2' });
    expect(returned).toMatchObject({ status: 'returned', returnedReason: 'Bổ sung số liệu nhiệm vụ 2' });
    await call(services, 'reports.save', { id: r.id, content: { ...complete, tasks: [complete.tasks[0]!, { ...complete.tasks[1]!, status: 'in_progress', reason: '' }] } });
    await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-05-20' });
    const accepted = await call(services, 'reports.accept', { id: r.id });
    expect(accepted.status).toBe('accepted');
    expect(accepted.events.map((e) => e.kind)).toEqual(['submitted', 'returned', 'submitted', 'accepted']);
    // Review events name the person signed in.
    expect(accepted.events[1]!.actor).toBe('Nguyễn Văn Quản (quantri)');
    expectError(await services.call('reports.return', { id: r.id, reason: 'Muộn' }), 'CONFLICT');

    const revisions = await call(services, 'reports.revisions', { id: r.id });
    expect(revisions.map((v) => v.revision)).toEqual([1, 2]);
    expect(revisions[1]!.changes).toEqual(['Nhiệm vụ 2: tình trạng "Không thực hiện" → "Đang thực hiện"', 'Nhiệm vụ 2: sửa lý do']);
    await services.close();
  });

  it('the completeness matrix shows on time, late by N days, missing, returned and accepted', async () => {
    const { services, plan, semi, anPhu, binhTay, vhxh } = await issuedPlan();
    const fill = async (unitId: string, receivedDate: string) => {
      const r = await call(services, 'reports.open', { planId: plan.id, dutyId: semi, unitId });
      await call(services, 'reports.save', { id: r.id, content: { ...r.content, tasks: r.content.tasks.map((t) => ({ ...t, status: 'done' as const })) } });
      return call(services, 'reports.submit', { id: r.id, receivedDate });
    };
    await fill(anPhu.id, '2026-05-15');
    const late = await fill(binhTay.id, '2026-05-18');
    const m = await call(services, 'reports.matrix', { planId: plan.id, today: '2026-05-20' });
    expect(m.units.map((u) => u.name)).toEqual(['Phòng Văn hóa – Xã hội', 'Thôn An Phú', 'Thôn Bình Tây']);
    const cell = (unitId: string, dutyId: string) => m.cells.find((c) => c.unitId === unitId && c.dutyId === dutyId);
    expect(cell(anPhu.id, semi)).toMatchObject({ state: 'on_time', daysLate: 0 });
    expect(cell(binhTay.id, semi)).toMatchObject({ state: 'late', daysLate: 3 });
    expect(cell(vhxh.id, semi)).toMatchObject({ state: 'missing', daysLate: 5, reportId: null });
    expect(cell(anPhu.id, m.duties[1]!.id)).toMatchObject({ state: 'not_due' });
    expect(cell(vhxh.id, m.duties[1]!.id)).toBeUndefined(); // the annual report is owed by the thôn only
    await call(services, 'reports.accept', { id: late.id });
    const after = await call(services, 'reports.matrix', { planId: plan.id, today: '2026-05-20' });
    expect(after.cells.find((c) => c.reportId === late.id)).toMatchObject({ state: 'accepted', daysLate: 3 });
    await services.close();
  });

  it('cell states around the due date', () => {
    expect(cellState(undefined, '2026-05-15', '2026-05-15')).toEqual({ state: 'not_due', daysLate: 0 });
    expect(cellState(undefined, '2026-05-15', '2026-05-16')).toEqual({ state: 'missing', daysLate: 1 });
    expect(cellState({ status: 'draft', received_date: null }, '2026-05-15', '2026-05-01')).toEqual({ state: 'draft', daysLate: 0 });
    expect(cellState({ status: 'returned', received_date: '2026-05-10' }, '2026-05-15', '2026-05-20')).toEqual({ state: 'returned', daysLate: 5 });
  });
});

describe('evidence files', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20)]);

  it('are checked by name and content, stored once by hash, and attached to a task', async () => {
    const { services, dataDir, plan, semi, anPhu } = await issuedPlan();
    const a = await call(services, 'attachments.add', { fileName: 'Biên bản đối thoại.pdf', base64: pdf.toString('base64') });
    expect(a).toMatchObject({ name: 'Biên bản đối thoại.pdf', size: pdf.length, mime: 'application/pdf' });
    const again = await call(services, 'attachments.add', { fileName: 'ban-sao.pdf', base64: pdf.toString('base64') });
    expect(again.sha256).toBe(a.sha256);
    expect(snapshotDatabase(dataDir).attachment).toHaveLength(1);

    const before = snapshotDatabase(dataDir);
    const exe = expectError(await services.call('attachments.add', { fileName: 'bao-cao.pdf', base64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64') }), 'VALIDATION');
    expect(exe.message).toMatch(/không đúng định dạng \.pdf/);
    expectError(await services.call('attachments.add', { fileName: 'virus.exe', base64: pdf.toString('base64') }), 'VALIDATION');
    expectError(await services.call('attachments.add', { fileName: 'rong.pdf', base64: '' }), 'VALIDATION');
    expect(snapshotDatabase(dataDir)).toEqual(before);

    const r = await call(services, 'reports.open', { planId: plan.id, dutyId: semi, unitId: anPhu.id });
    const withFile = { ...r.content, tasks: r.content.tasks.map((t, i) => (i === 0 ? { ...t, attachments: [a] } : t)) };
    const saved = await call(services, 'reports.save', { id: r.id, content: withFile });
    expect(saved.content.tasks[0]!.attachments.map((x) => x.name)).toEqual(['Biên bản đối thoại.pdf']);
    const forged = { ...withFile, tasks: withFile.tasks.map((t, i) => (i === 0 ? { ...t, attachments: [{ ...a, sha256: 'f'.repeat(64) }] } : t)) };
    expectError(await services.call('reports.save', { id: r.id, content: forged }), 'VALIDATION');
    const back = await call(services, 'attachments.get', { sha256: a.sha256 });
    expect(Buffer.from(back.base64, 'base64').equals(pdf)).toBe(true);
    await services.close();
  });
});
