import { readOffice } from '../office/office-service';
import type { FeatureContext, OperationsOf } from '../operations';
import type { UntrustedRunner } from '../untrusted/run-untrusted';
import { parseImport, saveImport } from './import-service';
import { createReadJobs } from './read-jobs';

/** Plans read from a document: the file itself is read by the untrusted-file worker. */
export function importOperations({ db, now }: FeatureContext, untrusted: UntrustedRunner): OperationsOf<'imports'> {
  const jobs = createReadJobs();
  return {
    'imports.parse': async (input) => parseImport(db(), (await readOffice(db()))!, input, now(), untrusted, jobs),
    'imports.progress': async (input) => jobs.progress(input.jobId),
    'imports.cancel': async (input) => {
      jobs.cancel(input.jobId);
      return { done: true as const };
    },
    'imports.save': (input) => saveImport(db(), input, now()),
  };
}
