import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../core/import/parser/parse-plan';
import { readSource } from '../../core/import/readers/read-source';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium';
import { IMPORT_SEEDS, expectParsedLike, type ExpectedPlan } from '../helpers/import-seeds';
import { issuedContent, seedDocx, seedPdf } from '../helpers/plan-documents';
import { tempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/cli';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { parserFixtures, scorePlan } from '../helpers/parser-score';
import { printedPlanPdfs } from '../helpers/plan-print';

/**
 * What the printed document says where the seed's text had nothing or said it otherwise: the exporter
 * prints the header, headings in capitals, and unit names as the office typed them ("–" for "-").
 */
const HEADER: Record<string, Partial<ExpectedPlan>> = {
  'xa-binh-chuong-2026': { issuer: 'ỦY BAN NHÂN DÂN XÃ BÌNH CHƯƠNG' },
  'vp-ubnd-tinh-2025': { issuer: 'VĂN PHÒNG', tasksHeading: 'NỘI DUNG THỰC HIỆN', signerTitle: 'KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG' },
  'skhcn-2025': { issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ' },
};

const files = new Map<string, { docx: Buffer; pdf: Buffer }>();

beforeAll(async () => {
  for (const seed of IMPORT_SEEDS) {
    const docx = await seedDocx(seed);
    files.set(seed.name, { docx, pdf: await seedPdf(docx) });
  }
}, 120_000); // LibreOffice renders the seed PDFs: about 15 s idle, 2–3× that with both cores busy

describe('plan import from Word and PDF', () => {
  for (const seed of IMPORT_SEEDS) {
    for (const format of ['docx', 'pdf'] as const) {
      it(`${seed.name}.${format}: every field as in the text`, async () => {
        const { format: detected, text } = await readSource(files.get(seed.name)![format], `ke-hoach.${format}`);
        expect(detected).toBe(format);
        const content = issuedContent(seed);
        expectParsedLike(parsePlanText(text).plan, seed, { documentNumber: `07/${content.symbol}`, issueDate: content.issueDate, ...HEADER[seed.name] }, { foldUnits: true });
      });
    }
  }

  it('every fixture plan printed as a PDF with a text layer (Chromium, A4) reads at least 95% of its fields right, task tables included', async () => {
    const fixtures = parserFixtures();
    const pdfs = await printedPlanPdfs(fixtures.map((f) => f.text));
    let right = 0;
    let total = 0;
    const report: string[] = [];
    for (const [i, fixture] of fixtures.entries()) {
      const plan = parsePlanText((await readSource(pdfs[i]!, `${fixture.name}.pdf`)).text, { ocr: fixture.ocr }).plan;
      const score = scorePlan(plan, fixture.expected, { foldNames: fixture.ocr });
      right += score.right;
      total += score.total;
      report.push(`${fixture.name.padEnd(34)} ${score.right}/${score.total}${score.misses.length ? `  ${score.misses.join('; ')}` : ''}`);
    }
    console.log(`PDF có lớp chữ\n${report.join('\n')}\nTổng: ${right}/${total} = ${((right / total) * 100).toFixed(1)}%`);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    // the task table read from the page's layout, across its page break
    const table = fixtures.findIndex((f) => f.name === 'dac-khu-ly-son-2026-table');
    const tasks = parsePlanText((await readSource(pdfs[table]!, 'bang.pdf')).text).plan.tasks;
    expect(tasks.map((t) => t.ordinal)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(tasks[3]!.lead).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị']);
    // the recipients and the signature side by side, the text layer's space between them drawn wider than the gap
    const footer = fixtures.findIndex((f) => f.name === 'ubnd-tinh-gia-lai-2026-pdf');
    const signed = parsePlanText((await readSource(pdfs[footer]!, 'ky.pdf')).text).plan;
    expect([signed.signerName, signed.signerTitle]).toEqual(['Nguyễn Hữu Quế', 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH']);
  });

  it('a plan whose tasks are a table: pasted as text (tabs between cells) and as a Word table, read as the same tasks', async () => {
    const fixture = parserFixtures().find((f) => f.name === 'dac-khu-ly-son-2026-table')!;
    const { plan: pasted, sourceLines } = parsePlanText(fixture.text);
    expect(scorePlan(pasted, fixture.expected).misses).toEqual([]);
    // the review's source shows a row's cells apart
    expect(sourceLines[pasted.tasks[1]!.line - 1]).toBe('2 | Tổ chức Hội nghị cán bộ, công chức, viên chức và người lao động cơ quan UBND đặc khu năm 2026 | Văn phòng HĐND và UBND đặc khu | Công đoàn cơ sở cơ quan UBND đặc khu | Trước ngày 15/3/2026');
    expect(pasted.tasks[1]).toMatchObject({ ordinal: '2', lead: ['Văn phòng HĐND và UBND đặc khu'], coordinating: ['Công đoàn cơ sở cơ quan UBND đặc khu'], timeframe: { kind: 'deadline', dueDate: '2026-03-15' } });
    // the same plan as a .docx with a real table (the docx library, as Word writes one)
    const children: (Paragraph | Table)[] = [];
    let rows: TableRow[] = [];
    for (const line of fixture.text.split('\n')) {
      if (line.includes('\t') && /TT\t|^\(?\d/.test(line)) {
        rows.push(new TableRow({ children: line.split('\t').map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }));
        continue;
      }
      if (rows.length) {
        children.push(new Table({ rows }));
        rows = [];
      }
      children.push(new Paragraph(line.replace(/\t/g, ' ')));
    }
    const docx = await Packer.toBuffer(new Document({ sections: [{ children }] }));
    const fromWord = parsePlanText((await readSource(docx, 'ke-hoach.docx')).text).plan;
    expect(fromWord.tasks.map((t) => [t.ordinal, t.lead, t.coordinating, t.timeframe.kind])).toEqual(pasted.tasks.map((t) => [t.ordinal, t.lead, t.coordinating, t.timeframe.kind]));
    expect(fromWord.tasks).toHaveLength(8);
  });

  it('the CLI prints the plan as JSON, and refuses an unreadable file with a Vietnamese message', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ke-hoach.docx');
    fs.writeFileSync(file, files.get('vp-ubnd-tinh-2025')!.docx);
    const out = JSON.parse(runCli(['plan', 'parse', file]).stdout) as { documentNumber: string; tasks: { ordinal: string; timeframe: { kind: string; year?: number } }[]; reportingDeadlines: { kind: string; dueDate: string }[] };
    expect(out.documentNumber).toBe('07/KH-VP');
    expect(out.tasks.map((t) => t.ordinal)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(out.tasks[2]!.timeframe).toEqual({ kind: 'ongoing', year: 2025, text: 'Thường xuyên trong năm 2025' });
    expect(out.reportingDeadlines.map((d) => d.dueDate)).toEqual(['2025-05-29', '2025-10-12', '2025-04-01']);
    const broken = path.join(dir, 'hong.pdf');
    fs.writeFileSync(broken, '%PDF-1.7\nkhông phải pdf');
    const refused = runCli(['plan', 'parse', broken]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('Không đọc được tệp PDF');
  }, 120_000); // two CLI starts: 6 s idle with three test workers
});

describe('plan import: bad files get a Vietnamese message', () => {
  const refuse = async (bytes: Uint8Array, name: string) => {
    const error = await readSource(bytes, name).then(
      () => null,
      (e: Error) => e,
    );
    expect(error, name).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/[àáảãạăâđêôơư]/);
    return error!.message;
  };

  it('refuses empty, broken image, corrupt, old-Word, binary and oversized files', async () => {
    expect(await refuse(new Uint8Array(), 'rong.txt')).toContain('Tệp rỗng');
    expect(await refuse(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'anh.png')).toContain('Không đọc được tệp ảnh');
    expect(await refuse(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'scan.pdf')).toContain('Không đọc được tệp ảnh');
    expect(await refuse(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), 'hong.docx')).toContain('Không đọc được tệp Word');
    expect(await refuse(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'), 'hong.pdf')).toContain('Không đọc được tệp PDF');
    expect(await refuse(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'cu.doc')).toContain('.doc');
    expect(await refuse(Buffer.from('abc\0\0def'), 'nhi-phan.txt')).toContain('nhị phân');
    expect(await refuse(Buffer.from('hello'), 'gia.docx')).toContain('bị hỏng');
    expect(await refuse(Buffer.alloc(51 * 1024 * 1024, 0x41), 'lon.txt')).toContain('50 MB');
  }, 120_000); // the two broken images reach the OCR engine, which starts before it finds them unreadable

  it('says when a PDF without a text layer has no letters either when its pages are read by OCR', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<div style="width:300px;height:200px;background:#888"></div>');
      const pdf = await page.pdf({ format: 'A4' });
      expect(await refuse(pdf, 'ban-quet.pdf')).toContain('Không đọc được chữ nào trong tệp PDF này, kể cả bằng nhận dạng chữ trên ảnh quét');
    } finally {
      await browser.close();
    }
  }, 120_000); // one page of OCR, up to a minute with both cores loaded

  it('refuses a PDF that needs a password to open, and reads one that only restricts printing', async () => {
    const dir = tempDir();
    const plain = path.join(dir, 'kh.pdf');
    fs.writeFileSync(plain, files.get('vp-ubnd-tinh-2025')!.pdf);
    const locked = path.join(dir, 'khoa.pdf');
    execFileSync('qpdf', ['--encrypt', 'mat-khau', 'chu-so-huu', '256', '--', plain, locked]);
    expect(await refuse(fs.readFileSync(locked), 'khoa.pdf')).toContain('mật khẩu');
    const restricted = path.join(dir, 'han-che.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'chu-so-huu', '256', '--print=none', '--', plain, restricted]);
    const { text } = await readSource(fs.readFileSync(restricted), 'han-che.pdf');
    expect(parsePlanText(text).plan.documentNumber).toBe('07/KH-VP');
  });

  it('reads text saved by old Windows programs (UTF-16, Vietnamese code page)', async () => {
    const text = 'KẾ HOẠCH\nThực hiện dân chủ năm 2026';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await readSource(utf16, 'kh.txt')).text).toBe(text);
  });
});
