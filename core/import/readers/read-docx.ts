import mammoth from 'mammoth';
import { AppError } from '../../app-error';
import { zipDirectory } from './zip-directory';

const MB = 1024 * 1024;
/** What a plan's .docx may declare once inflated: a 100-page plan's document.xml is about 2 MB. */
export const DOCX_LIMITS = { partBytes: 20 * MB, totalBytes: 60 * MB, ratio: 100, ratioFromBytes: 1 * MB } as const;

/**
 * Word (.docx) through mammoth's HTML, so footnotes come back: their marks stay in the text as
 * digits after the word (as in text copied from Word) and their text follows a rule at the end.
 * A zip bomb is refused from its directory first, before anything is inflated.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  checkDeclaredSizes(bytes);
  let html: string;
  try {
    // Images are left out (the text is all we keep): mammoth would otherwise inline each as base64.
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) });
    html = result.value;
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp Word: tệp bị hỏng hoặc không phải .docx.');
  }
  const notes: string[] = [];
  const body = html
    .replace(/<ol>\s*(<li id="footnote-\d+">[\s\S]*?<\/li>\s*)+<\/ol>\s*$/, (list) => {
      for (const m of list.matchAll(/<li id="footnote-(\d+)">([\s\S]*?)<\/li>/g)) notes.push(`${m[1]} ${htmlText(m[2]!.replace(/<a href="#footnote-ref-\d+">↑<\/a>/g, '')).replace(/\s+/g, ' ').trim()}`);
      return '';
    })
    .replace(/<sup><a href="#footnote-\d+" id="footnote-ref-\d+">\[(\d+)\]<\/a><\/sup>/g, '$1');
  const text = htmlText(body.replace(/<table>([\s\S]*?)<\/table>/g, (table, inner: string) => tableRows(inner) ?? table));
  return notes.length ? `${text}\n${'_'.repeat(20)}\n${notes.join('\n')}\n` : text;
}

/** The sizes the zip's directory declares, against DOCX_LIMITS: one Vietnamese sentence naming what is wrong. */
function checkDeclaredSizes(bytes: Uint8Array): void {
  const entries = zipDirectory(bytes) ?? [];
  const refuse = (what: string) => new AppError('VALIDATION', `${what}: tệp bị hỏng hoặc không phải một văn bản kế hoạch, nên không đọc.`);
  const mb = (n: number) => `${Math.round(n / MB).toLocaleString('vi-VN')} MB`;
  for (const entry of entries) {
    if (entry.size > DOCX_LIMITS.partBytes) throw refuse(`Tệp Word có phần nội dung giải nén quá lớn (${entry.name}: ${mb(entry.size)}, tối đa ${mb(DOCX_LIMITS.partBytes)})`);
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > DOCX_LIMITS.totalBytes) throw refuse(`Tệp Word giải nén ra quá lớn (${mb(total)}, tối đa ${mb(DOCX_LIMITS.totalBytes)})`);
  for (const entry of entries) {
    const ratio = entry.size / Math.max(entry.packed, 1);
    if (entry.size > DOCX_LIMITS.ratioFromBytes && ratio > DOCX_LIMITS.ratio) {
      throw refuse(`Tệp Word có phần nội dung nén bất thường (${entry.name} nén ${Math.round(ratio).toLocaleString('vi-VN')} lần, tối đa ${DOCX_LIMITS.ratio} lần)`);
    }
  }
}

/**
 * A table of three columns or more (a plan's task table: TT, Nội dung, Đơn vị chủ trì, … Thời gian) as one
 * line a row, its cells parted by tabs, as text copied from Word gives it; the parser reads such rows as
 * tasks. Two-column tables (the header, the signature) are left to be read cell by cell.
 */
function tableRows(inner: string): string | null {
  const rows = [...inner.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => htmlText(cell[1]!).replace(/\s+/g, ' ').trim()));
  if (Math.max(0, ...rows.map((r) => r.length)) < 3) return null;
  return `<p>${rows.map((cells) => cells.join('\t')).join('</p><p>')}</p>`;
}

function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|h\d|li|tr|td|th)>/g, '\n')
    .replace(/<li>/g, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e]!)
    .replace(/\n{3,}/g, '\n\n');
}
