import { PLAN_STATES } from '../workflow/states';
import { z } from 'zod';
import { isoDate, optionalText, requiredText, uuid } from '../api/fields';
import { normalizeText } from '../text/fold';

/** Who a task or duty names: a unit or group of the organisation tree, or an outside body typed as written. */
export const UnitRef = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('unit'), unitId: uuid, note: optionalText(300) }),
    z.strictObject({ type: z.literal('group'), groupId: uuid, note: optionalText(300) }),
    z.strictObject({ type: z.literal('external'), name: requiredText(300), note: optionalText(300) }),
  ],
  { error: 'Đơn vị không hợp lệ' },
);
export type UnitRef = z.infer<typeof UnitRef>;

export const TASK_ROLES = ['directing', 'lead', 'coordinating', 'implementing'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];
export const TASK_ROLE_LABELS: Record<TaskRole, string> = {
  directing: 'Chỉ đạo',
  lead: 'Cơ quan chủ trì',
  coordinating: 'Cơ quan phối hợp',
  implementing: 'Cơ quan thực hiện',
};

export const TIMEFRAME_KINDS = ['ongoing', 'year', 'deadline', 'range', 'unspecified'] as const;
export type TimeframeKind = (typeof TIMEFRAME_KINDS)[number];
export const TIMEFRAME_LABELS: Record<TimeframeKind, string> = {
  ongoing: 'Thường xuyên',
  year: 'Trong năm',
  deadline: 'Hoàn thành trước ngày',
  range: 'Từ ngày … đến ngày …',
  unspecified: 'Không ghi',
};

const year = z.number({ error: 'Năm phải là số' }).int({ error: 'Năm phải là số nguyên' }).min(2000, { error: 'Năm không hợp lệ' }).max(2100, { error: 'Năm không hợp lệ' });

export const Timeframe = z
  .strictObject({
    kind: z.enum(TIMEFRAME_KINDS, { error: 'Chọn loại thời gian thực hiện' }),
    year: year.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    /** The words of the source when they say more than the kind ("Thường xuyên trong năm 2025", "Cả năm 2025"). */
    text: optionalText(200),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'year' && t.year === null) ctx.addIssue({ code: 'custom', path: ['year'], message: 'Nhập năm thực hiện' });
    if (t.kind === 'deadline' && t.dueDate === null) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Nhập hạn hoàn thành (dd/mm/yyyy)' });
    if (t.kind === 'range') {
      if (t.from === null) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Nhập ngày bắt đầu' });
      if (t.to === null) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Nhập ngày kết thúc' });
      if (t.from && t.to && t.from > t.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày kết thúc trước ngày bắt đầu' });
    }
  });
export type Timeframe = z.infer<typeof Timeframe>;

export const SubItem = z.strictObject({
  /** "a", "b", … or "-" for a dash bullet. */
  label: z.string().regex(/^([a-zđ]|-|\+)$/, { error: 'Ký hiệu mục con là một chữ cái (a, b, …) hoặc dấu -' }),
  body: requiredText(20000),
});
export type SubItem = z.infer<typeof SubItem>;

const refs = z.array(UnitRef).max(100).default([]);

export const PlanTask = z.strictObject({
  id: uuid,
  /** As numbered in the document: "1", "2", … */
  ordinal: z.string().transform(normalizeText).pipe(z.string().min(1, { error: 'Nhập số thứ tự' }).max(10)),
  body: requiredText(20000),
  subItems: z.array(SubItem).max(100).default([]),
  directing: refs,
  lead: refs,
  coordinating: refs,
  implementing: refs,
  /** "Cơ quan thực hiện" or, as offices under a Chánh Văn phòng write it, "Tham mưu, thực hiện". */
  implementingLabel: z.enum(['thuc-hien', 'tham-muu-thuc-hien']).default('thuc-hien'),
  timeframe: Timeframe,
  /** The task of the plan above that this one implements. */
  parentTaskId: uuid.nullable().default(null),
});
export type PlanTask = z.infer<typeof PlanTask>;

export const DUTY_KINDS = ['semiannual', 'annual', 'quarterly', 'plan', 'model-registration', 'other'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const DUTY_KIND_LABELS: Record<DutyKind, string> = {
  semiannual: 'Báo cáo 6 tháng',
  annual: 'Báo cáo năm',
  quarterly: 'Báo cáo quý',
  plan: 'Gửi kế hoạch của đơn vị',
  'model-registration': 'Đăng ký mô hình "Dân vận khéo"',
  other: 'Khác',
};

export const ReportingDuty = z.strictObject({
  id: uuid,
  kind: z.enum(DUTY_KINDS, { error: 'Chọn loại báo cáo' }),
  label: optionalText(300),
  // Null while the clerk is still filling the form in; refused on save.
  dueDate: isoDate.nullable().superRefine((d, ctx) => {
    if (d === null) ctx.addIssue({ code: 'custom', message: 'Nhập hạn (dd/mm/yyyy)' });
  }),
  units: z.array(UnitRef).min(1, { error: 'Chọn ít nhất một đơn vị phải báo cáo' }).max(200),
  recipient: optionalText(300),
  /** Quarter number for quarterly reports. */
  quarter: z.number().int().min(1).max(4).nullable().default(null),
  /**
   * The data cut-off window when the plan sets its own ("số liệu tính từ ngày … đến ngày …"); absent: Nghị định
   * 09/2019's (shared/plans/reporting-periods.ts). Left out of the JSON when absent, so that a plan without one
   * stays readable by installations older than the field.
   */
  cutoff: z
    .strictObject({ from: isoDate, to: isoDate })
    .refine((c) => c.from <= c.to, { error: 'Thời gian chốt số liệu: ngày bắt đầu sau ngày kết thúc' })
    .optional(),
});
export type ReportingDuty = z.infer<typeof ReportingDuty>;

/**
 * What kind of figure an indicator is, which decides the rule its values obey: a count is a whole number
 * not below 0, a percentage lies in 0–100, a quantity (money, area) is any number not below 0.
 */
export const INDICATOR_KINDS = ['count', 'percentage', 'quantity'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * A figure the plan asks every unit to report (số cuộc đối thoại, số lượt tiếp công dân, …), with its rules:
 * `kind` (absent in plans saved before the rules: then known by name or unit, shared/reports/figure-rules.ts)
 * and `partOf`, the id of another indicator of the plan it cannot exceed in the same task (đơn đã giải quyết
 * ≤ đơn tiếp nhận).
 */
export const Indicator = z.strictObject({
  id: uuid,
  name: requiredText(200),
  unit: optionalText(50),
  kind: z.enum(INDICATOR_KINDS, { error: 'Chọn loại chỉ tiêu' }).optional(),
  partOf: uuid.nullable().optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Footnote = z.strictObject({ marker: z.string().regex(/^\d{1,2}$/), text: requiredText(20000) });

/** Everything the document says, as the clerk edits it. */
export const PlanContent = z.strictObject({
  issuerParent: optionalText(200),
  issuerName: requiredText(200),
  number: optionalText(10),
  symbol: requiredText(40),
  place: optionalText(100),
  issueDate: isoDate.nullable().default(null),
  title: requiredText(500),
  year,
  periodStart: isoDate,
  periodEnd: isoDate,
  bases: z.array(requiredText(2000)).max(30).default([]),
  preamble: optionalText(5000),
  purposes: optionalText(30000),
  tasksHeading: optionalText(200),
  attributeStyle: z.enum(['dash', 'lettered']).default('dash'),
  tasks: z.array(PlanTask).max(300).default([]),
  budget: optionalText(5000),
  organization: optionalText(30000),
  duties: z.array(ReportingDuty).max(50).default([]),
  closing: optionalText(3000),
  recipients: z.array(requiredText(300)).max(50).default([]),
  signerAuthority: optionalText(100),
  signerTitle: optionalText(100),
  signerName: optionalText(100),
  footnotes: z.array(Footnote).max(50).default([]),
  indicators: z.array(Indicator).max(50).default([]),
});
export type PlanContent = z.infer<typeof PlanContent>;
export type PlanContentInput = z.input<typeof PlanContent>;

export const PLAN_KINDS = ['own', 'received'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PlanView = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  status: z.enum(PLAN_STATES),
  revision: z.number(),
  parentPlanId: z.string().nullable(),
  updatedAt: z.string(),
  content: PlanContent,
  /** The document number as printed: "550/KH-VP", or "…/KH-UBND" while a draft. */
  documentNumber: z.string(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanSummary = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  status: z.enum(PLAN_STATES),
  year: z.number(),
  title: z.string(),
  documentNumber: z.string(),
  issuerName: z.string(),
  issueDate: z.string().nullable(),
  revision: z.number(),
  taskCount: z.number(),
  parentPlanId: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const RevisionInfo = z.object({
  revision: z.number(),
  reason: z.string(),
  createdAt: z.string(),
  changes: z.array(z.string()),
});
export type RevisionInfo = z.infer<typeof RevisionInfo>;
