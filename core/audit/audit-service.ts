import ExcelJS from 'exceljs';
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, Database } from '../../db/schema';
import { insertAuditEvent, selectAuditEvents } from '../../db/auth/audit-repo';
import type { AuditEvent, AuditFilter } from '../../shared/auth/auth-schemas';
import { foldVietnamese } from '../../shared/text/fold';
import { formatVnDateTime } from '../../shared/dates/vn-date';
import type { Executor } from '../../db/executor';
import type { AuditTarget } from './audit-target';

export interface AuditEntry {
  userId: string | null;
  userName: string;
  action: string;
  summary: string;
  target?: AuditTarget;
  detail?: string;
  outcome?: 'ok' | 'refused';
}

export async function recordAudit(db: Executor, entry: AuditEntry, now: Date): Promise<void> {
  await insertAuditEvent(db, {
    at: now.toISOString(),
    user_id: entry.userId,
    user_name: entry.userName,
    action: entry.action,
    summary: entry.summary,
    target_kind: entry.target?.kind ?? '',
    target_id: entry.target?.id ?? '',
    target_label: entry.target?.label ?? '',
    detail: entry.detail ?? '',
    outcome: entry.outcome ?? 'ok',
  });
}

function toEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    userName: row.user_name,
    action: row.action,
    summary: row.summary,
    targetKind: row.target_kind,
    targetLabel: row.target_label,
    detail: row.detail,
    outcome: row.outcome === 'refused' ? 'refused' : 'ok',
  };
}

/** Local calendar days → the UTC instants stored in `at` (offices work in local time). */
function dayStart(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toISOString();
}
function dayAfter(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y!, m! - 1, d! + 1).toISOString();
}

async function filtered(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEvent[]> {
  const rows = await selectAuditEvents(db, {
    fromAt: filter.from ? dayStart(filter.from) : null,
    toAt: filter.to ? dayAfter(filter.to) : null,
    userId: filter.userId,
    action: filter.action,
  });
  const words = foldVietnamese(filter.query).split(/\s+/).filter(Boolean);
  const events = rows.map(toEvent);
  if (!words.length) return events;
  return events.filter((e) => {
    const haystack = foldVietnamese(`${e.userName} ${e.summary} ${e.targetLabel} ${e.detail}`);
    return words.every((w) => haystack.includes(w));
  });
}

export async function listAudit(db: Kysely<Database>, filter: AuditFilter & { offset: number; limit: number }) {
  const events = await filtered(db, filter);
  return { total: events.length, events: events.slice(filter.offset, filter.offset + filter.limit) };
}

/** The filtered log as an Excel sheet an auditor opens without the app. */
export async function exportAudit(db: Kysely<Database>, filter: AuditFilter, now: Date) {
  const events = await filtered(db, filter);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Nhật ký');
  sheet.columns = [
    { header: 'Thời điểm', key: 'at', width: 20 },
    { header: 'Người thực hiện', key: 'user', width: 30 },
    { header: 'Thao tác', key: 'summary', width: 36 },
    { header: 'Đối tượng', key: 'target', width: 50 },
    { header: 'Chi tiết', key: 'detail', width: 40 },
    { header: 'Kết quả', key: 'outcome', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true, name: 'Times New Roman' };
  for (const e of events) {
    sheet.addRow({ at: formatVnDateTime(new Date(e.at), true), user: e.userName, summary: e.summary, target: e.targetLabel, detail: e.detail, outcome: e.outcome === 'ok' ? 'Thực hiện' : 'Bị từ chối' });
  }
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const day = now.toISOString().slice(0, 10);
  return { fileName: `nhat-ky-${day}.xlsx`, base64: bytes.toString('base64') };
}

