/**
 * Writes test/fixtures/db/schema-vN.sqlite for the current (latest) schema version, with a little
 * data in it. Run once when a new migration is added, and commit the file: upgrade tests then open
 * every earlier version's fixture with the new code. Never regenerate an existing fixture.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createServices } from '../core/services';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

const target = path.resolve('test/fixtures/db', `schema-v${LATEST_SCHEMA_VERSION}.sqlite`);
if (fs.existsSync(target)) {
  console.error(`${target} đã có; không tạo lại fixture của phiên bản cũ.`);
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-fixture-'));
const services = await createServices({ dataDir: dir, localOperator: 'Tạo fixture' });
await services.call('office.save', { name: 'UBND xã Bình Chương', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', parentBody: '', reportsTo: 'UBND tỉnh Quảng Ngãi' });
// From schema 8: accounts (the first administrator signs in) and the audit log of what follows.
await services.call('users.createFirstAdmin', { username: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['quan_tri', 'lanh_dao', 'chuyen_vien'], password: 'mat-khau-quan-tri' });
const vhxh = await services.call('units.create', { name: 'Phòng Văn hóa – Xã hội', abbreviation: 'VHXH', kind: 'phong', aliases: ['Phòng VH-XH'] });
const thon = await services.call('units.create', { name: 'Thôn An Phú', kind: 'thon' });
if (!vhxh.ok || !thon.ok) throw new Error('fixture data refused');
await services.call('groups.create', { name: 'Các thôn', memberIds: [thon.value.id] });
// From schema 2: a plan, issued and revised once.
const plan = await services.call('plans.create', { kind: 'own', year: 2026 });
if (!plan.ok) throw new Error('fixture plan refused');
const task = {
  id: '6f1c3c52-9a55-4d6e-9a1a-000000000001',
  ordinal: '1',
  body: 'Thực hiện tốt công tác tiếp công dân',
  subItems: [],
  directing: [],
  lead: [{ type: 'unit', unitId: vhxh.value.id, note: '' }],
  coordinating: [],
  implementing: [],
  implementingLabel: 'thuc-hien',
  timeframe: { kind: 'deadline', year: null, dueDate: '2026-05-30', from: null, to: null, text: '' },
  parentTaskId: null,
};
const saved = await services.call('plans.saveDraft', { id: plan.value.id, content: { ...plan.value.content, tasks: [task] } });
const issued = await services.call('plans.issue', { id: plan.value.id, number: '5', issueDate: '2026-03-03' });
if (!saved.ok || !issued.ok) throw new Error('fixture plan refused');
const duty = { id: '6f1c3c52-9a55-4d6e-9a1a-000000000101', kind: 'semiannual', label: '', dueDate: '2026-05-15', units: [{ type: 'unit', unitId: vhxh.value.id, note: '' }], recipient: '', quarter: null };
await services.call('plans.revise', { id: plan.value.id, reason: 'Bổ sung', content: { ...issued.value.content, duties: [duty], tasks: [{ ...task, body: 'Thực hiện tốt công tác tiếp công dân, đối thoại' }] } });
// From schema 3: a unit report, submitted.
const report = await services.call('reports.open', { planId: plan.value.id, dutyId: duty.id, unitId: vhxh.value.id });
if (!report.ok) throw new Error('fixture report refused');
await services.call('reports.save', { id: report.value.id, content: { ...report.value.content, tasks: report.value.content.tasks.map((t) => ({ ...t, status: 'done', doneText: 'Đã tổ chức 2 buổi đối thoại' })) } });
await services.call('reports.submit', { id: report.value.id, receivedDate: '2026-05-12' });
await services.call('reports.accept', { id: report.value.id });
// From schema 4: the office's own report text.
const office = await services.call('reports.consolidation', { planId: plan.value.id, dutyId: duty.id });
if (!office.ok) throw new Error('fixture consolidation refused');
await services.call('reports.saveOfficeText', { planId: plan.value.id, dutyId: duty.id, text: { ...office.value.text, number: '12' } });
// From schema 5: a plan bundle sent to a unit.
await services.call('bundles.exportPlan', { planId: plan.value.id, unitId: vhxh.value.id });
// From schema 6: a transport setting and a bundle waiting in the outbox.
await services.call('sync.saveConfig', { kind: 'folder', folder: path.join(dir, 'usb') });
await services.call('bundles.exportPlan', { planId: plan.value.id, unitId: vhxh.value.id, deliver: 'outbox' });
await services.call('users.create', { username: 'chuyenvien', fullName: 'Trần Thị Chuyên', roles: ['chuyen_vien'], password: 'mat-khau-tam-thoi' });
// From schema 10: a plan received from the body above as a bundle (what this office carries and owes, in
// received_obligation), its receipt, and this office's own report sent up (bundle subjects in columns).
const provinceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-fixture-tinh-'));
const province = await createServices({ dataDir: provinceDir, localOperator: 'Tạo fixture' });
await province.call('office.save', { name: 'UBND tỉnh Quảng Ngãi', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', parentBody: '', reportsTo: '' });
const commune = await province.call('units.create', { name: 'UBND xã Bình Chương', kind: 'xa' });
const provincePlan = await province.call('plans.create', { kind: 'own', year: 2026 });
if (!commune.ok || !provincePlan.ok) throw new Error('fixture province refused');
const owes = [{ type: 'unit', unitId: commune.value.id, note: '' }];
const provinceTasks = [
  { ...task, id: '6f1c3c52-9a55-4d6e-9a1a-000000000201', body: 'Tổ chức đối thoại với Nhân dân', lead: [], implementing: owes },
  { ...task, id: '6f1c3c52-9a55-4d6e-9a1a-000000000202', ordinal: '2', body: 'Việc riêng của tỉnh', lead: [] },
];
const provinceDuty = { ...duty, id: '6f1c3c52-9a55-4d6e-9a1a-000000000301', dueDate: '2026-06-15', units: owes };
await province.call('plans.saveDraft', { id: provincePlan.value.id, content: { ...provincePlan.value.content, tasks: provinceTasks, duties: [provinceDuty] } });
await province.call('plans.issue', { id: provincePlan.value.id, number: '14', issueDate: '2026-01-19' });
const planDown = await province.call('bundles.exportPlan', { planId: provincePlan.value.id, unitId: commune.value.id });
if (!planDown.ok) throw new Error('fixture plan bundle refused');
const taken = await services.call('bundles.import', { base64: planDown.value.base64, acceptKey: true });
if (!taken.ok || !taken.value.receipt) throw new Error('fixture plan import refused');
await province.call('bundles.import', { base64: taken.value.receipt.base64, acceptKey: true });
const own = await services.call('ownReports.get', { planId: provincePlan.value.id, dutyId: provinceDuty.id });
if (!own.ok) throw new Error('fixture own report refused');
await services.call('ownReports.save', { planId: provincePlan.value.id, dutyId: provinceDuty.id, content: { ...own.value.content, tasks: own.value.content.tasks.map((t) => ({ ...t, status: 'done', doneText: 'Đã đối thoại 2 lần' })) } });
const up = await services.call('bundles.exportReport', { planId: provincePlan.value.id, dutyId: provinceDuty.id });
if (!up.ok) throw new Error('fixture report bundle refused');
await province.close();
fs.rmSync(provinceDir, { recursive: true, force: true });
await services.close();
const db = new BetterSqlite3(path.join(dir, 'danvan.sqlite'));
db.prepare('VACUUM INTO ?').run(target);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`Đã tạo ${target}`);
