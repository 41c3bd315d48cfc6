import crypto from 'node:crypto';
import type { Office } from '../../shared/office/office-schemas';
import type { Indicator, PlanContent, PlanTask } from '../../shared/plans/plan-schemas';
import { BUILT_IN_INDICATORS } from '../../shared/reports/figure-rules';
import { formatDocumentDate } from '../../shared/dates/vn-date';
import { signerBlocksFor } from '../../shared/plans/signer-blocks';
import { lowerFirst } from '../../shared/text/letter-case';

export const DEFAULT_TITLE = (year: number) => `Thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${year}`;
const DEFAULT_BUDGET = 'Kinh phí thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền theo Kế hoạch này thực hiện theo quy định của pháp luật về ngân sách nhà nước.';

/** A new plan of this office, filled from its settings so the clerk only writes what is particular. */
export function newOwnPlanContent(office: Office, year: number): PlanContent {
  const signer = signerBlocksFor(office)[0]!;
  return {
    issuerParent: office.parentBody,
    issuerName: office.name,
    number: '',
    symbol: `KH-${office.abbreviation}`,
    place: office.placeName,
    issueDate: null,
    title: DEFAULT_TITLE(year),
    year,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    bases: [],
    preamble: '',
    purposes: '',
    tasksHeading: 'NỘI DUNG THỰC HIỆN',
    attributeStyle: 'dash',
    tasks: [],
    budget: DEFAULT_BUDGET,
    organization: '',
    duties: [],
    closing: '',
    recipients: office.reportsTo ? [`${office.reportsTo} (báo cáo)`, 'Lưu: VT'] : ['Lưu: VT'],
    signerAuthority: signer.authority,
    signerTitle: signer.title,
    signerName: '',
    footnotes: [],
    indicators: defaultIndicators(),
  };
}

/** The figures offices usually report (domain.md), with their rules (a part pointing at its whole's id); the clerk edits the list per plan. */
function defaultIndicators(): Indicator[] {
  const ids = new Map(BUILT_IN_INDICATORS.map((r) => [r.name, crypto.randomUUID()]));
  return BUILT_IN_INDICATORS.filter((r) => !r.name.includes('Dân vận khéo')).map((r) => ({ id: ids.get(r.name)!, name: r.name, unit: r.unit, kind: r.kind, partOf: r.partOf ? ids.get(r.partOf)! : null }));
}

/** A plan received from above, to be typed in (or imported) as it was issued. */
export function newReceivedPlanContent(office: Office, year: number): PlanContent {
  const issuerName = office.reportsTo.replace(/\s*\(.*\)\s*$/, '') || 'UBND tỉnh';
  // signed as the body above signs: a UBND by its chairman (TM.), a Sở by its director
  const signer = signerBlocksFor({ name: issuerName, level: null })[0]!;
  return {
    ...newOwnPlanContent(office, year),
    issuerParent: '',
    issuerName,
    symbol: 'KH-UBND',
    place: '',
    recipients: [],
    signerAuthority: signer.authority,
    signerTitle: signer.title,
  };
}

/** The office's own draft implementing a parent plan: its tasks copied, each linked to the one it implements. */
export function derivedPlanContent(office: Office, parent: PlanContent, parentDocumentNumber: string): PlanContent {
  const base = newOwnPlanContent(office, parent.year);
  const reference = `Kế hoạch số ${parentDocumentNumber}${parent.issueDate ? ` ngày ${formatDocumentDate(parent.issueDate)}` : ''} của ${parent.issuerName}`;
  const tasks: PlanTask[] = parent.tasks.map((t) => ({
    ...t,
    id: crypto.randomUUID(),
    directing: [],
    lead: [],
    coordinating: [],
    implementing: [],
    parentTaskId: t.id,
  }));
  return {
    ...base,
    title: parent.title,
    periodStart: parent.periodStart,
    periodEnd: parent.periodEnd,
    preamble: `Thực hiện ${reference} về việc ${lowerFirst(parent.title)}, ${office.name} ban hành Kế hoạch ${lowerFirst(parent.title)}, cụ thể như sau:`,
    purposes: parent.purposes,
    tasksHeading: parent.tasksHeading || base.tasksHeading,
    attributeStyle: parent.attributeStyle,
    tasks,
    indicators: parent.indicators.length ? withNewIds(parent.indicators) : base.indicators,
  };
}

/** The parent's indicators under ids of their own, each "not above" rule pointing at the copy of its whole, not the parent's. */
function withNewIds(indicators: Indicator[]): Indicator[] {
  const ids = new Map(indicators.map((i) => [i.id, crypto.randomUUID()]));
  return indicators.map((i) => ({ ...i, id: ids.get(i.id)!, ...(i.partOf ? { partOf: ids.get(i.partOf) ?? null } : {}) }));
}
