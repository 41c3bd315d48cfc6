import mammoth from 'mammoth';
import { chromium } from 'playwright-core';
import { planDocx } from '../../core/documents/plan-docx';
import type { PlanContent } from '../../shared/plans/plan-schemas';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { printA4 } from './plan-print';
import { typedContent, type ImportSeed } from './import-seeds';

/** The seed as an issued plan: number and date filled in, so the header has them. */
export function issuedContent(seed: ImportSeed): PlanContent {
  const content = typedContent(seed);
  return { ...content, number: '7', issueDate: `${content.year}-03-04` };
}

/** A Nghị định 30 .docx of the seed, written by the app's own exporter (the docx library). */
export function seedDocx(seed: ImportSeed): Promise<Buffer> {
  return planDocx(issuedContent(seed), (ref) => (ref.type === 'external' ? ref.name : '?'));
}

/**
 * A PDF with a text layer made from that .docx: mammoth's HTML printed by Chromium, the header and
 * signature tables in two columns and the footnotes in small print at the foot, as Word prints them.
 */
export async function seedPdf(docx: Buffer): Promise<Buffer> {
  const html = (await mammoth.convertToHtml({ buffer: docx })).value
    .replace(/<sup><a href="#footnote-\d+" id="footnote-ref-\d+">\[(\d+)\]<\/a><\/sup>/g, '<sup style="font-size:9pt">$1</sup>')
    .replace(/<ol>\s*((?:<li id="footnote-\d+">[\s\S]*?<\/li>\s*)+)<\/ol>\s*$/, (_all, items: string) => {
      const notes = [...items.matchAll(/<li id="footnote-(\d+)">([\s\S]*?)<\/li>/g)].map((m) => `<p>${m[1]} ${m[2]!.replace(/<a href="#footnote-ref-\d+">↑<\/a>/g, '').replace(/<\/?p>/g, '')}</p>`);
      return `<hr style="width:30%;margin-left:0"><div style="font-size:10pt">${notes.join('')}</div>`;
    });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    return await printA4(page, 'table{width:100%}td{vertical-align:top;width:50%}p{margin:4pt 0}', html);
  } finally {
    await browser.close();
  }
}

/** The seed's first `taskCount` tasks as its .docx: a short plan from above for a long scenario. */
export function shortSeedDocx(seed: ImportSeed, taskCount: number): Promise<Buffer> {
  const content = issuedContent(seed);
  return planDocx({ ...content, tasks: content.tasks.slice(0, taskCount) }, (ref) => (ref.type === 'external' ? ref.name : '?'));
}
