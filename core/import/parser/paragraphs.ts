import { fold } from './fuzzy';
import { matchLabel } from './labels';
import type { Line } from './source-text';

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

/** The letters of a text by case: what "a line in capitals" needs, and what adds up over a paragraph's lines. */
interface LetterCase {
  letters: number;
  /** Some letter changes when put in capitals. */
  lower: boolean;
  /** Some letter changes when put in small letters. */
  upper: boolean;
}

function letterCase(text: string): LetterCase {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return { letters: letters.length, lower: letters !== letters.toUpperCase(), upper: letters !== letters.toLowerCase() };
}

const inCapitals = (c: LetterCase) => c.letters >= 3 && !c.lower && c.upper;

/** A line in capitals (headings, the document type, the signer's title). */
export function isUpperLine(text: string): boolean {
  return inCapitals(letterCase(text));
}

const ENDS_SENTENCE = /[.;:!?]["”)]?$/;
const HEAD = 64;
const TAIL = 16;

/**
 * A paragraph being rebuilt from its lines. Whether the next line continues it depends only on how it
 * starts, how it ends and its letter case, kept as lines are added; its text is joined once at the end.
 * (Reading the whole paragraph again for every line made a long text without paragraph breaks quadratic:
 * found by fuzzing, a pasted list of a few thousand lines took seconds.)
 */
class Paragraph {
  private readonly pieces: string[];
  private length: number;
  head: string;
  tail: string;
  case: LetterCase;
  lines = 1;
  /** Brackets opened and not yet closed ("(Chủ trì: …; thời gian:" over "Trước ngày …)."). */
  open: number;

  constructor(
    readonly line: number,
    text: string,
  ) {
    this.pieces = [text];
    this.length = text.length;
    this.head = text.slice(0, HEAD);
    this.tail = text.slice(-TAIL);
    this.case = letterCase(text);
    this.open = brackets(text);
  }

  /** As joinFragments: a word hyphenated at the end of a line is joined without the hyphen, otherwise a space. */
  add(text: string): void {
    if (/\p{L}-$/u.test(this.tail) && /^\p{Ll}/u.test(text)) {
      const last = this.pieces.length - 1;
      this.pieces[last] = this.pieces[last]!.slice(0, -1);
      this.tail = this.tail.slice(0, -1);
      this.length -= 1;
    } else {
      this.pieces.push(' ');
      this.tail += ' ';
      this.length += 1;
    }
    this.pieces.push(text);
    this.lines += 1;
    this.length += text.length;
    this.tail = (this.tail + text).slice(-TAIL);
    if (this.length - text.length <= 2 * HEAD) this.head = this.pieces.join('').slice(0, HEAD);
    this.open = Math.max(0, this.open + brackets(text));
    const added = letterCase(text);
    this.case = { letters: this.case.letters + added.letters, lower: this.case.lower || added.lower, upper: this.case.upper || added.upper };
  }

  text(): string {
    return this.pieces.join('');
  }
}

/** Brackets a text opens, less those it closes (an item's label, "a)", "2)", closes none). */
function brackets(text: string): number {
  let open = 0;
  for (const c of text.replace(/^\s*[\p{Ll}\d]{1,2}\s*\)/u, '')) open += c === '(' ? 1 : c === ')' ? -1 : 0;
  return open;
}

export function toBlocks(lines: Line[]): Block[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let lastLine = '';
  for (const line of lines) {
    if (current && continues(current, lastLine, line.text)) {
      current.add(line.text);
    } else {
      current = new Paragraph(line.no, line.text);
      paragraphs.push(current);
    }
    lastLine = line.text;
  }
  return paragraphs.map((p) => ({ text: p.text(), line: p.line }));
}

/** A task table's group row as the table is read ("I CÔNG TÁC LÃNH ĐẠO"): its numeral without a stop. */
const GROUP_ROW = /^[IVX]{1,4}\s+\p{Lu}{2}/u;
/** The header's place and date on a line of their own ("Bắc Ninh, ngày 19 tháng 01 năm 2026"), folded. */
const PLACE_DATE_LINE = /^[a-z][a-z ]{1,40},\s*ngay\s*\d{1,2}(?:\s*thang\s*\d{1,2}\s*nam\s*|\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)\d{4}\.?$/;
const DOCUMENT_WORDS = /^(?:luat|bo luat|hien phap|phap lenh|nghi quyet|nghi dinh|quyet dinh|chi thi|thong tu|ke hoach|chuong trinh|ket luan|huong dan|cong van|quy dinh|quy che|de an|van ban|thong bao|thong tri)\b/;
const ARCHIVE = /^[-–+•]?\s*luu\s*:/;

function isShortHeading(text: string): boolean {
  const m = NUMBERED.exec(text) ?? SUB_NUMBERED.exec(text) ?? ROMAN.exec(text);
  if (!m || text.length > 40 || /[,;:.!?]["”)]?$/.test(text)) return false;
  const words = text.slice(m[0].length).trim().split(/\s+/);
  return words.length <= 6 && /^\p{Lu}/u.test(words[0]!);
}

function continues(previous: Paragraph, lastLine: string, text: string): boolean {
  const upperBefore = inCapitals(previous.case);
  const upper = isUpperLine(text);
  // A heading in capitals wraps onto a second line in capitals: "II. NỘI DUNG, THỜI GIAN / THỰC HIỆN" (a task
  // table's first group row under it, "I CÔNG TÁC LÃNH ĐẠO" or "1. CÔNG TÁC LÃNH ĐẠO", is no part of it).
  if (upperBefore || upper) return upperBefore && upper && ROMAN.test(previous.head) && !ROMAN.test(text) && !GROUP_ROW.test(text) && !NUMBERED.test(text) && !ENDS_SENTENCE.test(previous.tail);
  // "kinh tế\n- xã hội": a dash at the start of a broken line, not a bullet.
  if (BULLET.test(text)) {
    if (ENDS_SENTENCE.test(previous.tail) || !/^[-–]\s/.test(text)) return false;
    if (/^[-–]\s*\p{Ll}/u.test(text)) return true;
    // "(Chủ trì: …; phối hợp: Phòng Văn hóa" / "- Xã hội; thời gian: …)": no item begins inside a bracket
    if (previous.open > 0) return true;
    // "Phòng Hành chính" / "- Quản trị": a full line ending in a capitalised word, cut before a dash inside a name.
    return lastLine.length >= 45 && /\s\p{Lu}\p{Ll}*$/u.test(lastLine) && !matchLabel(text.replace(BULLET, ''));
  }
  if (startsParagraph(text)) return false;
  // a scan read column by column: the header's place and date over the subject ("Triển khai …") after "KẾ HOẠCH"
  if (previous.lines === 1 && PLACE_DATE_LINE.test(fold(previous.head)) && /^\p{Lu}/u.test(text)) return false;
  // The recipients end with "- Lưu: VT, …", often without a full stop: what follows is the signature.
  if (ARCHIVE.test(fold(previous.head))) return false;
  // "Căn cứ …;" over "Ủy ban nhân dân phường … ban hành …": the bases end, the preamble begins
  // (a capital after ";" that names another document is the next basis of the same sentence).
  if (/;$/.test(previous.tail) && /^can cu\b/.test(fold(previous.head)) && /^\p{Lu}/u.test(text) && !DOCUMENT_WORDS.test(fold(text))) return false;
  // "1. Mục đích" over "Nâng cao …": a short numbered heading without punctuation stands alone
  // (a line broken by the page width is longer; the test rewraps at 55 characters).
  if (previous.lines === 1 && isShortHeading(previous.head) && /^[\p{Lu}"“]/u.test(text)) return false;
  // "… của Sở (Chủ trì:" over "Văn phòng Sở; phối hợp: …)", "…; thời gian:" over "Trước ngày …).": a bracket left open goes on
  if (/:$/.test(previous.tail) && previous.open > 0) return true;
  // A capital after a full stop starts a paragraph; after ";" it is the next item of a list broken by the page width.
  if (/[.:!?]["”)]?$/.test(previous.tail) && /^[\p{Lu}"“]/u.test(text)) return false;
  return true;
}
