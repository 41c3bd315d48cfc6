import type { FeatureContext, OperationsOf } from '../operations';
import { readOffice, writeOffice } from './office-service';

export function officeOperations({ db, now }: FeatureContext): OperationsOf<'office'> {
  return {
    'office.get': () => readOffice(db()),
    'office.save': (input) => writeOffice(db(), input, now()),
  };
}
