import type { Services } from '../core/services';
import type { AppStatus } from '../shared/api/contract';

export async function runInfo(services: Services): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const status = await services.call('app.status', {});
  if (!status.ok) return { ok: false, message: status.error.message };
  const s = status.value as AppStatus;
  if (s.state === 'databaseError') return { ok: false, message: s.databaseError ?? 'Không mở được dữ liệu.' };
  const units = s.state !== 'needsSetup' ? await services.call('units.list', { includeInactive: true }) : null;
  const groups = s.state !== 'needsSetup' ? await services.call('groups.list', {}) : null;
  const unitList = units?.ok ? (units.value as { active: boolean }[]) : [];
  return {
    ok: true,
    value: {
      installationId: s.installationId,
      office: s.office,
      schemaVersion: s.schemaVersion,
      dataDir: s.dataDir,
      counts: {
        units: unitList.length,
        activeUnits: unitList.filter((u) => u.active).length,
        groups: groups?.ok ? (groups.value as unknown[]).length : 0,
      },
    },
  };
}
