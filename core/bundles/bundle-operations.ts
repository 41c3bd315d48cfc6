import type { FeatureContext, OperationsOf } from '../operations';
import { fileHash, forgetRefusedFile } from '../sync/sync-service';
import { listBindings, resetParent, unbindUnit } from './binding-service';
import { exportPlanBundle, exportReportBundle, exportReturnBundle, type QueueBundle } from './bundle-export';
import { previewBundle, type ReadContents } from './bundle-import';
import { ownFingerprint } from './own-key';
import { listSentBundles, sentReportsOf } from './sent-bundles';

type Made = { fileName: string; base64: string };

/** How the services move bundles: the worker that reads them, the import with its backup, the outbox. */
export interface BundleTransport {
  readContents: ReadContents;
  importFile: (bytes: Uint8Array, acceptKey: boolean, actor: string) => Promise<{ result: 'imported' | 'duplicate'; message: string; receipt: (Made & { bundleId: string; recipient: string }) | null }>;
  /** The outbox's queue when the clerk sends over the network, none for a file saved to a stick. */
  queueFor: (deliver: 'file' | 'outbox') => QueueBundle | undefined;
  deliver: (file: Made, deliver: 'file' | 'outbox') => Promise<Made>;
  person: () => Promise<string | undefined>;
}

export function bundleOperations({ db, now, dataDir }: FeatureContext, t: BundleTransport): OperationsOf<'bundles'> {
  return {
    'bundles.exportPlan': async (input) => t.deliver(await exportPlanBundle(db(), input.planId, input.unitId, now(), t.queueFor(input.deliver)), input.deliver),
    'bundles.exportReport': async (input) => t.deliver(await exportReportBundle(db(), dataDir, input.planId, input.dutyId, now(), t.queueFor(input.deliver)), input.deliver),
    'bundles.exportReturn': async (input) => t.deliver(await exportReturnBundle(db(), input.reportId, now(), t.queueFor(input.deliver)), input.deliver),
    'bundles.preview': (input) => previewBundle(db(), Buffer.from(input.base64, 'base64'), t.readContents),
    'bundles.import': async (input) => {
      const bytes = Buffer.from(input.base64, 'base64');
      const hash = fileHash(bytes); // before the bytes are handed to the worker
      const result = await t.importFile(bytes, input.acceptKey, (await t.person()) ?? 'Không rõ');
      await forgetRefusedFile(db(), hash); // taken by hand: the inbox no longer skips it, and removes it as a duplicate
      return result;
    },
    'bundles.bindings': () => listBindings(db()),
    'bundles.unbindUnit': (input) => unbindUnit(db(), input.unitId),
    'bundles.resetParent': () => resetParent(db()),
    'bundles.sent': () => listSentBundles(db()),
    'bundles.fingerprint': async () => ({ fingerprint: await ownFingerprint(db()) }),
    'bundles.sentReports': (input) => sentReportsOf(db(), input.planId),
  };
}
