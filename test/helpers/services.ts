import { expect } from 'vitest';
import { createServices, type Services } from '../../core/services';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import { tempDir } from './temp-dir';

export const BINH_CHUONG = {
  name: 'UBND xã Bình Chương',
  parentBody: '',
  level: 'xa_phuong',
  abbreviation: 'UBND',
  placeName: 'Bình Chương',
  reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)',
} as const;

/** The administrator every test installation starts with; it holds all three roles. */
export const ADMIN = { username: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['quan_tri', 'lanh_dao', 'chuyen_vien'], password: 'mat-khau-quan-tri' } as const;

/** A set-up installation with its first administrator signed in (pass office: false for a first run). */
export async function setUpServices(options: { dataDir?: string; office?: boolean; now?: () => Date } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const services = await createServices({ dataDir, now: options.now, log: process.env.DEBUG_SERVICES ? undefined : () => undefined });
  if (options.office !== false) await setUpOffice(services, { ...BINH_CHUONG });
  return { services, dataDir };
}

/** First run: the office, then its administrator, who is then signed in. */
export async function setUpOffice(services: Services, office: Record<string, unknown>) {
  expectOk(await services.call('office.save', office));
  expectOk(await services.call('users.createFirstAdmin', { ...ADMIN, roles: [...ADMIN.roles] }));
}

export function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectError(result: ApiResult<unknown>, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error;
}

export async function call<N extends OperationName>(services: Services, name: N, input: Record<string, unknown>): Promise<OperationOutput<N>> {
  return expectOk(await services.call(name, input));
}
