import { readOffice } from '../office/office-service';
import type { FeatureContext, OperationsOf } from '../operations';
import type { UntrustedRunner } from '../untrusted/run-untrusted';
import { parseImport, saveImport } from './import-service';

/** Plans read from a document: the file itself is read by the untrusted-file worker. */
export function importOperations({ db, now }: FeatureContext, untrusted: UntrustedRunner): OperationsOf<'imports'> {
  return {
    'imports.parse': async (input) => parseImport(db(), (await readOffice(db()))!, input, now(), untrusted),
    'imports.save': (input) => saveImport(db(), input, now()),
  };
}
