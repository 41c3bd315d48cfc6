import type { PlanState, ReportState, SentBundleState } from './states';

/** What the clerk reads for each state (screens and printed documents); the services deal in states only. */
export const REPORT_STATE_LABELS: Record<ReportState, string> = { draft: 'Dự thảo', submitted: 'Đã gửi', accepted: 'Đã tiếp nhận', returned: 'Trả lại' };
export const PLAN_STATE_LABELS: Record<PlanState, string> = { draft: 'Dự thảo', issued: 'Đã ban hành', received: 'Kế hoạch cấp trên' };
/** A bundle this office made: a file for a USB stick or an outbox item is not known to have arrived until its receipt does. */
export const SENT_BUNDLE_STATE_LABELS: Record<SentBundleState, string> = { saved: 'Chờ biên nhận', received: 'Đã nhận', returned: 'Bị trả lại' };
/** A unit that owes a report and has none yet. */
export const NO_REPORT_LABEL = 'Chưa có báo cáo';
/** A report that came in (typed in or received as a bundle) and waits for a lãnh đạo to accept or return it. */
export const AWAITING_ACCEPTANCE_LABEL = 'Chờ tiếp nhận';
