import { fold } from './fuzzy';
import { matchLabel } from './labels';
import { joinFragments, type Line } from './source-text';

/** One paragraph of the document, rebuilt from lines broken by the page width or a page break. */
export interface Block {
  text: string;
  /** Source line the paragraph starts on. */
  line: number;
}

export const ROMAN = /^([IVXL]{1,4}|[1Il]{2,3})\s*[.:]\s*(?=\S)/;
export const NUMBERED = /^(\d{1,2})\s*[.)]\s*(?=\S)/;
export const SUB_NUMBERED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)/;
export const LETTERED = /^([a-zđ])\s*\)\s*(?=\S)/;
export const BULLET = /^[-–+•]\s*(?=\S)/;
const PREAMBLE = /^(?:thuc hien|can cu)\b/;
const DATE_LINE = /^[a-z ]{2,40}, ?ng\w{2,3} ?\d{1,2} ?th\w{2,4} ?\d{1,2}/;
const SIGNATURE = /^(?:noi nhan|kt|tm|tl|tuq|q)\s*[.:]/;

/** A line that begins something of its own: a heading, a numbered item, a bullet or a label. */
export function startsParagraph(text: string): boolean {
  if (ROMAN.test(text) || NUMBERED.test(text) || SUB_NUMBERED.test(text) || LETTERED.test(text) || BULLET.test(text)) return true;
  if (!/^[\p{Lu}"“]/u.test(text)) return false;
  const folded = fold(text);
  return PREAMBLE.test(folded) || DATE_LINE.test(folded) || SIGNATURE.test(folded) || /^so\s*:/.test(folded) || matchLabel(text) !== null;
}

/** A line in capitals (headings, the document type, the signer's title). */
export function isUpperLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const ENDS_SENTENCE = /[.;:!?]["”)]?$/;

export function toBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let lastLine = '';
  for (const line of lines) {
    if (current && continues(current.text, lastLine, line.text)) {
      current.text = joinFragments(current.text, line.text);
    } else {
      current = { text: line.text, line: line.no };
      blocks.push(current);
    }
    lastLine = line.text;
  }
  return blocks;
}

function continues(previous: string, lastLine: string, text: string): boolean {
  const upperBefore = isUpperLine(previous);
  const upper = isUpperLine(text);
  // A heading in capitals wraps onto a second line in capitals: "II. NỘI DUNG, THỜI GIAN / THỰC HIỆN".
  if (upperBefore || upper) return upperBefore && upper && ROMAN.test(previous) && !ROMAN.test(text) && !ENDS_SENTENCE.test(previous);
  // "kinh tế\n- xã hội": a dash at the start of a broken line, not a bullet.
  if (BULLET.test(text)) {
    if (ENDS_SENTENCE.test(previous) || !/^[-–]\s/.test(text)) return false;
    if (/^[-–]\s*\p{Ll}/u.test(text)) return true;
    // "Phòng Hành chính" / "- Quản trị": a full line ending in a capitalised word, cut before a dash inside a name.
    return lastLine.length >= 45 && /\s\p{Lu}\p{Ll}*$/u.test(lastLine) && !matchLabel(text.replace(BULLET, ''));
  }
  if (startsParagraph(text)) return false;
  // A capital after a full stop starts a paragraph; after ";" it is the next item of a list broken by the page width.
  if (/[.:!?]["”)]?$/.test(previous) && /^[\p{Lu}"“]/u.test(text)) return false;
  return true;
}
