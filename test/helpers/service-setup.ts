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

/** The administrator every test installation starts with; it holds all three roles. */
export const ADMIN = { username: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['quan_tri', 'lanh_dao', 'chuyen_vien'], password: 'mat-khau-quan-tri' } as const;

export function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The test administrator signs in (a reopened folder, or after a restore). */
export async function signInAsAdmin(services: Services): Promise<void> {
  expectOk(await services.call('session.signIn', { username: ADMIN.username, password: ADMIN.password }));
}

/** First run: the office, then its administrator, who is then signed in. */
export async function setUpOffice(services: Services, office: Record<string, unknown>): Promise<void> {
  expectOk(await services.call('office.save', office));
  expectOk(await services.call('users.createFirstAdmin', { ...ADMIN, roles: [...ADMIN.roles] }));
}

/**
 * Opens the services on a data folder with the administrator signed in. `office`: the office to declare
 * (Bình Chương by default), or false to leave the installation at its first-start state. With
 * `onlyIfMissing`, an office already declared (a reopened or migrated folder) is left exactly as it is,
 * and the administrator signs in (or is created, on a folder from before accounts existed) unless
 * `signIn` is false (opening only, as the upgrade tests need: their rows must not change).
 */
export async function prepareServices(dataDir: string, options: { office?: OfficeInput | false; onlyIfMissing?: boolean; now?: () => Date; signIn?: boolean } = {}): Promise<Services> {
  const services = await createServices({ dataDir, now: options.now, log: process.env.DEBUG_SERVICES ? undefined : () => undefined });
  const office = options.office ?? BINH_CHUONG;
  if (office === false) return services;
  const status = expectOk(await services.call('app.status', {}));
  if (options.onlyIfMissing && status.office) {
    if (options.signIn === false) return services;
    if (status.state === 'needsAdmin') expectOk(await services.call('users.createFirstAdmin', { ...ADMIN, roles: [...ADMIN.roles] }));
    else if (status.state === 'signedOut') await signInAsAdmin(services);
    return services;
  }
  await setUpOffice(services, { ...office });
  return services;
}
