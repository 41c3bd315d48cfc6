import { localIsoDate } from '../../shared/dates/vn-date';
import type { FeatureContext, OperationsOf } from '../operations';
import { readAttachment, storeAttachment } from './attachments';
import { consolidate, saveOfficeReportText } from './consolidation-service';
import { reportMatrix } from './matrix';
import { withFigureSources } from './figure-sources';
import { getOwnReport, ownReportDocument, saveOwnReport } from './own-report-service';
import { exportConsolidated, exportReminder } from './report-exports';
import { unitReports } from './unit-reports';
import { getReport, openReport, reportRevisions, reviewReport, saveReport, submitReport } from './report-service';

/** Reports of the units, the office's own report on a received plan, their evidence. `person` names who acts, for the history. */
export function reportOperations({ db, now, dataDir }: FeatureContext, person: () => Promise<string | undefined>): OperationsOf<'reports' | 'attachments' | 'ownReports'> {
  return {
    'reports.open': (input) => openReport(db(), input.planId, input.dutyId, input.unitId, now()),
    'reports.get': (input) => getReport(db(), input.id),
    'reports.save': (input) => saveReport(db(), input.id, input.content, now()),
    'reports.submit': async (input) => submitReport(db(), input.id, input.receivedDate, now(), await person()),
    'reports.accept': async (input) => reviewReport(db(), input.id, 'accepted', '', now(), await person()),
    'reports.return': async (input) => reviewReport(db(), input.id, 'returned', input.reason, now(), await person()),
    'reports.revisions': (input) => reportRevisions(db(), input.id),
    'reports.ofUnit': (input) => unitReports(db(), input.unitId, localIsoDate(now())),
    'reports.matrix': (input) => reportMatrix(db(), input.planId, input.today ?? localIsoDate(now())),
    'reports.consolidation': async (input) => withFigureSources(db(), await consolidate(db(), input.planId, input.dutyId)),
    'reports.saveOfficeText': (input) => saveOfficeReportText(db(), input.planId, input.dutyId, input.text, now()),
    'reports.exportConsolidated': (input) => exportConsolidated(db(), input.planId, input.dutyId, input.format),
    'reports.exportReminder': (input) => exportReminder(db(), input.planId, input.dutyId, input.today ?? localIsoDate(now())),
    'attachments.add': (input) => storeAttachment(db(), dataDir, input.fileName, Buffer.from(input.base64, 'base64'), now()),
    'attachments.get': async (input) => ({ base64: (await readAttachment(db(), dataDir, input.sha256)).toString('base64') }),
    'ownReports.get': (input) => getOwnReport(db(), input.planId, input.dutyId),
    'ownReports.save': (input) => saveOwnReport(db(), input.planId, input.dutyId, input.content, now()),
    'ownReports.exportDocx': async (input) => {
      const doc = await ownReportDocument(db(), input.planId, input.dutyId);
      return { fileName: doc.fileName, base64: doc.buffer.toString('base64') };
    },
  };
}
