import { isRealDate, toIsoDate } from '../../../shared/dates/vn-date';
import { fold, foldChars, sameWords } from './fuzzy';
import { UNIT_HEADS } from './unit-list';
import { isUpperLine, type Block } from './paragraphs';

export interface Header {
  documentNumber: string | null;
  symbol: string | null;
  issueDate: string | null;
  place: string | null;
  issuerParent: string | null;
  issuer: string | null;
  lines: Record<string, number>;
}

const NATIONAL = [/cong hoa xa hoi chu nghia viet nam/, /doc lap\s*-?\s*tu do\s*-?\s*hanh phuc/];
// "Số: 550/KH-VP", "Số:    /KH-SKHCN", OCR "S6: 550/KH-VP", "So 550/KH-VP".
const NUMBER = /\bs[o0-9]\s*[:;.]?\s*(\d{1,5})?\s*\/\s*([a-z0-9][a-z0-9.&]*(?:\s*-\s*[a-z0-9.&]+)*)/;
// "Quảng Ngãi, ngày 03 tháng 3 năm 2025"; OCR "Qudng Ngdi, ngay 04 thang 11 ndm 2025".
const PLACE_DATE = /([a-z][a-z ]{1,40}),\s*ng\w{1,3}\s*(\d{1,2})\s*th\w{2,4}\s*(\d{1,2})\s*n\w{1,2}m?\s*(\d{4})/;
const PLACE_DATE_NUMERIC = /([a-z][a-z ]{1,40}),\s*ng\w{1,3}\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;

const BODY_WITHOUT_PLACE = /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$/;
const PLACE_LEVEL = /^(?:xa|phuong|thi tran|dac khu|tinh|thanh pho|tp\.?|quan|huyen|thi xa)\b/;

/**
 * A line of the header's right column: the national motto (or a piece of it) or the place and date. A scan
 * read column by column puts them after "KẾ HOẠCH", where they are neither the plan's subject nor its preamble.
 * The motto's last word wrapped onto a line of its own ("… CHỦ NGHĨA VIỆT" / "NAM") is one, after the line before it.
 */
export function isHeaderColumnLine(block: Block, before?: Block): boolean {
  const folded = foldChars(block.text);
  return isMottoPiece(block.text, before?.text) || NATIONAL.some((re) => re.test(folded)) || PLACE_DATE.test(folded) || PLACE_DATE_NUMERIC.test(folded);
}

const MOTTO = 'cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc';

function mottoWords(text: string): string {
  return fold(text).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The national motto, or a piece of it when its lines wrapped apart in a PDF ("CỘNG HÒA … CHỦ NGHĨA" / "VIỆT NAM");
 * a piece too short to tell ("NAM") when it goes on from the piece before it ("… CHỦ NGHĨA VIỆT" / "NAM").
 */
function isMottoPiece(text: string, before?: string): boolean {
  const words = mottoWords(text);
  if (words.length >= 6 && MOTTO.includes(words)) return true;
  return !!before && !!words && isMottoPiece(before) && MOTTO.includes(`${mottoWords(before)} ${words}`);
}

/** Reads the number, place and date and the issuing body from the lines above "KẾ HOẠCH". */
export function readHeader(blocks: Block[]): Header {
  const header: Header = { documentNumber: null, symbol: null, issueDate: null, place: null, issuerParent: null, issuer: null, lines: {} };
  const names: Block[] = [];
  for (const [i, block] of blocks.entries()) {
    let text = block.text;
    if (isMottoPiece(text, blocks[i - 1]?.text)) continue;
    let folded = foldChars(text);
    for (const re of NATIONAL) {
      const m = re.exec(folded);
      if (m) {
        text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
        folded = foldChars(text);
      }
    }
    const number = NUMBER.exec(folded);
    if (number && header.symbol === null) {
      const symbolStart = folded.indexOf(number[2]!, number.index);
      // as written ("KH-TTr": Thanh tra writes its own so), in capitals when typed all in small letters
      // a stop after it ends the sentence or is a speck ("112/KH-SVHTTDL. Lào Cai, ngày …"): no symbol ends with one
      const symbol = text.slice(symbolStart, symbolStart + number[2]!.length).replace(/\s+/g, '').replace(/\.+$/, '');
      header.symbol = symbol === symbol.toLowerCase() ? symbol.toUpperCase() : symbol;
      header.documentNumber = number[1] ? `${number[1]}/${header.symbol}` : null;
      header.lines.documentNumber = block.line;
      text = text.slice(0, number.index) + ' '.repeat(number[0].length) + text.slice(number.index + number[0].length);
      folded = foldChars(text);
    }
    const date = PLACE_DATE.exec(folded) ?? PLACE_DATE_NUMERIC.exec(folded);
    if (date && header.issueDate === null) {
      const [d, m, y] = [Number(date[2]), Number(date[3]), Number(date[4])];
      if (isRealDate(y, m, d)) header.issueDate = toIsoDate(y, m, d);
      header.place = text.slice(date.index, date.index + date[1]!.length).trim();
      header.lines.issueDate = block.line;
      text = text.slice(0, date.index) + ' '.repeat(date[0].length) + text.slice(date.index + date[0].length);
    }
    const rest = text.replace(/[_\-–—=]{3,}/g, ' ').replace(/\s+/g, ' ').trim();
    if (rest.length < 2 || !isUpperLine(rest.padEnd(3, rest))) continue;
    // A name wrapped in its cell ("ỦY BAN NHÂN DÂN XÃ BÌNH" / "CHƯƠNG") goes on; a new name starts with a body's word.
    const last = names[names.length - 1];
    if (last && !UNIT_HEADS.test(fold(rest))) last.text = `${last.text} ${rest}`;
    else names.push({ text: rest, line: block.line });
  }
  // "ỦY BAN NHÂN DÂN" over "PHƯỜNG NGHĨA LỘ": one body's name on two lines, not a parent and its office.
  for (let i = names.length - 2; i >= 0; i--) {
    if (BODY_WITHOUT_PLACE.test(fold(names[i]!.text)) && PLACE_LEVEL.test(fold(names[i + 1]!.text))) {
      names[i]!.text = `${names[i]!.text} ${names[i + 1]!.text}`;
      names.splice(i + 1, 1);
    }
  }
  if (names.length === 1) {
    header.issuer = names[0]!.text;
    header.lines.issuer = names[0]!.line;
  } else if (names.length >= 2) {
    header.issuerParent = names[0]!.text;
    header.issuer = names.slice(1).map((n) => n.text).join(' ');
    header.lines.issuer = names[1]!.line;
  }
  return header;
}

/** Where the document type stands: "KẾ HOẠCH" on its own line (or followed by the subject). */
export function findTitleBlock(blocks: Block[]): { index: number; rest: string } | null {
  for (let i = 0; i < Math.min(blocks.length, 40); i++) {
    const text = blocks[i]!.text;
    const words = text.split(/\s+/);
    if (words.length < 2) continue;
    const head = fold(words.slice(0, 2).join(' '));
    if (!isUpperLine(words.slice(0, 2).join(' ')) || !sameWords(head, 'ke hoach')) continue;
    return { index: i, rest: words.slice(2).join(' ') };
  }
  return null;
}

/** "…, Sở Khoa học và Công nghệ ban hành Kế hoạch …" names the issuer when the header is missing. */
export function issuerFromPreamble(preamble: string): string | null {
  const folded = foldChars(preamble);
  const m = /ban hanh (?:ke hoach|kh)\b/.exec(folded);
  if (!m) return null;
  const before = preamble.slice(0, m.index);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
  const name = before
    .slice(start + 1)
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name.length >= 3 && name.length <= 120 ? name : null;
}
