import type http from 'node:http';
import { createClient, type FileStat, type WebDAVClient } from 'webdav';
import { BUNDLE_NAME, uploadName, type Transport } from './transport';
import { SLOWEST_LINE_BYTES_PER_SECOND, transferBody, type TransferLimits } from './webdav/body-transfer';
import { connectionError, DavError, statusError } from './webdav/dav-errors';

export interface WebdavOptions {
  url: string;
  username: string;
  password: string;
  /** Connect and idle limits (defaults: 15 s to connect, 30 s without a byte). */
  limits?: Partial<TransferLimits>;
  /** An agent for HTTPS trust (connection policy); the default agents otherwise. */
  agent?: http.Agent;
}

export const DEFAULT_LIMITS: TransferLimits = { connectMs: 15_000, idleMs: 30_000, slowestBytesPerSecond: SLOWEST_LINE_BYTES_PER_SECOND };

/**
 * WebDAV through the `webdav` package (PROPFIND parsed as XML, MKCOL, MOVE, DELETE) and bundle bodies
 * through body-transfer.ts (streams with an idle timeout and progress; see there why). Folders are made
 * parent by parent, as real servers answer 409 to a MKCOL under a missing parent.
 */
export function webdavTransport(options: WebdavOptions): Transport {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const base = new URL(options.url.replace(/\/*$/, '/'));
  const basePath = decodeURIComponent(base.pathname).split('/').filter(Boolean);
  const client: WebDAVClient = createClient(base.origin, { username: options.username, password: options.password, httpAgent: options.agent, httpsAgent: options.agent });
  const auth = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const pathOf = (...parts: string[]) => `/${[...basePath, ...parts].join('/')}`;
  const urlOf = (...parts: string[]) => new URL([...basePath, ...parts].map(encodeURIComponent).join('/'), `${base.origin}/`);
  // PROPFIND, MKCOL, MOVE, DELETE carry a few hundred bytes: one limit for the whole exchange is enough
  const small = () => ({ signal: AbortSignal.timeout(limits.connectMs + limits.idleMs) });

  /** Runs one small request, turning any failure into the clerk's sentence. */
  const dav = async <T>(action: string, run: () => Promise<T>, accept: number[] = []): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (typeof status === 'number') {
        if (accept.includes(status)) return null;
        throw statusError(action, status);
      }
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      throw connectionError(action, timedOut ? { code: 'IDLE_TIMEOUT' } : error, limits);
    }
  };
  const exists = async (path: string) => (await dav('Không đọc được thư mục trên máy chủ', () => client.stat(path, small()), [404])) !== null;
  const made = new Set<string>();
  /** Finds the deepest folder that exists, then makes each missing one below it. */
  const ensureFolder = async (folder: string) => {
    const segments = [...basePath, folder];
    const at = (n: number) => `/${segments.slice(0, n).join('/')}`;
    if (made.has(at(segments.length))) return;
    let present = segments.length;
    while (present > 0 && !(await exists(at(present)))) present--;
    for (let n = present + 1; n <= segments.length; n++) {
      await dav('Không tạo được thư mục trên máy chủ', () => client.createDirectory(at(n), small()), [405]); // 405: made meanwhile
    }
    made.add(at(segments.length));
  };

  return {
    label: `Máy chủ ${options.url}`,
    async send(recipientFolder, fileName, bytes, onProgress) {
      if (!BUNDLE_NAME.test(fileName)) throw new DavError('Tên tệp không hợp lệ', 0);
      const action = `Không gửi được ${fileName}`;
      await ensureFolder(recipientFolder);
      const temp = uploadName(fileName);
      let put: { status: number };
      try {
        put = await transferBody({ method: 'PUT', url: urlOf(recipientFolder, temp), headers: { Authorization: auth, 'Content-Type': 'application/octet-stream' }, body: bytes, limits, agent: options.agent, onProgress });
      } catch (error) {
        throw connectionError(action, error, limits);
      }
      if (put.status < 200 || put.status >= 300) throw statusError(action, put.status);
      await dav(action, () => client.moveFile(pathOf(recipientFolder, temp), pathOf(recipientFolder, fileName), { ...small(), overwrite: true }));
      const stat = (await dav(action, () => client.stat(pathOf(recipientFolder, fileName), small()), [404])) as FileStat | null;
      if (stat?.size !== bytes.length) throw new DavError(`${action}: máy chủ chưa xác nhận đủ tệp; sẽ tự gửi lại`, 0);
    },
    async list(ownFolder) {
      const items = (await dav('Không đọc được hộp thư đến trên máy chủ', () => client.getDirectoryContents(pathOf(ownFolder), small()), [404])) as FileStat[] | null;
      return (items ?? [])
        .filter((i) => i.type === 'file' && BUNDLE_NAME.test(i.basename))
        .map((i) => i.basename)
        .sort();
    },
    async fetch(ownFolder, fileName, onProgress) {
      const action = `Không tải về được ${fileName}`;
      let got: { status: number; body: Buffer };
      try {
        got = await transferBody({ method: 'GET', url: urlOf(ownFolder, fileName), headers: { Authorization: auth }, limits, agent: options.agent, onProgress });
      } catch (error) {
        throw connectionError(action, error, limits);
      }
      if (got.status !== 200) throw statusError(action, got.status);
      return got.body;
    },
    async remove(ownFolder, fileName) {
      await dav(`Không xóa được ${fileName} trên máy chủ`, () => client.deleteFile(pathOf(ownFolder, fileName), small()), [404]);
    },
  };
}
