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

export async function setUpServices(options: { dataDir?: string; office?: boolean } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const services = await createServices({ dataDir, log: process.env.DEBUG_SERVICES ? undefined : () => undefined });
  if (options.office !== false) expectOk(await services.call('office.save', { ...BINH_CHUONG }));
  return { services, dataDir };
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
