import crypto from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlanContent, ReportingDuty } from '../../shared/plans/plan-schemas';
import { indicatorRules } from '../../shared/reports/figure-rules';
import { call, expectError, setUpServices, setUpOffice } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { writeBundle } from '../../core/bundles/bundle-codec';

const PROVINCE = { name: 'UBND tỉnh Quảng Ngãi', parentBody: '', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', reportsTo: '' } as const;
const COMMUNE = { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)' } as const;
const b64 = (s: string) => s;

/** A province and a commune, each its own installation, exchanging files as a USB stick would carry them. */
async function twoOffices() {
  const province = await setUpServices({ office: false });
  await setUpOffice(province.services, { ...PROVINCE });
  const xa = await call(province.services, 'units.create', { name: 'UBND xã Bình Chương', kind: 'xa', aliases: ['Ủy ban nhân dân xã Bình Chương'] });
  const owes = [{ type: 'unit' as const, unitId: xa.id, note: '' }];
  const semi = crypto.randomUUID();
  const plan = await newPlanWith(province.services, 'own', 2026, (c) => ({
    ...c,
    tasks: [task('1', 'Tổ chức đối thoại với Nhân dân', { implementing: owes }), task('2', 'Tiếp công dân định kỳ', { implementing: owes })],
    duties: [{ id: semi, kind: 'semiannual', label: '', dueDate: '2026-05-15', units: owes, recipient: 'Sở Nội vụ', quarter: null }],
  }));
  await call(province.services, 'plans.issue', { id: plan.id, number: '14', issueDate: '2026-01-19' });
  const commune = await setUpServices({ office: false });
  await setUpOffice(commune.services, { ...COMMUNE });
  return { province, commune, plan, semi, xa };
}

describe('report bundles between installations', () => {
  it('carry a plan down and a report up, signed, pinned on first use, imported once, with receipts', async () => {
    const { province, commune, plan, semi, xa } = await twoOffices();
    const planFile = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });
    expect(planFile.fileName).toBe('KH-14-2026_UBND-tinh-Quang-Ngai_gui-UBND-xa-Binh-Chuong_lan-1.dvb');

    // the commune sees who sent it and the key's fingerprint before anything is written
    const before = snapshotDatabase(commune.dataDir);
    const preview = await call(commune.services, 'bundles.preview', { base64: planFile.base64 });
    const provinceKey = await call(province.services, 'bundles.fingerprint', {});
    expect(preview).toMatchObject({ kind: 'plan', senderOffice: 'UBND tỉnh Quảng Ngãi', trust: 'new', fingerprint: provinceKey.fingerprint, problems: [], alreadyImported: false });
    const unconfirmed = expectError(await commune.services.call('bundles.import', { base64: planFile.base64 }), 'CONFLICT');
    expect(unconfirmed.message).toMatch(/Đối chiếu mã khóa/);
    expect(snapshotDatabase(commune.dataDir)).toEqual(before);
    const imported = await call(commune.services, 'bundles.import', { base64: planFile.base64, acceptKey: true });
    expect(imported.result).toBe('imported');
    const again = await call(commune.services, 'bundles.import', { base64: planFile.base64 });
    expect(again).toMatchObject({ result: 'duplicate', message: 'Gói này đã nhập trước đó; không có gì thay đổi.' });
    const received = await call(commune.services, 'plans.get', { id: plan.id, revision: null });
    expect(received).toMatchObject({ kind: 'received', status: 'received', documentNumber: '14/KH-UBND' });
    expect(received.content.tasks.map((t) => t.id)).toEqual(plan.content.tasks.map((t) => t.id));
    expect(received.content.tasks[0]!.implementing).toEqual([{ type: 'external', name: 'UBND xã Bình Chương', note: '' }]);

    // the receipt goes back up: the province sees its bundle was received
    await call(province.services, 'bundles.import', { base64: imported.receipt!.base64, acceptKey: true });
    expect((await call(province.services, 'bundles.sent', {}))[0]).toMatchObject({ kind: 'plan', status: 'received' });

    // the commune derives its plan, collects a thôn's report, and sends its own report up
    const thon = await call(commune.services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const own = await call(commune.services, 'plans.derive', { parentPlanId: plan.id });
    const ref = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
    const ownDuty = crypto.randomUUID();
    await call(commune.services, 'plans.saveDraft', {
      id: own.id,
      content: { ...own.content, tasks: own.content.tasks.map((t) => ({ ...t, implementing: ref })), duties: [{ id: ownDuty, kind: 'semiannual', label: '', dueDate: '2026-05-10', units: ref, recipient: '', quarter: null }] },
    });
    await call(commune.services, 'plans.issue', { id: own.id, number: '5', issueDate: '2026-02-01' });
    const r = await call(commune.services, 'reports.open', { planId: own.id, dutyId: ownDuty, unitId: thon.id });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('biên bản đối thoại')]);
    const evidence = await call(commune.services, 'attachments.add', { fileName: 'Biên bản.pdf', base64: pdf.toString('base64') });
    await call(commune.services, 'reports.save', { id: r.id, content: { ...r.content, tasks: r.content.tasks.map((t, i) => ({ ...t, status: i === 0 ? 'done' : 'in_progress', doneText: `Kết quả ${i + 1}`, figures: [{ name: 'Số cuộc đối thoại', unit: 'cuộc', value: 3 }], attachments: i === 0 ? [evidence] : [] })) } });
    await call(commune.services, 'reports.submit', { id: r.id, receivedDate: '2026-05-08' });
    await call(commune.services, 'reports.accept', { id: r.id });
    const reportFile = await call(commune.services, 'bundles.exportReport', { planId: plan.id, dutyId: semi });
    expect(reportFile.fileName).toBe('BC-6thang-2026_UBND-xa-Binh-Chuong_lan-1.dvb');

    const reportPreview = await call(province.services, 'bundles.preview', { base64: reportFile.base64 });
    // a first report from this installation: the clerk confirms, which binds the unit to its key
    expect(reportPreview).toMatchObject({ kind: 'report', trust: 'new', binds: 'unit', unitName: 'UBND xã Bình Chương', problems: [] });
    expect(reportPreview.subjectLabel).toMatch(/Báo cáo của UBND xã Bình Chương theo Kế hoạch số 14\/KH-UBND/);
    await call(province.services, 'bundles.import', { base64: reportFile.base64, acceptKey: true });
    const matrix = await call(province.services, 'reports.matrix', { planId: plan.id, today: '2026-05-20' });
    const cell = matrix.cells[0]!;
    expect(cell).toMatchObject({ unitId: xa.id, state: 'late' });
    const report = await call(province.services, 'reports.get', { id: cell.reportId! });
    expect(report.content.tasks.map((t) => [t.taskId, t.status])).toEqual([[plan.content.tasks[0]!.id, 'done'], [plan.content.tasks[1]!.id, 'in_progress']]);
    expect(report.content.tasks[0]!.doneText).toBe('Thôn An Phú: Kết quả 1');
    expect(report.content.tasks[0]!.attachments.map((a) => a.name)).toEqual(['Biên bản.pdf']); // evidence travelled with it
    expect(Buffer.from((await call(province.services, 'attachments.get', { sha256: evidence.sha256 })).base64, 'base64').equals(pdf)).toBe(true);
    expect(Object.keys(unzipSync(new Uint8Array(Buffer.from(reportFile.base64, 'base64'))))).toEqual(expect.arrayContaining(['document.docx', 'document.xlsx', `attachments/${evidence.sha256}`]));
    expect(report.events.at(-1)!.actor).toBe('UBND xã Bình Chương (gửi qua tệp gói)');

    // a second revision supersedes; the first one again is refused as older
    const second = await call(commune.services, 'bundles.exportReport', { planId: plan.id, dutyId: semi });
    expect(second.fileName).toMatch(/_lan-2\.dvb$/);
    await call(province.services, 'bundles.import', { base64: second.base64 });
    expect((await call(province.services, 'reports.get', { id: cell.reportId! })).revision).toBe(2);
    const older = await call(province.services, 'bundles.preview', { base64: reportFile.base64 });
    expect(older.alreadyImported).toBe(true);

    // returned with a reason: the return travels back, and the commune sees it against its sent report
    await call(province.services, 'reports.return', { id: cell.reportId!, reason: 'Bổ sung số liệu đối thoại' });
    const back = await call(province.services, 'bundles.exportReturn', { reportId: cell.reportId!, deliver: 'file' });
    expect(back.fileName).toBe('TraLai_UBND-xa-Binh-Chuong_lan-2.dvb');
    await call(commune.services, 'bundles.import', { base64: back.base64 });
    expect(await call(commune.services, 'bundles.sentReports', { planId: plan.id })).toEqual([{ dutyId: semi, revision: 2, status: 'returned', note: 'Bổ sung số liệu đối thoại' }]);
    const third = await call(commune.services, 'bundles.exportReport', { planId: plan.id, dutyId: semi });
    await call(province.services, 'bundles.import', { base64: third.base64 });
    expect((await call(province.services, 'reports.get', { id: cell.reportId! })).status).toBe('submitted');
    await province.services.close();
    await commune.services.close();
  });

  it('refuses forged, tampered, misaddressed and re-keyed bundles, writing nothing', async () => {
    const { province, commune, plan, xa } = await twoOffices();
    const file = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });
    const bytes = Buffer.from(file.base64, 'base64');
    const entries = unzipSync(new Uint8Array(bytes));
    const rezip = (patch: Record<string, Uint8Array>) => Buffer.from(zipSync({ ...entries, ...patch })).toString('base64');
    const before = snapshotDatabase(commune.dataDir);
    const refused = async (base64: string, pattern: RegExp) => {
      const error = expectError(await commune.services.call('bundles.import', { base64, acceptKey: true }), 'VALIDATION');
      expect(error.message).toMatch(pattern);
    };

    const payload = JSON.parse(strFromU8(entries['payload.json']!));
    payload.content.tasks[0].body = 'Nội dung bị sửa';
    await refused(rezip({ 'payload.json': strToU8(JSON.stringify(payload)) }), /đã bị thay đổi/);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    manifest.revision = 99;
    await refused(rezip({ 'manifest.json': strToU8(JSON.stringify(manifest)) }), /chữ ký không đúng/);
    await refused(rezip({ '../../etc/passwd': strToU8('x') }), /mục lạ/);
    await refused(rezip({ 'attachments/evil.exe': strToU8('MZ') }), /mục lạ/);
    await refused(Buffer.from(zipSync({ 'manifest.json': strToU8('{}') })).toString('base64'), /thiếu phần kê khai hoặc chữ ký/);
    await refused(Buffer.from('đây không phải tệp zip').toString('base64'), /không phải tệp gói/);
    const bomb = Buffer.from(zipSync({ ...entries, 'document.docx': new Uint8Array(50 * 1024 * 1024) }, { level: 9 })).toString('base64');
    await refused(bomb, /tỉ lệ nén bất thường|nội dung giải nén quá lớn/);
    expect(snapshotDatabase(commune.dataDir)).toEqual(before);

    // addressed to another office
    const other = await setUpServices({ office: false });
    await setUpOffice(other.services, { ...COMMUNE, name: 'UBND xã Bình Sơn' });
    const wrong = expectError(await other.services.call('bundles.import', { base64: file.base64, acceptKey: true }), 'VALIDATION');
    expect(wrong.message).toMatch(/gửi cho "UBND xã Bình Chương", không phải cơ quan này/);

    // pinned key, then a bundle from the same installation signed with another key
    await call(commune.services, 'bundles.import', { base64: file.base64, acceptKey: true });
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const impostor = writeBundle(
      { kind: 'plan', subject: `plan:${plan.id}`, revision: 5, payload: JSON.parse(strFromU8(entries['payload.json']!)) },
      { installationId: manifest.sender.installationId, officeName: 'UBND tỉnh Quảng Ngãi', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      'UBND xã Bình Chương',
      new Date(),
    );
    const preview = await call(commune.services, 'bundles.preview', { base64: b64(impostor.toString('base64')) });
    expect(preview.trust).toBe('refused');
    expect(preview.problems.join(' ')).toMatch(/chỉ nhận từ cơ quan cấp trên đã xác nhận: UBND tỉnh Quảng Ngãi/);
    const rekeyed = expectError(await commune.services.call('bundles.import', { base64: impostor.toString('base64'), acceptKey: true }), 'CONFLICT');
    expect(rekeyed.message).toMatch(/Đổi cơ quan cấp trên/);
    await province.services.close();
    await commune.services.close();
    await other.services.close();
  });
});

describe("an office's own report on a plan it received", () => {
  it('lists the tasks the sender says it carries, saves as typed, and goes up as a bundle with its BÁO CÁO', async () => {
    const { province, commune, plan, semi, xa } = await twoOffices();
    // a third task the commune does not carry
    const issued = await call(province.services, 'plans.get', { id: plan.id, revision: null });
    await call(province.services, 'plans.revise', { id: plan.id, reason: 'Bổ sung', content: { ...issued.content, tasks: [...issued.content.tasks, task('3', 'Việc của Sở')] } });
    const file = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });
    await call(commune.services, 'bundles.import', { base64: file.base64, acceptKey: true });

    const own = await call(commune.services, 'ownReports.get', { planId: plan.id, dutyId: semi });
    expect(own.tasks.map((t) => t.ordinal)).toEqual(['1', '2']);
    expectError(await commune.services.call('bundles.exportReport', { planId: plan.id, dutyId: semi }), 'CONFLICT');
    const foreign = { ...own.content, tasks: [...own.content.tasks, { ...own.content.tasks[0]!, taskId: crypto.randomUUID() }] };
    expectError(await commune.services.call('ownReports.save', { planId: plan.id, dutyId: semi, content: foreign }), 'VALIDATION');
    // evidence of the office's own report: refused until stored, then carried up with it
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('biên bản tiếp công dân')]);
    const unstored = { name: 'Biên bản.pdf', sha256: 'a'.repeat(64), size: 10, mime: 'application/pdf' };
    expectError(await commune.services.call('ownReports.save', { planId: plan.id, dutyId: semi, content: { ...own.content, tasks: own.content.tasks.map((t) => ({ ...t, attachments: [unstored] })) } }), 'VALIDATION');
    const evidence = await call(commune.services, 'attachments.add', { fileName: 'Biên bản.pdf', base64: pdf.toString('base64') });
    await call(commune.services, 'ownReports.save', { planId: plan.id, dutyId: semi, content: { ...own.content, tasks: own.content.tasks.map((t, i) => ({ ...t, status: 'done', doneText: 'Đã đối thoại 2 lần', attachments: i === 1 ? [evidence] : [] })), proposals: 'Bố trí kinh phí' } });
    const up = await call(commune.services, 'bundles.exportReport', { planId: plan.id, dutyId: semi });
    // the BÁO CÁO travels with it, for whoever opens the bundle's files (it had none)
    const document = unzipSync(Buffer.from(up.base64, 'base64'))['document.docx'];
    expect(strFromU8(unzipSync(document!)['word/document.xml']!)).toContain('báo cáo kết quả thực hiện 6 tháng đầu năm 2026');
    await call(province.services, 'bundles.import', { base64: up.base64, acceptKey: true });
    const matrix = await call(province.services, 'reports.matrix', { planId: plan.id, today: '2026-05-01' });
    const report = await call(province.services, 'reports.get', { id: matrix.cells[0]!.reportId! });
    expect(report.content.tasks.map((t) => t.doneText)).toEqual(['Đã đối thoại 2 lần', 'Đã đối thoại 2 lần']);
    expect(report.content.proposals).toBe('Bố trí kinh phí');
    expect(report.content.tasks.map((t) => t.attachments.map((a) => a.name))).toEqual([[], ['Biên bản.pdf']]);
    expect(Buffer.from((await call(province.services, 'attachments.get', { sha256: evidence.sha256 })).base64, 'base64')).toEqual(pdf);
    await province.services.close();
    await commune.services.close();
  });
});

describe('plan bundles and installations of an older version', () => {
  // The plan content an installation from before the indicator rules and the own cut-off window accepts:
  // strict objects, so any field it does not know makes it refuse the whole plan.
  const olderPlanContent = PlanContent.extend({
    indicators: z.array(z.strictObject({ id: z.string(), name: z.string(), unit: z.string() })),
    duties: z.array(ReportingDuty.omit({ cutoff: true })),
  });
  const payloadOf = (base64: string) => JSON.parse(strFromU8(unzipSync(Buffer.from(base64, 'base64'))['payload.json']!)) as { content: unknown };

  it('leave out the rules the names imply and an absent cut-off window, so an older installation reads a plan that uses neither', async () => {
    const { province, commune, plan, xa } = await twoOffices();
    expect((await call(province.services, 'plans.get', { id: plan.id, revision: null })).content.indicators.some((i) => i.kind)).toBe(true);
    const file = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });
    expect(olderPlanContent.safeParse(payloadOf(file.base64).content).success).toBe(true);
    // this version still knows every rule: the same rules as the sender's
    await call(commune.services, 'bundles.import', { base64: file.base64, acceptKey: true });
    const sent = (await call(province.services, 'plans.get', { id: plan.id, revision: null })).content.indicators;
    const received = (await call(commune.services, 'plans.get', { id: plan.id, revision: null })).content.indicators;
    expect(indicatorRules(received)).toEqual(indicatorRules(sent));
    await province.services.close();
    await commune.services.close();
  });

  it('carry a rule of the plan\'s own and its own window (which an older installation cannot read: it must update)', async () => {
    const { province, plan, semi, xa } = await twoOffices();
    const issued = await call(province.services, 'plans.get', { id: plan.id, revision: null });
    const whole = { id: crypto.randomUUID(), name: 'Số hộ được tuyên truyền', unit: 'hộ', kind: 'count' as const, partOf: null };
    const part = { id: crypto.randomUUID(), name: 'Số hộ ký cam kết', unit: 'hộ', kind: 'count' as const, partOf: whole.id };
    await call(province.services, 'plans.revise', {
      id: plan.id,
      reason: 'Thêm chỉ tiêu',
      content: { ...issued.content, indicators: [...issued.content.indicators, whole, part], duties: issued.content.duties.map((d) => (d.id === semi ? { ...d, cutoff: { from: '2026-01-01', to: '2026-04-30' } } : d)) },
    });
    const content = payloadOf((await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id })).base64).content as { indicators: { name: string; kind?: string; partOf?: string }[]; duties: { cutoff?: unknown }[] };
    expect(content.indicators.filter((i) => i.kind || i.partOf).map((i) => i.name)).toEqual(['Số hộ được tuyên truyền', 'Số hộ ký cam kết']);
    expect(content.duties[0]!.cutoff).toEqual({ from: '2026-01-01', to: '2026-04-30' });
    expect(olderPlanContent.safeParse(content).success).toBe(false);
    await province.services.close();
  });
});
