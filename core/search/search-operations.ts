import { localIsoDate } from '../../shared/dates/vn-date';
import type { FeatureContext, OperationsOf } from '../operations';
import { searchAll } from './search-service';

/** The search box: units, their reports, plans and tasks. */
export function searchOperations({ db, now }: FeatureContext): OperationsOf<'search'> {
  return {
    'search.all': (input) => searchAll(db(), input.query, localIsoDate(now())),
  };
}
