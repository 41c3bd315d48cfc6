import mammoth from 'mammoth';
import { AppError } from '../../app-error';

/**
 * Word (.docx) through mammoth's HTML, so footnotes come back: their marks stay in the text as
 * digits after the word (as in text copied from Word) and their text follows a rule at the end.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
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
  const text = htmlText(body);
  return notes.length ? `${text}\n${'_'.repeat(20)}\n${notes.join('\n')}\n` : text;
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
