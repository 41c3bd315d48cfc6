import { AppError } from '../../app-error';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/**
 * A PDF's text layer through pdfjs-dist, rebuilt into lines: items grouped by baseline, a wide gap
 * splits the two cells of the header and signature tables, small print at the foot of a page is
 * a footnote (written after a rule, as in text copied from Word), and a form feed ends each page.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfjs();
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new AppError('VALIDATION', 'Tệp PDF có mật khẩu nên không đọc được. Hãy xin bản không đặt mật khẩu hoặc bản Word.');
    throw new AppError('VALIDATION', 'Không đọc được tệp PDF: tệp bị hỏng hoặc không phải PDF.');
  }
  try {
    const pageItems: Item[][] = [];
    let letters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      let content;
      try {
        const page = await doc.getPage(p);
        content = await page.getTextContent();
        page.cleanup();
      } catch {
        // a damaged page tree or content stream shows only when the page is read (found by fuzzing)
        throw new AppError('VALIDATION', `Không đọc được trang ${p} của tệp PDF: tệp bị hỏng.`);
      }
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str) continue;
        const [a, b, , d, x, y] = raw.transform as number[];
        items.push({ str: raw.str, x: x!, y: y!, width: raw.width, size: Math.hypot(a!, b!) || Math.abs(d!) || raw.height });
        letters += raw.str.replace(/\s/g, '').length;
      }
      pageItems.push(items);
    }
    if (letters < 40) {
      throw new AppError('VALIDATION', 'Tệp PDF này là bản quét (ảnh) không có lớp chữ nên không đọc được nội dung. Hãy dùng bản Word, bản PDF có chữ, hoặc dán nội dung văn bản.');
    }
    // Body text size over the whole document: a last page of footnotes must not set its own.
    const sizes = pageItems.flat().map((i) => i.size).sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)] ?? 12;
    return pageItems.map((items) => pageText(items, body)).join('\n\f');
  } finally {
    await doc.destroy();
  }
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface PageLine {
  cells: Cell[];
  small: boolean;
}

function pageText(items: Item[], body: number): string {
  if (!items.length) return '';
  // Lines: items whose baselines are within half a letter, top of the page first.
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const grouped: Item[][] = [];
  for (const item of sorted) {
    const line = grouped.find((l) => Math.abs(l[0]!.y - item.y) < Math.max(l[0]!.size, item.size) * 0.45);
    if (line) line.push(item);
    else grouped.push([item]);
  }
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const mid = (left + right) / 2;
  const lines: PageLine[] = grouped.map((l) => ({ cells: cells(l.sort((a, b) => a.x - b.x), mid), small: Math.max(...l.map((i) => i.size)) < body * 0.88 }));

  // Footnotes: from a small line starting with its number to the foot of the page, all in small print.
  let foot = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.small && !/^\d{1,3}$/.test(line.cells[0]!.text)) break;
    if (line.small && /^\d{1,2}\s*\S/.test(line.cells[0]!.text)) foot = i;
  }

  const out: string[] = [];
  let i = 0;
  while (i < foot) {
    const line = lines[i]!;
    if (line.cells.length < 2) {
      out.push(line.cells[0]!.text);
      i += 1;
      continue;
    }
    // A borderless two-column table (header, signature): each column read top to bottom.
    const leftColumn: string[] = [];
    const rightColumn: string[] = [];
    for (; i < foot; i++) {
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

/** One line of text, or one per table cell: a gap wider than two letters, or a gap where the page's right half begins. */
function cells(line: Item[], mid: number): Cell[] {
  const parts: Cell[] = [];
  let current: Cell | null = null;
  for (const item of line) {
    const gap = current ? item.x - current.x1 : 0;
    if (!current || gap > item.size * 2 || (current.x1 < mid && item.x >= mid - 1 && gap > item.size * 0.6)) {
      current = { text: item.str, x0: item.x, x1: item.x + item.width };
      parts.push(current);
      continue;
    }
    if (gap > item.size * 0.15 && !current.text.endsWith(' ') && !item.str.startsWith(' ')) current.text += ' ';
    current.text += item.str;
    current.x1 = item.x + item.width;
  }
  return parts.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text);
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | null = null;

/** pdfjs runs its worker in this thread: the worker module is imported here, so bundlers see it. */
function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}
