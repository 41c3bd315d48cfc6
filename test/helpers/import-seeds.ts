import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ParsedPlan } from '../../shared/import/parsed-plan';
import { PlanContent, type UnitRef } from '../../shared/plans/plan-schemas';
import { foldVietnamese } from '../../shared/text/fold';
import * as skhcn from '../fixtures/plans/skhcn-2025';
import * as vp from '../fixtures/plans/vp-ubnd-tinh-2025';
import * as xa from '../fixtures/plans/xa-binh-chuong-2026';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

/** The three real plans: their text, the expected parse written by hand, and the plan as a clerk typed it. */
export const IMPORT_SEEDS = [
  { name: 'xa-binh-chuong-2026', textFile: 'ubnd-xa-binh-chuong-2026.txt', plan: xa },
  { name: 'vp-ubnd-tinh-2025', textFile: 'vp-ubnd-tinh-2025.txt', plan: vp },
  { name: 'skhcn-2025', textFile: 'skhcn-2025-tu-nay-den-cuoi-nam.txt', plan: skhcn },
] as const;
export type ImportSeed = (typeof IMPORT_SEEDS)[number];

export interface ExpectedPlan {
  documentNumber: string | null;
  issueDate: string | null;
  issuer: string | null;
  title: string;
  year: number;
  signerTitle: string | null;
  signerName: string | null;
  tasksHeading: string;
  tasks: { ordinal: string; directing: string[]; lead: string[]; coordinating: string[]; implementing: string[]; timeframe: { kind: string; year?: number; dueDate?: string }; subtasks?: { label: string; bodyStart: string }[] }[];
  reportingDeadlines: { kind: string; dueDate: string }[];
  recipients: string[];
  footnoteStarts: string[];
}

export function seedText(seed: ImportSeed): string {
  return fs.readFileSync(path.join(fixtures, 'seeds', seed.textFile), 'utf8');
}

export function expectedFor(seed: ImportSeed): ExpectedPlan {
  return JSON.parse(fs.readFileSync(path.join(fixtures, 'import', `${seed.name}.expected.json`), 'utf8')) as ExpectedPlan;
}

/** The seed as typed in by hand (test/fixtures/plans), unit references kept as names. */
export function typedContent(seed: ImportSeed): PlanContent {
  const ref = (name: string, note = ''): UnitRef => ({ type: 'external', name, note });
  let n = 0;
  return PlanContent.parse(seed.plan.planContent(ref, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`));
}

export const squash = (s: string) => s.replace(/\[\^\d+\]/g, '').replace(/\s+/g, ' ').trim();

/** Every field the issue names, compared with the hand-written expectation; bodies with the hand-typed plan. */
export function expectParsedLike(plan: ParsedPlan, seed: ImportSeed, overrides: Partial<ExpectedPlan> = {}, options: { foldUnits?: boolean } = {}): void {
  const units = (names: string[]) => (options.foldUnits ? names.map(foldVietnamese) : names);
  const expected = { ...expectedFor(seed), ...overrides };
  const typed = typedContent(seed);
  expect({
    documentNumber: plan.documentNumber,
    issueDate: plan.issueDate,
    issuer: plan.issuer,
    title: plan.title && squash(plan.title),
    year: plan.year,
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    tasksHeading: plan.tasksHeading,
  }).toEqual({
    documentNumber: expected.documentNumber,
    issueDate: expected.issueDate,
    issuer: expected.issuer,
    title: expected.title,
    year: expected.year,
    signerTitle: expected.signerTitle,
    signerName: expected.signerName,
    tasksHeading: expected.tasksHeading,
  });
  expect(plan.tasks.map((t) => t.ordinal)).toEqual(expected.tasks.map((t) => t.ordinal));
  plan.tasks.forEach((task, i) => {
    const want = expected.tasks[i]!;
    expect({ directing: units(task.directing), lead: units(task.lead), coordinating: units(task.coordinating), implementing: units(task.implementing) }, `nhiệm vụ ${task.ordinal}`).toEqual({
      directing: units(want.directing),
      lead: units(want.lead),
      coordinating: units(want.coordinating),
      implementing: units(want.implementing),
    });
    expect({ kind: task.timeframe.kind, year: task.timeframe.year, dueDate: task.timeframe.dueDate }, `thời gian nhiệm vụ ${task.ordinal}`).toEqual({ kind: want.timeframe.kind, year: want.timeframe.year, dueDate: want.timeframe.dueDate });
    expect(squash(task.body), `nội dung nhiệm vụ ${task.ordinal}`).toBe(squash(typed.tasks[i]!.body));
    if (want.subtasks) {
      expect(task.subtasks.map((s) => s.label)).toEqual(want.subtasks.map((s) => s.label));
      task.subtasks.forEach((s, j) => expect(s.body.startsWith(want.subtasks![j]!.bodyStart), s.body.slice(0, 60)).toBe(true));
      expect(task.subtasks.map((s) => squash(s.body))).toEqual(typed.tasks[i]!.subItems.map((s) => squash(s.body)));
    }
  });
  expect(plan.reportingDeadlines.map((d) => ({ kind: d.kind, dueDate: d.dueDate }))).toEqual(expected.reportingDeadlines);
  expect(plan.recipients).toEqual(expected.recipients);
  expect(plan.footnotes.map((f, i) => f.text.startsWith(expected.footnoteStarts[i] ?? '\u0000'))).toEqual(expected.footnoteStarts.map(() => true));
}

/** Removes every diacritic, as a scan that lost them would. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Every string in a value folded (no diacritics, lower case), for comparing a scan with its original. */
export function folded(value: unknown): unknown {
  if (typeof value === 'string') return foldVietnamese(value);
  if (Array.isArray(value)) return value.map(folded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, folded(v)]));
  return value;
}
