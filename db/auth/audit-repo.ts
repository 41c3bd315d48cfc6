import type { Executor } from '../executor';
import type { AuditEventTable } from '../schema';
import type { Insertable, Selectable } from 'kysely';

export async function insertAuditEvent(db: Executor, row: Insertable<AuditEventTable>): Promise<void> {
  await db.insertInto('audit_event').values(row).execute();
}

export interface AuditQuery {
  fromAt: string | null;
  toAt: string | null;
  userId: string | null;
  action: string | null;
}

/** Newest first. Text matching is done by the caller on folded text (a few thousand rows a year at most). */
export async function selectAuditEvents(db: Executor, q: AuditQuery): Promise<Selectable<AuditEventTable>[]> {
  let query = db.selectFrom('audit_event').selectAll();
  if (q.fromAt) query = query.where('at', '>=', q.fromAt);
  if (q.toAt) query = query.where('at', '<', q.toAt);
  if (q.userId) query = query.where('user_id', '=', q.userId);
  if (q.action) query = query.where('action', '=', q.action);
  return query.orderBy('id', 'desc').execute();
}
