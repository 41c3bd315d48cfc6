import type { PlanState, ReportState } from './states';

/** What the clerk reads for each state (screens and printed documents); the services deal in states only. */
export const REPORT_STATE_LABELS: Record<ReportState, string> = { draft: 'Dự thảo', submitted: 'Đã gửi', accepted: 'Đã tiếp nhận', returned: 'Trả lại' };
export const PLAN_STATE_LABELS: Record<PlanState, string> = { draft: 'Dự thảo', issued: 'Đã ban hành', received: 'Kế hoạch cấp trên' };
/** A unit that owes a report and has none yet. */
export const NO_REPORT_LABEL = 'Chưa có báo cáo';
