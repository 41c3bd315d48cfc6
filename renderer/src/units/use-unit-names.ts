import { useMemo } from 'react';
import type { UnitRef } from '../../../shared/plans/plan-schemas';
import { useApiQuery } from '../api/hooks';

/** Units and groups of this office, and how a reference to one is printed. */
export function useUnitNames() {
  const units = useApiQuery('units.list', { includeInactive: true });
  const groups = useApiQuery('groups.list', {});
  return useMemo(() => {
    const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
    const groupName = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
    const nameOf = (r: UnitRef) => (r.type === 'unit' ? (unitName.get(r.unitId) ?? '?') : r.type === 'group' ? (groupName.get(r.groupId) ?? '?') : r.name);
    return { units: units.data ?? [], groups: groups.data ?? [], nameOf, loading: units.isPending || groups.isPending };
  }, [units.data, groups.data, units.isPending, groups.isPending]);
}
