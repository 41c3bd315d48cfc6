import fs from 'node:fs';
import path from 'node:path';
import type { ParsedPlan } from '../../shared/import/parsed-plan';
import { foldVietnamese } from '../../shared/text/fold';
import { IMPORT_SEEDS } from './import-seeds';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

/** What a fixture's expected parse says about the fields the issue measures (test/fixtures/import/*.expected.json). */
export interface ScoredExpectation {
  documentNumber?: string | null;
  issueDate?: string | null;
  signerName?: string | null;
  tasks: { ordinal: string; directing: string[]; lead: string[]; coordinating: string[]; implementing: string[]; timeframe: Record<string, unknown> }[];
  reportingDeadlines: { kind: string; dueDate: string }[];
}

export interface ParserFixture {
  name: string;
  text: string;
  /** The text is a scan's OCR (the name ends in "-scan"): the parser is told so. */
  ocr: boolean;
  expected: ScoredExpectation & Record<string, unknown>;
}

/**
 * Every plan in test/fixtures/import with its text in test/fixtures/seeds (the three seeds keep their own file
 * names); or, given `dir`, every NAME.expected.json there with its NAME.txt beside it (plans kept out of the
 * repository to measure the parser on what it was not tuned on: bench/plan-accuracy.ts --fixtures DIR).
 */
export function parserFixtures(dir?: string): ParserFixture[] {
  const seedFiles = new Map<string, string>(IMPORT_SEEDS.map((s) => [s.name, s.textFile]));
  const answers = dir ?? path.join(fixtures, 'import');
  return fs
    .readdirSync(answers)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      const textFile = dir ? path.join(dir, `${name}.txt`) : path.join(fixtures, 'seeds', seedFiles.get(name) ?? `${name}.txt`);
      return { name, text: fs.readFileSync(textFile, 'utf8'), ocr: name.endsWith('-scan'), expected: JSON.parse(fs.readFileSync(path.join(answers, f), 'utf8')) as ParserFixture['expected'] };
    });
}

export interface FieldScore {
  right: number;
  total: number;
  /** What was wrong, one line each ("nhiệm vụ 3: thời gian …"), for the test's message. */
  misses: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The two ways of placing a tone in "oa", "oe", "uy" at a word's end: "hoá" and "hóa", "Thuỷ" and "Thủy" are one word ("quý" keeps its). */
const OLD_TONE_PLACE = /(?<![qQ])([oOuU])([áàảãạéèẻẽẹýỳỷỹỵÁÀẢÃẠÉÈẺẼẸÝỲỶỸỴ])(?!\p{L})/gu;
function toneOnFirstVowel(name: string): string {
  return name.replace(OLD_TONE_PLACE, (_, first: string, toned: string) => {
    const [base, ...marks] = toned.normalize('NFD');
    return `${`${first}${marks.join('')}`.normalize('NFC')}${base}`;
  });
}

/**
 * Fields right out of fields expected, as the issue counts them: number, date, signer, task count, each
 * task's timeframe and its unit lists, each reporting deadline (one read that is not in the plan counts wrong).
 */
export function scorePlan(plan: ParsedPlan, expected: ScoredExpectation, options: { foldNames?: boolean } = {}): FieldScore {
  // a dash between words is one sign whatever its length ("Văn hóa – Xã hội" is the unit "Văn hóa - Xã hội": a scan
  // cannot tell an en dash from a hyphen); a scan that lost diacritics reads the names without them: compared folded
  const names = (list: string[]) => list.map((name) => toneOnFirstVowel(name.replace(/\s[-–—]\s/g, ' - '))).map((name) => (options.foldNames ? foldVietnamese(name) : name));
  const score: FieldScore = { right: 0, total: 0, misses: [] };
  const check = (ok: boolean, what: string) => {
    score.total += 1;
    if (ok) score.right += 1;
    else score.misses.push(what);
  };
  if (expected.documentNumber !== undefined) check(plan.documentNumber === expected.documentNumber, `số: ${plan.documentNumber}`);
  if (expected.issueDate !== undefined) check(plan.issueDate === expected.issueDate, `ngày: ${plan.issueDate}`);
  if (expected.signerName !== undefined) check(same(names([plan.signerName ?? '']), names([expected.signerName ?? ''])), `người ký: ${plan.signerName}`);
  check(plan.tasks.length === expected.tasks.length, `số nhiệm vụ: ${plan.tasks.length}`);
  expected.tasks.forEach((want, i) => {
    const task = plan.tasks.find((t) => t.ordinal === want.ordinal) ?? plan.tasks[i];
    const timeframe = task && Object.fromEntries(Object.keys(want.timeframe).map((k) => [k, (task.timeframe as Record<string, unknown>)[k]]));
    check(!!task && same(timeframe, want.timeframe), `nhiệm vụ ${want.ordinal}: thời gian ${JSON.stringify(task?.timeframe)}`);
    const units = task && { directing: names(task.directing), lead: names(task.lead), coordinating: names(task.coordinating), implementing: names(task.implementing) };
    check(!!task && same(units, { directing: names(want.directing), lead: names(want.lead), coordinating: names(want.coordinating), implementing: names(want.implementing) }), `nhiệm vụ ${want.ordinal}: đơn vị ${JSON.stringify(units)}`);
  });
  const read = plan.reportingDeadlines.map((d) => `${d.kind} ${d.dueDate}`);
  for (const d of expected.reportingDeadlines) {
    const at = read.indexOf(`${d.kind} ${d.dueDate}`);
    check(at >= 0, `hạn báo cáo ${d.kind} ${d.dueDate} không thấy`);
    if (at >= 0) read.splice(at, 1);
  }
  for (const extra of read) check(false, `hạn báo cáo thừa: ${extra}`);
  return score;
}
