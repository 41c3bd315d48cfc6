/**
 * A year's plans in the demo province: the UBND tỉnh plan the department receives (typed in), and the
 * department's own plan derived from it for the communes, with the two reporting duties (6 tháng, năm).
 */
import type { PlanContentInput, PlanTask, UnitRef } from '../../shared/plans/plan-schemas';
import { formatDocumentDate, toIsoDate } from '../../shared/dates/vn-date';
import type { Rng } from './demo-random';
import { communeName, type DemoCommune } from './demo-communes';
import { democracyLaw, INDICATORS, PROVINCE, PROVINCE_SIGNERS, SIGNERS, TASK_TEMPLATES, type TaskTemplate } from './demo-texts';

export interface YearSchedule {
  year: number;
  received: { number: string; issueDate: string; semiannualDue: string; annualDue: string };
  own: { number: string; issueDate: string; semiannualDue: string; annualDue: string };
  /** A revision of the own plan moving the annual due date, with the date it is made. */
  revision: { date: string; annualDue: string; reason: string } | null;
  templates: TaskTemplate[];
  /** Communes the department follows closely this year (named in the plan). */
  pilots: DemoCommune[];
}

export function yearSchedule(rng: Rng, year: number, communes: readonly DemoCommune[]): YearSchedule {
  const d = (month: number, day: number) => toIsoDate(year, month, day);
  const received = { number: String(rng.int(8, 45)), issueDate: d(1, rng.int(12, 24)), semiannualDue: d(6, rng.int(15, 20)), annualDue: d(11, rng.int(20, 30)) };
  const own = { number: String(rng.int(120, 480)), issueDate: d(2, rng.int(2, 12)), semiannualDue: rng.pick([d(5, 29), d(6, 5), d(6, 10)]), annualDue: rng.pick([d(10, 30), d(11, 5), d(11, 10)]) };
  const revision = rng.chance(0.4)
    ? {
        date: d(rng.int(3, 4), rng.int(5, 25)),
        annualDue: d(11, rng.int(12, 15)),
        reason: `Điều chỉnh thời hạn gửi báo cáo năm theo Công văn số ${rng.int(300, 2900)}/UBND-NC ngày ${formatDocumentDate(d(3, rng.int(1, 4)))} của UBND tỉnh về thời gian chốt số liệu báo cáo năm ${year}.`,
      }
    : null;
  const templates = TASK_TEMPLATES.filter((t) => (t.from ?? 0) <= year && year <= (t.until ?? 9999));
  const pilots = rng.sample(communes, Math.min(3, communes.length));
  return { year, received, own, revision, templates, pilots };
}

const ALL_BELOW = 'Các sở, ban, ngành tỉnh; UBND các xã, phường';

/** The UBND tỉnh plan as the department's clerk types it in. */
export function receivedPlanContent(s: YearSchedule, rng: Rng, taskIds: Map<string, string>, indicatorIds: string[]): PlanContentInput {
  const { year } = s;
  const below = (note = ''): UnitRef[] => [{ type: 'external', name: ALL_BELOW, note }];
  const tasks: PlanTask[] = s.templates.map((t, i) => ({
    id: taskIds.get(t.key)!,
    ordinal: String(i + 1),
    body: t.body(year),
    subItems: [],
    directing: [],
    lead: t.key === 'cai-cach-hanh-chinh' || t.key === 'tap-huan' ? [{ type: 'external', name: 'Sở Nội vụ', note: '' }] : t.key === 'tiep-cong-dan' ? [{ type: 'external', name: 'Ban Tiếp công dân tỉnh', note: '' }] : [],
    coordinating: t.key === 'mat-tran' ? [{ type: 'external', name: 'Ủy ban MTTQ Việt Nam tỉnh', note: 'đề nghị phối hợp' }] : [],
    implementing: below(),
    implementingLabel: 'thuc-hien',
    timeframe: t.timeframe(year),
    parentTaskId: null,
  }));
  const signer = PROVINCE_SIGNERS[year % PROVINCE_SIGNERS.length]!;
  return {
    issuerParent: '',
    issuerName: 'UBND tỉnh Quảng Ngãi',
    number: s.received.number,
    symbol: 'KH-UBND',
    place: 'Quảng Ngãi',
    issueDate: s.received.issueDate,
    title: `Thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${year}`,
    year,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    bases: [],
    preamble: `Căn cứ ${democracyLaw(year)}; thực hiện Chương trình công tác năm ${year} của Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh, UBND tỉnh ban hành Kế hoạch thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${year}, cụ thể như sau:`,
    purposes: [
      '1. Mục đích',
      '- Tiếp tục nâng cao hiệu quả công tác dân vận chính quyền trong các cơ quan hành chính nhà nước, chính quyền các cấp; vận động Nhân dân tích cực thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.',
      `- Phát huy quyền làm chủ của Nhân dân theo phương châm "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng"; xây dựng, nhân rộng các mô hình, điển hình "Dân vận khéo" năm ${year}.`,
      '2. Yêu cầu',
      '- Triển khai đồng bộ, phối hợp chặt chẽ giữa các cơ quan, đơn vị; thường xuyên theo dõi, kiểm tra, đánh giá hiệu quả thực hiện, tránh hình thức.',
    ].join('\n'),
    tasksHeading: 'NHIỆM VỤ, GIẢI PHÁP',
    attributeStyle: 'dash',
    tasks,
    budget: 'Kinh phí thực hiện Kế hoạch này được bảo đảm từ nguồn ngân sách nhà nước theo phân cấp hiện hành.',
    organization: `1. Các sở, ban, ngành tỉnh, UBND các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch thực hiện, định kỳ báo cáo kết quả 6 tháng (trước ngày ${formatDocumentDate(s.received.semiannualDue)}) và năm (trước ngày ${formatDocumentDate(s.received.annualDue)}) về UBND tỉnh (qua Sở Nội vụ).\n2. Sở Nội vụ theo dõi, đôn đốc, tổng hợp, báo cáo UBND tỉnh theo quy định.`,
    duties: [
      { id: rng.uuid(), kind: 'semiannual', label: '', dueDate: s.received.semiannualDue, units: below(), recipient: 'UBND tỉnh (qua Sở Nội vụ)', quarter: null },
      { id: rng.uuid(), kind: 'annual', label: '', dueDate: s.received.annualDue, units: below(), recipient: 'UBND tỉnh (qua Sở Nội vụ)', quarter: null },
    ],
    closing: 'Yêu cầu các cơ quan, đơn vị, địa phương triển khai thực hiện; trong quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh xem xét./.',
    recipients: ['Bộ Nội vụ (báo cáo)', 'Thường trực Tỉnh ủy (báo cáo)', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Các sở, ban, ngành tỉnh', 'UBND các xã, phường', 'Lưu: VT, NC'],
    signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
    signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
    signerName: signer,
    footnotes: [],
    indicators: INDICATORS.map(([name, unit], i) => ({ id: indicatorIds[i]!, name, unit })),
  };
}

/** The department's plan for the communes, derived from the UBND tỉnh plan; tasks linked to the ones they implement. */
export function ownPlanContent(
  s: YearSchedule,
  derived: PlanContentInput,
  received: { number: string; tasks: { id: string }[] },
  ids: { tasks: Map<string, string>; semiannual: string; annual: string; indicators: string[] },
  groups: { all: string; mountain: string | null },
  annualDue: string,
): PlanContentInput {
  const { year } = s;
  const all: UnitRef[] = [{ type: 'group', groupId: groups.all, note: '' }];
  const tasks: PlanTask[] = s.templates
    .filter((t) => !t.mountainOnly || groups.mountain)
    .map((t, i) => ({
      id: ids.tasks.get(t.key)!,
      ordinal: String(i + 1),
      body: t.body(year),
      subItems: [],
      directing: [],
      lead: [],
      coordinating: t.key === 'mat-tran' ? [{ type: 'external', name: 'Ủy ban MTTQ Việt Nam các xã, phường', note: '' }] : [],
      implementing: t.mountainOnly ? [{ type: 'group', groupId: groups.mountain!, note: '' }] : all,
      implementingLabel: 'thuc-hien',
      timeframe: t.timeframe(year),
      parentTaskId: received.tasks[s.templates.indexOf(t)]?.id ?? null,
    }));
  const pilots = s.pilots.map(communeName).join(', ');
  return {
    ...derived,
    issuerParent: PROVINCE.parentBody.toUpperCase(),
    issuerName: PROVINCE.name.toUpperCase(),
    title: `Triển khai thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${year} tại các xã, phường`,
    purposes: [
      '1. Mục đích',
      `- Cụ thể hóa Kế hoạch số ${received.number}/KH-UBND ngày ${formatDocumentDate(s.received.issueDate)} của UBND tỉnh; xác định rõ nhiệm vụ của UBND các xã, phường trong thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${year}.`,
      '- Theo dõi, đôn đốc, tổng hợp kịp thời kết quả thực hiện của các địa phương để báo cáo UBND tỉnh.',
      '2. Yêu cầu',
      '- Báo cáo đúng đề cương, đúng thời hạn; số liệu chốt theo Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định chế độ báo cáo của cơ quan hành chính nhà nước.',
    ].join('\n'),
    tasks,
    organization: [
      `1. UBND các xã, phường căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả 6 tháng (trước ngày ${formatDocumentDate(s.own.semiannualDue)}) và năm (trước ngày ${formatDocumentDate(annualDue)}) về Sở Nội vụ để tổng hợp.`,
      `2. Chọn ${pilots} làm điểm chỉ đạo thực hiện dân chủ ở cơ sở và nhân rộng mô hình "Dân vận khéo" năm ${year}.`,
      '3. Phòng Xây dựng chính quyền và Công tác thanh niên theo dõi, đôn đốc, kiểm tra, tổng hợp tham mưu Giám đốc Sở báo cáo UBND tỉnh.',
    ].join('\n'),
    duties: [
      { id: ids.semiannual, kind: 'semiannual', label: '', dueDate: s.own.semiannualDue, units: all, recipient: 'Sở Nội vụ', quarter: null },
      { id: ids.annual, kind: 'annual', label: '', dueDate: annualDue, units: all, recipient: 'Sở Nội vụ', quarter: null },
    ],
    closing: 'Yêu cầu UBND các xã, phường nghiêm túc triển khai thực hiện; trong quá trình thực hiện nếu có khó khăn, vướng mắc, phản ánh về Sở Nội vụ (qua Phòng Xây dựng chính quyền và Công tác thanh niên) để được hướng dẫn./.',
    recipients: ['UBND tỉnh (báo cáo)', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Giám đốc, các Phó Giám đốc Sở', 'UBND các xã, phường', 'Lưu: VT, XDCQ'],
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: SIGNERS[year % SIGNERS.length]!,
    indicators: INDICATORS.map(([name, unit], i) => ({ id: ids.indicators[i]!, name, unit })),
  };
}
