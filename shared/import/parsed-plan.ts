import { z } from 'zod';
import { uuid } from '../api/fields';
import { DUTY_KINDS, PlanContent, TIMEFRAME_KINDS } from '../plans/plan-schemas';

/**
 * A plan as the importer understood it from a document, before the clerk checks it.
 * Unit names are kept as written; every field remembers the source line it came from
 * (1-based, in `sourceLines`) so the review screen can show both side by side.
 */
export const ParsedTimeframe = z.object({
  kind: z.enum(TIMEFRAME_KINDS),
  year: z.number().optional(),
  dueDate: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  text: z.string(),
});
export type ParsedTimeframe = z.infer<typeof ParsedTimeframe>;

export const ParsedSubtask = z.object({ label: z.string(), body: z.string(), line: z.number() });
export type ParsedSubtask = z.infer<typeof ParsedSubtask>;

export const ParsedTask = z.object({
  ordinal: z.string(),
  body: z.string(),
  directing: z.array(z.string()),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  implementing: z.array(z.string()),
  /** Notes written in brackets after a unit name ("chủ trì nội dung liên quan …"). */
  unitNotes: z.record(z.string(), z.string()),
  implementingLabel: z.enum(['thuc-hien', 'tham-muu-thuc-hien']),
  timeframe: ParsedTimeframe,
  subtasks: z.array(ParsedSubtask),
  line: z.number(),
  /** Field names the clerk should check ("timeframe", "lead", …), with why. */
  doubts: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ParsedTask = z.infer<typeof ParsedTask>;

export const ParsedDeadline = z.object({
  kind: z.enum(DUTY_KINDS),
  dueDate: z.string(),
  text: z.string(),
  /** Who must send it, as written ("Các phòng, cơ quan, đơn vị thuộc UBND xã"); may be empty. */
  units: z.array(z.string()),
  recipient: z.string(),
  line: z.number(),
});
export type ParsedDeadline = z.infer<typeof ParsedDeadline>;

export const ParsedPlan = z.object({
  documentNumber: z.string().nullable(),
  /** "KH-VP": kept even when the number is blank (a draft). */
  symbol: z.string().nullable(),
  issueDate: z.string().nullable(),
  place: z.string().nullable(),
  issuerParent: z.string().nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  bases: z.array(z.string()),
  preamble: z.string(),
  purposes: z.string(),
  tasksHeading: z.string(),
  tasks: z.array(ParsedTask),
  budget: z.string(),
  organization: z.string(),
  /** Closing paragraphs after the last item of "Tổ chức thực hiện" ("Yêu cầu …", "Trên đây là …"). */
  closing: z.string(),
  attributeStyle: z.enum(['dash', 'lettered']),
  reportingDeadlines: z.array(ParsedDeadline),
  recipients: z.array(z.string()),
  signerTitle: z.string().nullable(),
  signerAuthority: z.string().nullable(),
  signerName: z.string().nullable(),
  footnotes: z.array(z.object({ marker: z.string(), text: z.string() })),
  /** Source line of each header field, for the review screen. */
  lines: z.record(z.string(), z.number()),
  /** Header fields the clerk should check, with why. */
  doubts: z.array(z.object({ field: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
});
export type ParsedPlan = z.infer<typeof ParsedPlan>;

/** What a name in the document stands for: a unit, a group, or an outside body kept as written. */
export const NameTarget = z.discriminatedUnion(
  'type',
  [z.strictObject({ type: z.literal('unit'), unitId: uuid }), z.strictObject({ type: z.literal('group'), groupId: uuid }), z.strictObject({ type: z.literal('external') })],
  { error: 'Chọn đơn vị tương ứng' },
);
export type NameTarget = z.infer<typeof NameTarget>;

/** A unit name found in the document and what the office's remembered mapping or its units suggest. */
export const ImportedName = z.object({
  name: z.string(),
  target: NameTarget,
  /** 'remembered': the clerk chose it before; 'matched': same name as a unit; 'similar': a name a scan may have misread; 'none': nothing found. */
  source: z.enum(['remembered', 'matched', 'similar', 'none']),
});
export type ImportedName = z.infer<typeof ImportedName>;

/** The page being read of a PDF or an image, and whether by OCR (no text layer). */
export const ReadProgress = z.object({ page: z.number().int(), pages: z.number().int(), ocr: z.boolean() });
export type ReadProgress = z.infer<typeof ReadProgress>;

/** What OCR read: the pages read from their picture and, per source line, the words it was unsure of. */
export const OcrReading = z.object({
  pages: z.array(z.number()),
  /** Mean word confidence over those pages, 0–100. */
  confidence: z.number(),
  doubts: z.array(z.object({ line: z.number(), words: z.array(z.string()) })),
});
export type OcrReading = z.infer<typeof OcrReading>;

export const ImportResult = z.object({
  format: z.enum(['docx', 'pdf', 'text', 'image']),
  sourceLines: z.array(z.string()),
  /** The page of each source line (1-based, parallel to sourceLines); empty for Word and text. A field's page is sourcePages[line - 1]. */
  sourcePages: z.array(z.number()),
  /** Null when nothing was read by OCR. */
  ocr: OcrReading.nullable(),
  parsed: ParsedPlan,
  /** The plan ready for the editor: unit names resolved where the office knows them, the rest kept as written. */
  content: PlanContent,
  names: z.array(ImportedName),
});
export type ImportResult = z.infer<typeof ImportResult>;
