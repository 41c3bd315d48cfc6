/** What a commune writes in its report for one duty: statuses, results, figures, narrative, models. */
import type { ModelEntry, ReportContent, TaskEntry, TaskStatus } from '../../shared/reports/report-schemas';
import type { Rng } from './demo-random';
import { CAUSES, democracyLaw, DIRECTIONS, GENERAL_RESULTS, MODEL_TEMPLATES, NOT_DONE_REASONS, PROPOSALS, SHORTCOMINGS, type TaskTemplate } from './demo-texts';
import type { DemoCommune } from './demo-communes';

export interface CommuneProfile {
  commune: DemoCommune;
  /** 0.55–0.98: how reliably the commune reports on time and completely. */
  reliability: number;
  /** Scales its figures: a large ward has more visitors than a mountain commune. */
  size: number;
  /** Its "Dân vận khéo" model and the year it was registered, if it has one. */
  model: { template: (typeof MODEL_TEMPLATES)[number]; id: string; since: number; unitName: string } | null;
}

export interface ReportContext {
  year: number;
  kind: 'semiannual' | 'annual';
  dueDate: string;
  /** Task id → the template it was made from. */
  templateOf: Map<string, TaskTemplate>;
}

const weighted = <T extends string>(rng: Rng, options: [T, number][]): T => {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [value, w] of options) {
    x -= w;
    if (x < 0) return value;
  }
  return options[options.length - 1]![0];
};

function statusFor(rng: Rng, t: TaskTemplate, ctx: ReportContext, reliability: number): TaskStatus {
  const tf = t.timeframe(ctx.year);
  const slack = 1 - reliability; // 0.02–0.45
  if (ctx.kind === 'semiannual') {
    if (tf.kind === 'year') return weighted(rng, [['not_started', 0.3 + slack], ['in_progress', 0.45], ['done', 0.25]]);
    if (tf.kind === 'deadline' && tf.dueDate! <= ctx.dueDate) return weighted(rng, [['done', 0.7], ['done_late', 0.1 + slack / 2], ['in_progress', 0.2 + slack]]);
    if (tf.kind === 'deadline') return weighted(rng, [['in_progress', 0.7], ['not_started', 0.2 + slack], ['done', 0.1]]);
    return weighted(rng, [['in_progress', 0.65], ['done', 0.35 - slack / 2]]);
  }
  if (tf.kind === 'year') return weighted(rng, [['done', 0.8], ['done_late', 0.08], ['not_done', 0.04 + slack / 4], ['in_progress', 0.05 + slack / 3]]);
  if (tf.kind === 'deadline') return weighted(rng, [['done', 0.75], ['done_late', 0.15 + slack / 3], ['in_progress', 0.07], ['not_done', 0.02 + slack / 6]]);
  return weighted(rng, [['done', 0.86], ['in_progress', 0.12 + slack / 2], ['not_done', 0.01 + slack / 10]]);
}

export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

export function communeWords(c: DemoCommune): string {
  return `${c.kind === 'xa' ? 'xã' : 'phường'} ${c.place}`;
}

export function periodWords(kind: 'semiannual' | 'annual', year: number): string {
  return kind === 'semiannual' ? `6 tháng đầu năm ${year}` : `năm ${year}`;
}

function modelLevel(rng: Rng, years: number): ModelEntry['level'] {
  if (years <= 0) return 'dang_ky';
  if (years >= 3 && rng.chance(0.5)) return 'cong_nhan_tinh';
  return rng.chance(0.8) ? 'cong_nhan_xa' : 'dang_ky';
}

/** The report a commune sends for a duty: every task it carries, filled in. */
export function reportContent(rng: Rng, profile: CommuneProfile, ctx: ReportContext, taskIds: string[]): ReportContent {
  const { commune } = profile;
  const factor = (ctx.kind === 'annual' ? 2 : 1) * profile.size;
  const base = { xa: communeWords(commune), y: ctx.year, ky: periodWords(ctx.kind, ctx.year), law: democracyLaw(ctx.year) };
  const tasks: TaskEntry[] = taskIds.map((taskId) => {
    const t = ctx.templateOf.get(taskId);
    if (!t) return { taskId, status: 'in_progress', doneText: '', reason: '', figures: [], attachments: [] };
    const status = statusFor(rng, t, ctx, profile.reliability);
    const figures = status === 'not_started' || status === 'not_done'
      ? []
      : t.figures.filter(() => rng.chance(0.85)).map(([name, unit, min, max]) => ({ name, unit, value: Math.max(1, Math.round(rng.int(min, max) * factor)) }));
    const values = { ...base, a: figures[0]?.value ?? rng.int(2, 9), b: figures[1]?.value ?? rng.int(12, 240), c: rng.int(86, 100) };
    const doneText = status === 'done' || status === 'done_late' ? fillText(rng.pick(t.done), values) : status === 'in_progress' ? fillText(rng.pick(t.ongoing), values) : '';
    const reason = status === 'not_done' ? rng.pick(NOT_DONE_REASONS) : status === 'done_late' && rng.chance(0.5) ? 'Hoàn thành chậm so với thời hạn do khối lượng công việc lớn.' : '';
    return { taskId, status, doneText, reason, figures, attachments: [] };
  });
  const models: ModelEntry[] = [];
  const m = profile.model;
  if (m && m.since <= ctx.year && (ctx.kind === 'annual' || rng.chance(0.3))) {
    models.push({
      id: m.id,
      name: m.template.name,
      field: m.template.field,
      unitName: m.unitName,
      startDate: `${m.since}-03-15`,
      results: fillText(m.template.results, { a: rng.int(2, 40), b: rng.int(1, 12), c: rng.int(70, 99) }),
      level: modelLevel(rng, ctx.year - m.since),
    });
  }
  return {
    tasks,
    generalResults: fillText(rng.pick(GENERAL_RESULTS), base),
    shortcomings: rng.pick(SHORTCOMINGS),
    causes: rng.pick(CAUSES),
    directions: fillText(rng.pick(DIRECTIONS), base),
    proposals: rng.pick(PROPOSALS),
    models,
  };
}

/** The same report after the department returned it: figures added, texts completed, a status corrected. */
export function revisedContent(rng: Rng, content: ReportContent, note: string): ReportContent {
  const tasks = content.tasks.map((t) => ({ ...t, figures: t.figures.map((f) => ({ ...f })) }));
  const target = tasks.find((t) => t.status === 'in_progress' && t.doneText) ?? tasks.find((t) => t.doneText) ?? tasks[0];
  if (target) {
    target.doneText = `${target.doneText}${note}`.trim();
    if (target.status === 'in_progress' && rng.chance(0.4)) target.status = 'done';
    if (target.figures[0]) target.figures[0].value += rng.int(1, 9);
  }
  return { ...content, tasks, generalResults: content.generalResults || 'Đã bổ sung theo yêu cầu.', shortcomings: content.shortcomings || SHORTCOMINGS[0]! };
}
