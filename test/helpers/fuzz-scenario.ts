import crypto from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Services } from '../../core/services';
import { call, setUpOffice, setUpServices } from './services';
import { newPlanWith, task } from './plans';

export const PROVINCE = { name: 'UBND tỉnh Quảng Ngãi', parentBody: '', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', reportsTo: '' } as const;
export const COMMUNE = { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)' } as const;

export interface Installation {
  services: Services;
  dataDir: string;
  installationId: string;
  privateKeyPem: string;
}

export interface BundleFile {
  /** What it is and where it goes, for failure messages. */
  label: string;
  bytes: Buffer;
  /** The installation that signed it, whose key re-signs mutated copies. */
  signer: Installation;
  /** The installation it was made for, which has not imported it yet (unless said otherwise). */
  receiver: Installation;
}

async function installation(office: Record<string, string>, folder?: string): Promise<Installation> {
  const { services, dataDir } = await setUpServices({ office: false, dataDir: folder });
  await setUpOffice(services, office);
  const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT id, private_key_pem FROM installation').get() as { id: string; private_key_pem: string };
    return { services, dataDir, installationId: row.id, privateKeyPem: row.private_key_pem };
  } finally {
    db.close();
  }
}

const bytesOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

/**
 * A province and a commune exchanging every kind of bundle, as in test/unit/bundles.test.ts, stopped
 * with real bundles still unimported: a plan's second revision (down), two reports (up, one with
 * evidence, a Word and an Excel copy), a return (down) and receipts both ways. `newDataDir` gives the
 * installations' folders when they must outlive a test (test/helpers/temp-dir.ts removes its own after each).
 */
export async function bundleExchange(newDataDir?: () => string) {
  const province = await installation(PROVINCE, newDataDir?.());
  const xa = await call(province.services, 'units.create', { name: 'UBND xã Bình Chương', kind: 'xa', aliases: ['Ủy ban nhân dân xã Bình Chương'] });
  const owes = [{ type: 'unit' as const, unitId: xa.id, note: '' }];
  const semi = crypto.randomUUID();
  const annual = crypto.randomUUID();
  const plan = await newPlanWith(province.services, 'own', 2026, (c) => ({
    ...c,
    tasks: [task('1', 'Tổ chức đối thoại với Nhân dân', { implementing: owes }), task('2', 'Tiếp công dân định kỳ', { implementing: owes })],
    duties: [
      { id: semi, kind: 'semiannual', label: '', dueDate: '2026-05-15', units: owes, recipient: 'Sở Nội vụ', quarter: null },
      { id: annual, kind: 'annual', label: '', dueDate: '2026-11-15', units: owes, recipient: 'Sở Nội vụ', quarter: null },
    ],
  }));
  await call(province.services, 'plans.issue', { id: plan.id, number: '14', issueDate: '2026-01-19' });
  const planFile1 = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });

  const commune = await installation(COMMUNE, newDataDir?.());
  const planImported = await call(commune.services, 'bundles.import', { base64: planFile1.base64, acceptKey: true });

  // the commune's report on the half year: its own plan, a thôn's report with evidence, consolidated
  const thon = await call(commune.services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
  const own = await call(commune.services, 'plans.derive', { parentPlanId: plan.id });
  const ref = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
  const ownDuty = crypto.randomUUID();
  await call(commune.services, 'plans.saveDraft', {
    id: own.id,
    content: { ...own.content, tasks: own.content.tasks.map((t) => ({ ...t, implementing: ref })), duties: [{ id: ownDuty, kind: 'semiannual', label: '', dueDate: '2026-05-10', units: ref, recipient: '', quarter: null }] },
  });
  await call(commune.services, 'plans.issue', { id: own.id, number: '5', issueDate: '2026-02-01' });
  const report = await call(commune.services, 'reports.open', { planId: own.id, dutyId: ownDuty, unitId: thon.id });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('biên bản đối thoại')]);
  const evidence = await call(commune.services, 'attachments.add', { fileName: 'Biên bản.pdf', base64: pdf.toString('base64') });
  await call(commune.services, 'reports.save', {
    id: report.id,
    content: { ...report.content, tasks: report.content.tasks.map((t, i) => ({ ...t, status: i === 0 ? 'done' : 'in_progress', doneText: `Kết quả ${i + 1}`, figures: [{ name: 'Số cuộc đối thoại', unit: 'cuộc', value: 3 }], attachments: i === 0 ? [evidence] : [] })) },
  });
  await call(commune.services, 'reports.submit', { id: report.id, receivedDate: '2026-05-08' });
  await call(commune.services, 'reports.accept', { id: report.id });
  const semiReport = await call(commune.services, 'bundles.exportReport', { planId: plan.id, dutyId: semi });

  // the commune's own report on the year: sent, imported by the province, returned
  const ownReport = await call(commune.services, 'ownReports.get', { planId: plan.id, dutyId: annual });
  await call(commune.services, 'ownReports.save', { planId: plan.id, dutyId: annual, content: { ...ownReport.content, tasks: ownReport.content.tasks.map((t) => ({ ...t, status: 'done', doneText: 'Đã đối thoại 2 lần' })), proposals: 'Bố trí kinh phí' } });
  const annual1 = await call(commune.services, 'bundles.exportReport', { planId: plan.id, dutyId: annual });
  const annualImported = await call(province.services, 'bundles.import', { base64: annual1.base64, acceptKey: true });
  const matrix = await call(province.services, 'reports.matrix', { planId: plan.id, today: '2026-12-01' });
  const annualReportId = matrix.cells.find((c) => c.dutyId === annual)!.reportId!;
  await call(province.services, 'reports.return', { id: annualReportId, reason: 'Bổ sung số liệu đối thoại' });
  const returned = await call(province.services, 'bundles.exportReturn', { reportId: annualReportId, deliver: 'file' });
  const annual2 = await call(commune.services, 'bundles.exportReport', { planId: plan.id, dutyId: annual });

  // the plan revised: its second revision goes down
  const issued = await call(province.services, 'plans.get', { id: plan.id, revision: null });
  await call(province.services, 'plans.revise', { id: plan.id, reason: 'Bổ sung nhiệm vụ', content: { ...issued.content, tasks: [...issued.content.tasks, task('3', 'Việc của Sở')] } });
  const planFile2 = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id });

  const files: BundleFile[] = [
    { label: 'kế hoạch lần 2, tỉnh → xã', bytes: bytesOf(planFile2), signer: province, receiver: commune },
    { label: 'kế hoạch lần 1 (đã nhập), tỉnh → xã', bytes: bytesOf(planFile1), signer: province, receiver: commune },
    { label: 'báo cáo 6 tháng có minh chứng, xã → tỉnh', bytes: bytesOf(semiReport), signer: commune, receiver: province },
    { label: 'báo cáo năm lần 2, xã → tỉnh', bytes: bytesOf(annual2), signer: commune, receiver: province },
    { label: 'trả lại báo cáo năm, tỉnh → xã', bytes: bytesOf(returned), signer: province, receiver: commune },
    { label: 'biên nhận kế hoạch, xã → tỉnh', bytes: bytesOf(planImported.receipt!), signer: commune, receiver: province },
    { label: 'biên nhận báo cáo năm, tỉnh → xã', bytes: bytesOf(annualImported.receipt!), signer: province, receiver: commune },
  ];
  return { province, commune, files, ids: { planId: plan.id, ownPlanId: own.id, semi, annual, ownDuty, xaUnitId: xa.id, thonUnitId: thon.id, reportId: report.id, annualReportId, evidence: evidence.sha256 } };
}
