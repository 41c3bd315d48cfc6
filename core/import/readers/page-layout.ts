import type { Item } from './page-item';
import { tableLines, type TableCarry } from './page-table';

export type { Item } from './page-item';

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface PageLine {
  cells: Cell[];
  small: boolean;
}

/**
 * A page's items rebuilt into lines: items grouped by baseline, a wide gap splits the two cells of
 * the header and signature tables (each column read top to bottom), small print at the foot of the
 * page is a footnote (written after a rule, as in text copied from Word). `body` is the document's
 * body text size.
 */
export function pageText(items: Item[], body: number, carry: TableCarry = { columns: null }): string {
  if (!items.length) return '';
  // Lines: items whose baselines are within half a letter, top of the page first.
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const grouped: Item[][] = [];
  for (const item of sorted) {
    const line = grouped.find((l) => Math.abs(l[0]!.y - item.y) < Math.max(l[0]!.size, item.size) * 0.45);
    if (line) line.push(item);
    else grouped.push([item]);
  }
  // a lone letter under the page's last line is the top of a tall letter ("Ủ") whose line went on to the next
  // page, drawn in the margin and written in the text layer by Chromium's print: not a line of the plan
  const lowest = grouped[grouped.length - 1]!;
  if (grouped.length > 1 && lowest.length === 1 && /^\p{L}$/u.test(lowest[0]!.str.trim())) grouped.pop();
  // a text layer's runs of spaces are items of their own, some drawn wider than the gap they fill: no edge is measured on them
  const inked = items.filter((i) => i.str.trim());
  const left = Math.min(...inked.map((i) => i.x));
  const right = Math.max(...inked.map((i) => i.x + i.width));
  const mid = (left + right) / 2;
  for (const line of grouped) line.sort((a, b) => a.x - b.x);
  const table = tableLines(grouped, carry);
  const lines: PageLine[] = grouped.map((l) => ({ cells: cells(l, mid), small: Math.max(...l.map((i) => i.size)) < body * 0.88 }));

  // Footnotes: from a small line starting with its number to the foot of the page, all in small print.
  let foot = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    // a task table's row going on at the page's foot ("33/CT-TTg của Thủ" in a smaller cell) is no footnote
    if (table.has(i) || (!line.small && !/^\d{1,3}$/.test(line.cells[0]!.text))) break;
    if (line.small && /^\d{1,2}\s*\S/.test(line.cells[0]!.text)) foot = i;
  }

  const out: string[] = [];
  let i = 0;
  while (i < foot) {
    if (table.has(i)) {
      const row = table.get(i);
      if (row !== null) out.push(row!);
      i += 1;
      continue;
    }
    const line = lines[i]!;
    if (line.cells.length < 2) {
      out.push(line.cells[0]!.text);
      i += 1;
      continue;
    }
    // A borderless two-column table (header, signature): each column read top to bottom.
    const leftColumn: string[] = [];
    const rightColumn: string[] = [];
    for (; i < foot && !table.has(i); i++) {
      const row = lines[i]!;
      if (row.cells.length >= 2) {
        const side = row.cells.findIndex((c) => c.x0 >= mid - 1);
        const cut = side < 0 ? row.cells.length - 1 : side;
        leftColumn.push(row.cells.slice(0, cut).map((c) => c.text).join(' '));
        rightColumn.push(row.cells.slice(cut).map((c) => c.text).join(' '));
      } else if (row.cells[0]!.x1 < mid) leftColumn.push(row.cells[0]!.text);
      else if (row.cells[0]!.x0 > mid) rightColumn.push(row.cells[0]!.text);
      else break;
    }
    out.push(...leftColumn, ...rightColumn);
  }
  if (foot < lines.length) out.push('_'.repeat(20), ...lines.slice(foot).map((l) => l.cells.map((c) => c.text).join(' ')));
  return out.join('\n');
}

/**
 * One line of text, or one per table cell: a gap wider than two letters, or a gap where the page's right
 * half begins. On a line of many words (OCR gives one item a word) the gap must also stand out from the
 * line's other gaps: a justified line spreads its words evenly, and its widened gaps are not a column's edge.
 */
function cells(allItems: Item[], mid: number): Cell[] {
  // a space item stands for a space between words, never for the width of a gap (see pageText)
  const line = allItems.filter((item) => item.str.trim());
  const spaced = new Set(allItems.filter((_, i) => i > 0 && !allItems[i - 1]!.str.trim()));
  const gaps = line.slice(1).map((item, i) => item.x - (line[i]!.x + line[i]!.width));
  const typical = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  const standsOut = (gap: number) => gaps.length < 3 || gap > typical * 2.5;
  const parts: Cell[] = [];
  let current: Cell | null = null;
  for (const item of line) {
    const gap = current ? item.x - current.x1 : 0;
    if (!current || (standsOut(gap) && (gap > item.size * 2 || (current.x1 < mid && item.x >= mid - 1 && gap > item.size * 0.6)))) {
      current = { text: item.str, x0: item.x, x1: item.x + item.width };
      parts.push(current);
      continue;
    }
    if ((gap > item.size * 0.15 || spaced.has(item)) && !current.text.endsWith(' ') && !item.str.startsWith(' ')) current.text += ' ';
    current.text += item.str;
    current.x1 = item.x + item.width;
  }
  return parts.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text);
}
