import { describe, expect, it } from 'vitest';
import { call, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { docxParagraphs, docxParts, runPropertiesOf } from '../helpers/docx';

async function exportedPlan() {
  const { services } = await setUpServices();
  const vhxh = await call(services, 'units.create', { name: 'Phòng Văn hóa – Xã hội', kind: 'phong' });
  const plan = await newPlanWith(services, 'own', 2026, (c) => ({
    ...c,
    issuerName: 'Ủy ban nhân dân xã Bình Chương',
    purposes: '1. Mục đích\n- Tiếp tục nâng cao hiệu quả công tác dân vận chính quyền.',
    tasks: [
      task('1', 'Tiếp tục quán triệt[^1], triển khai thực hiện', { lead: [{ type: 'unit', unitId: vhxh.id, note: '' }], coordinating: [{ type: 'external', name: 'Các cơ quan, đơn vị, các thôn', note: '' }], implementing: [{ type: 'external', name: 'Các cơ quan, đơn vị, các thôn', note: '' }] }),
      task('2', 'Rà soát văn bản', { timeframe: { kind: 'deadline', year: null, dueDate: '2026-05-30', from: null, to: null, text: '' } }),
    ],
    recipients: ['Sở Nội vụ (báo cáo)', 'Lưu: VT, VHXH'],
    signerName: 'Võ Văn Tâm',
    footnotes: [{ marker: '1', text: 'Luật Thực hiện dân chủ ở cơ sở năm 2022.' }],
  }));
  await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-03-03' });
  const file = await call(services, 'plans.exportDocx', { id: plan.id, revision: null });
  await services.close();
  return { file, buffer: Buffer.from(file.base64, 'base64') };
}

describe('the plan as an official document (Nghị định 30/2020)', () => {
  it('is A4 portrait with 20/20/30/15 mm margins, Times New Roman, page numbers from page 2', async () => {
    const { buffer, file } = await exportedPlan();
    expect(file.fileName).toBe('KH-2026_so-5_uy-ban-nhan-dan-xa-binh-chuong.docx');
    const { document, styles, headers } = docxParts(buffer);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar [^>]*>/.exec(document)![0];
    for (const m of ['w:top="1134"', 'w:bottom="1134"', 'w:left="1701"', 'w:right="850"']) expect(margins).toContain(m);
    expect(document).toContain('<w:titlePg/>'); // first page has its own (empty) header
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('has the header table: issuer, quốc hiệu, tiêu ngữ, number, and the date with leading zeros', async () => {
    const { buffer } = await exportedPlan();
    const { document } = docxParts(buffer);
    const firstTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
    expect(firstTable.match(/<w:gridCol /g)).toHaveLength(2);
    expect(firstTable).toMatch(/w:val="none"|w:val="nil"/); // borderless
    const cells = docxParagraphs(firstTable).filter(Boolean); // the short rules are empty paragraphs
    expect(cells).toEqual(['ỦY BAN NHÂN DÂN XÃ BÌNH CHƯƠNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 05/KH-UBND', 'Bình Chương, ngày 03 tháng 3 năm 2026']);
    expect(runPropertiesOf(document, "CỘNG HÒA XÃ HỘI")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(runPropertiesOf(document, 'Độc lập - Tự do')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(runPropertiesOf(document, 'ỦY BAN NHÂN DÂN XÃ')).toMatch(/<w:b\/>/);
    expect(runPropertiesOf(document, 'Bình Chương, ngày 03')).toMatch(/<w:i\/>/);
  });

  it('has KẾ HOẠCH, the subject, numbered sections, tasks with units and timeframes, nơi nhận and the signer', async () => {
    const { buffer } = await exportedPlan();
    const { document, footnotes } = docxParts(buffer);
    const paragraphs = docxParagraphs(document);
    for (const expected of [
      'KẾ HOẠCH',
      'Thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG THỰC HIỆN',
      '1. Tiếp tục quán triệt, triển khai thực hiện',
      '- Cơ quan chủ trì: Phòng Văn hóa – Xã hội.',
      '- Cơ quan phối hợp, thực hiện: Các cơ quan, đơn vị, các thôn.',
      '- Thời gian thực hiện: Thường xuyên.',
      '- Thời gian thực hiện: Hoàn thành trước ngày 30/5/2026.',
      'III. KINH PHÍ THỰC HIỆN',
      'Nơi nhận:',
      '- Sở Nội vụ (báo cáo);',
      '- Lưu: VT, VHXH.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Võ Văn Tâm',
    ]) {
      expect(paragraphs, expected).toContain(expected);
    }
    expect(runPropertiesOf(document, 'Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(runPropertiesOf(document, 'Sở Nội vụ (báo cáo)')).toMatch(/<w:sz w:val="22"\/>/);
    expect(runPropertiesOf(document, 'KẾ HOẠCH')).toMatch(/<w:b\/>/);
    expect(runPropertiesOf(document, '1. Mục đích')).toMatch(/<w:b\/>/); // titled item
    expect(runPropertiesOf(document, 'Tiếp tục nâng cao hiệu quả')).not.toMatch(/<w:b\/>/);
    expect(document).toMatch(/<w:jc w:val="both"\/>/);
    expect(document).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(document).toContain('<w:footnoteReference w:id="1"/>');
    expect(footnotes).toContain('Luật Thực hiện dân chủ ở cơ sở năm 2022.');
  });
});
