import { fold } from './fuzzy';
import { isUpperLine, ROMAN } from './paragraphs';
import type { Line } from './source-text';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** What the parts of a plan are called ("II. NỘI DUNG THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN" …), folded. */
const SECTION_WORDS = /^(muc dich|yeu cau|muc tieu|noi dung|nhiem vu|giai phap|to chuc thuc hien|kinh phi|che do bao cao|thoi gian)/;
/** A part's numeral as OCR reads it: "II" as "IH", "Il", "1I" or "11", and its full stop lost ("I MỤC ĐÍCH"). */
const MISREAD_NUMERAL = /^([IVXHLl1|]{1,4})\s*[.:,;]?\s+(?=\p{Lu})/u;

/**
 * In a scan, the numeral of a part's heading is often misread ("IH. NỘI DUNG THỰC HIỆN") or loses its full
 * stop ("I MỤC ĐÍCH, YÊU CẦU"), and the parser then finds no part holding the tasks. A line in capitals
 * that names a part of a plan after something numeral-like gets the numeral that comes next: the parts are
 * numbered in order. Other lines, and headings already read right, are left as they are.
 */
export function repairOcrHeadings(lines: Line[]): Line[] {
  let parts = 0;
  return lines.map((line) => {
    const right = ROMAN.exec(line.text);
    if (right) {
      const at = NUMERALS.indexOf(right[1]!);
      if (at >= 0) parts = at + 1;
      return line;
    }
    const m = MISREAD_NUMERAL.exec(line.text);
    if (!m || /^\d$/.test(m[1]!)) return line; // "1 " alone is a number, not a misread part
    const words = line.text.slice(m[0].length);
    if (!isUpperLine(words) || !SECTION_WORDS.test(fold(words))) return line;
    parts += 1;
    return { ...line, text: `${NUMERALS[parts - 1] ?? m[1]}. ${words}` };
  });
}
