import type { Executor } from '../../db/executor';
import { listSentBundleRows, listSentReports } from '../../db/bundles/bundle-log-repo';
import { getInstallation } from '../../db/identity/identity-repo';

/** Every bundle this office made, newest first, with what became of it (a receipt, a return). */
export async function listSentBundles(db: Executor) {
  const rows = await listSentBundleRows(db);
  return rows.map((r) => ({ bundleId: r.bundle_id, kind: r.kind, fileName: r.file_name, recipient: r.recipient, revision: r.revision, status: r.status, note: r.note, createdAt: r.created_at, receivedAt: r.received_at }));
}

/** The state of this office's reports sent up for a received plan: per duty, the last revision and its fate. */
export async function sentReportsOf(db: Executor, receivedPlanId: string) {
  const me = (await getInstallation(db))!;
  const latest = new Map<string, Awaited<ReturnType<typeof listSentReports>>[number]>();
  for (const r of await listSentReports(db, receivedPlanId, me.id)) {
    if (r.duty_id && !latest.has(r.duty_id)) latest.set(r.duty_id, r);
  }
  return [...latest].map(([dutyId, r]) => ({ dutyId, revision: r.revision, status: r.status, note: r.note }));
}
