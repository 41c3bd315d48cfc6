import { Figure, type ReportContent, type TaskEntry } from './report-schemas';
import { lowerFirst } from '../text/letter-case';

/** A figure row as the editor holds it while the clerk types: the value may still be missing. */
export interface FigureRow {
  name: string;
  unit?: string;
  value?: number | null;
}

/** A report as the editor holds it: a figure typed but left empty stays empty (null), never 0, until filled in. */
export type ReportDraft = Omit<ReportContent, 'tasks'> & { tasks: (Omit<TaskEntry, 'figures'> & { figures: (Omit<Figure, 'value'> & { value: number | null })[] })[] };

const FIELD_WORDS: Record<string, string> = { name: 'tên chỉ tiêu', unit: 'đơn vị tính', value: '' };

/** A row by its indicator, «Số cuộc đối thoại», or by its place when it has none yet. */
export function figureRowName(row: FigureRow, index: number): string {
  const name = row.name.trim();
  if (!name) return `số liệu thứ ${index + 1}`;
  return `số liệu «${name.length > 80 ? `${name.slice(0, 79)}…` : name}»`;
}

/**
 * What is wrong with one figure row, checked by the contract's own schema (Figure), in words that say which
 * row: "chưa chọn chỉ tiêu", "chưa nhập giá trị", "số liệu không được âm". Null when the row is fine.
 */
export function figureRowProblem(row: FigureRow): string | null {
  if (!row.name.trim()) return 'chưa chọn chỉ tiêu';
  if (row.value === null || row.value === undefined || Number.isNaN(row.value)) return 'chưa nhập giá trị';
  const result = Figure.safeParse({ name: row.name, unit: row.unit ?? '', value: row.value });
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const words = FIELD_WORDS[String(issue.path[0])] ?? '';
  const message = lowerFirst(issue.message);
  return words ? `${words} ${message}` : message;
}

/**
 * Every figure row's problem in a report, keyed "tasks.<i>.figures.<j>" in reading order, each message naming
 * the task by its number in the plan and the row by its indicator:
 * "Nhiệm vụ 4, số liệu «Số cuộc đối thoại»: chưa nhập giá trị", "Nhiệm vụ 4, số liệu thứ 2: chưa chọn chỉ tiêu".
 * Derived from the rows themselves, so a row removed takes its problem with it.
 */
export function figureProblems(tasks: readonly { figures: readonly FigureRow[] }[], ordinalOf: (taskIndex: number) => string): Record<string, string> {
  const problems: Record<string, string> = {};
  tasks.forEach((task, i) =>
    task.figures.forEach((row, j) => {
      const problem = figureRowProblem(row);
      if (problem) problems[`tasks.${i}.figures.${j}`] = `Nhiệm vụ ${ordinalOf(i)}, ${figureRowName(row, j)}: ${problem}`;
    }),
  );
  return problems;
}
