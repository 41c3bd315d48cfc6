import type { FeatureContext, OperationsOf } from '../operations';
import { createGroup, editGroup, listGroupsForApi, setGroupActive } from './group-service';
import { createUnit, editUnit, listUnitsForApi, moveUnit, removeUnit, setUnitActive } from './unit-service';

export function unitOperations({ db, now }: FeatureContext): OperationsOf<'units' | 'groups'> {
  return {
    'units.list': (input) => listUnitsForApi(db(), input.includeInactive),
    'units.create': (input) => createUnit(db(), input, now()),
    'units.update': (input) => editUnit(db(), input, now()),
    'units.setActive': (input) => setUnitActive(db(), input.id, input.active, now()),
    'units.move': (input) => moveUnit(db(), input.id, input.direction),
    'units.remove': async (input) => {
      await removeUnit(db(), input.id);
      return { done: true as const };
    },
    'groups.list': () => listGroupsForApi(db()),
    'groups.create': (input) => createGroup(db(), input, now()),
    'groups.update': (input) => editGroup(db(), input, now()),
    'groups.setActive': (input) => setGroupActive(db(), input.id, input.active, now()),
  };
}
