import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../core/services';
import { call, expectError, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { docxParagraphs, docxParts } from '../helpers/docx';

/**
 * One checklist, against the Nghị định 30/2020 table (domain.md), for every document the app writes: the plan,
 * the BÁO CÁO, the office's own BÁO CÁO on a plan it received, the công văn đôn đốc. Each is read back from the .docx XML. DANVAN_DOCS_OUT=<dir> also
 * writes them there, to render with LibreOffice and look at.
 */
const unitRefs = (ids: string[]) => ids.map((unitId) => ({ type: 'unit' as const, unitId, note: '' }));

async function communeWithReports() {
  const { services } = await setUpServices();
  const vhxh = await call(services, 'units.create', { name: 'Phòng Văn hóa – Xã hội', kind: 'phong' });
  const vp = await call(services, 'units.create', { name: 'Văn phòng HĐND và UBND', kind: 'phong' });
  const anPhu = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
  const cauDa = await call(services, 'units.create', { name: 'Thôn Cầu Đá', kind: 'thon' });
  const all = unitRefs([vhxh.id, vp.id, anPhu.id, cauDa.id]);

  // the province's plan, received: its task text keeps a footnote mark where the page broke
  const parent = await newPlanWith(services, 'received', 2026, (p) => ({ ...p, number: '14', issueDate: '2026-01-19', issuerName: 'UBND tỉnh Quảng Ngãi', tasks: [task('1', 'Tiếp công dân, đối thoại với Nhân dân[^1]'), task('2', 'Tuyên truyền Luật Thực hiện dân chủ ở cơ sở')] }));
  const derived = await call(services, 'plans.derive', { parentPlanId: parent.id });
  const duty = crypto.randomUUID();
  const plan = await call(services, 'plans.saveDraft', {
    id: derived.id,
    content: {
      ...derived.content,
      preamble: 'Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;\nCăn cứ Kế hoạch số 14/KH-UBND ngày 19/01/2026 của UBND tỉnh Quảng Ngãi,\nUBND xã ban hành Kế hoạch như sau:',
      tasks: [
        { ...derived.content.tasks[0]!, ordinal: '1', body: 'Tổ chức tiếp công dân, đối thoại với Nhân dân[^1]; giải quyết kịp thời kiến nghị của công dân', implementing: all },
        { ...derived.content.tasks[1]!, ordinal: '2', body: 'Tuyên truyền Luật Thực hiện dân chủ ở cơ sở', implementing: all },
      ],
      footnotes: [{ marker: '1', text: 'Theo Luật Tiếp công dân năm 2013.' }],
      duties: [{ id: duty, kind: 'semiannual', label: '', dueDate: '2026-06-10', units: all, recipient: 'Văn phòng HĐND và UBND', quarter: null }],
      signerName: 'Võ Văn Tâm',
    },
  });
  await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-02-02' });

  type Entry = { status: 'done' | 'in_progress' | 'done_late'; doneText: string; figures?: { name: string; unit: string; value: number }[] };
  const report = async (planId: string, dutyId: string, unitId: string, entries: Entry[], extra: Record<string, string> = {}) => {
    const r = await call(services, 'reports.open', { planId, dutyId, unitId });
    await call(services, 'reports.save', { id: r.id, content: { ...r.content, ...extra, tasks: r.content.tasks.map((t, i) => ({ ...t, ...entries[i]!, figures: entries[i]!.figures ?? [] })) } });
    await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-06-05' });
    await call(services, 'reports.accept', { id: r.id });
  };
  const citizens = (value: number) => [{ name: 'Số lượt tiếp công dân', unit: 'lượt', value }];
  await report(plan.id, duty, vhxh.id, [
    { status: 'done', doneText: 'Phòng Văn hóa – Xã hội: đã tham mưu tổ chức 2 cuộc đối thoại với Nhân dân về bồi thường, giải phóng mặt bằng.', figures: [...citizens(14), { name: 'Số cuộc đối thoại', unit: 'cuộc', value: 2 }] },
    { status: 'done', doneText: 'Tổ chức 3 hội nghị tuyên truyền cho 240 người tham dự.', figures: [{ name: 'Số hội nghị tuyên truyền', unit: 'hội nghị', value: 3 }] },
  ], { shortcomings: 'Một số hộ dân chưa tham gia họp thôn.', proposals: 'Đề nghị hỗ trợ kinh phí tuyên truyền.' });
  await report(plan.id, duty, vp.id, [
    { status: 'done', doneText: 'Tiếp công dân định kỳ vào thứ Năm hằng tuần.', figures: citizens(30) },
    { status: 'in_progress', doneText: '' },
  ]);
  await report(plan.id, duty, anPhu.id, [
    { status: 'done_late', doneText: '' },
    { status: 'in_progress', doneText: '' },
  ]);

  // the same period a year earlier, for the comparison column
  const before = await newPlanWith(services, 'own', 2025, (p) => ({ ...p, issuerName: plan.content.issuerName, tasks: [task('1', 'Tiếp công dân', { implementing: all })], duties: [{ id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: '2025-06-10', units: all, recipient: '', quarter: null }] }));
  await call(services, 'plans.issue', { id: before.id, number: '3', issueDate: '2025-02-03' });
  await report(before.id, before.content.duties[0]!.id, vhxh.id, [{ status: 'done', doneText: 'Tiếp công dân.', figures: citizens(20) }]);

  // a 2020 plan re-exported as a draft: its blank date line must say 2020, not this year
  const old = await newPlanWith(services, 'own', 2020, (p) => ({ ...p, bases: ['Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ'], tasks: [task('1', 'Tuyên truyền')] }));
  return { services, plan, duty, old, units: { vhxh, vp, anPhu, cauDa } };
}

/** A plan received from the province, with a 6-month report owed, on which the office reports itself (no units to collect from). */
async function ownReportOnReceivedPlan(services: Services, cutoff?: { from: string; to: string }) {
  const semi = crypto.randomUUID();
  const received = await newPlanWith(services, 'received', 2026, (p) => ({
    ...p,
    number: '7',
    issueDate: '2026-01-09',
    issuerName: 'UBND tỉnh Quảng Ngãi',
    title: 'Thực hiện dân chủ ở cơ sở năm 2026',
    tasks: [task('1', 'Tiếp công dân, đối thoại với Nhân dân[^1]; giải quyết kiến nghị'), task('2', 'Xây dựng mô hình "Dân vận khéo"'), task('3', 'Sơ kết 6 tháng')],
    duties: [{ id: semi, kind: 'semiannual', label: '', dueDate: '2026-06-10', units: [{ type: 'external', name: 'Các xã, phường', note: '' }], recipient: 'Sở Nội vụ tỉnh Quảng Ngãi', quarter: null, ...(cutoff ? { cutoff } : {}) }],
  }));
  const own = await call(services, 'ownReports.get', { planId: received.id, dutyId: semi });
  const entries = [
    { status: 'done' as const, doneText: 'UBND xã Bình Chương: đã tổ chức 2 cuộc đối thoại về giải phóng mặt bằng.\nTiếp công dân định kỳ vào thứ Năm.', figures: [{ name: 'Số lượt tiếp công dân', unit: 'lượt', value: 44 }, { name: 'Số cuộc đối thoại', unit: 'cuộc', value: 2 }] },
    { status: 'in_progress' as const, doneText: '', figures: [] },
    { status: 'not_done' as const, doneText: '', reason: 'chờ hướng dẫn của tỉnh', figures: [] },
  ];
  await call(services, 'ownReports.save', { planId: received.id, dutyId: semi, content: { ...own.content, tasks: own.content.tasks.map((t, i) => ({ ...t, ...entries[i]! })), proposals: 'Đề nghị tỉnh hướng dẫn sơ kết.' } });
  return { planId: received.id, dutyId: semi };
}

function save(name: string, buffer: Buffer) {
  const dir = process.env.DANVAN_DOCS_OUT;
  if (dir) fs.writeFileSync(path.join(dir, name), buffer);
}

async function exported(services: Services, op: 'plans.exportDocx' | 'reports.exportConsolidated' | 'reports.exportReminder' | 'ownReports.exportDocx', input: never) {
  const file = (await call(services, op, input)) as { fileName: string; base64: string };
  const buffer = Buffer.from(file.base64, 'base64');
  save(file.fileName, buffer);
  return docxParts(buffer).document;
}

/** The rows of the first table (the header): [left cell text, right cell text] per row. */
function headerRows(document: string): string[][] {
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => docxParagraphs(cell[0]).filter(Boolean).join('\n')));
}

/** Paragraph XML whose text starts with `start`. */
const paragraphsStarting = (document: string, start: RegExp) => [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).filter((p) => start.test(docxParagraphs(p).join('')));

/** The Nghị định 30/2020 checklist every document passes; `year` is the year of the document's own period. */
function checklist(document: string, year: number) {
  const text = docxParagraphs(document).join('\n');
  expect(text, 'raw footnote marks').not.toMatch(/\[\^\d+\]/);
  for (const m of text.matchAll(/(?:Kế hoạch|Báo cáo|Số:)\s*(?:số\s*)?(\d+)\/(?:KH|BC|UBND|[A-ZĐ]+)/gu)) expect(m[1]!.length, `${m[0]}: numbers below 10 take a leading zero`).toBeGreaterThanOrEqual(2);
  expect(text, 'ISO dates').not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  for (const p of paragraphsStarting(document, /^Căn cứ/u)) {
    const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].filter((r) => /<w:t[ >]/.test(r[1]!));
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r[1], 'căn cứ italic').toMatch(/<w:i\/>/);
  }
  const [, numberRow] = headerRows(document);
  expect(numberRow![0], '"Số" in the left header cell').toMatch(/^Số: /);
  expect(numberRow![1], 'the date line takes the year of the document').toMatch(new RegExp(`năm ${year}$`));
  const subject = /^V\/v /mu.exec(text);
  if (subject) expect(numberRow![0], 'V/v under "Số" in the left header cell').toMatch(/\nV\/v /);
}

describe('every document the app writes passes the Nghị định 30/2020 checklist', () => {
  it('plans, the BÁO CÁO, the office\'s own BÁO CÁO and the công văn đôn đốc', async () => {
    const { services, plan, duty, old } = await communeWithReports();

    const planXml = await exported(services, 'plans.exportDocx', { id: plan.id, revision: null } as never);
    checklist(planXml, 2026);
    expect(paragraphsStarting(planXml, /^Căn cứ/u)).toHaveLength(2); // the imported preamble's bases, italic

    const oldXml = await exported(services, 'plans.exportDocx', { id: old.id, revision: null } as never);
    checklist(oldXml, 2020);

    const reportXml = await exported(services, 'reports.exportConsolidated', { planId: plan.id, dutyId: duty, format: 'docx' } as never);
    checklist(reportXml, 2026);

    const reminderXml = await exported(services, 'reports.exportReminder', { planId: plan.id, dutyId: duty, today: '2026-06-12' } as never);
    checklist(reminderXml, 2026);
    expect(headerRows(reminderXml)[1]![0]).toBe('Số:       /UBND\nV/v đôn đốc gửi báo cáo 6 tháng');

    const ownXml = await exported(services, 'ownReports.exportDocx', (await ownReportOnReceivedPlan(services)) as never);
    checklist(ownXml, 2026);
    await services.close();
  }, 60_000);
});

describe("the office's own BÁO CÁO on a plan it received", () => {
  it('cites the plan and the cut-off, says task by task what the office wrote, and claims nothing it did not', async () => {
    const { services } = await setUpServices();
    const lines = docxParagraphs(await exported(services, 'ownReports.exportDocx', (await ownReportOnReceivedPlan(services)) as never)).filter(Boolean);
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
    expect(lines[at('Thực hiện Kế hoạch')]).toBe('Thực hiện Kế hoạch số 07/KH-UBND ngày 09/01/2026 của UBND tỉnh Quảng Ngãi về thực hiện dân chủ ở cơ sở năm 2026, UBND xã Bình Chương báo cáo kết quả thực hiện 6 tháng đầu năm 2026 như sau:');
    expect(lines).toContain('Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026.');
    expect(lines).toContain('Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi');
    const parts = ['I. CÔNG TÁC LÃNH ĐẠO', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', 'IV. PHƯƠNG HƯỚNG', 'V. KIẾN NGHỊ', 'PHỤ LỤC'].map(at);
    expect(parts.every((i, k) => i > 0 && (k === 0 || i > parts[k - 1]!))).toBe(true);
    expect(lines.slice(at('1. Tiếp công dân'), at('III. ĐÁNH GIÁ'))).toEqual([
      '1. Tiếp công dân, đối thoại với Nhân dân',
      'Đã tổ chức 2 cuộc đối thoại về giải phóng mặt bằng.', // the office's name at the head of its own words dropped
      'Tiếp công dân định kỳ vào thứ Năm.',
      'Số liệu: 44 lượt tiếp công dân.', // the 2 dialogues are in the words already
      '2. Xây dựng mô hình "Dân vận khéo"',
      'Đang thực hiện.',
      '3. Sơ kết 6 tháng',
      'Không thực hiện.',
      'Lý do: Chờ hướng dẫn của tỉnh.',
    ]);
    expect(lines[parts[4]! + 1]).toBe('Đề nghị tỉnh hướng dẫn sơ kết.');
    expect(lines[parts[1]! - 1]).toMatch(/^…+$/); // leadership not written: room to write, no stock sentence
    const row = lines.indexOf('Số lượt tiếp công dân');
    expect(lines.slice(row - 1, row + 3)).toEqual(['1', 'Số lượt tiếp công dân', 'lượt', '44']);
    await services.close();
  }, 60_000);
});

describe('the BÁO CÁO reads as offices write it', () => {
  it('cites the plans and the cut-off, merges the units\' words task by task, claims nothing the reports do not say', async () => {
    const { services, plan, duty } = await communeWithReports();
    const c = await call(services, 'reports.consolidation', { planId: plan.id, dutyId: duty });
    expect(c.period).toEqual({ phrase: '6 tháng đầu năm 2026', from: '2025-12-15', to: '2026-06-14' });
    expect(c.tasks.map((t) => [t.carriers, t.notReported])).toEqual([[4, ['Thôn Cầu Đá']], [4, ['Thôn Cầu Đá']]]);
    expect(c.figures.find((f) => f.name === 'Số lượt tiếp công dân')).toMatchObject({ total: 44, previous: 20 });
    expect(c.previousPeriod).toEqual({ phrase: '6 tháng đầu năm 2025', documentNumber: '03/KH-UBND' });

    const lines = docxParagraphs(await exported(services, 'reports.exportConsolidated', { planId: plan.id, dutyId: duty, format: 'docx' } as never)).filter(Boolean);
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
    expect(lines[at('Thực hiện Kế hoạch')]).toBe(
      'Thực hiện Kế hoạch số 14/KH-UBND ngày 19/01/2026 của UBND tỉnh Quảng Ngãi và Kế hoạch số 05/KH-UBND ngày 02/02/2026 của UBND xã Bình Chương về thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2026, UBND xã Bình Chương báo cáo kết quả thực hiện 6 tháng đầu năm 2026 như sau:',
    );
    expect(lines).toContain('Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026.');
    expect(lines).toContain('Báo cáo được tổng hợp từ báo cáo của 3/4 đơn vị; chưa có báo cáo: Thôn Cầu Đá.');
    // parts I to V in order, then the annex
    const parts = ['I. CÔNG TÁC LÃNH ĐẠO', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', 'IV. PHƯƠNG HƯỚNG', 'V. KIẾN NGHỊ', 'PHỤ LỤC'].map(at);
    expect(parts.every((i, k) => i > 0 && (k === 0 || i > parts[k - 1]!))).toBe(true);
    expect(lines[parts[0]! + 1]).toBe('Theo báo cáo của 3/4 đơn vị, trong kỳ đã có 3 hội nghị tuyên truyền.');

    const task1 = lines.slice(at('1. Tổ chức tiếp công dân'), at('2. Tuyên truyền'));
    expect(task1).toEqual([
      '1. Tổ chức tiếp công dân, đối thoại với Nhân dân',
      '- Phòng Văn hóa – Xã hội: Đã tham mưu tổ chức 2 cuộc đối thoại với Nhân dân về bồi thường, giải phóng mặt bằng (14 lượt tiếp công dân).',
      '- Văn phòng HĐND và UBND: Tiếp công dân định kỳ vào thứ Năm hằng tuần (30 lượt tiếp công dân).',
      '- Thôn An Phú: đã hoàn thành nhưng quá hạn.',
      'Tổng cộng: 44 lượt tiếp công dân, 2 cuộc đối thoại.',
      'Kết quả: 3/4 đơn vị đã hoàn thành; chưa báo cáo: Thôn Cầu Đá.',
    ]);
    const task2 = lines.slice(at('2. Tuyên truyền'), at('III. ĐÁNH GIÁ'));
    expect(task2).toContain('- Văn phòng HĐND và UBND, Thôn An Phú: đang thực hiện.'); // the same result, named together
    expect(task2).toContain('Kết quả: 1/4 đơn vị đã hoàn thành; đang thực hiện: Văn phòng HĐND và UBND, Thôn An Phú; chưa báo cáo: Thôn Cầu Đá.');
    const text = lines.join('\n');
    expect(text).not.toMatch(/Tình trạng: Hoàn thành/);
    expect(text).not.toMatch(/Phòng Văn hóa – Xã hội: Phòng Văn hóa/);
    expect(text).not.toContain('Các cơ quan, đơn vị đã triển khai thực hiện các nhiệm vụ theo Kế hoạch.'); // no stock claim for an unwritten part
    // the annex: this period against the same period of 2025
    expect(lines).toContain('Cùng kỳ 6 tháng đầu năm 2025');
    const row = lines.indexOf('Số lượt tiếp công dân');
    expect(lines.slice(row, row + 5)).toEqual(['Số lượt tiếp công dân', 'lượt', '44', '20', '220%']);
    await services.close();
  }, 60_000);
});

describe("a plan's own data cut-off window", () => {
  it('is cited by the BÁO CÁO and used by the consolidation instead of Nghị định 09/2019; a window that ends before it starts is refused', async () => {
    const { services, plan, duty } = await communeWithReports();
    const ownWindow = { from: '2026-01-01', to: '2026-05-31' };
    const lines = docxParagraphs(await exported(services, 'ownReports.exportDocx', (await ownReportOnReceivedPlan(services, ownWindow)) as never));
    expect(lines).toContain('Số liệu tính từ ngày 01/01/2026 đến ngày 31/5/2026.');

    const issued = await call(services, 'plans.get', { id: plan.id, revision: null });
    const withWindow = (cutoff: { from: string; to: string }) => ({ ...issued.content, duties: issued.content.duties.map((d) => (d.id === duty ? { ...d, cutoff } : d)) });
    const refused = expectError(await services.call('plans.revise', { id: plan.id, reason: 'Chốt số liệu theo tỉnh', content: withWindow({ from: '2026-05-31', to: '2026-01-01' }) }), 'VALIDATION');
    expect(JSON.stringify(refused)).toContain('Thời gian chốt số liệu: ngày bắt đầu sau ngày kết thúc');
    await call(services, 'plans.revise', { id: plan.id, reason: 'Chốt số liệu theo tỉnh', content: withWindow(ownWindow) });
    expect((await call(services, 'reports.consolidation', { planId: plan.id, dutyId: duty })).period).toEqual({ phrase: '6 tháng đầu năm 2026', ...ownWindow });
    const report = docxParagraphs(await exported(services, 'reports.exportConsolidated', { planId: plan.id, dutyId: duty, format: 'docx' } as never));
    expect(report).toContain('Số liệu tính từ ngày 01/01/2026 đến ngày 31/5/2026.');
    await services.close();
  }, 60_000);
});
