import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, setUpOffice, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { docxParagraphs, docxParts, runPropertiesOf } from '../helpers/docx';
import { PlanContent } from '../../shared/plans/plan-schemas';
import { signerBlockLabel, signerBlocksFor, signerLines } from '../../shared/plans/signer-blocks';
import type { OfficeLevel } from '../../shared/office/office-schemas';

async function officeAt(name: string, level: OfficeLevel, reportsTo = 'UBND tỉnh Quảng Ngãi') {
  const { services } = await setUpServices({ office: false });
  await setUpOffice(services, { name, parentBody: '', level, abbreviation: 'X', placeName: 'Quảng Ngãi', reportsTo });
  return services;
}

/** The paragraphs of the signature cell: after "Nơi nhận:" and the recipient lines, up to the signer's name. */
function signatureParagraphs(documentXml: string): string[] {
  const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  // the signature table is the one with "Nơi nhận:" (a BÁO CÁO's annex tables follow it)
  const cells = [...tables.find((t) => t.includes('Nơi nhận:'))!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
  return docxParagraphs(cells.at(-1)!);
}

describe('signer blocks by office level (Nghị định 30/2020)', () => {
  it('offers the blocks of the body: a UBND signs TM. ỦY BAN NHÂN DÂN, with KT. CHỦ TỊCH for a deputy; a Sở signs GIÁM ĐỐC', () => {
    expect(signerBlocksFor({ name: 'UBND xã Bình Chương', level: 'xa_phuong' }).map(signerBlockLabel)).toEqual(['TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH']);
    expect(signerBlocksFor({ name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'tinh' }).map(signerBlockLabel)).toEqual(['TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH']);
    expect(signerBlocksFor({ name: 'Sở Khoa học và Công nghệ', level: 'so_ban_nganh' }).map(signerBlockLabel)).toEqual(['GIÁM ĐỐC', 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC']);
    // a Sở set up at the level "Tỉnh" (it consolidates for the province) is still a Sở
    expect(signerBlocksFor({ name: 'Sở Nội vụ tỉnh Quảng Ngãi', level: 'tinh' }).map(signerBlockLabel)).toEqual(['GIÁM ĐỐC', 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC']);
    expect(signerBlocksFor({ name: 'Ban Dân tộc tỉnh', level: 'so_ban_nganh' })[0]!.title).toBe('TRƯỞNG BAN');
    expect(signerBlocksFor({ name: 'Phòng Văn hóa – Xã hội', level: 'phong_don_vi' }).map(signerBlockLabel)).toEqual(['TRƯỞNG PHÒNG', 'KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG']);
    expect(signerBlocksFor({ name: 'Trung tâm Phục vụ hành chính công', level: 'so_ban_nganh' })[0]!.title).toBe('GIÁM ĐỐC');
    expect(signerLines('TM. Ủy ban nhân dân\nKT. Chủ tịch', 'Phó Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signerLines('', 'GIÁM ĐỐC')).toEqual(['GIÁM ĐỐC']);
  });

  it('a new plan takes the usual block of the office; a plan received from above, that of the body above', async () => {
    const cases: [string, OfficeLevel, string, string][] = [
      ['UBND xã Bình Chương', 'xa_phuong', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      ['Sở Khoa học và Công nghệ', 'so_ban_nganh', '', 'GIÁM ĐỐC'],
      ['Sở Nội vụ tỉnh Quảng Ngãi', 'tinh', '', 'GIÁM ĐỐC'],
      ['Phòng Văn hóa – Xã hội', 'phong_don_vi', '', 'TRƯỞNG PHÒNG'],
    ];
    for (const [name, level, authority, title] of cases) {
      const services = await officeAt(name, level);
      const plan = await call(services, 'plans.create', { kind: 'own', year: 2026 });
      expect([name, plan.content.signerAuthority, plan.content.signerTitle]).toEqual([name, authority, title]);
      await services.close();
    }
    const phong = await officeAt('Phòng Văn hóa – Xã hội', 'phong_don_vi', 'Sở Văn hóa, Thể thao và Du lịch');
    const received = await call(phong, 'plans.create', { kind: 'received', year: 2026 });
    expect([received.content.issuerName, received.content.signerAuthority, received.content.signerTitle]).toEqual(['Sở Văn hóa, Thể thao và Du lịch', '', 'GIÁM ĐỐC']);
    await phong.close();
    const xa = await officeAt('UBND xã Bình Chương', 'xa_phuong');
    expect((await call(xa, 'plans.create', { kind: 'received', year: 2026 })).content).toMatchObject({ signerAuthority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH' });
    await xa.close();
  });

  it('keeps a plan stored with a one-line authority valid, and stores an authority of several lines as typed', async () => {
    const { services } = await setUpServices();
    const old = await newPlanWith(services, 'own', 2026, (c) => ({ ...c, signerAuthority: 'KT. CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH' }));
    expect(PlanContent.parse(old.content)).toMatchObject({ signerAuthority: 'KT. CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH' });
    const saved = await call(services, 'plans.saveDraft', { id: old.id, content: { ...old.content, signerAuthority: 'TM. ỦY BAN NHÂN DÂN\r\nKT. CHỦ TỊCH ', signerTitle: 'PHÓ CHỦ TỊCH' } });
    expect(saved.content.signerAuthority).toBe('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH');
    await services.close();
  });

  it('prints TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH on three lines in order, bold, above the space and the name, in the plan and the consolidated report', async () => {
    const { services } = await setUpServices();
    const plan = await newPlanWith(services, 'own', 2026, (c) => ({
      ...c,
      tasks: [task('1', 'Tổ chức đối thoại')],
      recipients: ['Sở Nội vụ (báo cáo)', 'Lưu: VT'],
      signerAuthority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      signerTitle: 'Phó Chủ tịch',
      signerName: 'Võ Văn Tâm',
    }));
    await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-03-03' });
    const planDocx = docxParts(Buffer.from((await call(services, 'plans.exportDocx', { id: plan.id, revision: null })).base64, 'base64')).document;
    expect(signatureParagraphs(planDocx)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', '', '', '', 'Võ Văn Tâm']);
    for (const line of ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']) expect(runPropertiesOf(planDocx, line)).toMatch(/<w:b\/>/);

    // the consolidated report drafts its signer from the plan and prints it the same way
    const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const refs = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
    const withDuty = await newPlanWith(services, 'own', 2026, (c) => ({
      ...c,
      tasks: [task('1', 'Tổ chức đối thoại', { implementing: refs })],
      duties: [{ id: crypto.randomUUID(), kind: 'annual', label: '', dueDate: '2026-11-30', units: refs, recipient: '', quarter: null }],
      signerAuthority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      signerTitle: 'PHÓ CHỦ TỊCH',
      signerName: 'Võ Văn Tâm',
    }));
    const dutyId = withDuty.content.duties[0]!.id;
    await call(services, 'plans.issue', { id: withDuty.id, number: '6', issueDate: '2026-03-04' });
    const c = await call(services, 'reports.consolidation', { planId: withDuty.id, dutyId });
    expect([c.text.signerAuthority, c.text.signerTitle]).toEqual(['TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    const reportDocx = docxParts(Buffer.from((await call(services, 'reports.exportConsolidated', { planId: withDuty.id, dutyId, format: 'docx' })).base64, 'base64')).document;
    expect(signatureParagraphs(reportDocx).filter(Boolean)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Võ Văn Tâm']);
    await services.close();
  });

  it('reads TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH from an imported plan as two lines of authority and the title', async () => {
    const text = [
      'UBND TỈNH QUẢNG NGÃI',
      'Số: 14/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Ngãi, ngày 19 tháng 01 năm 2026',
      'KẾ HOẠCH',
      'Thực hiện dân chủ ở cơ sở năm 2026',
      'I. NỘI DUNG',
      '1. Tổ chức đối thoại với Nhân dân.',
      '- Thời gian thực hiện: Thường xuyên.',
      'Nơi nhận:',
      '- Sở Nội vụ;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn An',
    ].join('\n');
    const { services } = await setUpServices();
    const parsed = await call(services, 'imports.parse', { fileName: 'kh.txt', text });
    expect([parsed.content.signerAuthority, parsed.content.signerTitle, parsed.content.signerName]).toEqual(['TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An']);
    // two lines, as before
    const two = await call(services, 'imports.parse', { fileName: 'kh.txt', text: text.replace('TM. ỦY BAN NHÂN DÂN\n', '') });
    expect([two.content.signerAuthority, two.content.signerTitle]).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    await services.close();
  });
});
