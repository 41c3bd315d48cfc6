import type { Executor } from '../../db/executor';
import { listGroups } from '../../db/units/group-repo';
import { listUnits } from '../../db/units/unit-repo';
import type { UnitRef } from '../../shared/plans/plan-schemas';

/** Names of units and groups as the documents print them. */
export async function unitNameResolver(db: Executor): Promise<(ref: UnitRef) => string> {
  const units = new Map((await listUnits(db, true)).map((u) => [u.id, u.name]));
  const groups = new Map((await listGroups(db)).map((g) => [g.id, g.name]));
  return (ref) => (ref.type === 'unit' ? (units.get(ref.unitId) ?? '') : ref.type === 'group' ? (groups.get(ref.groupId) ?? '') : ref.name);
}
