import type { Consolidation } from './consolidation';
import { MODEL_FIELDS, MODEL_FIELD_LABELS, MODEL_LEVELS, type TaskStatus } from './report-schemas';
import { lowerFirst } from '../text/letter-case';

/**
 * The words of the office's BÁO CÁO, built from what the units reported and nothing else: who did what,
 * with the figures in the sentence, units with the same result named together, and how many of the units
 * that carry a task have finished it, are still on it, or have not reported. Shared by the .docx and the page.
 */
type Task = Consolidation['tasks'][number];
type Figure = { name: string; unit: string; value: number };

/** Beyond this many units a task's part counts them by status instead of giving each one a sentence (the annex has the detail). */
export const UNITS_WRITTEN_ONE_BY_ONE = 12;
/** A status group at province scale is named in full up to this many units; the late and the missing always are. */
const NAMES_LISTED = 15;

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** "1.250", "12,5": numbers as Vietnamese documents write them. */
export const formatNumber = (n: number) => NUMBER.format(n);

/** Footnote marks of a plan's text ("[^1]") have no place in a report quoting it. */
export const withoutFootnoteMarks = (text: string) => text.replace(/\s*\[\^\d{1,2}\]/g, '');

/**
 * A figure inside a sentence: "Số lượt tiếp công dân" (lượt), 96 → "96 lượt tiếp công dân"; a name that does not
 * open with "Số" keeps its label: "Tỷ lệ hồ sơ đúng hạn: 98%".
 */
export function figurePhrase(f: Figure): string {
  const rest = /^Số\s+(.+)$/u.exec(f.name.trim())?.[1];
  const unit = f.unit.trim();
  if (rest) return `${formatNumber(f.value)} ${unit && !rest.toLowerCase().startsWith(unit.toLowerCase()) ? `${unit} ` : ''}${lowerFirst(rest)}`;
  return `${lowerFirst(f.name.trim())}: ${formatNumber(f.value)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
}

const LEADERSHIP_FIGURE = /văn bản|hội nghị|tuyên truyền|tập huấn|quán triệt|phổ biến|người tham (gia|dự)|lượt người/iu;

/**
 * The draft of part I (leadership, direction, dissemination) from the figures the units reported on
 * documents, conferences and attendees; empty when they reported none (the clerk writes it then).
 */
export function leadershipDraft(figures: { name: string; unit: string; total: number }[], reporting: number, owing: number): string {
  const fitting = figures.filter((f) => LEADERSHIP_FIGURE.test(f.name));
  if (!fitting.length) return '';
  const phrases = fitting.map((f) => figurePhrase({ name: f.name, unit: f.unit, value: f.total }));
  return `Theo báo cáo của ${reporting}/${owing} đơn vị, trong kỳ đã có ${phrases.join(', ')}.`;
}

const STATUS_PHRASE: Record<TaskStatus, string> = {
  done: 'đã hoàn thành',
  done_late: 'đã hoàn thành nhưng quá hạn',
  in_progress: 'đang thực hiện',
  not_started: 'chưa triển khai',
  not_done: 'không thực hiện',
};

const sentence = (text: string) => {
  const t = text.trim().replace(/[;,:\s]+$/, '');
  if (!t) return '';
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?…]$/.test(t) ? '' : '.'}`;
};

/** A unit's text that opens with the unit's own name ("Phòng Văn hóa – Xã hội: đã triển khai …") loses it: the sentence names the unit already. */
function ownWords(unitName: string, text: string): string {
  const t = text.trim();
  return t.toLowerCase().startsWith(unitName.toLowerCase()) ? t.slice(unitName.length).replace(/^\s*[:,\-–]\s*/, '') : t;
}

const joinNames = (names: string[]) => names.join(', ');

/** Each unit's figures the text does not already carry, in words. */
function figuresNotInText(text: string, figures: Figure[]): string[] {
  return figures.filter((f) => !new RegExp(`(^|[^\\d.,])(${String(f.value)}|${formatNumber(f.value).replace(/\./g, '\\.')})([^\\d]|$)`).test(text)).map(figurePhrase);
}

/** "2/3 đơn vị đã hoàn thành; đang thực hiện: Thôn An Phú; chưa báo cáo: Thôn Cầu Đá." */
export function taskTally(task: Task, listAll = true, namedAbove: string[] = []): string {
  const by = new Map<TaskStatus, string[]>();
  task.results.forEach((r) => {
    if (r.status) by.set(r.status, [...(by.get(r.status) ?? []), r.unitName]);
  });
  const done = [...(by.get('done') ?? []), ...(by.get('done_late') ?? [])];
  const named = (names: string[], always = false) => {
    if (listAll || names.length === 1) return joinNames(names);
    return `${names.length} đơn vị (${always || names.length <= NAMES_LISTED ? joinNames(names) : 'chi tiết tại Phụ lục'})`;
  };
  const parts = [`${done.length}/${task.carriers} đơn vị đã hoàn thành${!listAll && by.get('done_late')?.length ? `, trong đó hoàn thành nhưng quá hạn: ${named(by.get('done_late')!, true)}` : ''}`];
  for (const s of ['in_progress', 'not_started', 'not_done'] as const) if (by.get(s)?.length) parts.push(`${STATUS_PHRASE[s]}: ${named(by.get(s)!)}`);
  // at province scale the units with no report are named once, in the opening; the tasks only count them
  const alreadyNamed = !listAll && task.notReported.length > 1 && task.notReported.every((u) => namedAbove.includes(u));
  if (task.notReported.length) parts.push(`chưa báo cáo: ${alreadyNamed ? `${task.notReported.length} đơn vị nêu trên` : named(task.notReported, true)}`);
  return sentence(parts.join('; '));
}

/** Totals of a task's figures across units: "Tổng cộng: 42 lượt tiếp công dân, 5 cuộc đối thoại." */
function totalsSentence(task: Task, label: string): string {
  return task.figures.length ? sentence(`${label}: ${task.figures.map((f) => figurePhrase({ name: f.name, unit: f.unit, value: f.total })).join(', ')}`) : '';
}

/**
 * A task's part of section II as paragraphs: up to UNITS_WRITTEN_ONE_BY_ONE units, one sentence per unit (units
 * with the same words and no figures named together), then the totals and the tally; beyond that, the totals
 * and the tally by status with the names of the late and the missing (those the opening names, `namedAbove`, only
 * counted), every unit's detail left to the annex.
 */
export function taskProse(task: Task, namedAbove: string[] = []): string[] {
  if (!task.results.length) return [task.notReported.length ? sentence(`Chưa có đơn vị nào báo cáo kết quả thực hiện nhiệm vụ này (chưa báo cáo: ${joinNames(task.notReported)})`) : 'Chưa có đơn vị nào báo cáo kết quả thực hiện nhiệm vụ này.'];
  if (task.carriers > UNITS_WRITTEN_ONE_BY_ONE) return [totalsSentence(task, 'Tổng hợp số liệu của các đơn vị'), `Kết quả: ${taskTally(task, false, namedAbove)}`].filter(Boolean);

  const groups = new Map<string, { names: string[]; text: string }>();
  task.results.forEach((r, i) => {
    const words = ownWords(r.unitName, r.doneText);
    const figures = figuresNotInText(words, task.unitFigures[i] ?? []);
    const status = r.status ? STATUS_PHRASE[r.status] : '';
    const reason = r.reason && r.status !== 'done' ? ` Lý do: ${sentence(r.reason)}` : '';
    let text: string;
    if (words) text = `${sentence(words).replace(/\.$/, '')}${figures.length ? ` (${figures.join(', ')})` : ''}.${reason}`;
    else text = `${sentence([status || 'đã báo cáo', figures.join(', ')].filter(Boolean).join(', ')).replace(/^./, (c) => c.toLowerCase())}${reason}`;
    const key = `${r.status}|${text}`;
    const g = groups.get(key) ?? { names: [], text };
    g.names.push(r.unitName);
    groups.set(key, g);
  });
  const lines = [...groups.values()].map((g) => `- ${joinNames(g.names)}: ${g.text}`);
  const total = task.results.length > 1 ? totalsSentence(task, 'Tổng cộng') : '';
  return [...lines, ...(total ? [total] : []), `Kết quả: ${taskTally(task)}`];
}

/** The heading of a task's part: its text up to the first ";" (the rest of a long task is its detail), without footnote marks. */
export function taskHeading(task: { ordinal: string; body: string }): string {
  const body = withoutFootnoteMarks(task.body).trim();
  const first = body.split(/;\s/)[0]!.replace(/[.:]$/, '');
  return `${task.ordinal}. ${first}`;
}

/** The "Dân vận khéo" models counted by field and by status, in one or two sentences. */
export function modelsSummary(models: Consolidation['models']): string[] {
  if (!models.length) return [];
  const byField = MODEL_FIELDS.map((f) => [MODEL_FIELD_LABELS[f], models.filter((m) => m.field === f).length] as const).filter(([, n]) => n > 0);
  const byLevel = MODEL_LEVELS.map((l) => [l, models.filter((m) => m.level === l).length] as const).filter(([, n]) => n > 0);
  const LEVEL_WORDS = { dang_ky: 'đang thực hiện theo đăng ký', cong_nhan_xa: 'được công nhận cấp xã', cong_nhan_tinh: 'được công nhận cấp tỉnh' } as const;
  return [
    `Các đơn vị đã đăng ký, thực hiện ${models.length} mô hình "Dân vận khéo": ${byField.map(([f, n]) => `lĩnh vực ${f.toLowerCase()} ${n}`).join('; ')}.`,
    sentence(`Trong đó ${byLevel.map(([l, n]) => `${n} mô hình ${LEVEL_WORDS[l]}`).join(', ')}`),
  ];
}

/**
 * The office's own result on a task, for the report it writes itself on a plan it received: its words (its
 * name dropped where the text opens with it), one paragraph a line, the figures the words do not carry, and
 * the reason a task is not done; no words: how the task stands, never a result nobody wrote.
 */
export function officeTaskProse(officeName: string, entry: { status: TaskStatus | null; doneText: string; reason: string; figures: Figure[] }): string[] {
  const words = ownWords(officeName, withoutFootnoteMarks(entry.doneText));
  const lines = words.split(/\n+/).map(sentence).filter(Boolean);
  const figures = figuresNotInText(words, entry.figures);
  if (!lines.length) lines.push(sentence([entry.status ? STATUS_PHRASE[entry.status] : 'chưa có kết quả', figures.join(', ')].filter(Boolean).join(', ')));
  else if (figures.length) lines.push(sentence(`Số liệu: ${figures.join(', ')}`));
  if (entry.reason.trim() && entry.status !== 'done') lines.push(`Lý do: ${sentence(entry.reason)}`);
  return lines;
}
