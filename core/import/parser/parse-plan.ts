import type { ParsedPlan } from '../../../shared/import/parsed-plan';
import { fold } from './fuzzy';
import { isRecipientsLabel } from './signature';
import { findTitleBlock, isHeaderColumnLine, issuerFromPreamble, readHeader } from './header';
import { BULLET, isUpperLine, NUMBERED, ROMAN, toBlocks, type Block } from './paragraphs';
import { matchLabel } from './labels';
import { readDeadlines } from './reporting';
import { readSignature } from './signature';
import { splitSource } from './source-text';
import { repairOcrHeadings } from './ocr-headings';
import { repairOcrLines } from './ocr-lines';
import { mendNamesByDocument } from './ocr-names';
import { readTasks } from './tasks';
import { findWebTitleLine, labelledRow, readWebCopy, webTitleLines, type WebCopy } from './web-copy';
import { splitBases } from './bases';

type SectionKind = 'purposes' | 'tasks' | 'budget' | 'organization';

interface Section {
  kind: SectionKind;
  heading: string;
  blocks: Block[];
  /** Headings of the later parts whose tasks went on from this one's. */
  joined?: string[];
}

/** What the reader knows about the text that the parser may use: `ocr` when some of it was read from a picture (tolerant rules for misread letters and bullets). */
export interface ParseOptions {
  ocr?: boolean;
}

export interface ParseOutput {
  sourceLines: string[];
  plan: ParsedPlan;
}

/**
 * Reads a plan (Kế hoạch) from its text, whatever it came from. Pure: no I/O, no clock.
 * Throws nothing for odd text; what it could not find is null, empty or a warning.
 */
export function parsePlanText(raw: string, options: ParseOptions = {}): ParseOutput {
  const source = splitSource(raw, { ocr: options.ocr });
  if (options.ocr) source.lines = repairOcrHeadings(repairOcrLines(source.lines));
  let blocks = toBlocks(source.lines);
  const warnings: string[] = [];
  const doubts: { field: string; message: string }[] = [];

  const title = findTitleBlock(blocks);
  // Copied from a legal website: a metadata table and "Kế hoạch số …/KH-… ngày … về …" instead of "KẾ HOẠCH",
  // a paragraph of its own (a blank line does not end a paragraph here; a page's title line ends without a stop).
  const webLine = title ? -1 : findWebTitleLine(source.lines);
  let web: WebCopy | null = null;
  if (webLine >= 0) {
    const rows = source.lines.slice(0, webLine).map(labelledRow);
    const before = toBlocks(rows);
    const title = webTitleLines(source.lines, webLine);
    blocks = [...before, { text: title.text, line: source.lines[webLine]!.no }, ...toBlocks(source.lines.slice(title.end + 1))];
    web = readWebCopy(blocks, before.length, rows);
  }
  const firstHeading = blocks.findIndex((b) => romanHeading(b) !== null);
  const headerEnd = title ? title.index : web ? web.index : Math.max(0, Math.min(firstHeading < 0 ? 6 : firstHeading, 6));
  const header = readHeader(blocks.slice(0, headerEnd));
  // a scan's "27/H-UBND", "27/KI-UBND" under "KẾ HOẠCH": a plan's symbol is "KH-…"
  if (options.ocr && title && header.symbol && /^(?:H|KI|KJ|IH)-/.test(header.symbol)) {
    header.symbol = header.symbol.replace(/^[^-]+/, 'KH');
    header.documentNumber = header.documentNumber && `${header.documentNumber.split('/')[0]}/${header.symbol}`;
  }
  if (web) {
    header.documentNumber ??= web.documentNumber;
    header.symbol ??= web.symbol;
    header.issueDate ??= web.issueDate;
    header.issuer ??= web.issuer;
    header.lines.documentNumber ??= blocks[web.index]!.line;
    if (web.issueDate) header.lines.issueDate ??= blocks[web.index]!.line;
  }

  // The subject: what follows "KẾ HOẠCH" up to the bases or the first heading.
  let cursor = title ? title.index + 1 : web ? web.index + 1 : headerEnd;
  // A scan read column by column: the motto, place and date (the header's right column) come after "KẾ HOẠCH".
  const lateColumn: Block[] = [];
  while (title && blocks[cursor] && isHeaderColumnLine(blocks[cursor]!, blocks[cursor - 1])) lateColumn.push(blocks[cursor++]!);
  if (lateColumn.length) {
    const late = readHeader(lateColumn);
    header.issueDate ??= late.issueDate;
    header.place ??= late.place;
    if (late.issueDate) header.lines.issueDate ??= late.lines.issueDate!;
  }
  let subject: string | null = web?.title ?? null;
  let subjectLine = title ? blocks[title.index]!.line : 0;
  if (title?.rest) subject = title.rest;
  else if (title && blocks[cursor] && romanHeading(blocks[cursor]!) === null) {
    subject = blocks[cursor]!.text;
    subjectLine = blocks[cursor]!.line;
    cursor += 1;
  }

  const sectionStart = blocks.findIndex((b, i) => i >= cursor && romanHeading(b) !== null);
  const preambleBlocks = blocks.slice(cursor, sectionStart < 0 ? cursor : sectionStart);
  const { bases, rest: preambleRest } = splitBases(preambleBlocks);
  const preamble = preambleRest.map((b) => b.text).join('\n');
  const { sections, footer } = splitSections(sectionStart < 0 ? [] : blocks.slice(sectionStart));

  const taskSection = sections.find((s) => s.kind === 'tasks');
  for (const heading of taskSection?.joined ?? []) warnings.push(`Phần "${heading}" đánh số nhiệm vụ tiếp theo phần "${taskSection!.heading}": các nhiệm vụ của hai phần được đọc cùng nhau, tên phần sau không in lại.`);
  const taskResult = readTasks(taskSection?.blocks ?? []);
  warnings.push(...taskResult.warnings);
  if (options.ocr) subject = mendNamesByDocument(taskResult.tasks, subject, source.lines.map((l) => l.text).join('\n'));

  const organizationBlocks = sections.filter((s) => s.kind === 'organization' || s.kind === 'budget').flatMap((s) => s.blocks);
  const deadlines = readDeadlines(organizationBlocks);
  const organization = sections.filter((s) => s.kind === 'organization').flatMap((s) => s.blocks);
  const closingFrom = closingStart(organization);
  const signature = readSignature(footer);
  if (web && !signature.signerName && web.signerName) signature.signerName = web.signerName;

  let issuer = header.issuer;
  const lines: Record<string, number> = { ...header.lines, ...signature.lines };
  if (!issuer) {
    issuer = issuerFromPreamble(preamble);
    if (issuer) {
      lines.issuer = preambleBlocks[0]?.line ?? 0;
      doubts.push({ field: 'issuer', message: 'Không có phần đầu văn bản; tên cơ quan ban hành lấy từ câu mở đầu.' });
    }
  }
  if (subject) lines.title = web ? blocks[web.index]!.line : subjectLine;
  if (bases.length) lines.bases = preambleBlocks[0]!.line;
  if (taskSection) lines.tasks = taskSection.blocks[0]?.line ?? 0;

  const year = yearOf(subject, header.issueDate);
  if (options.ocr && year) {
    for (const task of taskResult.tasks) mendTaskYear(task, year);
    for (const deadline of deadlines) mendDeadlineYear(deadline, year, warnings);
  }
  if (web) warnings.push('Văn bản chép từ trang web: số, ngày và trích yếu lấy từ dòng "Kế hoạch số …" và bảng thông tin của trang; hãy đối chiếu với văn bản gốc.');
  else if (!title) warnings.push('Không thấy chữ "KẾ HOẠCH" ở đầu văn bản.');
  if (!header.symbol) doubts.push({ field: 'documentNumber', message: 'Không thấy số, ký hiệu văn bản ("Số: …/KH-…").' });
  else if (!header.documentNumber) doubts.push({ field: 'documentNumber', message: 'Số văn bản để trống (bản dự thảo?).' });
  if (!header.issueDate) doubts.push({ field: 'issueDate', message: 'Không thấy ngày ban hành ("…, ngày … tháng … năm …").' });
  if (!issuer) doubts.push({ field: 'issuer', message: 'Không thấy tên cơ quan ban hành.' });
  if (!subject) doubts.push({ field: 'title', message: 'Không thấy trích yếu dưới chữ "KẾ HOẠCH".' });
  if (!taskResult.tasks.length) warnings.push('Không thấy nhiệm vụ nào được đánh số (1., 2., …) trong phần nội dung.');
  if (options.ocr) warnings.push('Văn bản đọc từ bản quét (nhận dạng chữ): chữ có thể bị đọc sai, hãy đối chiếu từng mục với bản giấy.');
  else if (looksScanned(source.lines.map((l) => l.text).join(' '))) warnings.push('Văn bản có vẻ bị mất dấu tiếng Việt (bản quét): hãy đối chiếu từng mục với bản gốc.');
  if (taskResult.intro.length) warnings.push(`Đoạn mở đầu phần nhiệm vụ được giữ ở phần mở đầu kế hoạch: "${taskResult.intro[0]!.slice(0, 80)}…"`);

  return {
    sourceLines: source.sourceLines,
    plan: {
      documentNumber: header.documentNumber,
      symbol: header.symbol,
      issueDate: header.issueDate,
      place: header.place,
      issuerParent: header.issuerParent,
      issuer,
      title: subject,
      year,
      bases,
      preamble: [preamble, ...taskResult.intro].filter(Boolean).join('\n'),
      purposes: sections.filter((s) => s.kind === 'purposes').flatMap((s) => s.blocks.map((b) => b.text)).join('\n'),
      tasksHeading: taskSection?.heading ?? '',
      tasks: taskResult.tasks,
      budget: sections.filter((s) => s.kind === 'budget').flatMap((s) => s.blocks.map((b) => b.text)).join('\n'),
      organization: organization.slice(0, closingFrom).map((b) => b.text).join('\n'),
      closing: organization.slice(closingFrom).map((b) => b.text).join('\n'),
      attributeStyle: taskResult.attributeStyle,
      reportingDeadlines: deadlines,
      recipients: signature.recipients,
      signerAuthority: signature.signerAuthority,
      signerTitle: signature.signerTitle,
      signerName: signature.signerName,
      footnotes: source.footnotes,
      lines,
      doubts,
      warnings,
    },
  };
}

const SECTION_WORDS: [RegExp, SectionKind][] = [
  [/muc dich|yeu cau|muc tieu/, 'purposes'],
  [/nhiem vu|noi dung|giai phap/, 'tasks'],
  [/kinh phi/, 'budget'],
];

/** "II. NỘI DUNG THỰC HIỆN" → its words; null when the block is not a section heading. */
function romanHeading(block: Block): string | null {
  const m = ROMAN.exec(block.text);
  if (!m) return null;
  const words = block.text.slice(m[0].length).trim();
  // Headings are short; in capitals or capitalised ("II. Nội dung thực hiện").
  if (words.length > 120 || !/^\p{Lu}/u.test(words)) return null;
  // "11." is a scan's "II." only before a part's name in capitals: "11. Sơ kết, biểu dương …" is the eleventh task
  if (!/^[IVXL]+$/.test(m[1]!) && !isUpperLine(words)) return null;
  if (!isUpperLine(words) && /[.;]$/.test(words) && words.length > 60) return null;
  return words;
}

function splitSections(blocks: Block[]): { sections: Section[]; footer: Block[] } {
  const sections: Section[] = [];
  let footerAt = blocks.length;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const folded = fold(block.text);
    if (isRecipientsLabel(block.text) || (sections.length && /^(kt|tm|tl|tuq)\s*\./.test(folded) && isUpperLine(block.text))) {
      footerAt = i;
      break;
    }
    const heading = romanHeading(block);
    if (heading !== null) {
      const f = fold(heading);
      const kind = SECTION_WORDS.find(([re]) => re.test(f))?.[1] ?? 'organization';
      // Only the first "nội dung" section holds the tasks; a later one is read as text.
      sections.push({ kind, heading: heading.replace(/[.:]$/, ''), blocks: [] });
      continue;
    }
    sections[sections.length - 1]?.blocks.push(block);
  }
  for (const section of sections) if (section.kind === 'organization' && holdsTasks(section)) section.kind = 'tasks';
  return { sections: joinTaskSections(sections), footer: blocks.slice(footerAt) };
}

/** The plan's parts that never hold its tasks, whatever lines they have. */
const NOT_TASKS = /to chuc thuc hien|kinh phi|che do|bao cao|dieu khoan|trach nhiem/;

/**
 * A part named for its subject ("II. CÔNG TÁC DÂN VẬN CHÍNH QUYỀN", "III. THỰC HIỆN DÂN CHỦ Ở CƠ SỞ") whose
 * numbered items have "Cơ quan chủ trì: …", "Thời gian thực hiện: …" lines under them: the tasks, as in a part
 * named "NHIỆM VỤ".
 */
function holdsTasks(section: Section): boolean {
  if (NOT_TASKS.test(fold(section.heading))) return false;
  const numbered = section.blocks.filter((b) => NUMBERED.test(b.text)).length;
  const labelled = section.blocks.filter((b) => {
    const label = matchLabel(b.text.replace(BULLET, '').trim());
    return !!label && label.kind !== 'assignment';
  }).length;
  return numbered >= 1 && labelled >= 2;
}

/**
 * The tasks are in the first part named for them. A part right after it named so too ("II. NHIỆM VỤ VỀ DÂN VẬN
 * CHÍNH QUYỀN", "III. NHIỆM VỤ THỰC HIỆN DÂN CHỦ") holds more of them when its numbering goes on ("6." after "5."):
 * its blocks join the first part's. Any other later part so named is read as text.
 */
function joinTaskSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  let tasks: Section | null = null;
  let joinable = false;
  for (const section of sections) {
    if (section.kind !== 'tasks') {
      out.push(section);
      joinable = false;
      continue;
    }
    if (!tasks) {
      tasks = section;
      out.push(section);
      joinable = true;
      continue;
    }
    const last = Math.max(0, ...tasks.blocks.map((b) => Number(NUMBERED.exec(b.text)?.[1] ?? 0)));
    const first = section.blocks.map((b) => NUMBERED.exec(b.text)?.[1]).find(Boolean);
    if (joinable && first && Number(first) === last + 1) {
      tasks.blocks.push(...section.blocks);
      tasks.joined = [...(tasks.joined ?? []), section.heading];
    } else {
      out.push({ ...section, kind: 'organization' });
      joinable = false;
    }
  }
  return out;
}

/** Plain paragraphs after the last numbered item of "Tổ chức thực hiện" close the plan ("Yêu cầu …", "Trên đây là …"). */
function closingStart(blocks: Block[]): number {
  let lastNumbered = -1;
  blocks.forEach((b, i) => {
    if (NUMBERED.test(b.text)) lastNumbered = i;
  });
  if (lastNumbered < 0) return blocks.length;
  for (let i = lastNumbered + 1; i < blocks.length; i++) {
    if (/^(yeu cau|tren day|de nghi|trong qua trinh)\b/.test(fold(blocks[i]!.text))) return i;
  }
  return blocks.length;
}

/**
 * A scan's year in a task's time read with its last digit wrong ("Năm 2028", "Quý II/2028" in a plan for 2026: a worn 6 reads as
 * 8, 5 or 0): the plan's year, in the text that is printed too, with a doubt that says so. Another year
 * ("đến năm 2030") differs in more than that digit and stays.
 */
function mendTaskYear(task: ParsedPlan['tasks'][number], year: number): void {
  const { timeframe } = task;
  // the one year the time names: "Năm 2028", "Quý II/2028", "Từ tháng 4 đến tháng 9/2028", "Trước ngày 30/6/2028"
  const years = new Set([timeframe.year, ...[timeframe.from, timeframe.to, timeframe.dueDate].map((date) => date && Number(date.slice(0, 4)))].filter((y): y is number => !!y));
  const read = years.size === 1 ? [...years][0]! : null;
  if (!read || !misreadYear(read, year)) return;
  const moved = (date: string | undefined) => date && `${year}${date.slice(4)}`;
  task.timeframe = {
    ...timeframe,
    ...(timeframe.year ? { year } : {}),
    ...(timeframe.from ? { from: moved(timeframe.from), to: moved(timeframe.to) } : {}),
    ...(timeframe.dueDate ? { dueDate: moved(timeframe.dueDate) } : {}),
    text: timeframe.text.replaceAll(String(read), String(year)),
  };
  task.doubts.push({ field: 'timeframe', message: `Bản quét đọc năm ${read}; đã sửa thành ${year}, năm của kế hoạch: hãy đối chiếu với bản giấy.` });
}

/**
 * A year a scan misread in a reporting date ("trước ngày 13/02/2028" in a plan for 2026), mended as in a task's time,
 * with a warning; only a year after the next (a plan for 2026 may ask for something by 30/12/2025).
 */
function mendDeadlineYear(deadline: ParsedPlan['reportingDeadlines'][number], year: number, warnings: string[]): void {
  const read = Number(deadline.dueDate.slice(0, 4));
  if (read <= year + 1 || !misreadYear(read, year)) return;
  deadline.dueDate = `${year}${deadline.dueDate.slice(4)}`;
  deadline.text = deadline.text.replaceAll(String(read), String(year));
  warnings.push(`Bản quét đọc năm ${read} ở hạn báo cáo "${deadline.text}"; đã sửa thành ${year}, năm của kế hoạch: hãy đối chiếu với bản giấy.`);
}

/** A year read with its last digit wrong: another of 0, 5, 6, 8 (alike on a worn page) in the plan's decade. */
function misreadYear(read: number, year: number): boolean {
  return read !== year && Math.floor(read / 10) === Math.floor(year / 10) && /^[0568]$/.test(String(read % 10)) && /^[0568]$/.test(String(year % 10));
}

function yearOf(subject: string | null, issueDate: string | null): number | null {
  const years = subject ? [...fold(subject).matchAll(/\b(20\d{2})\b/g)].map((m) => Number(m[1])) : [];
  if (years.length) return years[years.length - 1]!;
  return issueDate ? Number(issueDate.slice(0, 4)) : null;
}

/** Vietnamese text without a single marked vowel in a long stretch was scanned or typed without accents. */
function looksScanned(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 500) return false;
  const marked = letters.replace(/[a-zA-Z]/g, '').length;
  return marked / letters.length < 0.05;
}


