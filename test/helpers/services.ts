import { expect } from 'vitest';
import type { Services } from '../../core/services';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import { expectOk, prepareServices } from './service-setup';
import { tempDir } from './temp-dir';

export { ADMIN, BINH_CHUONG, expectOk, setUpOffice, signInAsAdmin } from './service-setup';

/** A set-up installation with its first administrator signed in (pass office: false for a first run). */
export async function setUpServices(options: { dataDir?: string; office?: boolean; now?: () => Date } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const services = await prepareServices(dataDir, { office: options.office === false ? false : undefined, now: options.now });
  return { services, dataDir };
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
