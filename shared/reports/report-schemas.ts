import { REPORT_STATES } from '../workflow/states';
import { z } from 'zod';
import { isoDate, optionalText, requiredText, uuid } from '../api/fields';
import { INDICATOR_KINDS } from '../plans/plan-schemas';

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'done_late', 'not_done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  done_late: 'Hoàn thành nhưng quá hạn',
  not_done: 'Không thực hiện',
};

export const MODEL_FIELDS = ['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'he_thong_chinh_tri', 'nong_thon_moi', 'cai_cach_hanh_chinh'] as const;
export const MODEL_FIELD_LABELS: Record<(typeof MODEL_FIELDS)[number], string> = {
  kinh_te: 'Kinh tế',
  van_hoa_xa_hoi: 'Văn hóa – xã hội',
  quoc_phong_an_ninh: 'Quốc phòng – an ninh',
  he_thong_chinh_tri: 'Xây dựng hệ thống chính trị',
  nong_thon_moi: 'Nông thôn mới, đô thị văn minh',
  cai_cach_hanh_chinh: 'Cải cách hành chính',
};
export const MODEL_LEVELS = ['dang_ky', 'cong_nhan_xa', 'cong_nhan_tinh'] as const;
export const MODEL_LEVEL_LABELS: Record<(typeof MODEL_LEVELS)[number], string> = {
  dang_ky: 'Đăng ký',
  cong_nhan_xa: 'Được công nhận cấp xã',
  cong_nhan_tinh: 'Được công nhận cấp tỉnh',
};

export const Figure = z.strictObject({
  name: requiredText(200),
  unit: optionalText(50),
  value: z.number({ error: 'Số liệu phải là số' }).min(0, { error: 'Số liệu không được âm' }).max(1e9),
});
export type Figure = z.infer<typeof Figure>;

export const AttachmentRef = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Mã tệp không hợp lệ' }),
  name: requiredText(255),
  size: z.number().int().min(0),
  mime: z.string().max(100),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const TaskEntry = z.strictObject({
  taskId: uuid,
  /** Null until the unit says how the task stands. */
  status: z.enum(TASK_STATUSES, { error: 'Chọn tình trạng' }).nullable().default(null),
  doneText: optionalText(20000),
  reason: optionalText(5000),
  figures: z.array(Figure).max(50).default([]),
  /** Evidence: documents and photos, stored once by content hash. */
  attachments: z.array(AttachmentRef).max(30).default([]),
});
export type TaskEntry = z.infer<typeof TaskEntry>;

export const ModelEntry = z.strictObject({
  id: uuid,
  name: requiredText(300),
  field: z.enum(MODEL_FIELDS, { error: 'Chọn lĩnh vực' }),
  unitName: optionalText(200),
  startDate: isoDate.nullable().default(null),
  results: optionalText(5000),
  level: z.enum(MODEL_LEVELS, { error: 'Chọn cấp' }).default('dang_ky'),
});
export type ModelEntry = z.infer<typeof ModelEntry>;

/** What a unit reports for one reporting duty. */
export const ReportContent = z.strictObject({
  tasks: z.array(TaskEntry).max(300).default([]),
  generalResults: optionalText(30000),
  shortcomings: optionalText(20000),
  causes: optionalText(20000),
  directions: optionalText(20000),
  proposals: optionalText(20000),
  models: z.array(ModelEntry).max(50).default([]),
});
export type ReportContent = z.infer<typeof ReportContent>;


/** A figure far from the same unit's previous report of that indicator: "gấp 12 lần 6 tháng đầu năm 2025 (10 lượt)". */
export const FigureOutlier = z.object({ name: z.string(), unit: z.string(), value: z.number(), previous: z.number(), period: z.string(), words: z.string() });
export type FigureOutlier = z.infer<typeof FigureOutlier>;

export const ReportEvent = z.object({ kind: z.enum(['submitted', 'accepted', 'returned']), at: z.string(), date: z.string().nullable(), reason: z.string(), revision: z.number(), actor: z.string() });

export const ReportView = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  dutyId: z.string(),
  dutyLabel: z.string(),
  dueDate: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(REPORT_STATES),
  revision: z.number(),
  receivedDate: z.string().nullable(),
  returnedReason: z.string(),
  updatedAt: z.string(),
  content: ReportContent,
  /** The plan's tasks this unit carries, in plan order, with its role in each. */
  tasks: z.array(z.object({ taskId: z.string(), ordinal: z.string(), body: z.string(), roles: z.array(z.string()) })),
  events: z.array(ReportEvent),
  /** The plan's catalogue of figures, offered when the unit adds one, with the rules each obeys (figure-rules.ts). */
  indicators: z.array(z.object({ name: z.string(), unit: z.string(), kind: z.enum(INDICATOR_KINDS), partOf: z.string().nullable() })),
  /** Figures far from the unit's previous period (advice for the reviewer); empty for a draft. */
  outliers: z.array(FigureOutlier),
});
export type ReportView = z.infer<typeof ReportView>;

export const MATRIX_STATES = ['not_due', 'missing', 'draft', 'on_time', 'late', 'returned', 'accepted'] as const;
export type MatrixState = (typeof MATRIX_STATES)[number];

export const MatrixCell = z.object({
  dutyId: z.string(),
  unitId: z.string(),
  state: z.enum(MATRIX_STATES),
  /** Days after the due date it arrived (late, accepted late) or is overdue (missing); 0 otherwise. */
  daysLate: z.number(),
  reportId: z.string().nullable(),
});
export type MatrixCell = z.infer<typeof MatrixCell>;

export const Matrix = z.object({
  duties: z.array(z.object({ id: z.string(), label: z.string(), dueDate: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  cells: z.array(MatrixCell),
});
export type Matrix = z.infer<typeof Matrix>;

/** Which plan and which reporting duty a report answers, as every report screen heads it. */
export const DutyHeading = z.object({
  planId: z.string(),
  dutyId: z.string(),
  dutyLabel: z.string(),
  dueDate: z.string(),
  planTitle: z.string(),
  documentNumber: z.string(),
});

/** This office's own report on a duty of a plan it received. */
export const OwnReportView = DutyHeading.extend({
  tasks: z.array(z.object({ taskId: z.string(), ordinal: z.string(), body: z.string() })),
  content: ReportContent,
  updatedAt: z.string().nullable(),
});
export type OwnReportView = z.infer<typeof OwnReportView>;
