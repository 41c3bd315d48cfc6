/**
 * `npx tsx bench/plan-accuracy.ts [--fixtures DIR] [--forms text,docx,pdf,clean,worn] [--only NAME] [--keep DIR]`:
 * the parser's fields right on plans in every form they arrive in, scored as test/unit/plan-parser-score.test.ts
 * scores text (number, date, signer, task count, each task's timeframe and units, reporting deadlines). Each
 * plan's text is read as it is (text), as a .docx holding it (docx, test/helpers/text-docx.ts), printed on A4
 * by Chromium as a PDF with a text layer (pdf, test/helpers/plan-print.ts), and that PDF rasterised at 200 dpi
 * by pdftoppm and read as an image-only PDF by the app's reader (pdfjs-dist, tesseract.js, the layout): as a
 * clean scan, and as a phone photo of a worn copy (turned 1–2°, specks, a grey cast, strong JPEG;
 * test/helpers/scan-noise.ts). Scans' names are compared as printed and with diacritics folded.
 * The plans are test/fixtures/import's, or with `--fixtures DIR` every NAME.expected.json + NAME.txt there:
 * plans kept out of the repository, to measure what the parser was not tuned on. `--keep DIR` keeps each
 * OCR text (DIR/NAME.clean.txt, .worn.txt) and reuses it on the next run: a parser change is then measured
 * in a second, without OCR. Issue 19's goals: 95% for text, .docx and PDF, 92% for scans. Not part of
 * `npm test` (minutes of OCR); figures in docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlanText } from '../core/import/parser/parse-plan';
import { readSource } from '../core/import/readers/read-source';
import { parserFixtures, scorePlan } from '../test/helpers/parser-score';
import { printedPlanPdfs } from '../test/helpers/plan-print';
import { wornPhoto } from '../test/helpers/scan-noise';
import { imagePdf } from '../test/helpers/scan-pdf';
import { textDocx } from '../test/helpers/text-docx';

const FORMS = { text: 'Văn bản', docx: 'Tệp Word', pdf: 'PDF có lớp chữ', clean: 'Bản quét sạch', worn: 'Ảnh chụp nghiêng, bẩn' } as const;
type Form = keyof typeof FORMS;

const { values } = parseArgs({ options: { fixtures: { type: 'string' }, forms: { type: 'string', default: Object.keys(FORMS).join(',') }, only: { type: 'string' }, keep: { type: 'string' } } });
const forms = values.forms.split(',').filter((f): f is Form => f in FORMS);
const fixtures = parserFixtures(values.fixtures && path.resolve(values.fixtures)).filter((f) => !values.only || f.name === values.only);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-plan-accuracy-'));
const needsPdf = forms.some((f) => f === 'pdf' || f === 'clean' || f === 'worn');
const pdfs = needsPdf ? await printedPlanPdfs(fixtures.map((f) => f.text)) : [];
const started = performance.now();
const totals = new Map(forms.map((form) => [form, { exact: 0, folded: 0, total: 0 }]));

/** The scan's pages as JPEGs: clean at 200 dpi, or worn as a phone photo of a worn copy. */
function scannedPages(dir: string, pdf: Buffer): Buffer[] {
  fs.writeFileSync(path.join(dir, 'plan.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-jpeg', '-jpegopt', 'quality=75', path.join(dir, 'plan.pdf'), path.join(dir, 'p')]);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
}

/** The text the app reads from the plan in that form. */
async function readAs(form: Form, fixture: (typeof fixtures)[number], i: number, dir: string): Promise<string> {
  if (form === 'text') return fixture.text;
  if (form === 'docx') return (await readSource(await textDocx(fixture.text), `${fixture.name}.docx`)).text;
  if (form === 'pdf') return (await readSource(pdfs[i]!, `${fixture.name}.pdf`)).text;
  const keptFile = values.keep && path.join(values.keep, `${fixture.name}.${form}.txt`);
  if (keptFile && fs.existsSync(keptFile)) return fs.readFileSync(keptFile, 'utf8');
  const clean = scannedPages(dir, pdfs[i]!);
  const pages = form === 'clean' ? clean : await Promise.all(clean.map((jpeg, p) => wornPhoto(jpeg, { degrees: p % 2 ? -1.2 : 1.8, seed: 19 + p })));
  const text = (await readSource(imagePdf(pages), 'scan.pdf')).text;
  if (keptFile) {
    fs.mkdirSync(values.keep!, { recursive: true });
    fs.writeFileSync(keptFile, text);
  }
  return text;
}

for (const [i, fixture] of fixtures.entries()) {
  const dir = path.join(work, fixture.name);
  fs.mkdirSync(dir);
  for (const form of forms) {
    const scanned = form === 'clean' || form === 'worn';
    const plan = parsePlanText(await readAs(form, fixture, i, dir), { ocr: scanned || fixture.ocr }).plan;
    // names on a scan (or a fixture that is a scan's text) compared folded as well: the review matches them to the office's units so
    const exact = scorePlan(plan, fixture.expected, { foldNames: !scanned && fixture.ocr });
    const folded = scorePlan(plan, fixture.expected, { foldNames: true });
    const total = totals.get(form)!;
    total.exact += exact.right;
    total.folded += folded.right;
    total.total += exact.total;
    console.log(`${fixture.name.padEnd(36)} ${FORMS[form].padEnd(22)} ${exact.right}/${exact.total}${scanned ? ` (bỏ dấu: ${folded.right})` : ''}${exact.misses.length ? `\n  ${exact.misses.join('\n  ')}` : ''}`);
  }
}
for (const [form, { exact, folded, total }] of totals) {
  const scanned = form === 'clean' || form === 'worn';
  console.log(`${FORMS[form]}: ${exact}/${total} = ${((exact / total) * 100).toFixed(1)}%${scanned ? `, ${((folded / total) * 100).toFixed(1)}% (bỏ dấu)` : ''}`);
}
console.log(`${fixtures.length} kế hoạch, ${((performance.now() - started) / 1000).toFixed(0)} s, ${os.availableParallelism()} lõi`);
fs.rmSync(work, { recursive: true, force: true });
