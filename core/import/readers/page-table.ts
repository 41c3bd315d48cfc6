import { foldVietnamese } from '../../../shared/text/fold';
import { isPageNumber } from '../page-number';
import type { Item } from './page-item';

/** A task table read on one page and going on to the next: its columns' left edges, in the page's own units. */
export interface TableCarry {
  columns: number[] | null;
  /** The last row's task number, so a row whose number a scan lost is given the next one. */
  lastNumber?: number;
  /** Which columns' headings name who or when ("Đơn vị chủ trì", "Thời gian"): a group's row never has words there. */
  roles?: boolean[];
  /** The last group's numeral ("II"), so that "III." read with a stop may still be the next group's row. */
  lastGroup?: number;
  /** Rows are numbered within groups ("1.1", "1.2"): a number a scan lost is left to the parser, which sees the rows around it. */
  subNumbered?: boolean;
  /** The plan's part the table stands in ("II. NHIỆM VỤ"): a numeral no greater within the table is a group's, not the next part. */
  part?: number;
}

/** A line of a table's heading: what its column headings say (folded; a scan may run the words together: "Nộidungcôngviệc"). */
const TASK_WORDS = /(?:^|\s)(noi ?dung|cong ?viec|nhiem ?vu)/;
/** …and who or when (a scan may run the two words together: "phốihợp", "Thờigian"). */
const ROLE_WORDS = /\b(chu ?tri|phoi ?hop|thoi ?gian|thuc ?hien)\b/;
const NUMBER_CELL = /^\(?\d{1,2}\)?\.?$/;
/** A row's number as a scan reads it: a stray mark after it ("4:", "2. :", "7 '"). */
const SCANNED_NUMBER_CELL = /^\(?(\d{1,2})\)?\s*[.:,;'’`]{0,2}$/;
/** A group's row ("II | Thực hiện dân chủ ở cơ sở"): a Roman numeral or a capital letter in the first column. */
const GROUP_CELL = /^(?:[IVX]{1,4}|[A-E])\.?$/;
/** A group's numeral as a scan reads it, a mark after it ("I:", "II;"): the numeral. */
const SCANNED_GROUP_CELL = /^([IVX]{1,4})[:;,]$/;
/** A sub-row under a group's numbered row ("a", "b)"): a row of its own, numbered by its letter. */
const SUB_ROW_CELL = /^[a-zđ][.)]?$/;
/** A task's row under a group's numbered row, numbered within it ("1.1", "2.3."). */
const SUB_NUMBER_CELL = /^\d{1,2}\.\d{1,2}\.?$/;
/** The columns' numbering row ("(1) (2) (3) (4) (5)") as a scan may read it: "iD (2) . 3). - (4) (5)". */
const COLUMN_NUMBER = /^\(\d{1,2}\)$|^\d{1,2}\)\.?$/;

/**
 * A plan's task table (TT, Nội dung, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian) on a page, from a PDF's text
 * layer or a scan's words: each row's cells, whatever lines their text wraps over, joined into one line with
 * a tab between cells, as text copied from Word gives a table; the parser reads such rows as tasks
 * (parser/task-table.ts). The columns are the heading's cells; a row begins at a number in the first column;
 * the table ends at a line whose words run across a column's edge (a paragraph) and goes on to the next page
 * through `carry`. Returns, for each line of the page that is part of a table, the line to write there
 * (null: nothing, its words went into a row written earlier).
 */
export function tableLines(allLines: Item[][], carry: TableCarry): Map<number, string | null> {
  // a text layer's spaces are items of their own, and would bridge the gap between two cells
  const lines = allLines.map((line) => line.filter((item) => item.str.trim()));
  const out = new Map<number, string | null>();
  let rowAt = -1;
  let row: string[] = [];
  let above: boolean[] = []; // which columns the table's previous line had words in
  const flush = () => {
    // a mark a photo read on the number's next line (":" under "1") was added to the number's cell: the number is the row's
    const number = SCANNED_NUMBER_CELL.exec(row[0]?.trim() ?? '')?.[1];
    if (number && !NUMBER_CELL.test(row[0]!.trim())) row[0] = number;
    if (rowAt >= 0) out.set(rowAt, row.map((c) => c.trim()).join('\t'));
    rowAt = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.length) continue;
    const size = Math.max(...line.map((item) => item.size));
    if (!carry.columns) {
      const part = /^([IVX]{1,4})\s*\.\s+\p{Lu}/u.exec(line.map((item) => item.str).join(' ').trim());
      if (part) carry.part = romanValue(part[1]!) ?? carry.part;
      const columns = headingColumns(lines, i);
      if (!columns) continue;
      carry.columns = columns.starts;
      carry.roles = columns.headings.map((heading) => ROLE_WORDS.test(foldVietnamese(heading)));
      carry.lastNumber = 0;
      carry.lastGroup = 0;
      carry.subNumbered = false;
      above = columns.starts.map(() => false);
      out.set(i, columns.headings.join('\t'));
      for (let k = i + 1; k <= columns.last; k++) out.set(k, null);
      i = columns.last;
      continue;
    }
    const starts = carry.columns;
    if (line.length === 1 && isPageNumber(line[0]!.str)) continue; // left as it is
    // a paragraph runs across the columns' edges; one word over an edge is two cells' words read as one (OCR)
    const crossed = starts.filter((start) => line.some((item) => runsAcross(item, start, size))).length;
    if (crossed >= Math.min(2, starts.length - 1) || partHeading(lines, i, starts, carry)) {
      flush();
      carry.columns = null;
      i -= 1; // this line may open another table
      continue;
    }
    const cells = starts.map(() => '');
    for (const item of line) {
      const column = columnAt(starts, item, size);
      cells[column] = `${cells[column]} ${item.str}`.trim();
    }
    // the number column holds a number or a group's numeral; a word there is the next cell's first, drawn left by a tilted photo
    const stray = /^(\(?\d{1,2}\)?[.:]?)?\s*(.*\p{L}{2}.*)$/u.exec(cells[0]!);
    if (stray && !GROUP_CELL.test(cells[0]!) && cells.length > 1) {
      cells[0] = stray[1] ?? '';
      cells[1] = `${stray[2]} ${cells[1]}`.trim();
    }
    cells[0] = cells[0]!.replace(SCANNED_GROUP_CELL, '$1');
    const filled = cells.map((c) => /[\p{L}\p{N}]/u.test(c));
    const columnNumbers = isColumnNumbers(cells);
    // a group's row has its title only: a line with words under who or when is the next row's, whose number a scan lost
    const afterGroup = rowAt >= 0 && GROUP_CELL.test(row[0] ?? '') && filled.some((f, k) => f && carry.roles?.[k]);
    const restarted = columnNumbers || afterGroup || startsRow(cells, filled, above);
    above = filled;
    if (restarted) {
      flush();
      if (columnNumbers) {
        out.set(i, null); // "(1) (2) (3) …": the columns' numbers
        above = cells.map(() => false);
        continue;
      }
      const number = SCANNED_NUMBER_CELL.exec(cells[0]!)?.[1];
      if (GROUP_CELL.test(cells[0]!) || SUB_ROW_CELL.test(cells[0]!) || SUB_NUMBER_CELL.test(cells[0]!)) {
        // a group's heading row, or a lettered or "1.1" sub-row: its number is no task's, and the numbering goes on after it
        if (GROUP_CELL.test(cells[0]!)) carry.lastGroup = romanValue(cells[0]!) ?? carry.lastGroup;
        if (SUB_NUMBER_CELL.test(cells[0]!)) carry.subNumbered = true;
      } else if (number) {
        carry.lastNumber = Number(number);
        if (!NUMBER_CELL.test(cells[0]!)) cells[0] = number; // "4:" is row 4
      } else if (carry.subNumbered) {
        // within groups the next number may be the group's next or the next group's first: what the scan read ("2:3",
        // "2i"), or "?" when it read nothing like one, for the parser to mend (parser/task-table.ts)
        cells[0] = /\d/.test(cells[0]!) ? cells[0]! : '?';
      } else if (carry.lastNumber !== undefined) {
        // a row whose number a scan lost: the next one
        carry.lastNumber += 1;
        cells[0] = `${carry.lastNumber}`;
      }
      rowAt = i;
      row = cells;
      continue;
    }
    if (rowAt < 0) {
      // before the first row on a page the table goes on to: the row the last page left open
      rowAt = i;
      row = cells;
      continue;
    }
    cells.forEach((text, k) => (row[k] = `${row[k]} ${text}`.trim()));
    out.set(i, null);
  }
  flush();
  return out;
}

/** The plan's parts after its tasks, whatever their numeral. */
const PART_AFTER_TASKS = /^(to chuc|kinh phi|che do|trach nhiem|phan cong|dieu khoan|hieu luc)/;
/** …named so plainly that no group of tasks is: told even when a scan misread the numeral. */
const PART_NAMED = /^(kinh phi( thuc hien)?|to chuc thuc hien|che do (thong tin )?bao cao)$/;

/**
 * A part's heading ("III. KINH PHÍ") ends the table. A numeral with a stop that is the table's next group ("I." for
 * the first, as a photo may read a group's "I") is that group's row, unless its words name a part after the tasks;
 * so is one no greater than the part the table stands in ("II." in part II: a group's "III" read with an "I" lost),
 * and one whose title a task's row follows within a few lines (a group's numeral after others a photo misread).
 */
function partHeading(lines: Item[][], at: number, starts: number[], carry: TableCarry): boolean {
  const text = lines[at]!.map((item) => item.str).join(' ').trim();
  // "IIL KINH PHÍ THỰC HIỆN": a part after the tasks whose numeral a scan misread, stop and all
  const misread = /^[IVXLl1|]{1,4}\s*[.:]?\s+(.*)$/u.exec(text);
  if (misread && PART_NAMED.test(foldVietnamese(misread[1]!).replace(/[^a-z ]/g, '').trim())) return true;
  const m = /^([IVX]{1,4})\s*\.\s*(.*)$/u.exec(text);
  if (!m) return false;
  const numeral = romanValue(m[1]!) ?? 0;
  if (m[2] && PART_AFTER_TASKS.test(foldVietnamese(m[2]))) return true;
  if (carry.part !== undefined && numeral <= carry.part) return false;
  if (m[2] && numeral === (carry.lastGroup ?? 0) + 1) return false;
  return !m[2] || !taskRowFollows(lines, at, starts);
}

/** Whether a task's row begins within four lines after `at`: a number in the first column, words in two others, none across an edge. */
function taskRowFollows(lines: Item[][], at: number, starts: number[]): boolean {
  for (let k = at + 1; k <= at + 4 && k < lines.length; k++) {
    const line = lines[k]!;
    if (!line.length || headingColumns(lines, k)) return false;
    const size = Math.max(...line.map((item) => item.size));
    if (starts.some((start) => line.some((item) => runsAcross(item, start, size)))) continue;
    const columns = new Set(line.map((item) => columnAt(starts, item, size)));
    if (SCANNED_NUMBER_CELL.test(line[0]!.str.trim()) && columnAt(starts, line[0]!, size) === 0 && columns.size >= 3) return true;
  }
  return false;
}

function romanValue(numeral: string): number | undefined {
  return (['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'].indexOf(numeral.replace(/\.$/, '')) + 1) || undefined;
}

/**
 * Whether a table line begins a row: its first cell is a number or a group's numeral, or (a scan that lost the number) two other
 * columns that were empty on the line above begin on it. Cells are written from their top, so within a row
 * a column, once ended, stays empty; a new row is where they all begin again.
 */
function startsRow(cells: string[], filled: boolean[], above: boolean[]): boolean {
  if (SCANNED_NUMBER_CELL.test(cells[0]!)) return true; // as written ("4", "(4)", "4.") or as a scan reads it ("4:")
  if (GROUP_CELL.test(cells[0]!) || SUB_ROW_CELL.test(cells[0]!) || SUB_NUMBER_CELL.test(cells[0]!)) return true; // a group's row ("II"), a sub-row ("a", "1.1")
  if (!above.length) return false;
  return filled.filter((f, k) => k > 0 && f && !above[k]).length >= 2;
}

/** The columns' numbering row: at least two cells "(n)", and no word in any cell. */
function isColumnNumbers(cells: string[]): boolean {
  const words = cells.flatMap((c) => c.split(/\s+/)).filter(Boolean);
  return words.filter((w) => COLUMN_NUMBER.test(w) || NUMBER_CELL.test(w)).length >= 2 && !words.some((w) => /\p{L}{3}/u.test(w));
}

/** A table's heading at line `at`: at least three cells, naming the task and who or when; its wrapped words on up to two more lines. */
function headingColumns(lines: Item[][], at: number): { starts: number[]; headings: string[]; last: number } | null {
  const line = lines[at]!;
  const size = Math.max(...line.map((item) => item.size));
  const folded = (k: number) => foldVietnamese((lines[k] ?? []).map((item) => item.str).join(' '));
  const near = [0, 1, 2].map((k) => folded(at + k)).join(' ');
  if (!TASK_WORDS.test(folded(at)) || !ROLE_WORDS.test(near)) return null;
  // a line that goes on a sentence the line above left open ("… mỗi" / "phòng đăng ký … gắn với nhiệm vụ"), its words
  // spread by a justified or tilted page, is no heading
  const above = (lines[at - 1] ?? []).map((item) => item.str).join(' ').trim();
  if (/[\p{Ll},]$/u.test(above)) return null;
  const first = headingCells(line, size);
  // headings are a few words each; a sentence that names them ("2. Xác định … đơn vị chủ trì, … thời gian") is no heading
  if (first.length < 3 || first.some((c) => c.text.split(/\s+/).length > 6) || /^\d{1,2}\s*[.)]/.test(first[0]!.text)) return null;
  // a heading wrapped in its cell ("Đơn vị chủ" / "trì"), or set lower in its cell than the others ("Thời gian" /
  // "hoàn thành" beside a one-line "Nhiệm vụ"): the next lines, while they carry no row's or group's number and no
  // words across the first line's columns
  const cells = first.map((cell) => ({ ...cell, line: at }));
  let last = at;
  for (let k = at + 1; k <= at + 2 && k < lines.length; k++) {
    const next = lines[k]!;
    // a row's or a group's number, also as a scan reads it ("4:", "I:"), is the first row, not the heading's
    if (next.some((item) => NUMBER_CELL.test(item.str.trim()) || GROUP_CELL.test(item.str.trim()) || SCANNED_NUMBER_CELL.test(item.str.trim()) || SCANNED_GROUP_CELL.test(item.str.trim()))) break;
    if (next.some((item) => first.some((cell) => runsAcross(item, cell.x, size)))) break;
    // the number column's heading ("TT") never wraps: a mark there ("I*‹", a group's numeral a photo misread) begins the first row
    if (first.length > 1 && next.some((item) => item.x + item.width <= first[1]!.x - size * 0.3)) break;
    cells.push(...headingCells(next, size).map((cell) => ({ ...cell, line: k })));
    last = k;
  }
  // a column is the cells standing over each other, one a line: their spans overlap
  const columns: { x: number; x1: number; parts: string[]; lines: number[] }[] = [];
  for (const cell of cells) {
    const column = columns.find((c) => !c.lines.includes(cell.line) && cell.x <= c.x1 + size * 0.3 && cell.x1 >= c.x - size * 0.3);
    if (column) {
      column.x = Math.min(column.x, cell.x);
      column.x1 = Math.max(column.x1, cell.x1);
      column.parts.push(cell.text);
      column.lines.push(cell.line);
    } else columns.push({ x: cell.x, x1: cell.x1, parts: [cell.text], lines: [cell.line] });
  }
  columns.sort((a, b) => a.x - b.x);
  if (columns.length < 3) return null;
  const starts = columns.map((c) => c.x);
  const headings = columns.map((c) => c.parts.join(' ').trim());
  return { starts, headings, last };
}

/** Words that begin a column's heading: a second one inside a cell begins the next cell ("Đơn vị chủ Đơn vị" read as one run). */
const HEADING_START = /^(don|co|thoi|san|noi|nhiem|ghi|ket|tien)$/;
const HEADING_PAIR = /^(don vi|co quan|thoi gian|san pham|noi dung|nhiem vu|ghi chu|ket qua|tien do)$/;

/**
 * A heading line's words joined into cells: words closer than half a letter are one cell, unless a heading's
 * first words ("Đơn vị", "Thời gian") begin again inside it; "TT" (or "STT") is a cell of its own however narrow.
 */
function headingCells(line: Item[], size: number): { x: number; x1: number; text: string }[] {
  const cells: { x: number; x1: number; text: string }[] = [];
  const items = [...line].sort((a, b) => a.x - b.x).flatMap((item) => splitNumberHeading(item));
  items.forEach((item, i) => {
    const last = cells[cells.length - 1];
    const pair = `${foldVietnamese(item.str)} ${foldVietnamese(items[i + 1]?.str ?? '')}`.trim();
    // "Nội dung nhiệm vụ" is one heading: its "nhiệm vụ" begins none
    const startsHeading = HEADING_START.test(foldVietnamese(item.str)) && HEADING_PAIR.test(pair) && !(pair === 'nhiem vu' && /noi dung$/.test(foldVietnamese(last?.text ?? '')));
    if (last && item.x - last.x1 < size * 0.5 && !startsHeading && !(cells.length === 1 && /^s?tt$/.test(foldVietnamese(last.text)))) {
      last.text += ` ${item.str}`;
      last.x1 = item.x + item.width;
    } else cells.push({ x: item.x, x1: item.x + item.width, text: item.str });
  });
  return cells;
}

/**
 * The number column's heading a photo ran into the task's ("STT.Nộidung"): two words, the second where its letters
 * begin (measured by its share of the letters), so that the task's column does not start at the numbers.
 */
function splitNumberHeading(item: Item): Item[] {
  const m = /^(S?TT)[.,:;]?(?=\p{L})/u.exec(item.str);
  if (!m || !TASK_WORDS.test(` ${foldVietnamese(item.str.slice(m[0].length))}`)) return [item];
  const cut = (m[0].length / item.str.length) * item.width;
  return [
    { ...item, str: m[1]!, width: cut },
    { ...item, str: item.str.slice(m[0].length), x: item.x + cut, width: item.width - cut },
  ];
}

/** Whether a word or run of text crosses a column's left edge (by more than a third of a letter either side). */
function runsAcross(item: Item, start: number, size: number): boolean {
  return item.x < start - size * 0.3 && item.x + item.width > start + size * 0.3;
}

/** The column a word or run of text stands in: the last whose left edge it reaches (within a third of a letter). */
function columnAt(starts: number[], item: Item, size: number): number {
  // a word that starts just left of an edge and runs on past it is the next column's, a speck read before it ("„02/2026")
  const nextColumns = (edge: number) => item.x + size * 0.3 >= edge || edge - item.x < Math.min(size * 0.8, item.width / 4);
  let column = 0;
  while (column + 1 < starts.length && nextColumns(starts[column + 1]!)) column += 1;
  return column;
}
