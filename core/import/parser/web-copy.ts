import { isRealDate, toIsoDate } from '../../../shared/dates/vn-date';
import { findDates } from './dates';
import { foldChars } from './fuzzy';
import { isUpperLine, NUMBERED, ROMAN, type Block } from './paragraphs';
import type { Line } from './source-text';

/** What a legal website's page gives about a plan: its metadata table and the title line in place of "KẾ HOẠCH". */
export interface WebCopy {
  /** The block of the title line ("Kế hoạch số 09/KH-UBND ngày 15/01/2026 của … về …"). */
  index: number;
  documentNumber: string | null;
  symbol: string | null;
  issueDate: string | null;
  title: string | null;
  issuer: string | null;
  signerName: string | null;
}

// "Kế hoạch số 09/KH-UBND …", "Kế hoạch 12/KH-UBND năm 2026 …" (folded, positions kept).
const TITLE_LINE = /^(?:ke hoach|kh)\s+(?:so\s*:?\s*)?(\d{1,5})\s*\/\s*([a-z0-9][a-z0-9.&]*(?:-[a-z0-9.&]+)*)/;
/** A metadata label, folded, its words also run together (OCR of a printed page: "Ngày banhành:."). */
const label = (words: string) => words.split(' ').join('\\s*');
const META_NUMBER = new RegExp(`\\b${label('so')}\\s*(?:ky\\s*)?${label('hieu')}\\s*:[\\s.:]*(\\d{1,5})\\s*\\/\\s*([a-z0-9][a-z0-9.&]*(?:-[a-z0-9.&]+)*)`);
const META_DATE = new RegExp(`\\b${label('ngay ban hanh')}\\s*:[\\s.:]*(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})`);
const META_SIGNER = new RegExp(`\\b${label('nguoi ky')}\\s*:[\\s.:]*`);
const META_ISSUER = new RegExp(`\\b(?:${label('noi')}|${label('co quan')})\\s*${label('ban hanh')}\\s*:[\\s.:]*`);
const LABEL_WORDS = ['so ky hieu', 'loai van ban', 'nguoi ky', 'ngay ban hanh', 'ngay hieu luc', 'ngay cong bao', 'so cong bao', 'tinh trang', 'noi ban hanh', 'co quan ban hanh', 'linh vuc', 'so hieu'];
const META_ROW = new RegExp(`\\b(?:${['so hieu', 'so ky hieu', 'loai van ban', 'nguoi ky', 'ngay ban hanh', 'tinh trang', 'ngay hieu luc'].map(label).join('|')})\\s*:`);
const META_LABELS = new RegExp(`\\s+(?:${LABEL_WORDS.map(label).join('|')})[a-z]?\\s*[:.]`);
/** A table's row copied without its colon, the TAB between its cells read as a space ("Số ký hiệu 22/KH-UBND"). */
const ROW_WITHOUT_COLON = new RegExp(`^((?:${LABEL_WORDS.map(label).join('|')}))\\s+(?=[^\\s:])`);

/** A metadata row with its colon put back when the copy lost it, so one reading serves both; other lines as they are. */
export function labelledRow(line: Line): Line {
  const row = ROW_WITHOUT_COLON.exec(foldChars(line.text));
  return row ? { ...line, text: `${line.text.slice(0, row[1]!.length)}:${line.text.slice(row[1]!.length)}` } : line;
}

/** The title line stands under the metadata table: a row of it within this many lines with words above (the page's tabs, "Tóm tắt", "Nội dung", …, and a table read cell by cell, a cell a line, may stand between). */
const TABLE_REACH = 12;

/**
 * Text copied from a legal website has no "KẾ HOẠCH" line: a metadata table ("Số hiệu:", "Ngày ban hành:",
 * "Người ký:") and a title line "Kế hoạch số …/KH-… ngày … của … về …" stand before the body (when there is one).
 */
/** The source line that is a website's title line, among the first lines; -1 when there is none. */
export function findWebTitleLine(lines: Line[]): number {
  for (let i = 0; i < Math.min(lines.length, 60); i++) {
    if (lines[i]!.text.length > 400 || !TITLE_LINE.test(foldChars(lines[i]!.text))) continue;
    // a line of its own: first, under the metadata table, or after a finished sentence; not "Thực hiện" / "Kế hoạch số 14/KH-UBND …" broken by the width
    // (a value of the table may stand on a line of its own after its row: "Đã biết")
    const before = i ? foldChars(lines[i - 1]!.text) : '';
    const above = lines.slice(0, i).filter((l) => l.text.trim()).slice(-TABLE_REACH);
    const underTable = above.some((l) => META_ROW.test(foldChars(labelledRow(l).text)));
    const breadcrumb = /\s[>»›]\s/.test(before); // "Trang chủ > Văn bản > …" above the page's title
    if (!i || /[.;:!?]$/.test(before) || underTable || breadcrumb) return i;
  }
  return -1;
}

/** Lines a title line may run over when the page width broke it. */
const TITLE_REACH = 3;

/**
 * The title line with the lines the page width broke off it ("… của Ủy ban nhân dân xã" / "Tịnh Sơn về …"):
 * joined while "của …" has not reached its "về" yet, or while the next line goes on in lower case; never
 * after "do … ban hành" or a finished sentence, nor across a heading or an item.
 */
export function webTitleLines(lines: Line[], at: number): { text: string; end: number } {
  let text = lines[at]!.text;
  let end = at;
  while (end + 1 < lines.length && end - at < TITLE_REACH) {
    const next = lines[end + 1]!.text;
    if (/[.;:!?]$/.test(text) || ROMAN.test(next) || NUMBERED.test(next) || /^[-–+]\s/.test(next) || isUpperLine(next)) break;
    const folded = foldChars(text);
    const awaitsAbout = /\scua\s/.test(folded) && !/\sve\s/.test(folded); // "… của Ủy ban nhân dân xã" / "Tịnh Sơn về …"
    if (/\sban hanh$/.test(folded) || (!awaitsAbout && !/^[\p{Ll}\d]/u.test(next))) break;
    text += ` ${next}`;
    end += 1;
  }
  return { text, end };
}

/** `rows`: the lines above the title line, each read first as a row of its own (a value ends with its line). */
export function readWebCopy(blocks: Block[], i: number, rows: Line[] = []): WebCopy | null {
  {
    const text = blocks[i]!.text;
    const folded = foldChars(text);
    const line = TITLE_LINE.exec(folded);
    if (!line || text.length > 400) return null;
    const symbol = text.slice(folded.indexOf(line[2]!, line.index + line[0].length - line[2]!.length), line.index + line[0].length).toUpperCase();
    const copy: WebCopy = { index: i, documentNumber: `${line[1]}/${symbol}`, symbol, issueDate: null, title: null, issuer: null, signerName: null };
    const listedIssuer = readMetadata([...rows.map((row) => row.text), ...blocks.slice(0, i).map((block) => block.text)], copy);
    let rest = text.slice(line[0].length);
    let restFolded = folded.slice(line[0].length);
    // "ngày 15/01/2026" or "ngày 15 tháng 01 năm 2026" right after the number; "năm 2026" says only the year.
    const date = findDates(restFolded)[0];
    if (date && /^\s*(?:ngay\s*)?$/.test(restFolded.slice(0, date.index))) {
      copy.issueDate ??= date.iso;
      rest = rest.slice(date.end);
      restFolded = restFolded.slice(date.end);
    }
    const year = /^\s*nam\s+\d{4}\b/.exec(restFolded);
    if (year) [rest, restFolded] = [rest.slice(year[0].length), restFolded.slice(year[0].length)];
    // "của Ủy ban nhân dân xã Tịnh Sơn về …": the issuer, up to "về".
    const of = /^\s*cua\s+(.{3,120}?)\s+ve\s+(?:viec\s+)?/.exec(restFolded);
    if (of) {
      copy.issuer ??= rest.slice(of.index + of[0].indexOf(of[1]!), of.index + of[0].indexOf(of[1]!) + of[1]!.length).trim();
      rest = rest.slice(of[0].length);
      restFolded = restFolded.slice(of[0].length);
    } else {
      const about = /^\s*ve\s+(?:viec\s+)?/.exec(restFolded);
      if (about) [rest, restFolded] = [rest.slice(about[0].length), restFolded.slice(about[0].length)];
    }
    copy.issuer ??= listedIssuer;
    // "… do tỉnh Quảng Ngãi ban hành" closes the website's title.
    const by = /\s+do\s+(.{3,80}?)\s+ban hanh\s*$/.exec(restFolded);
    if (by) {
      copy.issuer ??= rest.slice(by.index + by[0].indexOf(by[1]!), by.index + by[0].indexOf(by[1]!) + by[1]!.length).trim();
      rest = rest.slice(0, by.index);
    }
    const title = rest.replace(/^[\s,:–-]+|[\s.;,]+$/g, '');
    copy.title = title ? title[0]!.toUpperCase() + title.slice(1) : null;
    return copy;
  }
  return null;
}

/** Fills the number, date and signer from the metadata table; returns the issuer it names ("Nơi ban hành: …"). */
function readMetadata(rows: string[], copy: WebCopy): string | null {
  let issuer: string | null = null;
  for (const text of rows) {
    const folded = foldChars(text);
    const number = META_NUMBER.exec(folded);
    if (number && !copy.documentNumber) copy.documentNumber = `${number[1]}/${text.slice(folded.indexOf(number[2]!, number.index), number.index + number[0].length).toUpperCase()}`;
    const date = META_DATE.exec(folded);
    if (date) {
      const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
      if (isRealDate(y, m, d)) copy.issueDate ??= toIsoDate(y, m, d);
    }
    copy.signerName ??= valueAfter(text, folded, META_SIGNER);
    issuer ??= valueAfter(text, folded, META_ISSUER);
  }
  return issuer;
}

/** The value after a metadata label, up to the next label on the same row. */
function valueAfter(text: string, folded: string, label: RegExp): string | null {
  const m = label.exec(folded);
  if (!m) return null;
  const from = m.index + m[0].length;
  const next = META_LABELS.exec(folded.slice(from));
  const value = text.slice(from, next ? from + next.index : undefined).trim();
  return value && !/^(?:đã biết|đang cập nhật)$/iu.test(value) ? value : null;
}
