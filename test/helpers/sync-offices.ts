import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { createServices, type Services } from '../../core/services';
import type { TransferLimits } from '../../core/sync/webdav/body-transfer';
import type { SyncStatus } from '../../shared/sync/sync-schemas';
import { call, setUpOffice } from './services';
import { newPlanWith, task } from './plans';
import { tempDir } from './temp-dir';

export const PROVINCE = 'Sở Nội vụ tỉnh Quảng Ngãi';
export const COMMUNE = 'UBND xã Bình Chương';
/** The folders each office reads on the server (asciiSlug of its name). */
export const PROVINCE_FOLDER = 'So-Noi-vu-tinh-Quang-Ngai';
export const COMMUNE_FOLDER = 'UBND-xa-Binh-Chuong';

/**
 * A province department and a commune, each its own installation, not yet introduced: the province's plan
 * (a 6-month report owed by the commune) issued. Both send and receive through `url` (a WebDAV server).
 */
export async function officesOnServer(url: string, options: { password?: string; limits?: Partial<TransferLimits> } = {}) {
  const make = () => createServices({ dataDir: tempDir(), now: () => new Date(), log: () => undefined, syncLimits: options.limits });
  const province = await make();
  const { plan, dutyId, unitId } = await provincePlan(province);
  const commune = await make();
  await setUpCommune(commune);
  for (const office of [province, commune]) await call(office, 'sync.saveConfig', { kind: 'webdav', url, username: 'xa', password: options.password ?? 'matkhau' });
  return { province, commune, plan, dutyId, unitId, close: async () => Promise.all([province.close(), commune.close()]) };
}

/** The province set up, with its plan issued: one task for the commune, and a 6-month report it owes. */
export async function provincePlan(province: Services) {
  await setUpOffice(province, { name: PROVINCE, parentBody: 'UBND tỉnh Quảng Ngãi', level: 'tinh', abbreviation: 'SNV', placeName: 'Quảng Ngãi', reportsTo: '' });
  const xa = await call(province, 'units.create', { name: COMMUNE, kind: 'xa' });
  const owes = [{ type: 'unit' as const, unitId: xa.id, note: '' }];
  const dutyId = crypto.randomUUID();
  const plan = await newPlanWith(province, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Tổ chức đối thoại với Nhân dân', { implementing: owes })], duties: [{ id: dutyId, kind: 'semiannual', label: '', dueDate: '2026-06-15', units: owes, recipient: 'Sở Nội vụ', quarter: null }] }));
  await call(province, 'plans.issue', { id: plan.id, number: '05', issueDate: '2026-01-19' });
  return { plan, dutyId, unitId: xa.id };
}

/** The commune's own office set up (reporting to the province through its Sở Nội vụ). */
export const setUpCommune = (commune: Services) => setUpOffice(commune, { name: COMMUNE, parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)' });

export const runNow = (office: Services) => call(office, 'sync.runNow', {});

/** The commune's own report on the province's plan, put in its outbox; with `evidence`, that file attached to each task. */
export async function queueCommuneReport(commune: Services, planId: string, dutyId: string, doneText: string, evidence?: { fileName: string; bytes: Buffer }) {
  const attachments = evidence ? [await call(commune, 'attachments.add', { fileName: evidence.fileName, base64: evidence.bytes.toString('base64') })] : [];
  const own = await call(commune, 'ownReports.get', { planId, dutyId });
  await call(commune, 'ownReports.save', { planId, dutyId, content: { ...own.content, tasks: own.content.tasks.map((t) => ({ ...t, status: 'done', doneText, ...(evidence ? { attachments } : {}) })) } });
  return call(commune, 'bundles.exportReport', { planId, dutyId, deliver: 'outbox' });
}

/** A scanned record of the dialogue as evidence: 1 MB that does not compress (a bundle that takes a slow line a while). */
export const megabyteScan = () => ({ fileName: 'Biên bản đối thoại.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(1024 * 1024)]) });

/**
 * What the clerk does with a bundle from an office not met before ("Tải tệp đó về và nhập"): reads each
 * waiting file from the server's own folder and imports it, confirming the key.
 */
export async function confirmWaiting(office: Services, status: SyncStatus, serverFolder: string) {
  expect(status.waitingInInbox.length).toBeGreaterThan(0);
  for (const w of status.waitingInInbox) {
    expect(w.reason).toMatch(/[ăâđêôơư]/i);
    await call(office, 'bundles.import', { base64: fs.readFileSync(path.join(serverFolder, w.fileName)).toString('base64'), acceptKey: true });
  }
}

/** Files on the server, per office folder (no temporary upload left behind). */
export function serverFiles(root: string): Record<string, string[]> {
  const base = path.join(root, 'danvan');
  if (!fs.existsSync(base)) return {};
  return Object.fromEntries(fs.readdirSync(base).map((folder) => [folder, fs.readdirSync(path.join(base, folder)).sort()]));
}

/** The plan down: it waits on the server until the commune's clerk confirms the province's key, then the inbox removes it. */
export async function planDown(o: Awaited<ReturnType<typeof officesOnServer>>, root: string) {
  await call(o.province, 'bundles.exportPlan', { planId: o.plan.id, unitId: o.unitId, deliver: 'outbox' });
  expect((await runNow(o.province)).outbox.map((i) => i.status)).toEqual(['sent']);
  const first = await runNow(o.commune);
  expect(first.waitingInInbox).toHaveLength(1);
  await confirmWaiting(o.commune, first, path.join(root, 'danvan', COMMUNE_FOLDER));
  expect((await runNow(o.commune)).waitingInInbox).toEqual([]); // already imported: only removed, and a receipt queued once
  expect((await call(o.commune, 'plans.get', { id: o.plan.id, revision: null })).kind).toBe('received');
}

/**
 * The whole exchange over a server: the plan down, the commune's report up, the province's return,
 * and the receipts for each, every step by the inbox and outbox (the clerk only confirms the keys of
 * first bundles). Checks what each office holds after each step.
 */
export async function exchangeOverServer(server: { url: string; root: string }) {
  const o = await officesOnServer(server.url);
  const { province, commune } = o;
  const folder = (name: string) => path.join(server.root, 'danvan', name);
  await planDown(o, server.root);

  // the report up (the receipt for the plan travels in the same round)
  await queueCommuneReport(commune, o.plan.id, o.dutyId, 'Tổ chức 3 buổi đối thoại');
  const sentUp = await runNow(commune);
  expect(sentUp.lastError).toBe('');
  expect(sentUp.outbox.map((i) => i.status)).toEqual(['sent', 'sent']);
  const atProvince = await runNow(province);
  expect(atProvince.waitingInInbox.map((w) => w.fileName)).toEqual([expect.stringMatching(/^BC-6thang-2026_UBND-xa-Binh-Chuong_lan-1\.dvb$/), expect.stringMatching(/^BienNhan_/)]);
  await confirmWaiting(province, atProvince, folder(PROVINCE_FOLDER)); // the report binds the commune's key; its receipt then needs nothing more
  const taken = await runNow(province);
  expect(taken.waitingInInbox).toEqual([]);
  expect(taken.outbox.filter((i) => !i.fileName.startsWith('BienNhan_')).map((i) => i.status)).toEqual(['received']); // the plan: its receipt came back

  // returned with a reason: the return goes down with the receipt for the report, the commune takes both by itself
  const cell = (await call(province, 'reports.matrix', { planId: o.plan.id, today: '2026-05-20' })).cells[0]!;
  await call(province, 'reports.return', { id: cell.reportId!, reason: 'Bổ sung số liệu đối thoại' });
  await call(province, 'bundles.exportReturn', { reportId: cell.reportId!, deliver: 'outbox' });
  expect((await runNow(province)).outbox.filter((i) => i.status === 'waiting')).toEqual([]);
  const back = await runNow(commune);
  expect(back.waitingInInbox).toEqual([]);
  expect(await call(commune, 'bundles.sentReports', { planId: o.plan.id })).toEqual([{ dutyId: o.dutyId, revision: 1, status: 'returned', note: 'Bổ sung số liệu đối thoại' }]);

  // the commune's receipt for the return reaches the province
  expect((await runNow(commune)).outbox.filter((i) => i.status === 'waiting')).toEqual([]);
  const end = await runNow(province);
  expect(end.lastError).toBe('');
  expect(end.outbox.filter((i) => i.fileName.startsWith('TraLai_')).map((i) => i.status)).toEqual(['received']);
  expect(serverFiles(server.root)).toEqual({ [COMMUNE_FOLDER]: [], [PROVINCE_FOLDER]: [] }); // everything taken, no temporary upload left
  return o;
}
