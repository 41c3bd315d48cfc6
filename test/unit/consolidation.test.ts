import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { call, expectError, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { docxParagraphs, docxParts } from '../helpers/docx';
import { combineStatuses } from '../../shared/reports/consolidation';
import { gatherLines } from '../../core/reports/consolidation-service';

async function twoReports() {
  const { services } = await setUpServices();
  const a = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
  const b = await call(services, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });
  const c = await call(services, 'units.create', { name: 'Thôn Cầu Đá', kind: 'thon' });
  const group = await call(services, 'groups.create', { name: 'Các thôn', memberIds: [a.id, b.id, c.id] });
  const refs = [{ type: 'group' as const, groupId: group.id, note: '' }];
  const parent = await newPlanWith(services, 'received', 2026, (p) => ({ ...p, number: '14', tasks: [task('1', 'Đối thoại với Nhân dân'), task('2', 'Tiếp công dân')] }));
  const derived = await call(services, 'plans.derive', { parentPlanId: parent.id });
  const duty = crypto.randomUUID();
  const plan = await call(services, 'plans.saveDraft', {
    id: derived.id,
    content: {
      ...derived.content,
      tasks: [{ ...derived.content.tasks[1]!, ordinal: '1', implementing: refs }, task('2', 'Tập huấn', { implementing: refs })],
      duties: [{ id: duty, kind: 'semiannual', label: '', dueDate: '2026-05-15', units: refs, recipient: 'Phòng Văn hóa – Xã hội', quarter: null }],
    },
  });
  await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-02-02' });
  const fill = async (unitId: string, statuses: ('done' | 'in_progress' | 'done_late')[], figures: number, accept = true) => {
    const r = await call(services, 'reports.open', { planId: plan.id, dutyId: duty, unitId });
    await call(services, 'reports.save', {
      id: r.id,
      content: {
        ...r.content,
        tasks: r.content.tasks.map((t, i) => ({ ...t, status: statuses[i]!, doneText: `Kết quả ${i + 1}`, figures: i === 0 ? [{ name: 'Số lượt tiếp công dân', unit: 'lượt', value: figures }] : [] })),
        shortcomings: `Hạn chế của ${unitId === a.id ? 'An Phú' : 'Bình Tây'}`,
        models: unitId === a.id ? [{ id: crypto.randomUUID(), name: 'Dân vận khéo trong dồn điền', field: 'kinh_te', unitName: '', startDate: '2026-03-01', results: 'Tốt', level: 'dang_ky' }] : [],
      },
    });
    await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-05-12' });
    if (accept) await call(services, 'reports.accept', { id: r.id });
  };
  await fill(a.id, ['done', 'in_progress'], 12);
  await fill(b.id, ['done_late', 'done'], 30);
  return { services, plan, duty, parent };
}

describe('consolidation', () => {
  it('combines statuses', () => {
    expect(combineStatuses([])).toBeNull();
    expect(combineStatuses(['done', 'done'])).toBe('done');
    expect(combineStatuses(['done', 'done_late'])).toBe('done_late');
    // a unit carrying the task that has not reported: not done yet, whatever the others say
    expect(combineStatuses(['done', 'done_late'], 1)).toBe('in_progress');
    expect(combineStatuses(['not_done'], 1)).toBe('not_done');
    expect(combineStatuses(['done', 'not_started'])).toBe('in_progress');
    expect(combineStatuses(['not_done', 'not_done'])).toBe('not_done');
    expect(combineStatuses(['not_started', null])).toBe('not_started');
  });

  it('drafts the office text within its field limit when 150 communes have written', () => {
    const lines = Array.from({ length: 150 }, (_, i) => `- UBND xã số ${i + 1}: ${'Đã triển khai thực hiện. '.repeat(12)}`);
    const text = gatherLines(lines);
    expect(text.length).toBeLessThanOrEqual(30_000);
    expect(text.split('\n').at(-1)).toMatch(/^- … và \d+ đơn vị khác \(xem báo cáo của từng đơn vị\)\.$/);
    expect(gatherLines(lines.slice(0, 3))).toBe(lines.slice(0, 3).join('\n'));
  });

  it('builds the office report from accepted unit reports, mapped to the parent plan tasks', async () => {
    const { services, plan, duty, parent } = await twoReports();
    const c = await call(services, 'reports.consolidation', { planId: plan.id, dutyId: duty });
    expect(c.units.map((u) => [u.name, u.state])).toEqual([['Thôn An Phú', 'accepted'], ['Thôn Bình Tây', 'accepted'], ['Thôn Cầu Đá', null]]);
    // both reports say task 1 is done (one late), but Thôn Cầu Đá carries it and has not reported: in progress
    expect(c.tasks.map((t) => [t.ordinal, t.combinedStatus, t.parentTask?.id ?? null])).toEqual([
      ['1', 'in_progress', parent.content.tasks[1]!.id],
      ['2', 'in_progress', null],
    ]);
    expect(c.tasks[0]!.parentTask?.ordinal).toBe('2');
    // from 2 of the 3 villages owing the report; no earlier period to compare with, so nothing flagged
    expect(c.figures).toEqual([{ name: 'Số lượt tiếp công dân', unit: 'lượt', total: 42, byUnit: [{ unitName: 'Thôn An Phú', value: 12, outlier: null }, { unitName: 'Thôn Bình Tây', value: 30, outlier: null }], previous: null, fromUnits: { reported: 2, expected: 3 } }]);
    expect(c.tasks.map((t) => t.figures.map((f) => f.fromUnits))).toEqual([[{ reported: 2, expected: 3 }], []]);
    expect(c.models.map((m) => [m.name, m.unitName])).toEqual([['Dân vận khéo trong dồn điền', 'Thôn An Phú']]);
    expect(c.text.shortcomings).toBe('- Thôn An Phú: Hạn chế của An Phú\n- Thôn Bình Tây: Hạn chế của Bình Tây');

    const edited = await call(services, 'reports.saveOfficeText', { planId: plan.id, dutyId: duty, text: { ...c.text, number: '12', issueDate: '2026-05-20', shortcomings: 'Một số thôn báo cáo chậm.' } });
    expect(edited.text.shortcomings).toBe('Một số thôn báo cáo chậm.');

    const docx = await call(services, 'reports.exportConsolidated', { planId: plan.id, dutyId: duty, format: 'docx' });
    expect(docx.fileName).toBe('BC-bao-cao-6-thang-2026_ubnd-xa-binh-chuong.docx');
    const paragraphs = docxParagraphs(docxParts(Buffer.from(docx.base64, 'base64')).document);
    for (const expected of ['BÁO CÁO', 'Số: 12/BC-UBND', 'Bình Chương, ngày 20 tháng 5 năm 2026', 'Tổng cộng: 42 lượt tiếp công dân.', 'Kết quả: 2/3 đơn vị đã hoàn thành; chưa báo cáo: Thôn Cầu Đá.', 'Một số thôn báo cáo chậm.']) {
      expect(paragraphs, expected).toContain(expected);
    }

    const xlsx = await call(services, 'reports.exportConsolidated', { planId: plan.id, dutyId: duty, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const status = book.getWorksheet('Nhiệm vụ - đơn vị')!;
    expect(status.getRow(2).values).toEqual([undefined, 'STT', 'Nhiệm vụ', 'Tình trạng chung', 'Thôn An Phú', 'Thôn Bình Tây', 'Thôn Cầu Đá']);
    expect((status.getRow(3).values as unknown[]).slice(3)).toEqual(['Đang thực hiện', 'Hoàn thành', 'Hoàn thành nhưng quá hạn', '']); // Thôn Cầu Đá has not reported
    expect((book.getWorksheet('Số liệu')!.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Chỉ tiêu', 'Đơn vị tính', 'Tổng', 'Cùng kỳ năm trước']);
    expect((book.getWorksheet('Số liệu')!.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['Số lượt tiếp công dân', 'lượt', 42, undefined, 12, 30]);
    expect((book.getWorksheet('Mô hình theo lĩnh vực')!.getRow(8).values as unknown[]).slice(1)).toEqual(['Tổng cộng', 1, 0, 0, 1]);
    await services.close();
  });

  it('writes a reminder to the units whose report is missing', async () => {
    const { services, plan, duty } = await twoReports();
    const file = await call(services, 'reports.exportReminder', { planId: plan.id, dutyId: duty, today: '2026-05-20' });
    const text = docxParagraphs(docxParts(Buffer.from(file.base64, 'base64')).document).join('\n');
    expect(text).toContain('Kính gửi: Thôn Cầu Đá.');
    expect(text).toContain('Đến ngày 20/5/2026, các đơn vị sau chưa gửi báo cáo: Thôn Cầu Đá.');
    expect(text).toContain('trước ngày 25/5/2026');
    expect(text).not.toContain('Thôn An Phú');
    expectError(await services.call('reports.exportReminder', { planId: plan.id, dutyId: duty, today: '2026-05-01' }), 'CONFLICT');
    await services.close();
  });
});
