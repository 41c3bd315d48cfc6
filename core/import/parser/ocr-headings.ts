import { fold } from './fuzzy';
import { isUpperLine, ROMAN } from './paragraphs';
import type { Line } from './source-text';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** What the parts of a plan are called ("II. NỘI DUNG THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN" …), folded. */
const SECTION_WORDS = /^(muc dich|yeu cau|muc tieu|noi dung|nhiem vu|giai phap|to chuc thuc hien|kinh phi|che do bao cao|thoi gian)/;
/** A part's numeral as OCR reads it: "II" as "IH", "Il", "1I" or "11", and its full stop lost ("I MỤC ĐÍCH"). */
const MISREAD_NUMERAL = /^([IVXHLl1|]{1,4})\s*[.:,;]?\s+(?=\p{Lu})/u;
/** …or as a short word ("Mỹ TỔ CHỨC THỰC HIỆN" for "V."): taken only before a part's name in capitals. */
const NUMERAL_READ_AS_WORD = /^([^\s\d]{1,3})\s*[.:,;]?\s+(?=\p{Lu}{2})/u;

/**
 * Whether the words after a numeral name a part of the plan: in capitals ("NỘI DUNG THỰC HIỆN"), or as a
 * short line without a closing stop ("Nội dung thực hiện"), as some offices write their headings.
 */
function namesPart(words: string): boolean {
  if (!SECTION_WORDS.test(fold(words))) return false;
  return isUpperLine(words) || (words.length <= 60 && !/[.,;:]$/.test(words));
}

/**
 * In a scan, the numeral of a part's heading is often misread ("IH. NỘI DUNG THỰC HIỆN", "IL Nội dung thực
 * hiện", "II." for "III.") or loses its full stop ("I MỤC ĐÍCH, YÊU CẦU"), and the parser then finds no part
 * holding the tasks. A heading that names a part of a plan after something numeral-like, or after a numeral
 * already used, gets the numeral that comes next: the parts are numbered in order. Other lines, and
 * headings read right, are left as they are.
 */
export function repairOcrHeadings(lines: Line[]): Line[] {
  let parts = 0;
  return lines.map((line) => {
    const asWord = NUMERAL_READ_AS_WORD.exec(line.text);
    const m = ROMAN.exec(line.text) ?? MISREAD_NUMERAL.exec(line.text) ?? asWord;
    if (!m || /^\d+$/.test(m[1]!)) return line; // "1 " or "11." alone is a number, not a misread part
    const words = line.text.slice(m[0].length).replace(/^[.:,;]+\s*/, ''); // "I..NỘI DUNG": a speck read as a second stop
    if (m === asWord && !(isUpperLine(words) && SECTION_WORDS.test(fold(words)))) return line;
    const at = NUMERALS.indexOf(m[1]!);
    const inOrder = at >= parts && /[.:]/.test(m[0]);
    if (inOrder || !namesPart(words)) {
      if (at >= 0 && /[.:]/.test(m[0])) parts = at + 1;
      return line;
    }
    parts += 1;
    return { ...line, text: `${NUMERALS[parts - 1] ?? m[1]}. ${words}` };
  });
}
