import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getPlanRow } from '../../db/plans/plan-repo';
import { PlanContent } from '../../shared/plans/plan-schemas';
import { addDays, type IsoDate } from '../../shared/dates/vn-date';
import { lowerSlug } from '../../shared/text/fold';
import { AppError } from '../app-error';
import { readOffice } from '../office/office-service';
import { documentNumber } from '../plans/plan-service';
import { consolidatedReportDocx } from '../documents/report-docx';
import { consolidatedReportXlsx } from '../documents/report-xlsx';
import { reminderDocx } from '../documents/reminder-docx';
import { consolidate } from './consolidation-service';
import { reportMatrix } from './matrix';


export async function exportConsolidated(db: Kysely<Database>, planId: string, dutyId: string, format: 'docx' | 'xlsx') {
  const c = await consolidate(db, planId, dutyId);
  const office = (await readOffice(db))!;
  const base = `BC-${lowerSlug(c.dutyLabel)}-${c.dueDate.slice(0, 4)}_${lowerSlug(office.name)}`;
  const buffer = format === 'docx' ? await consolidatedReportDocx(c, office) : await consolidatedReportXlsx(c);
  return { fileName: `${base}${format === 'xlsx' ? '_phu-luc' : ''}.${format}`, base64: buffer.toString('base64') };
}

/** The công văn đôn đốc for the units whose report is missing or was returned. */
export async function exportReminder(db: Kysely<Database>, planId: string, dutyId: string, today: IsoDate) {
  const matrix = await reportMatrix(db, planId, today);
  const duty = matrix.duties.find((d) => d.id === dutyId);
  if (!duty) throw new AppError('NOT_FOUND', 'Kế hoạch không có yêu cầu báo cáo này.');
  const late = matrix.cells.filter((c) => c.dutyId === dutyId && (c.state === 'missing' || c.state === 'returned')).map((c) => matrix.units.find((u) => u.id === c.unitId)!.name);
  if (!late.length) throw new AppError('CONFLICT', 'Không có đơn vị nào trễ hạn báo cáo này.');
  const plan = PlanContent.parse(JSON.parse((await getPlanRow(db, planId))!.content_json));
  const office = (await readOffice(db))!;
  const d = plan.duties.find((x) => x.id === dutyId)!;
  const buffer = await reminderDocx({
    office,
    planNumber: documentNumber(plan),
    planIssueDate: plan.issueDate,
    planTitle: plan.title,
    reportLabel: duty.label,
    dueDate: duty.dueDate,
    today,
    lateUnits: late,
    newDueDate: addDays(today, 5),
    recipient: d.recipient,
    signer: { authority: plan.signerAuthority, title: plan.signerTitle, name: plan.signerName },
  });
  return { fileName: `Don-doc_${lowerSlug(duty.label)}-${duty.dueDate.slice(0, 4)}.docx`, base64: buffer.toString('base64') };
}
