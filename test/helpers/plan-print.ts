import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

/** HTML printed on A4 as an office prints a plan: serif 13 pt, Nghị định 30's margins; `css` for its own blocks. */
export async function printA4(page: Page, css: string, html: string): Promise<Buffer> {
  await page.setContent(`<html><body style="font-family:'DejaVu Serif',serif;font-size:13pt"><style>${css}</style>${html}</body></html>`);
  return page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '30mm', right: '15mm' } });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A plan's text printed on A4 as an office prints it: serif 13 pt, Nghị định 30 margins, a line with tabs
 * (the header's two columns, the signature beside the recipients, a web page's metadata row) as a table
 * row, a line laid out in columns by runs of spaces as columns side by side, a page number centred, a blank line as the space between paragraphs. For measuring OCR on fixtures that exist only as text.
 */
export async function printedPlanPdfs(texts: string[]): Promise<Buffer[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const pdfs: Buffer[] = [];
    for (const text of texts) {
      const html: string[] = [];
      let table: string[][] = [];
      const flush = () => {
        if (table.length) html.push(`<table>${table.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</table>`);
        table = [];
      };
      const lines = text.replace(/\f/g, '\n').split('\n');
      for (const [i, line] of lines.entries()) {
        const row = table[table.length - 1];
        // a cell of several paragraphs, as text copied from a Word table gives it: the row's cells go on over
        // lines until the row has as many as the table's first, or the line sits between two rows
        const goesOn = row && line.trim() && (row.length < table[0]!.length || (!line.includes('\t') && lines[i + 1]?.includes('\t')));
        if (goesOn) {
          const [first, ...rest] = line.split('\t');
          row[row.length - 1] += `<br>${escape(first!.trim())}`;
          row.push(...rest.map((cell) => escape(cell.trim())));
        } else if (line.includes('\t')) table.push(line.split('\t').map((cell) => escape(cell.trim())));
        else if (/\S {6,}\S/.test(line.trim())) {
          // text laid out like its page: columns kept apart by runs of spaces, printed side by side, each half the page
          flush();
          html.push(`<table class="halves"><tr>${line.trim().split(/ {6,}/).map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr></table>`);
        } else {
          flush();
          // a page number ("- 3 -") centred, as Nghị định 30 places it
          const centred = /^-\s*\d{1,3}\s*-$/.test(line.trim()) ? ' style="text-align:center"' : '';
          html.push(line.trim() ? `<p${centred}>${escape(line.trim())}</p>` : '<div style="height:6pt"></div>');
        }
      }
      flush();
      pdfs.push(await printA4(page, 'table{width:100%;border-collapse:collapse}table.halves{table-layout:fixed}td{vertical-align:top;padding:0 4pt}p{margin:2pt 0;text-align:justify}', html.join('\n')));
    }
    return pdfs;
  } finally {
    await browser.close();
  }
}
