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
    const pages: string[] = [];
    let letters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str) continue;
        const [a, b, , d, x, y] = raw.transform as number[];
        items.push({ str: raw.str, x: x!, y: y!, width: raw.width, size: Math.hypot(a!, b!) || Math.abs(d!) || raw.height });
        letters += raw.str.replace(/\s/g, '').length;
      }
      pages.push(pageText(items));
      page.cleanup();
    }
    if (letters < 40) {
      throw new AppError('VALIDATION', 'Tệp PDF này là bản quét (ảnh) không có lớp chữ nên không đọc được nội dung. Hãy dùng bản Word, bản PDF có chữ, hoặc dán nội dung văn bản.');
    }
    return pages.join('\n\f');
  } finally {
    await doc.destroy();
  }
}

function pageText(items: Item[]): string {
  if (!items.length) return '';
  const sizes = items.map((i) => i.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)]!;
  // Lines: items whose baselines are within half a letter, top of the page first.
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y - item.y) < Math.max(l[0]!.size, item.size) * 0.45);
    if (line) line.push(item);
    else lines.push([item]);
  }
  const out: string[] = [];
  let footnotes = false;
  const lowest = Math.min(...items.map((i) => i.y));
  const highest = Math.max(...items.map((i) => i.y));
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    const size = Math.max(...line.map((i) => i.size));
    const inLowerThird = line[0]!.y < lowest + (highest - lowest) / 3;
    if (!footnotes && size < body * 0.88 && inLowerThird && /^\s*\d{1,2}\s*\S/.test(line.map((i) => i.str).join(''))) {
      footnotes = true;
      out.push('_'.repeat(20));
    }
    out.push(...cells(line));
  }
  return out.join('\n');
}

/** One line of text, or one per table cell when a gap wider than four letters separates them. */
function cells(line: Item[]): string[] {
  const parts: string[] = [];
  let current = '';
  let end = -Infinity;
  for (const item of line) {
    const gap = item.x - end;
    if (current && gap > item.size * 4) {
      parts.push(current.trim());
      current = '';
    } else if (current && gap > item.size * 0.15 && !current.endsWith(' ') && !item.str.startsWith(' ')) {
      current += ' ';
    }
    current += item.str;
    end = item.x + item.width;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
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
