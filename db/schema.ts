import type { BundleKind } from '../shared/bundles/bundle-schemas';
import type { PlanKind } from '../shared/plans/plan-schemas';
import type { TaskStatus } from '../shared/reports/report-schemas';
import type { OutboxState, PlanState, ReportState, SentBundleState } from '../shared/workflow/states';
import type { Generated } from 'kysely';

/** Table types for Kysely. Migrations use Kysely<any> so that later schema changes never break them. */
export interface InstallationTable {
  id: string;
  created_at: string;
  public_key_pem: string;
  private_key_pem: string;
}

export interface OfficeTable {
  id: number;
  name: string;
  parent_body: string;
  level: string;
  abbreviation: string;
  place_name: string;
  reports_to: string;
  updated_at: string;
}

export interface UnitTable {
  id: string;
  name: string;
  name_folded: string;
  abbreviation: string;
  abbreviation_folded: string;
  kind: string;
  parent_id: string | null;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UnitAliasTable {
  unit_id: string;
  alias: string;
  alias_folded: string;
  position: number;
}

export interface UnitGroupTable {
  id: string;
  name: string;
  name_folded: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UnitGroupMemberTable {
  group_id: string;
  unit_id: string;
}

export interface Database extends PlanTables, ReportTables, BundleTables, AuthTables {
  installation: InstallationTable;
  office: OfficeTable;
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  unit_group: UnitGroupTable;
  unit_group_member: UnitGroupMemberTable;
}

export interface PlanTable {
  id: string;
  kind: PlanKind;
  status: PlanState;
  year: number;
  number: string;
  symbol: string;
  issue_date: string | null;
  title: string;
  issuer_name: string;
  period_start: string;
  period_end: string;
  parent_plan_id: string | null;
  revision: number;
  content_json: string;
  created_at: string;
  updated_at: string;
}

export interface PlanTaskTable {
  id: string;
  plan_id: string;
  position: number;
  ordinal: string;
  body: string;
  timeframe_kind: string;
  timeframe_year: number | null;
  timeframe_due: string | null;
  timeframe_from: string | null;
  timeframe_to: string | null;
  parent_task_id: string | null;
}

export interface PlanTaskUnitTable {
  task_id: string;
  role: string;
  position: number;
  unit_id: string | null;
  group_id: string | null;
  external_name: string | null;
}

export interface PlanDutyTable {
  id: string;
  plan_id: string;
  position: number;
  kind: string;
  due_date: string;
}

export interface PlanDutyUnitTable {
  duty_id: string;
  position: number;
  unit_id: string | null;
  group_id: string | null;
  external_name: string | null;
}

export interface PlanRevisionTable {
  plan_id: string;
  revision: number;
  reason: string;
  created_at: string;
  content_json: string;
}

export interface PlanSearchTable {
  plan_id: string;
  task_id: string | null;
  folded: string;
}

/** A received plan's obligations as its sender listed them: one row per task this office carries or report it owes. */
export interface ReceivedObligationTable {
  plan_id: string;
  task_id: string | null;
  duty_id: string | null;
}

export interface PlanTables {
  plan: PlanTable;
  received_obligation: ReceivedObligationTable;
  plan_task: PlanTaskTable;
  plan_task_unit: PlanTaskUnitTable;
  plan_duty: PlanDutyTable;
  plan_duty_unit: PlanDutyUnitTable;
  plan_revision: PlanRevisionTable;
  plan_search: PlanSearchTable;
}

export interface ReportTable {
  id: string;
  plan_id: string;
  duty_id: string;
  unit_id: string;
  status: ReportState;
  revision: number;
  received_date: string | null;
  returned_reason: string;
  content_json: string;
  created_at: string;
  updated_at: string;
}

export interface ReportRevisionTable {
  report_id: string;
  revision: number;
  received_date: string;
  content_json: string;
  created_at: string;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: string;
  kind: string;
  at: string;
  date: string | null;
  reason: string;
  revision: number;
  actor: string;
}

export interface ReportTaskEntryTable {
  report_id: string;
  task_id: string;
  status: TaskStatus | null;
}

export interface OfficeReportTable {
  duty_id: string;
  plan_id: string;
  text_json: string;
  updated_at: string;
}

export interface AttachmentTable {
  sha256: string;
  size: number;
  mime: string;
  created_at: string;
}

export interface ReportTables {
  attachment: AttachmentTable;
  office_report: OfficeReportTable;
  report: ReportTable;
  report_revision: ReportRevisionTable;
  report_event: ReportEventTable;
  report_task_entry: ReportTaskEntryTable;
}

export interface BundleTables {
  outbox_item: {
    bundle_id: string;
    recipient: string;
    file_name: string;
    status: OutboxState;
    attempts: number;
    next_attempt_at: string;
    last_error: string;
    created_at: string;
    sent_at: string | null;
  };
  setting: { key: string; value_json: string };
  own_report: { duty_id: string; plan_id: string; content_json: string; updated_at: string };
  known_sender: { installation_id: string; office_name: string; public_key_pem: string; fingerprint: string; accepted_at: string };
  /** The installation key each unit reports with (one key, one unit). */
  unit_installation: BoundInstallation & { unit_id: string };
  /** The key of the body above: plans and returns are accepted from it only (one row, id 1). */
  parent_installation: BoundInstallation & { id: number };
  /** Files refused once, by hash: the inbox does not parse them again. */
  refused_file: { sha256: string; file_name: string; reason: string; refused_at: string };
  /** Bundles taken in; what each is about, read from its checked payload (the manifest's `subject` kept as sent). */
  imported_bundle: BundleSubjectColumns & {
    bundle_id: string;
    kind: BundleKind;
    sender_installation_id: string;
    subject: string;
    revision: number;
    imported_at: string;
    /** report: the unit of this office it counted for (the unit its key is bound to). */
    unit_id: string | null;
    /** receipt: the bundle of this office it acknowledges. */
    receipt_for_bundle_id: string | null;
  };
  sent_bundle: BundleSubjectColumns & {
    bundle_id: string;
    kind: BundleKind;
    subject: string;
    revision: number;
    file_name: string;
    recipient: string;
    status: SentBundleState;
    created_at: string;
    received_at: string | null;
    note: string;
  };
}

/**
 * What a bundle is about (migration 010), the parts of its manifest subject: plan, report or return name
 * a plan; report and return a duty of it and the installation whose report it is. NULL where the kind has none.
 */
export interface BundleSubjectColumns {
  plan_id: string | null;
  duty_id: string | null;
  reporter_installation_id: string | null;
}

export interface BoundInstallation {
  installation_id: string;
  public_key_pem: string;
  fingerprint: string;
  office_name: string;
  bound_at: string;
  bound_by: string;
  last_bundle_at: string | null;
}

export interface AppUserTable {
  id: string;
  username: string;
  username_folded: string;
  full_name: string;
  roles: string;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  user_name: string;
  action: string;
  summary: string;
  target_kind: string;
  target_id: string;
  target_label: string;
  detail: string;
  outcome: string;
}

export interface AuthTables {
  app_user: AppUserTable;
  audit_event: AuditEventTable;
}
