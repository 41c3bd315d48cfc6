/**
 * `npx tsx bench/ocr-accuracy.ts [--only NAME] [--keep DIR]`: the parser's fields right on scans, through real OCR. Every
 * fixture plan of test/fixtures/import is printed on A4 (test/helpers/plan-print.ts), rasterised at 200 dpi
 * by pdftoppm, and read as an image-only PDF by the app's reader (pdfjs-dist, tesseract.js, the layout) and
 * parser in OCR mode, twice: as a clean scan, and as a phone photo of a worn copy (turned 1–2°, specks, a grey
 * cast, strong JPEG; test/helpers/scan-noise.ts). Scored as test/unit/plan-parser-score.test.ts scores text
 * (number, date, signer, task count, each task's timeframe and units, reporting deadlines), names compared
 * as printed and with diacritics folded. `--keep DIR` keeps each OCR text (DIR/NAME.clean.txt, .worn.txt) and
 * reuses it on the next run: a parser change is then measured in a second, without OCR. Issue 19's goal for scans: 92%. Not part of `npm test` (minutes of
 * OCR); figures in docs/performance.md.
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

const { values } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'string' } } });
const fixtures = parserFixtures().filter((f) => !values.only || f.name === values.only);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-ocr-accuracy-'));
const pdfs = await printedPlanPdfs(fixtures.map((f) => f.text));
const started = performance.now();
const totals = { clean: { exact: 0, folded: 0, total: 0 }, worn: { exact: 0, folded: 0, total: 0 } };
for (const [i, fixture] of fixtures.entries()) {
  const kept = (kind: string) => values.keep && path.join(values.keep, `${fixture.name}.${kind}.txt`);
  const dir = path.join(work, fixture.name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'plan.pdf'), pdfs[i]!);
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-jpeg', '-jpegopt', 'quality=75', path.join(dir, 'plan.pdf'), path.join(dir, 'p')]);
  const clean = fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
  const worn = await Promise.all(clean.map((jpeg, p) => wornPhoto(jpeg, { degrees: p % 2 ? -1.2 : 1.8, seed: 19 + p })));
  for (const [kind, pages] of [['clean', clean], ['worn', worn]] as const) {
    const keptFile = kept(kind);
    let text: string;
    if (keptFile && fs.existsSync(keptFile)) text = fs.readFileSync(keptFile, 'utf8');
    else {
      text = (await readSource(imagePdf(pages), 'scan.pdf')).text;
      if (keptFile) {
        fs.mkdirSync(values.keep!, { recursive: true });
        fs.writeFileSync(keptFile, text);
      }
    }
    const plan = parsePlanText(text, { ocr: true }).plan;
    const exact = scorePlan(plan, fixture.expected);
    const folded = scorePlan(plan, fixture.expected, { foldNames: true });
    totals[kind].exact += exact.right;
    totals[kind].folded += folded.right;
    totals[kind].total += exact.total;
    console.log(`${fixture.name.padEnd(30)} ${kind === 'clean' ? 'sạch ' : 'nghiêng, bẩn'}\t${pages.length} trang\t${exact.right}/${exact.total} (bỏ dấu: ${folded.right})${exact.misses.length ? `\n  ${exact.misses.join('\n  ')}` : ''}`);
  }
}
for (const [kind, { exact, folded, total }] of Object.entries(totals)) {
  console.log(`${kind === 'clean' ? 'Bản quét sạch' : 'Ảnh chụp nghiêng, bẩn'}: ${exact}/${total} = ${((exact / total) * 100).toFixed(1)}% (so cả dấu), ${((folded / total) * 100).toFixed(1)}% (bỏ dấu)`);
}
console.log(`${((performance.now() - started) / 1000).toFixed(0)} s OCR, ${os.availableParallelism()} lõi`);
fs.rmSync(work, { recursive: true, force: true });
