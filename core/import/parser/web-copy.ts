import { isRealDate, toIsoDate } from '../../../shared/dates/vn-date';
import { findDates } from './dates';
import { foldChars } from './fuzzy';
import type { Block } from './paragraphs';
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
const META_NUMBER = /\bso hieu\s*:\s*(\d{1,5})\s*\/\s*([a-z0-9][a-z0-9.&]*(?:-[a-z0-9.&]+)*)/;
const META_DATE = /\bngay ban hanh\s*:\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;
const META_SIGNER = /\bnguoi ky\s*:\s*/;
const META_ISSUER = /\b(?:noi|co quan) ban hanh\s*:\s*/;
const META_ROW = /\b(?:so hieu|loai van ban|nguoi ky|ngay ban hanh|tinh trang|ngay hieu luc)\s*:/;
const META_LABELS = /\s+(?:loai van ban|nguoi ky|ngay ban hanh|ngay hieu luc|ngay cong bao|so cong bao|tinh trang|noi ban hanh|co quan ban hanh|linh vuc|so hieu)\s*:/;

/**
 * Text copied from a legal website has no "KẾ HOẠCH" line: a metadata table ("Số hiệu:", "Ngày ban hành:",
 * "Người ký:") and a title line "Kế hoạch số …/KH-… ngày … của … về …" stand before the body (when there is one).
 */
/** The source line that is a website's title line, among the first lines; -1 when there is none. */
export function findWebTitleLine(lines: Line[]): number {
  for (let i = 0; i < Math.min(lines.length, 60); i++) {
    if (lines[i]!.text.length > 400 || !TITLE_LINE.test(foldChars(lines[i]!.text))) continue;
    // a line of its own: first, under the metadata table, or after a finished sentence; not "Thực hiện" / "Kế hoạch số 14/KH-UBND …" broken by the width
    const before = i ? foldChars(lines[i - 1]!.text) : '';
    if (!i || /[.;:!?]$/.test(before) || META_ROW.test(before)) return i;
  }
  return -1;
}

export function readWebCopy(blocks: Block[], i: number): WebCopy | null {
  {
    const text = blocks[i]!.text;
    const folded = foldChars(text);
    const line = TITLE_LINE.exec(folded);
    if (!line || text.length > 400) return null;
    const symbol = text.slice(folded.indexOf(line[2]!, line.index + line[0].length - line[2]!.length), line.index + line[0].length).toUpperCase();
    const copy: WebCopy = { index: i, documentNumber: `${line[1]}/${symbol}`, symbol, issueDate: null, title: null, issuer: null, signerName: null };
    const listedIssuer = readMetadata(blocks.slice(0, i), copy);
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
function readMetadata(blocks: Block[], copy: WebCopy): string | null {
  let issuer: string | null = null;
  for (const block of blocks) {
    const text = block.text;
    const folded = foldChars(text);
    const number = META_NUMBER.exec(folded);
    if (number && !copy.documentNumber) copy.documentNumber = `${number[1]}/${text.slice(folded.indexOf(number[2]!, number.index), number.index + number[0].length).toUpperCase()}`;
    const date = META_DATE.exec(folded);
    if (date) {
      const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
      if (isRealDate(y, m, d)) copy.issueDate = toIsoDate(y, m, d);
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
