import { isPageNumber } from '../page-number';
import { foldChars } from './fuzzy';

/** A part's heading ("III. KINH PHÍ"): no cell goes on over it. */
const PART_HEADING = /^[IVX]{1,4}\.\s/;
/** The plan's parts after its tasks: a table row "III⇥TỔ CHỨC⇥THỰC HIỆN" (a scan reads the heading into the table) is one, no group of tasks. */
const PART_AFTER_TASKS = /^(to chuc thuc hien|kinh phi|che do (thong tin )?bao cao)\b/;
/** The most lines a row's cells may go on over. */
const MAX_CELL_LINES = 12;

type Column = 'no' | 'task' | 'lead' | 'coordinating' | 'implementing' | 'time' | 'product' | 'other';

/**
 * A task table's column headings, folded; the first that matches names the column ("Thời gian thực hiện" is time,
 * not who implements). A scan may run a heading's two words together ("Thờigian", "phốihợp").
 */
const COLUMNS: [RegExp, Column][] = [
  [/^(s?tt|so tt|thu tu)$/, 'no'],
  [/thoi ?gian|thoi ?han|tien ?do/, 'time'],
  [/chu ?tri|dau ?moi/, 'lead'],
  [/phoi ?hop/, 'coordinating'],
  [/san ?pham/, 'product'],
  [/noi ?dung|nhiem ?vu|cong ?viec|hoat ?dong/, 'task'],
  [/thuc ?hien|trien ?khai/, 'implementing'],
];

/** The label each column's cell is given, as the plan would write it on an attribute line. */
const LABEL: Partial<Record<Column, string>> = {
  lead: 'Cơ quan chủ trì',
  coordinating: 'Cơ quan phối hợp',
  implementing: 'Cơ quan thực hiện',
  time: 'Thời gian thực hiện',
  product: 'Sản phẩm',
};

function columnOf(cell: string): Column {
  const folded = foldChars(cell).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  return COLUMNS.find(([re]) => re.test(folded))?.[1] ?? 'other';
}

/**
 * A plan whose tasks are a table ("TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian
 * thực hiện"), copied as text with a tab between cells, or read so from a Word table: each row becomes the
 * lines the parser reads everywhere else ("1. …", "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …").
 * Returns, for each source line of the table, the lines it stands for (none for the heading rows).
 */
export function taskTableLines(rawLines: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let columns: Column[] | null = null;
  let previous: { at: number; cells: string[] } | null = null;
  /** The current table's rows, for the numbers mended once the table has ended (mendSubNumbers looks at the rows after). */
  let rows: { at: number; cells: string[] }[] = [];
  const endTable = () => {
    if (columns?.includes('no')) {
      mendSubNumbers(columns, rows, out);
      mendLetterNumbers(columns, rows, out);
    }
    rows = [];
  };
  /** While the last row's cells are not all there yet (a cell of several paragraphs, copied from Word, goes on over lines): the lines it went on over. */
  let openLines: number | null = null;
  /** More of the last row on line `i`: its first part goes on with the row's last cell, the others are the next cells. */
  const goOn = (row: { at: number; cells: string[] }, parts: string[], i: number) => {
    row.cells[row.cells.length - 1] = `${row.cells[row.cells.length - 1]} ${parts[0]}`.trim();
    row.cells.push(...parts.slice(1));
    out.set(i, []);
    out.set(row.at, rowLines(columns!, row.cells));
  };
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i]!.replace(/\r$/, '');
    const goesOn = !!previous && !!columns && !!raw.trim() && !PART_HEADING.test(raw);
    if (goesOn && openLines !== null && openLines < MAX_CELL_LINES) {
      goOn(previous!, raw.split('\t').map((c) => c.trim()), i);
      openLines = previous!.cells.length >= columns!.length ? null : openLines + 1;
      continue;
    }
    openLines = null;
    if (goesOn && !raw.includes('\t') && rawLines[i + 1]?.includes('\t')) {
      goOn(previous!, [raw.trim()], i); // the last cell's second paragraph ("Sổ theo dõi hồ sơ trễ hạn"), between its row and the next
      continue;
    }
    if (!raw.includes('\t')) {
      // a line of text ends the table; blank lines, a page break and a page number may stand between rows
      if (raw.trim() && !isPageNumber(raw) && columns) {
        endTable();
        columns = null;
      }
      continue;
    }
    // "(2) Quán triệt …": the columns' numbering row read into the first row (a scan)
    const cells = raw.split('\t').map((c) => c.trim().replace(/^\(\d{1,2}\)\s+(?=\S)/, ''));
    const heading = cells.map(columnOf);
    // the number column's heading as a scan may read it ("SẸẾT", "TỊ" for "STT"): a short first cell before the task's
    if (heading[0] === 'other' && heading[1] === 'task' && cells[0]!.length <= 5) heading[0] = 'no';
    if (heading.includes('task') && (heading.includes('lead') || heading.includes('time')) && heading.filter((c) => c !== 'other').length >= 3) {
      endTable();
      columns = heading;
      previous = null;
      out.set(i, []);
      continue;
    }
    if (!columns) continue;
    const part = /^[IVX]{1,4}\.?$/.test(cells[0]!) ? cells.slice(1).filter(Boolean).join(' ') : '';
    if (part && PART_AFTER_TASKS.test(foldChars(part))) {
      out.set(i, [`${cells[0]!.replace(/\.$/, '')}. ${part}`]); // the table ends: the plan's next part
      endTable();
      columns = null;
      previous = null;
      continue;
    }
    if (cells.every((c) => !c || /^\(?\d{1,2}\)?$/.test(c)) && cells.filter(Boolean).length > 1) {
      out.set(i, []); // "(1) (2) (3) …": the columns' numbers
      continue;
    }
    // a speck a scan read in the number column ("-", "."): no number ("?" is a number a scan lost: page-table.ts); one after a number ("1 -"): the number
    const noAt = columns.indexOf('no');
    if (noAt >= 0) cells[noAt] = (cells[noAt] ?? '').replace(/^[-–.,:;'`_|]+$/, '').replace(/^(\d{1,2}(?:\.\d{1,2})?)\s+[-–,:;'`_|]+$/, '$1');
    // a row with no number after a numbered one: the rest of that row, cut by a page break
    if (previous && noAt >= 0 && !cells[noAt]) {
      previous.cells = previous.cells.map((c, k) => `${c} ${cells[k] ?? ''}`.trim());
      out.set(previous.at, rowLines(columns, previous.cells));
      out.set(i, []);
      continue;
    }
    // the first row without its number (a scan lost it): the first task, when it names who or when (a group's
    // heading, "CÔNG TÁC DÂN VẬN CHÍNH QUYỀN" alone in its row, that lost its "I" is no task)
    if (!previous && noAt >= 0 && !cells[noAt] && namesWhoOrWhen(columns, cells)) cells[noAt] = '1';
    if (noAt >= 0) mendGroupNumber(columns, cells, previous, out);
    previous = { at: i, cells };
    rows.push(previous);
    out.set(i, rowLines(columns, cells));
    if (cells.length < columns.length) openLines = 0;
  }
  endTable();
  return out;
}

/**
 * A group's row right before a "2.1" row is group "2": its number a scan lost, or its Roman numeral ("II") in a table
 * whose rows number within groups by digits, so that the parser reads the rows under it as the group's.
 */
function mendGroupNumber(columns: Column[], cells: string[], previous: { at: number; cells: string[] } | null, out: Map<number, string[]>): void {
  const at = columns.indexOf('no');
  const sub = SUB_NUMBER.exec(cells[at] ?? '');
  const groupRow = (row: string[]) => !namesWhoOrWhen(columns, row) && (!row[at] || /^[IVX]{1,4}\.?$/.test(row[at]!));
  if (sub && sub[2] === '1' && previous && groupRow(previous.cells)) {
    previous.cells[at] = sub[1]!;
    out.set(previous.at, rowLines(columns, previous.cells));
  }
}

const SUB_NUMBER = /^(\d{1,2})\.(\d{1,2})\.?$/;
const WHO_OR_WHEN: Column[] = ['lead', 'coordinating', 'implementing', 'time'];

/** Whether a row names who or when (a task's row; a group's names neither). */
function namesWhoOrWhen(columns: Column[], cells: string[]): boolean {
  return cells.some((c, k) => c && WHO_OR_WHEN.includes(columns[k]!));
}

/**
 * In a table numbered within groups ("1.1", "1.2", "2.1"), a task's row whose number a photo misread ("2" or "21"
 * for "1.2" or "2.1", "25" for "2.2", "2i", "?" where it read none) is the next one: the same group's, or the next
 * group's first when its digits, the next row read right (counted back) or a group's row before it say so. A row
 * naming no one and no time is a group's. Not where a task numbered plainly has sub-rows of its own.
 */
function mendSubNumbers(columns: Column[], rows: { at: number; cells: string[] }[], out: Map<number, string[]>): void {
  const at = columns.indexOf('no');
  const isTask = (cells: string[]) => namesWhoOrWhen(columns, cells);
  let last: [number, number] | null = null;
  let group: number | null = null; // a group's row since the last sub-row: its numeral, as a number
  for (const [r, row] of rows.entries()) {
    const no = row.cells[at] ?? '';
    const sub = SUB_NUMBER.exec(no);
    if (sub) {
      // a task numbered "2" with sub-rows "2.1", "2.2" under it: rows numbered plainly are tasks of their own here
      if (rows.slice(0, r).some((above) => isTask(above.cells) && (above.cells[at] ?? '').replace(/\.$/, '') === sub[1])) return;
      // "3.11" before "3.2": a digit read twice, the row before the next
      const after = rows.slice(r + 1).find((row) => isTask(row.cells));
      const next = SUB_NUMBER.exec(after?.cells[at] ?? '');
      if (isTask(row.cells) && next && next[1] === sub[1] && Number(next[2]) > 1 && Number(sub[2]) >= Number(next[2])) {
        sub[2] = String(Number(next[2]) - 1);
        row.cells[at] = `${Number(sub[1])}.${sub[2]}`;
        out.set(row.at, rowLines(columns, row.cells));
      }
      last = [Number(sub[1]), Number(sub[2])];
      group = null;
      continue;
    }
    if (!isTask(row.cells)) {
      if (last) group = /^\d{1,2}\.?$/.test(no) ? Number.parseInt(no, 10) : last[0] + 1;
      continue;
    }
    // a letter's sub-row ("a", or the letter after the row above's) and a group's numeral ("II") are numbered as written;
    // another lone letter ("s." for "3.3") is a number a photo misread
    if (!last || !no || /^\d{1,2}\.\d/.test(no) || /^[IVX]{1,4}\.?$/.test(no) || isSubRowLetter(no, rows[r - 1]?.cells[at] ?? '')) continue;
    const sameGroup: [number, number] = [last[0], last[1] + 1];
    const nextGroup: [number, number] = [group ?? last[0] + 1, 1];
    const digits = no.replace(/\D/g, '');
    // the next row read right, k task rows on ("3.3" two rows after "5I"), counts back to this one
    const ahead = rows.slice(r + 1).filter((row) => isTask(row.cells));
    const k = ahead.findIndex((row) => SUB_NUMBER.test(row.cells[at] ?? ''));
    const next = k >= 0 ? SUB_NUMBER.exec(ahead[k]!.cells[at]!)! : null;
    const counted = next ? `${Number(next[1])}.${Number(next[2]) - k - 1}` : '';
    const pick =
      digits === sameGroup.join('') ? sameGroup
      : digits === nextGroup.join('') ? nextGroup
      : counted === sameGroup.join('.') ? sameGroup
      : counted === nextGroup.join('.') || group !== null ? nextGroup
      : digits && nextGroup.join('').startsWith(digits) && !sameGroup.join('').startsWith(digits) ? nextGroup
      : sameGroup;
    row.cells[at] = pick.join('.');
    out.set(row.at, rowLines(columns, row.cells));
    last = pick;
    group = null;
  }
}

/**
 * Rows whose number a photo misread as another kind: a letter no sub-row would have there ("g" between rows "4" and
 * "6", a group's row between them or not) is the number between; a number after a sub-row "a" that the next row
 * has too ("9" read for "b" before row "9") is the next letter.
 */
function mendLetterNumbers(columns: Column[], rows: { at: number; cells: string[] }[], out: Map<number, string[]>): void {
  const at = columns.indexOf('no');
  const number = (row: { cells: string[] } | undefined) => (/^\d{1,2}\.?$/.test(row?.cells[at] ?? '') ? Number.parseInt(row!.cells[at]!, 10) : null);
  const nextNumber = (r: number) => rows.slice(r + 1).map(number).find((n) => n !== null) ?? null;
  const renumber = (row: { at: number; cells: string[] }, no: string) => {
    row.cells[at] = no;
    out.set(row.at, rowLines(columns, row.cells));
  };
  for (const [r, row] of rows.entries()) {
    const no = row.cells[at] ?? '';
    const above = rows[r - 1]?.cells[at] ?? '';
    if (ROW_LETTER.test(no) && !isSubRowLetter(no, above)) {
      const before = number(rows[r - 1]);
      if (before !== null && nextNumber(r) === before + 2) renumber(row, String(before + 1));
      continue;
    }
    const letter = ROW_LETTER.exec(above)?.[1];
    const n = number(row);
    if (letter && n !== null && nextNumber(r) === n && LETTERS[LETTERS.indexOf(letter) + 1]) {
      const next = LETTERS[LETTERS.indexOf(letter) + 1]!;
      // the letter read into the task's cell as well ("bÉ Tổ chức …")
      const task = columns.indexOf('task');
      if (task >= 0) row.cells[task] = (row.cells[task] ?? '').replace(new RegExp(`^${next}\\S{0,2}\\s+(?=\\p{Lu})`, 'u'), '');
      renumber(row, next);
    }
  }
}

const LETTERS = 'abcdđeghiklmn';
/** A row numbered by a lone letter ("a", "b)", "c."): the letter. */
const ROW_LETTER = /^([a-zđ])[.)]?$/;

/** Whether a row numbered by a lone letter is a sub-row: "a", or the letter after the row above's ("b" under "a"). */
function isSubRowLetter(no: string, above: string): boolean {
  const letter = ROW_LETTER.exec(no)?.[1];
  const before = ROW_LETTER.exec(above)?.[1];
  return letter === 'a' || (!!letter && !!before && LETTERS.indexOf(letter) === LETTERS.indexOf(before) + 1);
}

/** A row's lines as the parser reads a task: "1. …", then one attribute line a filled cell. */
function rowLines(columns: Column[], cells: string[]): string[] {
  const cell = (column: Column) => cells[columns.indexOf(column)] ?? '';
  // a group's numeral read with a stop ("I."): the group's row, not a part of the plan ("I. MỤC ĐÍCH")
  const no = (columns.includes('no') ? cell('no') : '').replace(/^([IVX]{1,4})\.$/, '$1');
  const task = cell('task') || cells.filter(Boolean).join(' ');
  // "2" a task or a group's heading, "a" a sub-row of the group above it: "a) …", as the parser reads a lettered item
  const numbered = /^\d{1,2}\.?$/.test(no) ? `${no.replace(/\.$/, '')}. ${task}` : /^[a-zđ][.)]?$/.test(no) ? `${no[0]}) ${task}` : null;
  const lines = [numbered ?? [no, task].filter(Boolean).join(' ')];
  for (const column of ['lead', 'coordinating', 'implementing', 'time', 'product'] as const) {
    const value = cell(column);
    if (columns.includes(column) && value) lines.push(`- ${LABEL[column]}: ${value}`);
  }
  return lines;
}
