import type { ApiResult } from '../../../shared/api/result';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser harness. */
    danvan?: { invoke(name: string, input: unknown): Promise<ApiResult<unknown>> };
  }
}
export {};
