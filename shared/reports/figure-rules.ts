import type { Indicator, IndicatorKind } from '../plans/plan-schemas';
import { foldVietnamese } from '../text/fold';
import type { FigureRow } from './figure-problems';
import { lowerFirst } from '../text/letter-case';

/**
 * The rules a figure obeys, resolved by the indicator's name: what the report editor checks live, the
 * reviewer sees and reports.submit enforces. One rule set for the renderer and the services.
 */
export interface IndicatorRule {
  name: string;
  unit: string;
  kind: IndicatorKind;
  /** The name of the indicator this one is a part of (cannot exceed it within a task), or null. */
  partOf: string | null;
}

/** The indicators every new plan offers, with their rules; also the rules of these names in older plans. */
export const BUILT_IN_INDICATORS: readonly IndicatorRule[] = [
  { name: 'Số cuộc đối thoại', unit: 'cuộc', kind: 'count', partOf: null },
  { name: 'Số lượt tiếp công dân', unit: 'lượt', kind: 'count', partOf: null },
  { name: 'Số đơn thư tiếp nhận', unit: 'đơn', kind: 'count', partOf: null },
  { name: 'Số đơn thư đã giải quyết', unit: 'đơn', kind: 'count', partOf: 'Số đơn thư tiếp nhận' },
  { name: 'Tỉ lệ đơn thư được giải quyết', unit: '%', kind: 'percentage', partOf: null },
  { name: 'Số lớp tập huấn', unit: 'lớp', kind: 'count', partOf: null },
  { name: 'Số người tham gia', unit: 'người', kind: 'count', partOf: null },
  { name: 'Số hội nghị tuyên truyền', unit: 'hội nghị', kind: 'count', partOf: null },
  { name: 'Số mô hình "Dân vận khéo"', unit: 'mô hình', kind: 'count', partOf: null },
];

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  count: 'Số nguyên ≥ 0',
  percentage: 'Tỉ lệ % (0–100)',
  quantity: 'Số ≥ 0, có thể lẻ',
};

const key = (name: string) => foldVietnamese(name);
const builtIn = new Map(BUILT_IN_INDICATORS.map((r) => [key(r.name), r]));

/** A kind nobody declared: the built-in one of that name, a percentage when measured in %, else a quantity. */
function kindOf(name: string, unit: string): IndicatorKind {
  return builtIn.get(key(name))?.kind ?? (unit.trim() === '%' || /^t[iỉỷy] l[eệ]/i.test(name.trim()) ? 'percentage' : 'quantity');
}

/** A plan's catalogue as rules: declared kinds and parts, or else those of the built-in indicator of that name. */
export function indicatorRules(indicators: readonly Indicator[]): IndicatorRule[] {
  const nameOf = new Map(indicators.map((i) => [i.id, i.name]));
  return indicators.map((i) => ({
    name: i.name,
    unit: i.unit,
    kind: i.kind ?? kindOf(i.name, i.unit),
    partOf: i.partOf !== undefined ? (i.partOf ? nameOf.get(i.partOf) ?? null : null) : builtIn.get(key(i.name))?.partOf ?? null,
  }));
}

/**
 * The indicators as a plan bundle carries them: an indicator's declared kind and part are left out where its
 * name gives the same rule anyway (the built-in indicators, a "%" unit), so that installations older than
 * those fields, which refuse a field they do not know, still read a plan that uses no rule of its own.
 */
export function withoutImpliedRules(indicators: readonly Indicator[]): Indicator[] {
  const declared = indicatorRules(indicators);
  return indicators.map((indicator, i) => {
    const { kind: _kind, partOf: _partOf, ...bare } = indicator;
    const implied = indicatorRules(indicators.map((other, j) => (j === i ? bare : other)))[i]!;
    return implied.kind === declared[i]!.kind && implied.partOf === declared[i]!.partOf ? bare : indicator;
  });
}

/** The rule of a figure by its name: the plan's indicator, else the built-in one; none for a name typed freely. */
export function ruleOf(rules: readonly IndicatorRule[], name: string): IndicatorRule | null {
  const k = key(name);
  return rules.find((r) => key(r.name) === k) ?? builtIn.get(k) ?? null;
}

/** 1.234,5 as a Vietnamese office writes it. */
export function formatFigure(value: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

const filled = (row: FigureRow): row is FigureRow & { value: number } => typeof row.value === 'number' && !Number.isNaN(row.value) && row.name.trim() !== '';

/** What one value breaks of its indicator's kind, or null. */
function kindProblem(rule: IndicatorRule, value: number): string | null {
  if (value < 0) return 'không được âm';
  if (rule.kind === 'count' && !Number.isInteger(value)) return 'phải là số nguyên';
  if (rule.kind === 'percentage' && value > 100) return 'là tỉ lệ phần trăm, phải từ 0 đến 100';
  return null;
}

/**
 * Every figure that breaks its indicator's rule, keyed "tasks.<i>.figures.<j>" like figureProblems, in words
 * naming task, indicator and rule: "Nhiệm vụ 2: Số đơn thư đã giải quyết (12) lớn hơn số đơn thư tiếp nhận (8)".
 * A part is compared with its whole in the same task (each summed over its rows there), on the part's first row.
 * Rows still incomplete (no name, no value) are figureProblems' business and skipped here.
 */
export function figureRuleProblems(tasks: readonly { figures: readonly FigureRow[] }[], rules: readonly IndicatorRule[], ordinalOf: (taskIndex: number) => string): Record<string, string> {
  const problems: Record<string, string> = {};
  tasks.forEach((task, i) => {
    const totals = new Map<string, number>();
    for (const row of task.figures) if (filled(row)) totals.set(key(row.name), (totals.get(key(row.name)) ?? 0) + row.value);
    const compared = new Set<string>();
    task.figures.forEach((row, j) => {
      if (!filled(row)) return;
      const rule = ruleOf(rules, row.name);
      if (!rule) return;
      const at = `tasks.${i}.figures.${j}`;
      const broken = kindProblem(rule, row.value);
      if (broken) {
        problems[at] = `Nhiệm vụ ${ordinalOf(i)}: ${row.name.trim()} (${formatFigure(row.value)}) ${broken}`;
        return;
      }
      const k = key(row.name);
      if (!rule.partOf || compared.has(k)) return;
      compared.add(k);
      const part = totals.get(k)!;
      const whole = totals.get(key(rule.partOf));
      if (whole !== undefined && part > whole) problems[at] = `Nhiệm vụ ${ordinalOf(i)}: ${row.name.trim()} (${formatFigure(part)}) lớn hơn ${lowerFirst(rule.partOf)} (${formatFigure(whole)})`;
    });
  });
  return problems;
}

/**
 * When a figure is far from the same unit's previous period: at least 3 times it or at most a third of it,
 * and apart by at least 10 (20 points for a percentage), so that 1 → 3 dialogues is not flagged but
 * 10 → 120 visits is. A previous 0 counts as far once the new value alone reaches that difference.
 */
export const OUTLIER_RATIO = 3;
export const OUTLIER_MIN_DIFFERENCE: Record<IndicatorKind, number> = { count: 10, quantity: 10, percentage: 20 };

function ratioWords(ratio: number): string {
  return formatFigure(ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10);
}

/**
 * Advice for the reviewer, never a block: "gấp 12 lần 6 tháng đầu năm 2025 (10 lượt)",
 * "chỉ bằng 1/4 năm 2025 (80 người)", "năm 2025 là 0". Null when the figure is not far from the previous one.
 */
export function outlierWords(current: number, previous: number, kind: IndicatorKind, period: string, unit: string): string | null {
  if (Math.abs(current - previous) < OUTLIER_MIN_DIFFERENCE[kind]) return null;
  const before = `${period} (${formatFigure(previous)}${unit ? ` ${unit}` : ''})`;
  if (previous === 0) return `${period} là 0`;
  if (current === 0) return `bằng 0, ${before}`;
  const ratio = current / previous;
  if (ratio >= OUTLIER_RATIO) return `gấp ${ratioWords(ratio)} lần ${before}`;
  if (ratio <= 1 / OUTLIER_RATIO) return `chỉ bằng 1/${ratioWords(1 / ratio)} ${before}`;
  return null;
}
