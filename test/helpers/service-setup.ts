import { createServices, type Services } from '../../core/services';
import type { ApiResult } from '../../shared/api/result';

/**
 * Services set up the way a test (or a test's child process) needs them, without vitest: the one place
 * where a session is prepared, so that signing in can be added here once.
 */

export const BINH_CHUONG = {
  name: 'UBND xã Bình Chương',
  parentBody: '',
  level: 'xa_phuong',
  abbreviation: 'UBND',
  placeName: 'Bình Chương',
  reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)',
} as const;

export type OfficeInput = { [K in keyof typeof BINH_CHUONG]: string };

export function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Opens the services on a data folder. `office`: the office to declare (Bình Chương by default), or
 * false to leave the installation at its first-start state. With `onlyIfMissing`, an office already
 * declared (a reopened or migrated folder) is left exactly as it is.
 */
export async function prepareServices(dataDir: string, options: { office?: OfficeInput | false; onlyIfMissing?: boolean } = {}): Promise<Services> {
  const services = await createServices({ dataDir, log: process.env.DEBUG_SERVICES ? undefined : () => undefined });
  const office = options.office ?? BINH_CHUONG;
  if (office === false) return services;
  if (options.onlyIfMissing && expectOk(await services.call('app.status', {})).office) return services;
  expectOk(await services.call('office.save', { ...office }));
  return services;
}
