import type { ParsedTask } from '../../../shared/import/parsed-plan';
import { foldChars } from './fuzzy';
import { matchLabel, type LabelMatch } from './labels';
import { BULLET, LETTERED, NUMBERED, SUB_NUMBERED, type Block } from './paragraphs';
import { proseAttributes } from './prose-attributes';
import { sentenceAttributes } from './sentence-attributes';
import { parseTimeframe } from './timeframe';
import { splitUnits } from './unit-list';

export interface TaskSection {
  tasks: ParsedTask[];
  /** Paragraphs before the first numbered task (an introduction), kept so nothing is lost. */
  intro: string[];
  attributeStyle: 'dash' | 'lettered';
  warnings: string[];
}

type Role = 'directing' | 'lead' | 'coordinating' | 'implementing';

interface Building {
  task: ParsedTask;
  notes: Record<string, string>;
  hasAttributes: boolean;
  /** An attribute whose value comes on the next line ("- Cơ quan chủ trì:" then "Phòng Kinh tế"). */
  pending: LabelMatch | null;
}

/**
 * Section II: numbered tasks, each with its body, lettered or dashed sub-items and the attribute
 * lines that name units and a timeframe. A lettered line is an attribute when it carries a label
 * ("b) Cơ quan thực hiện: …"), otherwise a sub-item.
 */
export function readTasks(blocks: Block[]): TaskSection {
  const out: TaskSection = { tasks: [], intro: [], attributeStyle: 'dash', warnings: [] };
  let current: Building | null = null;
  let lettered = 0;
  let dashed = 0;
  const nested = nestedStyle(blocks);
  /** In a nested plan, the numbered item the sub-items belong to, while it is still read as a task of its own. */
  let group: { ordinal: string; title: string; task: Building | null; items: number } | null = null;
  const groups: string[] = [];
  for (const [at, block] of blocks.entries()) {
    const text = block.text;
    if (nested && group) {
      // (a dash item is a task only when it names its own units and time: a group's task may still have plain dash items)
      const sub = nested === 'sub-numbered' ? SUB_NUMBERED.exec(text) : nested === 'lettered' ? LETTERED.exec(text) : dashedTask(text, blocks[at + 1]?.text) ? BULLET.exec(text) : null;
      if (sub && !matchLabel(text.slice(sub[0].length).trim())) {
        // the item's first sub-item: the item was a group heading, not a task, unless it named its own units
        if (group.task && !group.task.hasAttributes) {
          out.tasks.splice(out.tasks.indexOf(group.task.task), 1);
          groups.push(`${group.ordinal}. ${group.title}`);
        }
        group.task = null;
        if (current) finish(current);
        group.items += 1;
        // "- Tuyên truyền … Giao … thực hiện": the group's second dashed task is "1.2"
        const ordinal = nested === 'sub-numbered' ? sub[1]! : nested === 'lettered' ? `${group.ordinal}.${sub[1]}` : `${group.ordinal}.${group.items}`;
        current = start(ordinal, text.slice(sub[0].length).trim(), block.line);
        out.tasks.push(current.task);
        applyProse(current, current.task.body, block.line);
        continue;
      }
    }
    const numbered = NUMBERED.exec(text);
    // "6) Cơ quan phối hợp: …": a scan read the letter "b" as a digit; a label says it is an attribute, not a task
    const misreadLetter = numbered && current && numbered[0].includes(')') ? matchLabel(text.slice(numbered[0].length).trim()) : null;
    if (misreadLetter && current) {
      lettered += 1;
      applyAttribute(current, misreadLetter, block.line);
      continue;
    }
    if (numbered && !SUB_NUMBERED.test(text)) {
      const n = Number(numbered[1]);
      const previous: number = nested ? Number(group?.ordinal ?? 0) : out.tasks.length;
      const expected: number = previous + 1;
      if (n === expected || (n > expected && n <= expected + 2 && previous > 0)) {
        if (n > expected) out.warnings.push(`Không thấy nhiệm vụ số ${expected}: sau nhiệm vụ ${expected - 1} là nhiệm vụ ${n}.`);
        if (current) finish(current);
        current = start(String(n), text.slice(numbered[0].length).trim(), block.line);
        out.tasks.push(current.task);
        applyProse(current, current.task.body, block.line);
        if (nested) group = { ordinal: String(n), title: current.task.body, task: current, items: 0 };
        continue;
      }
    }
    if (!current) {
      out.intro.push(text);
      continue;
    }
    const letter = LETTERED.exec(text);
    const bullet = letter ? null : BULLET.exec(text);
    const sub = letter || bullet ? null : SUB_NUMBERED.exec(text);
    const marker = letter ?? bullet ?? null;
    const rest = marker ? text.slice(marker[0].length).trim() : text;
    const label = matchLabel(rest);
    if (label) {
      if (letter) lettered += 1;
      else dashed += 1;
      applyAttribute(current, label, block.line);
      continue;
    }
    if (current.pending && !marker) {
      applyAttribute(current, { ...current.pending, value: rest }, block.line);
      continue;
    }
    if (marker || sub) {
      current.task.subtasks.push({ label: letter ? letter[1]! : '-', body: rest, line: block.line });
      continue;
    }
    // A plain paragraph: more of the body, or of the last sub-item; it may say who does the task and when.
    applyProse(current, text, block.line);
    const subtasks = current.task.subtasks;
    if (subtasks.length && !current.hasAttributes) subtasks[subtasks.length - 1]!.body += `\n${text}`;
    else current.task.body += `\n${text}`;
  }
  if (current) finish(current);
  out.attributeStyle = lettered > dashed ? 'lettered' : 'dash';
  if (groups.length) out.warnings.push(`Các nhiệm vụ được đánh số theo nhóm; tên nhóm không thành nhiệm vụ: ${groups.map((g) => `"${g}"`).join(', ')}.`);
  return out;
}

type NestedStyle = 'sub-numbered' | 'lettered' | 'dashed';

/**
 * Whether the tasks are the sub-items of numbered groups ("1. Công tác dân vận chính quyền" then "1.1. …",
 * "1.2. …", "a) …", "b) …", or "- …" items each with its own "Giao …" sentence; each with its own "- Đơn vị chủ trì: …" lines or "Giao … chủ trì" sentence): so when one numbered item
 * holds two sub-items that each name their units or time. A task's plain sub-items followed by the task's
 * own attribute lines are not that: only the last of them is followed by labels.
 */
function nestedStyle(blocks: Block[]): NestedStyle | null {
  const counts = { 'sub-numbered': 0, lettered: 0, dashed: 0 };
  let found: NestedStyle | null = null;
  let open: NestedStyle | null = null;
  let labelled = false;
  const close = () => {
    if (open && labelled && ++counts[open] >= 2) found ??= open;
    open = null;
    labelled = false;
  };
  for (const [at, { text }] of blocks.entries()) {
    const letter = LETTERED.exec(text);
    if (SUB_NUMBERED.test(text)) {
      close();
      open = 'sub-numbered';
      labelled = !!(proseAttributes(text) ?? sentenceAttributes(text));
    } else if (NUMBERED.test(text)) {
      close();
      counts['sub-numbered'] = counts.lettered = counts.dashed = 0;
    } else if (letter && !matchLabel(text.slice(letter[0].length).trim())) {
      close();
      open = 'lettered';
      labelled = !!(proseAttributes(text) ?? sentenceAttributes(text));
    } else if (dashedTask(text, blocks[at + 1]?.text)) {
      close();
      open = 'dashed';
      labelled = true;
    } else {
      const bullet = letter ?? BULLET.exec(text);
      // "- Đơn vị chủ trì: …", or the units in a sentence ("Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với …")
      if (matchLabel(bullet ? text.slice(bullet[0].length).trim() : text) || proseAttributes(text) || sentenceAttributes(text)) labelled = true;
    }
  }
  close();
  return found;
}

/**
 * "- Tuyên truyền … Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với … thực hiện; hoàn thành trong Quý I/2026.": a
 * dash item that names its own units and time (a task's plain sub-items name neither, or one at most), in its
 * own text or in the "Giao …" paragraph right after it.
 */
function dashedTask(text: string, next: string | undefined): boolean {
  const bullet = BULLET.exec(text);
  if (!bullet) return false;
  const rest = text.slice(bullet[0].length).trim();
  if (matchLabel(rest)) return false;
  // (its "Giao …" sentence may stand as a paragraph of its own after it, the page having set it on a new line)
  const assignment = next && /^(?:Giao|Đề nghị|Yêu cầu)\s/u.test(next) ? ` ${next}` : '';
  const said = sentenceAttributes(rest + assignment) ?? [];
  return said.some((a) => a.kind === 'timeframe') && said.some((a) => a.kind !== 'timeframe');
}

function start(ordinal: string, body: string, line: number): Building {
  return {
    task: {
      ordinal,
      body,
      directing: [],
      lead: [],
      coordinating: [],
      implementing: [],
      unitNotes: {},
      implementingLabel: 'thuc-hien',
      timeframe: { kind: 'unspecified', text: '' },
      subtasks: [],
      line,
      doubts: [],
    },
    notes: {},
    hasAttributes: false,
    pending: null,
  };
}

const ROLE_LABELS: Record<Role, string> = { directing: 'Chỉ đạo', lead: 'Chủ trì', coordinating: 'Phối hợp', implementing: 'Thực hiện' };

function applyAttribute(b: Building, label: LabelMatch, line: number): void {
  if (label.kind === 'assignment') {
    // "- Trách nhiệm: Phòng Văn hóa - Xã hội chủ trì; Ủy ban MTTQ phối hợp": the sentence names the roles
    const said = label.value ? sentenceAttributes(label.value) : null;
    b.hasAttributes = true;
    b.pending = label.value ? null : label;
    for (const attribute of said ?? []) applyAttribute(b, { ...attribute, approximate: label.approximate }, line);
    return;
  }
  b.hasAttributes = true;
  b.pending = label.value ? null : label;
  if (!label.value) return;
  const roles: Role[] =
    label.kind === 'coordinating+implementing' ? ['coordinating', 'implementing'] : label.kind === 'advising+implementing' ? ['implementing'] : label.kind === 'timeframe' || label.kind === 'product' ? [] : [label.kind as Role];
  if (label.kind === 'advising+implementing') b.task.implementingLabel = 'tham-muu-thuc-hien';
  for (const role of roles) {
    for (const { name, note } of splitUnits(label.value)) {
      // "Chi cục Kiểm lâm (chủ trì), Chi cục Thủy lợi": the unit marked so leads
      const leads = role !== 'lead' && role !== 'directing' && /^chu tri$/.test(foldChars(note).trim());
      const list = b.task[leads ? 'lead' : role];
      if (!list.includes(name)) list.push(name);
      if (note && !leads) b.task.unitNotes[name] = note;
    }
    if (label.approximate) b.task.doubts.push({ field: role, message: `Dòng "${ROLE_LABELS[role]}" đọc không chắc chắn (dòng ${line}).` });
  }
  if (label.kind === 'timeframe') {
    b.task.timeframe = parseTimeframe(label.value);
    if (label.approximate) b.task.doubts.push({ field: 'timeframe', message: `Dòng thời gian thực hiện đọc không chắc chắn (dòng ${line}).` });
  }
  if (label.kind === 'product') b.task.subtasks.push({ label: '-', body: `Sản phẩm: ${label.value}`, line });
}

/** Units and time written in the task's sentences ("Giao … chủ trì, phối hợp với …; thời gian: …"), when no labelled line gave them. */
function applyProse(b: Building, text: string, line: number): void {
  if (b.hasAttributes) return;
  const said = proseAttributes(text);
  if (!said) return;
  for (const attribute of said) applyAttribute(b, attribute, line);
  // "Giao Văn phòng Sở thực hiện; thực hiện thường xuyên.": the time said without a "thời gian:" label
  if (!said.some((a) => a.kind === 'timeframe')) {
    const time = sentenceAttributes(text)?.find((a) => a.kind === 'timeframe');
    if (time) applyAttribute(b, time, line);
  }
}

function finish(b: Building): void {
  const t = b.task;
  t.body = t.body.replace(/[\s]+$/, '');
  // no label and no "Giao …" sentence named anyone: the task's own sentences may ("Phòng A chủ trì, phối hợp với B thực hiện thường
  // xuyên"), also when only its time has a line of its own ("… họp ấp. Giao Phòng A chủ trì, …" over "Thời gian thực hiện: Quý I/2026.")
  const unnamed = !t.directing.length && !t.lead.length && !t.coordinating.length && !t.implementing.length;
  if (!b.hasAttributes || unnamed) {
    for (const attribute of sentenceAttributes(t.body) ?? []) {
      if (!b.hasAttributes || attribute.kind !== 'timeframe' || t.timeframe.kind === 'unspecified') applyAttribute(b, attribute, t.line);
    }
  }
  if (t.timeframe.kind === 'unspecified') {
    t.doubts.push({ field: 'timeframe', message: t.timeframe.text ? `Chưa hiểu thời gian thực hiện "${t.timeframe.text}".` : 'Không thấy thời gian thực hiện.' });
  }
  const named = t.directing.length + t.lead.length + t.coordinating.length + t.implementing.length;
  if (!named && !t.subtasks.length) t.doubts.push({ field: 'units', message: 'Không thấy đơn vị chủ trì, phối hợp hay thực hiện.' });
}
