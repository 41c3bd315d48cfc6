/**
 * Demo data: a provincial department (Sở Nội vụ) with its communes as units, a plan of its own for each
 * year derived from the UBND tỉnh plan, and the communes' reports on both reporting duties — on time,
 * late, missing, returned with a reason and resubmitted, accepted — with figures, "Dân vận khéo" models,
 * evidence files and the department's own consolidated reports.
 *
 * Everything goes through the services API (`services.call`), with the services' clock set to the day
 * each step happens, so the data is what a clerk would have produced. The same seed gives the same
 * content (ids and keys aside).
 */
import { createServices, localIsoDate, type Services } from '../services';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import { addDays, formatDocumentDate } from '../../shared/dates/vn-date';
import type { ReportContent } from '../../shared/reports/report-schemas';
import { streamFor, type Rng } from './demo-random';
import { communeFullName, communeName, DEMO_COMMUNES, type DemoCommune } from './demo-communes';
import { ownPlanContent, receivedPlanContent, yearSchedule } from './demo-plans';
import { communeWords, periodWords, reportContent, revisedContent, type CommuneProfile, type ReportContext } from './demo-reports';
import { CAUSES, DIRECTIONS, INDICATORS, MODEL_TEMPLATES, PROPOSALS, PROVINCE, RETURN_REASONS, REVISION_NOTES, SHORTCOMINGS, type TaskTemplate } from './demo-texts';
import { demoPdf } from './demo-pdf';
import { lowerFirst } from '../../shared/text/letter-case';

/**
 * Bump when the generator's output changes, so cached demo data is made again.
 * 2: no daily backups in the folder (version 1 kept up to 22 of them, copied by every bench run); perYear in the summary.
 */
export const DEMO_VERSION = 2;

export interface DemoOptions {
  dataDir: string;
  communes: number;
  years: number;
  seed: number;
  /** The day the demo stops at (ISO date); nothing after it has happened yet. Default: today on this PC. */
  today?: string;
  onProgress?: (event: DemoProgress) => void;
}

export interface DemoProgress {
  message: string;
  elapsedMs: number;
}

export type ReportOutcome = 'accepted' | 'submitted' | 'returned' | 'draft' | 'missing';

export interface DemoSummary {
  office: string;
  years: [number, number];
  today: string;
  units: number;
  plans: number;
  planRevisions: number;
  reports: Record<ReportOutcome, number>;
  returns: number;
  attachments: number;
  officeReports: number;
  apiCalls: number;
  elapsedMs: number;
  /**
   * Each simulated year's time and calls (the last one cut short at `today`): about the same from year
   * to year, since seeding is linear in its size (bench/demo-linearity.ts measures it).
   */
  perYear: { year: number; ms: number; calls: number }[];
  /** Time spent per operation, slowest first: where seeding spends its time. */
  operations: { name: string; calls: number; ms: number }[];
}

/** The demo's administrator (all three roles); its password is printed wherever the demo is offered. */
export const DEMO_ADMIN = { username: 'quantri', fullName: 'Nguyễn Văn Quản (dữ liệu mẫu)', password: 'danvan-demo' } as const;

/**
 * Signs the demo administrator in: made as the first account right after the office is saved, signed in
 * again on a demo opened later (bench, npm run web -- --demo). Every later call runs as that person.
 */
export async function signInDemoAdmin(services: Services): Promise<void> {
  const status = await services.call('app.status', {});
  if (!status.ok) throw new Error(status.error.message);
  const result =
    status.value.state === 'needsAdmin'
      ? await services.call('users.createFirstAdmin', { ...DEMO_ADMIN, roles: ['quan_tri', 'lanh_dao', 'chuyen_vien'] })
      : status.value.state === 'signedOut'
        ? await services.call('session.signIn', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password })
        : status;
  if (!result.ok) throw new Error(result.error.message);
}

export const MAX_DEMO_COMMUNES = DEMO_COMMUNES.length;

export async function seedDemoProvince(options: DemoOptions): Promise<DemoSummary> {
  const { communes: communeCount, years, seed } = options;
  if (!Number.isInteger(communeCount) || communeCount < 1 || communeCount > MAX_DEMO_COMMUNES) throw new Error(`Số xã phải từ 1 đến ${MAX_DEMO_COMMUNES}.`);
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new Error('Số năm phải từ 1 đến 30.');
  if (!Number.isInteger(seed)) throw new Error('Hạt giống (seed) phải là số nguyên.');
  const today = options.today ?? localIsoDate(new Date());
  const lastYear = Number(today.slice(0, 4));
  const firstYear = lastYear - years + 1;
  const started = performance.now();
  const progress = (message: string) => options.onProgress?.({ message, elapsedMs: performance.now() - started });

  // The services' clock: each step happens on its own day, during office hours in Việt Nam (UTC+7).
  let clock = Date.UTC(firstYear - 1, 11, 20, 2, 0, 0);
  const at = (isoDate: string, rng: Rng) => {
    clock = Date.parse(`${isoDate}T00:00:00Z`) + ((1 * 60 + rng.int(0, 7 * 60)) * 60 + rng.int(0, 59)) * 1000;
  };
  // No daily backup: this clock passes through hundreds of days a year, and a backup of the growing file
  // on each of them made seeding quadratic (minutes per year). The demo is made anew, never restored.
  const services = await createServices({ dataDir: options.dataDir, now: () => new Date(clock), log: () => undefined, dailyBackup: false });
  const timings = new Map<string, { calls: number; ms: number }>();
  let apiCalls = 0;
  async function call<N extends OperationName>(name: N, input: Record<string, unknown>): Promise<OperationOutput<N>> {
    const t0 = performance.now();
    const result = await services.call(name, input);
    const entry = timings.get(name) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += performance.now() - t0;
    timings.set(name, entry);
    apiCalls += 1;
    if (!result.ok) throw new Error(`Dữ liệu mẫu: ${name} bị từ chối (${result.error.code}): ${result.error.message}`);
    return result.value as OperationOutput<N>;
  }

  const summary: DemoSummary = {
    office: PROVINCE.name,
    years: [firstYear, lastYear],
    today,
    units: communeCount,
    plans: 0,
    planRevisions: 0,
    reports: { accepted: 0, submitted: 0, returned: 0, draft: 0, missing: 0 },
    returns: 0,
    attachments: 0,
    officeReports: 0,
    apiCalls: 0,
    elapsedMs: 0,
    perYear: [],
    operations: [],
  };
  let yearStarted: { year: number; t0: number; calls: number } | null = null;
  const closeYear = () => {
    if (yearStarted) summary.perYear.push({ year: yearStarted.year, ms: performance.now() - yearStarted.t0, calls: apiCalls - yearStarted.calls });
    yearStarted = null;
  };

  try {
    const status = await call('app.status', {});
    if (status.state !== 'needsSetup') throw new Error(`Thư mục ${options.dataDir} đã có dữ liệu; dữ liệu mẫu chỉ tạo vào thư mục mới.`);
    await call('office.save', { ...PROVINCE });
    await signInDemoAdmin(services);

    // Units: the communes, with their names written in full as aliases; a group for all, one for mountain communes.
    const communes = DEMO_COMMUNES.slice(0, communeCount);
    const unitIds: string[] = [];
    for (const c of communes) unitIds.push((await call('units.create', { name: communeName(c), kind: 'xa', aliases: [communeFullName(c)] })).id);
    const all = await call('groups.create', { name: 'Các xã, phường', memberIds: unitIds });
    const mountainIds = unitIds.filter((_, i) => communes[i]!.mountain);
    const mountain = mountainIds.length ? await call('groups.create', { name: 'Các xã miền núi, vùng đồng bào dân tộc thiểu số', memberIds: mountainIds }) : null;
    const profiles = communes.map((c, i) => communeProfile(seed, c, i, firstYear, lastYear));
    progress(`Đã tạo cơ quan ${PROVINCE.name} và ${communeCount} xã, phường.`);

    for (let year = firstYear; year <= lastYear; year++) {
      closeYear();
      const rng = streamFor(seed, 'nam', year);
      const s = yearSchedule(rng, year, communes);
      if (s.received.issueDate > today) break;
      yearStarted = { year, t0: performance.now(), calls: apiCalls };
      const before = { ...summary.reports };

      // The UBND tỉnh plan, typed in a few days after it arrives.
      const receivedTaskIds = new Map(s.templates.map((t) => [t.key, rng.uuid()]));
      at(addDays(s.received.issueDate, rng.int(2, 5)), rng);
      const blank = await call('plans.create', { kind: 'received', year });
      const received = await call('plans.saveDraft', { id: blank.id, content: receivedPlanContent(s, rng, receivedTaskIds, INDICATORS.map(() => rng.uuid())) });
      summary.plans += 1;

      // The department's own plan for the communes, derived from it, then issued.
      at(addDays(s.received.issueDate, rng.int(6, 9)), rng);
      const derived = await call('plans.derive', { parentPlanId: received.id });
      const ids = {
        tasks: new Map(s.templates.map((t) => [t.key, rng.uuid()])),
        semiannual: rng.uuid(),
        annual: rng.uuid(),
        indicators: INDICATORS.map(() => rng.uuid()),
      };
      const groups = { all: all.id, mountain: mountain?.id ?? null };
      await call('plans.saveDraft', { id: derived.id, content: ownPlanContent(s, derived.content, { number: s.received.number, tasks: received.content.tasks }, ids, groups, s.own.annualDue) });
      summary.plans += 1;
      if (s.own.issueDate > today) break;
      at(s.own.issueDate, rng);
      let plan = await call('plans.issue', { id: derived.id, number: s.own.number, issueDate: s.own.issueDate });
      let annualDue = s.own.annualDue;
      if (s.revision && s.revision.date <= today) {
        at(s.revision.date, rng);
        const content = {
          ...plan.content,
          duties: plan.content.duties.map((d) => (d.id === ids.annual ? { ...d, dueDate: s.revision!.annualDue } : d)),
          organization: plan.content.organization.replace(formatDocumentDate(annualDue), formatDocumentDate(s.revision.annualDue)),
        };
        plan = await call('plans.revise', { id: plan.id, reason: s.revision.reason, content });
        annualDue = s.revision.annualDue;
        summary.planRevisions += 1;
      }
      const templateOf = new Map<string, TaskTemplate>(s.templates.map((t) => [ids.tasks.get(t.key)!, t]));

      for (const [kind, dutyId, dueDate] of [['semiannual', ids.semiannual, s.own.semiannualDue], ['annual', ids.annual, annualDue]] as const) {
        const ctx: ReportContext = { year, kind, dueDate, templateOf };
        for (const [i, profile] of profiles.entries()) {
          const outcome = await communeReport(streamFor(seed, 'bao-cao', year, kind, i), profile, ctx, { planId: plan.id, dutyId, unitId: unitIds[i]! });
          summary.reports[outcome] += 1;
        }
        await officeReport(streamFor(seed, 'tong-hop', year, kind), plan.id, dutyId, kind, year, dueDate);
      }
      const done = (Object.keys(before) as ReportOutcome[]).map((k) => `${summary.reports[k] - before[k]} ${OUTCOME_WORDS[k]}`).join(', ');
      progress(`Năm ${year}: ${done}.`);
    }
    closeYear();
  } finally {
    await services.close();
  }
  summary.apiCalls = apiCalls;
  summary.elapsedMs = performance.now() - started;
  summary.operations = [...timings].map(([name, t]) => ({ name, ...t })).sort((a, b) => b.ms - a.ms);
  return summary;

  /** One commune's report on one duty, from its first draft to acceptance, as far as `today` allows. */
  async function communeReport(r: Rng, profile: CommuneProfile, ctx: ReportContext, ids: { planId: string; dutyId: string; unitId: string }): Promise<ReportOutcome> {
    const reliability = Math.min(0.99, Math.max(0.4, profile.reliability + (r.next() - 0.5) * 0.12));
    const u = r.next();
    if (u < (1 - reliability) * 0.3) return 'missing';
    const late = r.chance((1 - reliability) * 1.1);
    const receivedDate = late ? addDays(ctx.dueDate, r.int(1, 25)) : addDays(ctx.dueDate, -r.int(0, 12));
    const draftOnly = u < (1 - reliability) * 0.42;
    const draftDate = addDays(ctx.dueDate, -r.int(2, 8));
    if (draftOnly || receivedDate > today) {
      if (draftDate > today) return 'missing';
      at(draftDate, r);
      const view = await call('reports.open', ids);
      const content = reportContent(r, profile, ctx, view.content.tasks.map((t) => t.taskId));
      const half = Math.ceil(content.tasks.length / 2);
      await call('reports.save', { id: view.id, content: { ...content, tasks: content.tasks.map((t, i) => (i < half ? t : { ...t, status: null, doneText: '', figures: [] })), shortcomings: '', causes: '', directions: '', proposals: '' } });
      return 'draft';
    }

    at(receivedDate, r);
    const view = await call('reports.open', ids);
    let content: ReportContent = reportContent(r, profile, ctx, view.content.tasks.map((t) => t.taskId));
    if (r.chance(0.1)) content = await withEvidence(r, content, profile.commune, ctx);
    await call('reports.save', { id: view.id, content });
    await call('reports.submit', { id: view.id, receivedDate });
    let revision = 1;
    let last = receivedDate;
    for (;;) {
      const reviewDate = addDays(last, r.int(1, 9));
      if (reviewDate > today) return 'submitted';
      at(reviewDate, r);
      if (revision < 3 && r.chance(revision === 1 ? 0.05 + (1 - reliability) * 0.35 : 0.15)) {
        await call('reports.return', { id: view.id, reason: r.pick(RETURN_REASONS) });
        summary.returns += 1;
        const again = addDays(reviewDate, r.int(2, 10));
        if (again > today) return 'returned';
        at(again, r);
        content = revisedContent(r, content, r.pick(REVISION_NOTES));
        await call('reports.save', { id: view.id, content });
        await call('reports.submit', { id: view.id, receivedDate: again });
        revision += 1;
        last = again;
        continue;
      }
      await call('reports.accept', { id: view.id });
      return 'accepted';
    }
  }

  /** A biên bản (PDF) attached to the report's task on meeting citizens, or its first task. */
  async function withEvidence(r: Rng, content: ReportContent, c: DemoCommune, ctx: ReportContext): Promise<ReportContent> {
    const target = content.tasks.find((t) => ctx.templateOf.get(t.taskId)?.key === 'tiep-cong-dan' && t.doneText) ?? content.tasks[0];
    if (!target) return content;
    const place = communeWords(c);
    const title = r.pick(['Bien ban doi thoai', 'Bien ban hoi nghi tuyen truyen', 'Bien ban tiep cong dan']);
    const pdf = demoPdf([
      `UBND ${place.toUpperCase()}`,
      'CONG HOA XA HOI CHU NGHIA VIET NAM',
      `${title.toUpperCase()} - ${periodWords(ctx.kind, ctx.year)}`,
      `Thoi gian: ${formatDocumentDate(addDays(ctx.dueDate, -r.int(20, 60)))}`,
      `Dia diem: Hoi truong UBND ${place}`,
      `So nguoi tham du: ${r.int(25, 180)}`,
      'Noi dung: lang nghe, giai dap y kien, kien nghi cua Nhan dan.',
    ]);
    const fileName = `${title.replace(/ /g, '-')}_${communeName(c)}_${ctx.year}.pdf`;
    const ref = await call('attachments.add', { fileName, base64: pdf.toString('base64') });
    summary.attachments += 1;
    return { ...content, tasks: content.tasks.map((t) => (t === target ? { ...t, attachments: [ref] } : t)) };
  }

  /** The department's own BÁO CÁO for the duty, written two or three weeks after the due date. */
  async function officeReport(r: Rng, planId: string, dutyId: string, kind: 'semiannual' | 'annual', year: number, dueDate: string): Promise<void> {
    const date = addDays(dueDate, r.int(12, 20));
    if (date > today) return;
    at(date, r);
    const c = await call('reports.consolidation', { planId, dutyId });
    const accepted = c.units.filter((u) => u.state === 'accepted').length;
    const totals = c.figures.slice(0, 4).map((f) => `${lowerFirst(f.name)}: ${groupThousands(f.total)} ${f.unit}`).join('; ');
    await call('reports.saveOfficeText', {
      planId,
      dutyId,
      text: {
        ...c.text,
        number: String(r.int(40, 900)),
        issueDate: date,
        recipientLine: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
        leadership: `Sở Nội vụ đã tham mưu UBND tỉnh ban hành Kế hoạch thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${year}; ban hành văn bản hướng dẫn, đôn đốc UBND các xã, phường triển khai thực hiện và báo cáo theo quy định.`,
        generalResults: `Trong ${periodWords(kind, year)}, ${accepted}/${c.units.length} xã, phường có báo cáo được tiếp nhận. ${totals ? `Tổng hợp số liệu: ${totals}.` : ''} Các địa phương đã triển khai nghiêm túc các nhiệm vụ, phong trào thi đua "Dân vận khéo" được duy trì với ${c.models.length} mô hình được báo cáo.`,
        shortcomings: `${r.pick(SHORTCOMINGS.filter(Boolean))} Một số địa phương gửi báo cáo chậm, phải trả lại để bổ sung.`,
        causes: r.pick(CAUSES.filter(Boolean)),
        directions: r.pick(DIRECTIONS).replace('{law}', 'Luật Thực hiện dân chủ ở cơ sở'),
        proposals: r.pick(PROPOSALS.filter((p) => p && p !== 'Không.')).replace('Sở Nội vụ', 'Bộ Nội vụ'),
      },
    });
    summary.officeReports += 1;
  }
}

/** 12500 → "12.500", as Vietnamese documents write numbers. */
function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const OUTCOME_WORDS: Record<ReportOutcome, string> = { accepted: 'đã tiếp nhận', submitted: 'chờ xem xét', returned: 'đang trả lại', draft: 'đang soạn', missing: 'chưa nộp' };

function communeProfile(seed: number, commune: DemoCommune, index: number, firstYear: number, lastYear: number): CommuneProfile {
  const r = streamFor(seed, 'xa', index);
  const reliability = 0.98 - 0.43 * r.next() ** 2;
  const size = commune.kind === 'phuong' ? 1.2 + r.next() * 0.6 : commune.mountain ? 0.5 + r.next() * 0.4 : 0.8 + r.next() * 0.5;
  let model: CommuneProfile['model'] = null;
  if (r.chance(0.45)) {
    const fits = MODEL_TEMPLATES.filter((m) => (!m.mountain || commune.mountain) && (m.from ?? 0) <= lastYear);
    const template = r.pick(fits);
    const since = r.int(Math.max(firstYear, template.from ?? 0), lastYear);
    const unitName = r.chance(0.5) ? (commune.kind === 'phuong' ? `Tổ dân phố ${r.int(1, 12)}` : `Thôn ${r.pick(['An Phú', 'Trường Xuân', 'Tây Phước', 'Vạn Tường', 'Phú Long', 'Thạch Nham', 'Đông Yên', 'Làng Rê', 'Nước Lác', 'Gò Da'])}`) : '';
    model = { template, id: r.uuid(), since, unitName };
  }
  return { commune, reliability, size, model };
}
