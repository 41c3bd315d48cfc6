import { isPageNumber } from '../page-number';
import { footerColumns } from './footer-columns';
import { taskTableLines } from './task-table';

/**
 * Turns extracted text into numbered source lines and clean lines for parsing.
 * Readers (docx, pdf, text) all end here, so every format gets the same treatment:
 * Unicode NFC, one kind of dash, quotes and spaces; page numbers and footnote blocks taken out
 * (footnotes break into the middle of a sentence where the page ended, as in seed 004).
 */

export interface Line {
  /** 1-based number in `sourceLines`. */
  no: number;
  text: string;
  /** The raw line started with spaces: in text copied from Word/PDF this is where a page began. */
  indented: boolean;
}

export interface SourceText {
  sourceLines: string[];
  lines: Line[];
  footnotes: { marker: string; text: string }[];
}

/** Character-level cleanup that keeps line structure. */
export function normalizeCharacters(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u2012-\u2015\u2212]/g, '–')
    .replace(/[\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u2022\u25CF\u25AA\u25E6\u2023\uF0B7\uF02D]/g, '-')
    // "* " at the start of a line is a bullet (web pages, Markdown), not emphasis: read first, or the rule below
    // pairs two bullets' stars across the lines between them and the items run together.
    .replace(/^([ \t]*)\*[ \t]+(?=\S)/gm, '$1- ')
    // Markdown emphasis left by some converters (also over a line break): **trước ngày 01/4/2025**, *Văn phòng*.
    .replace(/\*{1,3}([^*]{1,400}?)\*{1,3}/g, '$1')
    .replace(/\\([-*_.()[\]])/g, '$1');
}

/** Letters a scan reads as symbols: "©)" for "c)". */
const LETTER_SYMBOLS: Record<string, string> = { '©': 'c', '¢': 'c', '@': 'a', '€': 'e' };

/**
 * A scan's sub-item letter read with a symbol or a digit beside it or for it ("c¢) Thời gian …", "c¿)", "cđ)",
 * "c6)", "©) Thời gian …", "b] Cơ quan …"): put back as "c)", or the line is not seen as a sub-item and
 * runs into the one before.
 */
export function repairItemLetter(text: string): string {
  const m = /^(?:([a-zđ])(?:[¢©®°'’`´^~|¿$§đ]{1,2}|\d)?|([©¢@€]))[)}\]](?=\s)/u.exec(text);
  if (!m || (m[1] && m[0].length === 2 && m[0].endsWith(')'))) return text;
  return `${m[1] ?? LETTER_SYMBOLS[m[2]!]})${text.slice(m[0].length)}`;
}

/** "- Lưu: VT, VHXH TM. ỦY BAN NHÂN DÂN": a web page's table row, the recipients' last line and the signer's first, copied onto one line. */
const ARCHIVE_THEN_AUTHORITY = /^([-–+•]?\s*[Ll][ưuƯU][uU]\s*:.*?)\s+((?:KT|TM|TL|TUQ|Q)\s*\.\s*\p{Lu}.*)$/u;

/** "- Lưu: VT, VHXH.⇥Võ Thị Ngọc Hân": the archive line and, at a tab stop beside it, the signer's name, copied onto one line. */
const ARCHIVE_THEN_NAME = /^([-–+•]?\s*[Ll][ưuƯU][uU]\s*:\s*[\p{Lu}\d][\p{Lu}\d\s,.;&–-]*?)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})$/u;

const FOOTNOTE_RULE = /^[_\-–—]{8,}$/;
const FOOTNOTE_START = /^(\d{1,2})\s*(?=\S)(?!\/|\.\d|,\d)/;

/** A footnote mark OCR read as a symbol after the word ("thi hành!", "cơ quan'"): a superscript digit is small and faint. */
const MISREAD_MARK = "[!'’¹²³]";

export function splitSource(raw: string, options: { ocr?: boolean } = {}): SourceText {
  const unsplit = raw.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const table = taskTableLines(unsplit);
  const rawLines = normalizeCharacters(raw).split('\n');
  // (the footer's columns are found where Word's tab stops still part them)
  const footer = footerColumns(unsplit.map((line) => line.split('\t').map(normalizeCharacters).join('\t')));
  const signatureColumn: Line[] = [];
  const sourceLines = rawLines.map((l) => l.replace(/\f/g, '').replace(/ {2,}/g, ' ').trim());
  // a task table's row keeps its cells apart in the source the review shows ("1 | Quán triệt … | Phòng Văn hóa – Xã hội | …")
  for (const i of table.keys()) sourceLines[i] = unsplit[i]!.split('\t').map((cell) => normalizeCharacters(cell).replace(/\s+/g, ' ').trim()).join(' | ');
  const lines: Line[] = [];
  const footnotes: { marker: string; text: string }[] = [];
  let i = 0;
  while (i < rawLines.length) {
    const raw = rawLines[i]!;
    const text = sourceLines[i]!;
    // A footnote rule: a long run of spaces (Word's separator copied as text) or of underscores.
    const isRule = /^ {20,}$/.test(raw) || FOOTNOTE_RULE.test(text);
    if (isRule && nextNonEmpty(sourceLines, i + 1)?.match(FOOTNOTE_START)) {
      i = readFootnotes(rawLines, sourceLines, i + 1, footnotes);
      continue;
    }
    if (!isRule && isBracketNote(sourceLines, i)) {
      i = readBracketNotes(sourceLines, i, footnotes);
      continue;
    }
    if (!isRule && footnotesWithoutRule(rawLines, sourceLines, lines, i, footnotes, options.ocr ?? false)) {
      // always past the footnote's first line: a loop that stood still here froze the import
      i = Math.max(i + 1, readFootnotes(rawLines, sourceLines, i, footnotes, options.ocr ?? false));
      continue;
    }
    const columns = footer?.rows.get(i);
    if (columns) {
      if (columns.left) lines.push({ no: i + 1, text: columns.left, indented: false });
      if (columns.right) signatureColumn.push({ no: i + 1, text: columns.right, indented: false });
    }
    if (footer && i === footer.last) lines.push(...signatureColumn);
    if (columns) {
      i += 1;
      continue;
    }
    const rows = table.get(i);
    if (rows) {
      for (const row of rows) lines.push({ no: i + 1, text: normalizeCharacters(row).replace(/ {2,}/g, ' ').trim(), indented: false });
      i += 1;
      continue;
    }
    if (text && !isPageNumber(text) && !/^[-_–—=*.·]{3,}$/.test(text)) {
      const indented = /^ \S/.test(raw.replace(/\f/g, '')) || raw.startsWith('\f');
      const repaired = repairItemLetter(text);
      const joined = ARCHIVE_THEN_AUTHORITY.exec(repaired) ?? ARCHIVE_THEN_NAME.exec(repaired);
      if (joined) lines.push({ no: i + 1, text: joined[1]!, indented }, { no: i + 1, text: joined[2]!, indented: false });
      else lines.push({ no: i + 1, text: repaired, indented });
    }
    i += 1;
  }
  stripFootnoteMarkers(lines, footnotes);
  return { sourceLines, lines, footnotes };
}

/** Word's footnotes or endnotes copied as text: "[1] Luật …", their marks "[1]" in the body. */
const BRACKET_NOTE = /^\[(\d{1,2})\]\s*(?=\S)/;

/** Whether line `at` is a note "[n] …" whose mark "[n]" stands in a line above it. */
function isBracketNote(text: string[], at: number): boolean {
  const n = BRACKET_NOTE.exec(text[at]!)?.[1];
  return !!n && text.slice(0, at).some((line) => line.includes(`[${n}]`) && !BRACKET_NOTE.test(line));
}

/** The notes from `from` on: each "[n] …" line starts one, other lines go on with it; a line of the body ends them. */
function readBracketNotes(text: string[], from: number, out: { marker: string; text: string }[]): number {
  let i = from;
  let current: { marker: string; text: string } | null = null;
  for (; i < text.length; i++) {
    const line = text[i]!;
    if (!line) continue;
    const start = BRACKET_NOTE.exec(line);
    if (start && isBracketNote(text, i)) {
      current = { marker: start[1]!, text: line.slice(start[0].length).trim() };
      out.push(current);
    } else if (current && !/^(?:[IVX]+\.|\d{1,2}\.\s|[-–+•]\s|Nơi nhận)/u.test(line)) {
      current.text = joinFragments(current.text, line);
    } else break;
  }
  return i;
}

/** A footnote's first words when it cites a document ("1 Luật Thực hiện dân chủ …", "2 Nghị định số …"). */
const CITES_DOCUMENT = /^(?:Luật|Nghị định|Nghị quyết|Chỉ thị|Quyết định|Thông tư|Kế hoạch|Hướng dẫn|Công văn|Chương trình|Kết luận|Theo)(?=\s)/u;

/**
 * Footnotes at the foot of a PDF page with no rule above them (the rule is a drawing, not text): lines from the
 * next footnote number, "2 Nghị định số …", to the page's end, when that number stands as a mark after a word
 * ("theo quy định2,") in the page's body. Left in, they are folded into the sentence the page break cut.
 */
function footnotesWithoutRule(rawLines: string[], text: string[], body: Line[], at: number, footnotes: { marker: string }[], ocr: boolean): boolean {
  const start = /^(\d{1,2})\s+\p{L}/u.exec(text[at]!);
  if (!start || !body.length) return false;
  const marker = start[1]!;
  const expected = footnotes.length ? Number(footnotes[footnotes.length - 1]!.marker) + 1 : 1;
  if (Number(marker) !== expected) return false;
  const markAfterWord = (mark: string) => new RegExp(`(?<=\\p{L}|[)”"])(?:${mark})(?=[\\s,.;:)”"]|$)`, 'u');
  const mark = markAfterWord(ocr ? `${marker}|${MISREAD_MARK}` : marker);
  let marked: Line | null = null;
  for (let k = body.length - 1; k >= 0 && k >= body.length - 60 && !marked; k--) if (mark.test(body[k]!.text)) marked = body[k]!;
  // a scan may read the mark as a letter ("cơ sởi"): then the sentence the page cut ("Sở Nông nghiệp và", "Sở Khoa học và Công") says it
  // (or a list item the page cut after its ";", when the footnote cites a document as footnotes do)
  const lastLine = body[body.length - 1]!.text.trim();
  const cutSentence = ocr && !marked && (/[\p{L},]$/u.test(lastLine) || (lastLine.endsWith(';') && CITES_DOCUMENT.test(text[at]!.slice(start[0].length - 1))));
  if ((!marked && !cutSentence) || !endsPageSoon(rawLines, text, at, ocr)) return false;
  if (!marked) return true;
  if (!markAfterWord(marker).test(marked.text)) marked.text = marked.text.replace(mark, marker); // the symbol becomes the mark it stood for
  return true;
}

/** Whether the page ends within a few lines of `at`: a page number, a form feed, a new page's first line or the end of the text. */
function endsPageSoon(rawLines: string[], text: string[], at: number, ocr = false): boolean {
  for (let k = at + 1; k < rawLines.length && k <= at + 24; k++) {
    // (text copied from Word starts a page's first line with a space; a scan may read the page's number as a lone letter, "Ạ")
    if (rawLines[k]!.startsWith('\f') || isPageNumber(text[k]!) || /^ \S/.test(rawLines[k]!) || (ocr && isMisreadPageNumber(text[k]!))) return true;
    if (/^(?:[IVX]+\.|\d{1,2}\.\s|[-–+•]\s|[a-zđ]\)\s)/u.test(text[k]!)) return false;
  }
  return rawLines.length - at <= 24;
}

function nextNonEmpty(lines: string[], from: number): string | undefined {
  for (let i = from; i < lines.length && i < from + 3; i++) if (lines[i]) return lines[i];
  return undefined;
}

/** A scan's page number read as one letter or mark, alone on its line ("Ạ" for "2"). */
function isMisreadPageNumber(line: string): boolean {
  return /^\S$/u.test(line);
}

/**
 * Footnotes run from the rule to the end of the page: a form feed, a page number, a line that
 * starts a new page (indented), or a line that clearly resumes the body (a numbered heading).
 */
function readFootnotes(rawLines: string[], text: string[], from: number, out: { marker: string; text: string }[], ocr = false): number {
  let i = from;
  let current: { marker: string; text: string } | null = null;
  let expected = out.length ? Number(out[out.length - 1]!.marker) + 1 : null;
  for (; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    const line = text[i]!;
    // a form feed ends the footnotes, unless the new page starts with them ("\f1 Đơn vị …": the page break fell just above)
    if ((raw.startsWith('\f') && i > from) || (current && raw.includes('\f'))) break;
    if (!line) continue;
    if (isPageNumber(line) || (ocr && current && isMisreadPageNumber(line))) {
      i += 1;
      break;
    }
    if (current && /^ \S/.test(raw)) break;
    if (current && /^(?:[IVX]+\.|\d{1,2}\.\s+\p{Lu})/u.test(line)) break;
    const start = FOOTNOTE_START.exec(line);
    if (start && (expected === null || Number(start[1]) === expected || !current)) {
      current = { marker: start[1]!, text: line.slice(start[0].length).trim() };
      out.push(current);
      expected = Number(start[1]) + 1;
    } else if (current) {
      current.text = joinFragments(current.text, line);
    }
  }
  return i;
}

/** "cơ sở1, nhằm" → "cơ sở[^1], nhằm" for markers that have a footnote (the editor's footnote mark). */
function stripFootnoteMarkers(lines: Line[], footnotes: { marker: string }[]): void {
  if (!footnotes.length) return;
  const markers = new Set(footnotes.map((f) => f.marker));
  for (const line of lines) {
    line.text = line.text
      .replace(/\[(\d{1,2})\]/g, (all, n: string) => (markers.has(n) ? `[^${n}]` : all))
      .replace(/(\p{L}|[)”"])(\d{1,2})(?=[\s,.;:)”"]|$)/gu, (all, before: string, n: string) => (markers.has(n) ? `${before}[^${n}]` : all));
  }
}

/** Joins a line broken by the page width: a hyphen at the end of a word joins without a space. */
export function joinFragments(a: string, b: string): string {
  if (!a) return b;
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}
