import fc from 'fast-check';
import { IMPORT_SEEDS, seedText, stripDiacritics } from './import-seeds';

/** Generators of plan-like text for the parser fuzz test: words and structure of the seed plans. */

export const SEED_TEXTS = IMPORT_SEEDS.map(seedText);
export const SEED_WORDS = [...new Set(SEED_TEXTS.flatMap((t) => t.split(/\s+/)).filter(Boolean))];

/** What the parser looks for at the start or inside a line: headings, numbers, labels, dates, signatures. */
export const STRUCTURE = [
  'I.', 'II.', 'III.', 'IV.', 'V', '1.', '2.', '10.', '99.', '100.', '1)', '1.1.', '2.3.4', 'a)', 'b)', 'đ)', '-', '–', '+', '•', '*', '**',
  'Số:', 'Số: /KH-UBND', '05/KH-UBND', '/KH-VP', 'KẾ HOẠCH', 'Kế hoạch', 'KE HOACH', 'Căn cứ', 'Thực hiện', 'Nơi nhận:', 'KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN',
  'PHÓ CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Thời gian thực hiện:', 'Thời gian:', 'Cơ quan chủ trì:', 'Chủ trì:', 'Cơ quan phối hợp:', 'Phối hợp:', 'Cơ quan thực hiện:',
  'Chỉ đạo:', 'Tham mưu thực hiện:', 'Kinh phí', 'TỔ CHỨC THỰC HIỆN', 'MỤC ĐÍCH, YÊU CẦU', 'NHIỆM VỤ, GIẢI PHÁP', 'NỘI DUNG THỰC HIỆN',
  'ngày 15 tháng 6 năm 2025', 'Bình Chương, ngày 19 tháng 01 năm 2026', 'trước ngày 30/11/2025', 'trước ngày 15/5 hằng năm', 'Quý I', 'quý IV', '6 tháng', 'năm 2025',
  'Thường xuyên', 'Trong năm 2026', 'Từ ngày 01/3/2025 đến ngày 31/12/2025', 'báo cáo 6 tháng', 'báo cáo năm', '[^1]', '¹', '____________', '\f', '   ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN', 'XÃ BÌNH CHƯƠNG', 'Nguyễn Văn A', '(', ')', '"', '“', '”', ';', ':', ',', '.',
];

const word = fc.oneof({ arbitrary: fc.constantFrom(...SEED_WORDS), weight: 6 }, { arbitrary: fc.constantFrom(...STRUCTURE), weight: 3 }, { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 });

/** A line of seed words and structure tokens. */
export const planLine = fc.array(word, { maxLength: 25 }).map((w) => w.join(' '));

/** Vietnamese-ish text: lines of seed words, headings and labels, in any order. */
export const planLikeText = fc.array(fc.oneof({ arbitrary: planLine, weight: 8 }, { arbitrary: fc.constant(''), weight: 1 }), { maxLength: 150 }).map((lines) => lines.join('\n'));

type LineEdit =
  | { op: 'remove'; at: number; count: number }
  | { op: 'duplicate'; at: number; times: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; line: string }
  | { op: 'strip'; at: number }
  | { op: 'upper'; at: number }
  | { op: 'join'; at: number }
  | { op: 'split'; at: number; cut: number };

const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(planLine, fc.string({ unit: 'binary', maxLength: 40 })) }),
  fc.record({ op: fc.constant('strip' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('upper' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('split' as const), at: fc.nat(), cut: fc.nat() }),
);

function applyEdit(lines: string[], e: LineEdit): string[] {
  if (!lines.length) return lines;
  const at = e.at % lines.length;
  const out = [...lines];
  switch (e.op) {
    case 'remove':
      out.splice(at, e.count);
      break;
    case 'duplicate':
      out.splice(at, 0, ...Array<string>(e.times).fill(lines[at]!));
      break;
    case 'swap': {
      const other = e.with % lines.length;
      [out[at], out[other]] = [out[other]!, out[at]!];
      break;
    }
    case 'insert':
      out.splice(at, 0, e.line);
      break;
    case 'strip':
      out[at] = stripDiacritics(out[at]!);
      break;
    case 'upper':
      out[at] = out[at]!.toUpperCase();
      break;
    case 'join':
      out.splice(at, 2, `${out[at]} ${out[at + 1] ?? ''}`);
      break;
    case 'split': {
      const line = out[at]!;
      const cut = e.cut % (line.length + 1);
      out.splice(at, 1, line.slice(0, cut), line.slice(cut));
      break;
    }
  }
  return out;
}

/** A seed plan cut at random points, with lines removed, duplicated, swapped, inserted, split or joined. */
export const seedVariant = fc
  .record({
    seed: fc.nat({ max: SEED_TEXTS.length - 1 }),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
    cut: fc.boolean(),
    edits: fc.array(lineEdit, { maxLength: 10 }),
  })
  .map(({ seed, from, to, cut, edits }) => {
    let text = SEED_TEXTS[seed]!;
    if (cut) text = text.slice(Math.floor(Math.min(from, to) * text.length), Math.ceil(Math.max(from, to) * text.length));
    return edits.reduce(applyEdit, text.split('\n')).join('\n');
  });

/** Long runs of what the parser's patterns repeat over: where a regex could backtrack catastrophically. */
export const adversarialText = fc
  .record({
    unit: fc.constantFrom('a', 'Â', '1.', '1', ' ', '-', '–', '_', '*', '**x', '(', ')', '[', '[^1', '.', ', ', 'ngày ', 'tháng ', 'I.', 'I', 'II ', '100.\n', '1.\n', 'Số: ', '/', '\n', '\n\n', ' \n', '\f', 'Kế hoạch ', 'KẾ HOẠCH ', 'Chủ trì: ', 'a-\n', 'x\u0301', '\u200b', 'Thôn An Phú, ', 'trước ngày 1/1/', '01/02/2025 '),
    count: fc.integer({ min: 100, max: 20_000 }),
    prefix: fc.oneof(fc.constant(''), planLine),
    suffix: fc.oneof(fc.constant(''), planLine, fc.constantFrom('!', '\n1. x', ' KẾ HOẠCH', '.')),
  })
  .map(({ unit, count, prefix, suffix }) => prefix + unit.repeat(Math.ceil(count / unit.length)) + suffix);

/** Any text: random Unicode (with lone surrogates and control characters), plan-like, seed variants, adversarial runs. */
export const anyPlanText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 2000 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 500 }), weight: 1 },
  { arbitrary: planLikeText, weight: 5 },
  { arbitrary: seedVariant, weight: 5 },
  { arbitrary: adversarialText, weight: 2 },
);

/** A plan of a few lines as a minimal PDF with a text layer (standard font, so without diacritics). */
export function tinyPdf(lines: string[]): Buffer {
  const escape = (s: string) => stripDiacritics(s).replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const stream = `BT /F1 11 Tf 50 800 Td 14 TL ${lines.map((l) => `(${escape(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
