import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../core/import/parser/parse-plan';
import { parseTimeframe } from '../../core/import/parser/timeframe';
import { splitUnits } from '../../core/import/parser/unit-list';
import { planJson } from '../../core/import/plan-json';
import { IMPORT_SEEDS, expectParsedLike, folded, seedText, squash, stripDiacritics } from '../helpers/import-seeds';

describe('plan parser: the three seeds, every field', () => {
  for (const seed of IMPORT_SEEDS) {
    it(`reads ${seed.name} as written`, () => {
      expectParsedLike(parsePlanText(seedText(seed)).plan, seed);
    });
  }

  it('keeps footnote marks where the text had them and the footnote text whole (seed 004)', () => {
    const { plan } = parsePlanText(seedText(IMPORT_SEEDS[0]));
    expect(plan.tasks[0]!.body).toContain('dân chủ ở cơ sở[^1], nhằm');
    expect(plan.tasks[2]!.body).toContain('giải quyết các vấn đề bức xúc');
    expect(plan.footnotes.map((f) => f.marker)).toEqual(['1', '2', '3']);
    expect(plan.footnotes[1]!.text).toContain('Các cơ quan, đơn vị rà soát');
    expect(plan.footnotes[1]!.text.endsWith('của các cơ quan, đơn vị mình.')).toBe(true);
    expect(plan.closing).toMatch(/^Yêu cầu các cơ quan, đơn vị, các thôn triển khai thực hiện\. .* kịp thời báo cáo UBND xã/);
    expect(planJson(plan).tasks[0]!.body).not.toContain('[^');
  });
});

describe('plan parser: variants of the same plan read the same', () => {
  for (const seed of IMPORT_SEEDS) {
    const original = parsePlanText(seedText(seed)).plan;
    const shape = (p: typeof original) => ({
      numbers: [p.documentNumber, p.issueDate, p.year],
      tasks: p.tasks.map((t) => ({ o: t.ordinal, d: t.directing.length, l: t.lead.length, c: t.coordinating.length, i: t.implementing.length, tf: [t.timeframe.kind, t.timeframe.year, t.timeframe.dueDate], s: t.subtasks.map((x) => x.label) })),
      deadlines: p.reportingDeadlines.map((d) => [d.kind, d.dueDate]),
      recipients: p.recipients.length,
      footnotes: p.footnotes.length,
    });

    it(`${seed.name}: without diacritics`, () => {
      const plain = parsePlanText(stripDiacritics(seedText(seed))).plan;
      expect(folded(planJson(plain))).toEqual(folded({ ...planJson(original), warnings: planJson(plain).warnings }));
      expect(plain.warnings.some((w) => w.includes('mất dấu'))).toBe(true);
    });

    it(`${seed.name}: OCR letter swaps`, () => {
      // A scan reads marked vowels as "d" now and then ("Qudng Ngdi", "ndm"): every fifth marked letter here.
      let n = 0;
      const ocr = seedText(seed).replace(/[ảãăâạấầẩẫậắằẳẵặờởỡợ]/g, (c) => (++n % 5 === 0 ? 'd' : c));
      expect(shape(parsePlanText(ocr).plan)).toEqual(shape(original));
    });

    it(`${seed.name}: lines broken at another width`, () => {
      const rewrapped = rewrap(footnotesAtEnd(seedText(seed)), 55);
      const plan = parsePlanText(rewrapped).plan;
      expect(shape(plan)).toEqual(shape(original));
      expect(plan.tasks.map((t) => squash(t.body))).toEqual(original.tasks.map((t) => squash(t.body)));
      expect(plan.tasks.map((t) => [t.lead, t.implementing])).toEqual(original.tasks.map((t) => [t.lead, t.implementing]));
    });

    it(`${seed.name}: one paragraph per line, no blank lines`, () => {
      const joined = parsePlanText(unwrap(footnotesAtEnd(seedText(seed)))).plan;
      expect(shape(joined)).toEqual(shape(original));
      expect(joined.tasks.map((t) => squash(t.body))).toEqual(original.tasks.map((t) => squash(t.body)));
    });
  }

  it('footnotes moved to the end of the document read the same (seed 004)', () => {
    const text = seedText(IMPORT_SEEDS[0]);
    const original = parsePlanText(text).plan;
    const moved = parsePlanText(footnotesAtEnd(text)).plan;
    expect(moved.footnotes).toHaveLength(3);
    expect(moved.tasks.map((t) => squash(t.body))).toEqual(original.tasks.map((t) => squash(t.body)));
    expect(moved.footnotes.map((f) => squash(f.text))).toEqual(original.footnotes.map((f) => squash(f.text)));
  });
});

describe('plan parser: header, timeframes, units, deadlines', () => {
  it('reads a header typed as in Nghị định 30, also from a scan without diacritics', () => {
    const header = ['UBND TỈNH QUẢNG NGÃI', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Số: 152/KH-SKHCN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Ngãi, ngày 04 tháng 11 năm 2025', 'KẾ HOẠCH', 'Thực hiện dân chủ ở cơ sở năm 2026', 'I. NỘI DUNG', '1. Làm việc.', '- Cơ quan thực hiện: Văn phòng Sở.', '- Thời gian thực hiện: Thường xuyên.'].join('\n');
    const plan = parsePlanText(header).plan;
    expect([plan.issuerParent, plan.issuer, plan.documentNumber, plan.issueDate, plan.place, plan.title]).toEqual(['UBND TỈNH QUẢNG NGÃI', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', '152/KH-SKHCN', '2025-11-04', 'Quảng Ngãi', 'Thực hiện dân chủ ở cơ sở năm 2026']);
    const scan = parsePlanText(header.replace('Quảng Ngãi, ngày 04 tháng 11 năm 2025', 'Qudng Ngdi, ngay 04 thang 11 ndm 2025').replace('Số:', 'S6:')).plan;
    expect([scan.documentNumber, scan.issueDate, scan.place]).toEqual(['152/KH-SKHCN', '2025-11-04', 'Qudng Ngdi']);
    const draft = parsePlanText(header.replace('152/KH', '   /KH')).plan;
    expect([draft.documentNumber, draft.symbol]).toEqual([null, 'KH-SKHCN']);
    expect(draft.doubts.map((d) => d.field)).toContain('documentNumber');
  });

  it('reads every form of "Thời gian thực hiện"', () => {
    const cases: [string, object][] = [
      ['Thường xuyên.', { kind: 'ongoing' }],
      ['Thuong xuyen', { kind: 'ongoing' }],
      ['Trong năm 2026.', { kind: 'year', year: 2026 }],
      ['Cả năm 2025', { kind: 'year', year: 2025 }],
      ['Năm 2025.', { kind: 'year', year: 2025 }],
      ['Thường xuyên trong năm 2025.', { kind: 'ongoing', year: 2025 }],
      ['Hoàn thành trước ngày 30/5/2026.', { kind: 'deadline', dueDate: '2026-05-30' }],
      ['Trước ngày 30 tháng 5 năm 2026', { kind: 'deadline', dueDate: '2026-05-30' }],
      ['Từ ngày 01/3/2026 đến ngày 30/6/2026', { kind: 'range', from: '2026-03-01', to: '2026-06-30' }],
      ['Từ tháng 3 đến tháng 6 năm 2026', { kind: 'range', from: '2026-03-01', to: '2026-06-30' }],
      ['Quý II/2026', { kind: 'range', from: '2026-04-01', to: '2026-06-30' }],
      ['6 tháng đầu năm 2026', { kind: 'range', from: '2026-01-01', to: '2026-06-30' }],
      ['Trong tháng 9/2026', { kind: 'range', from: '2026-09-01', to: '2026-09-30' }],
      ['Theo chỉ đạo của cấp trên', { kind: 'unspecified' }],
    ];
    for (const [text, want] of cases) expect(parseTimeframe(text), text).toMatchObject(want);
  });

  it('splits unit lists into units and groups as written', () => {
    const names = (s: string) => splitUnits(s).map((u) => u.name);
    expect(names('Các cơ quan, đơn vị, các thôn.')).toEqual(['Các cơ quan, đơn vị, các thôn']);
    expect(names('Lãnh đạo Văn phòng, Phòng Khoa giáo - Văn xã, Phòng Nội chính và các phòng, ban, đơn vị trực thuộc.')).toEqual(['Lãnh đạo Văn phòng', 'Phòng Khoa giáo - Văn xã', 'Phòng Nội chính', 'các phòng, ban, đơn vị trực thuộc']);
    expect(names('Văn phòng HĐND và UBND xã')).toEqual(['Văn phòng HĐND và UBND xã']);
    expect(names('Sở Văn hóa, Thể thao và Du lịch; Công an tỉnh')).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Công an tỉnh']);
    expect(splitUnits('Phòng Kinh tế (chủ trì nội dung liên quan)')).toEqual([{ name: 'Phòng Kinh tế', note: 'chủ trì nội dung liên quan' }]);
  });

  it('reads lettered attributes, a label on its own line, and task groups of dash bullets', () => {
    const text = [
      'KẾ HOẠCH',
      'Thực hiện Quy chế dân chủ năm 2020',
      'II. NHIỆM VỤ',
      '1. Công tác tuyên truyền',
      '- Tuyên truyền sâu rộng Quy chế dân chủ.',
      '- Tổ chức hội nghị quán triệt.',
      '2. Tiếp công dân',
      'a) Cơ quan chủ trì:',
      'Văn phòng UBND xã',
      'b) Cơ quan phối hợp: Công an xã; Ban Chỉ huy Quân sự xã',
      'c) Thời gian thực hiện: Quý II/2020',
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Các thôn: báo cáo 6 tháng trước ngày 10/6/2020 và báo cáo năm trước ngày 05/12/2020 về Văn phòng UBND xã.',
      '2. Đăng ký mô hình "Dân vận khéo" chậm nhất ngày 31/3/2020.',
    ].join('\n');
    const plan = parsePlanText(text).plan;
    expect(plan.tasks[0]!.subtasks.map((s) => s.label)).toEqual(['-', '-']);
    expect(plan.tasks[1]!.lead).toEqual(['Văn phòng UBND xã']);
    expect(plan.tasks[1]!.coordinating).toEqual(['Công an xã', 'Ban Chỉ huy Quân sự xã']);
    expect(plan.tasks[1]!.timeframe).toMatchObject({ kind: 'range', from: '2020-04-01' });
    expect(plan.attributeStyle).toBe('lettered');
    expect(plan.reportingDeadlines.map((d) => [d.kind, d.dueDate])).toEqual([
      ['semiannual', '2020-06-10'],
      ['annual', '2020-12-05'],
      ['model-registration', '2020-03-31'],
    ]);
    expect(plan.reportingDeadlines[0]!.units).toEqual(['Các thôn']);
  });

  it('parses a 20-page plan in under a second', () => {
    const base = seedText(IMPORT_SEEDS[0]);
    const tasks = base.slice(base.indexOf('II. NỘI DUNG'), base.indexOf('III. KINH PHÍ'));
    const many = Array.from({ length: 8 }, (_, i) => tasks.replace(/^(\s*)(\d{1,2})\. /gm, (_m, s: string, n: string) => `${s}${Number(n) + i * 11}. `).replace('II. NỘI DUNG THỰC HIỆN', i ? '' : 'II. NỘI DUNG THỰC HIỆN')).join('\n');
    const big = base.replace(tasks, many);
    expect(big.length).toBeGreaterThan(60_000);
    const started = performance.now();
    const { plan } = parsePlanText(big);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(plan.tasks).toHaveLength(88);
  });
});

/** Footnotes taken from where the pages broke and put after the signature, as some exports do. */
function footnotesAtEnd(text: string): string {
  const blocks: string[] = [];
  const body = text.replace(/\n {20,}\n[\s\S]*?(?=\n \S|\n\n\n\n6 )/g, (block) => {
    blocks.push(block.replace(/^\n {20,}\n/, ''));
    return '\n';
  });
  return blocks.length ? `${body}\n${'_'.repeat(30)}\n${blocks.join('\n')}` : text;
}

/** Joins each paragraph onto one line and breaks it again every `width` characters. */
function rewrap(text: string, width: number): string {
  return unwrap(text)
    .split('\n')
    .map((para) => {
      const out: string[] = [];
      let line = '';
      for (const word of para.split(' ')) {
        if (line && line.length + word.length + 1 > width) {
          out.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      out.push(line);
      return out.join('\n');
    })
    .join('\n');
}

/** One paragraph per line, as an e-office system pastes it: the parser's own paragraphs, footnotes kept apart. */
function unwrap(text: string): string {
  // Not the parser's own paragraphs (that would test it with itself): a simple rule instead,
  // a line continues the previous one when it starts with a lower-case letter.
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (lines.length && /^\p{Ll}/u.test(line) && !/^[a-zđ]\)/.test(line) && !/^\d/.test(lines[lines.length - 1]!) && !/^ {20,}$/.test(raw)) lines[lines.length - 1] += ` ${line}`;
    else lines.push(/^ {20,}$/.test(raw) ? '_'.repeat(20) : line);
  }
  return lines.join('\n');
}
