import { connectionProblem } from '../connection-policy';
/**
 * What a WebDAV server's answer or a broken connection means, said to the clerk in Vietnamese. Every
 * failure of the network path ends here, so no English text from a library reaches the screen.
 */
export class DavError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when no answer came (no connection, timeout, cut). */
    readonly status: number,
  ) {
    super(message);
    this.name = 'DavError';
  }
}

export const NOT_CONNECTED = 'Không kết nối được máy chủ (mất mạng hoặc sai địa chỉ)';

const STATUS_MEANING: Record<number, string> = {
  401: 'Máy chủ từ chối tên đăng nhập hoặc mật khẩu (401): kiểm tra lại ở "Gửi, nhận qua mạng"',
  403: 'Tài khoản này không được phép dùng thư mục đó trên máy chủ (403): nhờ người quản trị máy chủ của tỉnh cấp quyền',
  404: 'Không thấy thư mục hoặc tệp trên máy chủ (404): kiểm tra địa chỉ máy chủ',
  405: 'Máy chủ không cho phép thao tác này ở địa chỉ đó (405): kiểm tra địa chỉ máy chủ có phải thư mục WebDAV',
  409: 'Thư mục cha chưa có trên máy chủ (409)',
  413: 'Máy chủ từ chối tệp vì vượt giới hạn dung lượng cho phép (413): báo người quản trị máy chủ',
  423: 'Tệp hoặc thư mục đang bị khóa trên máy chủ (423); sẽ tự thử lại sau',
  507: 'Máy chủ đã hết dung lượng lưu trữ (507): báo người quản trị máy chủ; các gói vẫn chờ trên máy này',
};

/** The clerk's sentence for an HTTP status, prefixed with what was being done ("Không gửi được X"). */
export function statusError(action: string, status: number): DavError {
  const meaning =
    STATUS_MEANING[status] ??
    (status >= 500 ? `Máy chủ đang gặp sự cố (${status}); sẽ tự thử lại sau` : `Máy chủ trả lời bất thường (${status})`);
  return new DavError(`${action}: ${meaning}`, status);
}

/** The clerk's sentence for a connection that failed before or during an answer. */
export function connectionError(action: string, error: unknown, limits: { connectMs: number; idleMs: number }): DavError {
  const code = (error as { code?: string; cause?: { code?: string } } | null)?.code ?? (error as { cause?: { code?: string } } | null)?.cause?.code ?? '';
  const seconds = (ms: number) => Math.round(ms / 1000);
  if (error instanceof DavError) return error;
  // certificate and plain-http refusals the administrator can act on, said whole (connection-policy.ts)
  const problem = connectionProblem(error);
  if (problem) return new DavError(problem, 0);
  if (code === 'CONNECT_TIMEOUT') return new DavError(`${action}: máy chủ không nhận kết nối sau ${seconds(limits.connectMs)} giây (mất mạng hoặc sai địa chỉ); sẽ tự thử lại sau`, 0);
  if (code === 'ANSWER_TIMEOUT') {
    const waited = (error as { waitedMs?: number }).waitedMs ?? limits.idleMs;
    return new DavError(`${action}: đã gửi hết nhưng máy chủ chưa xác nhận đã nhận sau ${seconds(waited)} giây (đường truyền quá chậm hoặc bị nghẽn); sẽ tự thử lại sau`, 0);
  }
  if (code === 'IDLE_TIMEOUT') return new DavError(`${action}: máy chủ ngừng trả lời quá ${seconds(limits.idleMs)} giây (đường truyền bị nghẽn); sẽ tự thử lại sau`, 0);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'INCOMPLETE')
    return new DavError(`${action}: kết nối bị ngắt giữa chừng; sẽ tự thử lại sau`, 0);
  if (code === 'CERT_HAS_EXPIRED' || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return new DavError(`${action}: chứng chỉ bảo mật của máy chủ không được tin cậy`, 0);
  return new DavError(NOT_CONNECTED, 0);
}
