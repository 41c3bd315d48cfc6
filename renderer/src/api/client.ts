import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../shared/api/result';

/** A refused operation, carrying the contract's Vietnamese message and per-field messages. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

async function transport(name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.danvan) return window.danvan.invoke(name, input);
  try {
    // The browser harness: its HttpOnly cookie authorises the call; the custom header is its CSRF check.
    const response = await fetch(`./api/invoke/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Danvan-Request': '1' },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Không kết nối được với phần xử lý của ứng dụng.' } };
  }
}

/** Calls one operation of the contract; resolves with its output or rejects with ApiCallError. */
export async function callApi<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  const result = await transport(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as OperationOutput<N>;
}
