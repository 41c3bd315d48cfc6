/**
 * 150 report bundles as 150 commune installations would send them: each signed with its own Ed25519
 * key (new to the department, so imported with the key confirmed on first use), carrying the commune's
 * report on the department's task ids, its BÁO CÁO .docx and .xlsx, and for some a biên bản PDF.
 * Written once next to the cached demo data (they name its plan and duty ids).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../core/services';
import { writeBundle } from '../core/bundles/bundle-codec';
import { consolidatedReportDocx } from '../core/documents/report-docx';
import { consolidatedReportXlsx } from '../core/documents/report-xlsx';
import { streamFor } from '../core/demo/demo-random';
import { DEMO_COMMUNES, communeName } from '../core/demo/demo-communes';
import { reportContent, type ReportContext } from '../core/demo/demo-reports';
import { PROVINCE, TASK_TEMPLATES, type TaskTemplate } from '../core/demo/demo-texts';
import { demoPdf } from '../core/demo/demo-pdf';
import type { ReportPayload } from '../shared/bundles/bundle-schemas';
import type { Consolidation } from '../shared/reports/consolidation';
import type { OperationName, OperationOutput } from '../shared/api/contract';

export interface BenchTarget {
  planId: string;
  dutyId: string;
  dutyKind: 'semiannual' | 'annual';
  dueDate: string;
  year: number;
}

async function must<N extends OperationName>(services: Services, name: N, input: Record<string, unknown>): Promise<OperationOutput<N>> {
  const r = await services.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as OperationOutput<N>;
}

/** The department's plan of the last year and its annual duty, which no commune has reported on yet. */
export async function benchTarget(services: Services): Promise<BenchTarget> {
  const plans = await must(services, 'plans.list', { year: null, status: 'issued' });
  const latest = plans.sort((a, b) => b.year - a.year)[0]!;
  const plan = await must(services, 'plans.get', { id: latest.id, revision: null });
  const duty = plan.content.duties.find((d) => d.kind === 'annual')!;
  return { planId: plan.id, dutyId: duty.id, dutyKind: 'annual', dueDate: duty.dueDate!, year: plan.content.year };
}

export async function reportBundles(services: Services, dir: string, target: BenchTarget, communes: number): Promise<Buffer[]> {
  const files = Array.from({ length: communes }, (_, i) => path.join(dir, `bc-${String(i + 1).padStart(3, '0')}.dvb`));
  const stamp = path.join(dir, 'target.json');
  const same = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === JSON.stringify(target) && files.every((f) => fs.existsSync(f));
  if (same) return files.map((f) => fs.readFileSync(f));

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const plan = await must(services, 'plans.get', { id: target.planId, revision: null });
  const units = await must(services, 'units.list', { includeInactive: true });
  const groups = await must(services, 'groups.list', {});
  const members = new Map(groups.map((g) => [g.id, g.memberIds]));
  const templateOf = new Map<string, TaskTemplate>();
  for (const t of plan.content.tasks) {
    const template = TASK_TEMPLATES.find((x) => x.body(target.year) === t.body);
    if (template) templateOf.set(t.id, template);
  }
  const ctx: ReportContext = { year: target.year, kind: target.dutyKind, dueDate: target.dueDate, templateOf };
  const bundles: Buffer[] = [];
  for (const [i, commune] of DEMO_COMMUNES.slice(0, communes).entries()) {
    const unitName = communeName(commune);
    const unit = units.find((u) => u.name === unitName)!;
    const carried = plan.content.tasks
      .filter((t) => [...t.lead, ...t.coordinating, ...t.implementing].some((r) => (r.type === 'unit' && r.unitId === unit.id) || (r.type === 'group' && members.get(r.groupId)?.includes(unit.id))))
      .map((t) => t.id);
    const rng = streamFor(1, 'goi-bao-cao', i);
    const content = reportContent(rng, { commune, reliability: 0.9, size: 1, model: null }, ctx, carried);
    const attachments = new Map<string, Uint8Array>();
    if (i % 10 === 0 && content.tasks[0]) {
      const pdf = demoPdf([`Bien ban doi thoai - ${unitName}`, `Nam ${target.year}`]);
      const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
      attachments.set(sha256, pdf);
      content.tasks[0].attachments.push({ sha256, name: 'Bien-ban-doi-thoai.pdf', size: pdf.length, mime: 'application/pdf' });
    }
    // The commune's own BÁO CÁO, as its installation would attach it.
    const own: Consolidation = {
      planId: target.planId,
      dutyId: target.dutyId,
      dutyLabel: 'Báo cáo năm',
      dueDate: target.dueDate,
      planTitle: plan.content.title,
      documentNumber: plan.documentNumber,
      issueDate: plan.content.issueDate,
      citedPlans: [{ documentNumber: plan.documentNumber, issueDate: plan.content.issueDate, issuerName: plan.content.issuerName, title: plan.content.title }],
      period: { phrase: `năm ${target.year}`, from: null, to: null },
      previousPeriod: null,
      units: [],
      sendsUp: null,
      tasks: plan.content.tasks.filter((t) => carried.includes(t.id)).map((t) => {
        const e = content.tasks.find((x) => x.taskId === t.id)!;
        return { taskId: t.id, ordinal: t.ordinal, body: t.body, parentTask: null, combinedStatus: e.status, results: [], carriers: 1, notReported: [], unitFigures: [], figures: e.figures.map((f) => ({ name: f.name, unit: f.unit, total: f.value, byUnit: [], previous: null })) };
      }),
      figures: [],
      models: [],
      text: { number: String(10 + i), issueDate: target.dueDate, title: `Kết quả thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${target.year}`, recipientLine: 'Sở Nội vụ', leadership: '', generalResults: content.generalResults, shortcomings: content.shortcomings, causes: content.causes, directions: content.directions, proposals: content.proposals, recipients: ['Sở Nội vụ (báo cáo)', 'Lưu: VT'], signerAuthority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH', signerName: '' },
    };
    const office = { name: unitName, parentBody: '', level: 'xa_phuong' as const, abbreviation: 'UBND', placeName: commune.place, reportsTo: `UBND tỉnh Quảng Ngãi (qua ${PROVINCE.name})`, updatedAt: '' };
    const documents = { docx: await consolidatedReportDocx(own, office), xlsx: await consolidatedReportXlsx(own) };
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const installationId = crypto.randomUUID();
    const payload: ReportPayload = { planId: target.planId, planNumber: plan.documentNumber, dutyId: target.dutyId, dueDate: target.dueDate, unitName, receivedDate: target.dueDate, content };
    const bundle = writeBundle(
      { kind: 'report', subject: `report:${target.planId}:${target.dutyId}:${installationId}`, revision: 1, payload, attachments, documents },
      { installationId, officeName: unitName, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      PROVINCE.name,
      new Date(`${target.dueDate}T03:00:00Z`),
    );
    fs.writeFileSync(files[i]!, bundle);
    bundles.push(bundle);
  }
  fs.writeFileSync(stamp, JSON.stringify(target));
  return bundles;
}
