import { BUNDLE_NAME, type Transport } from './transport';
import { connectionProblem, NO_POLICY, policyFetch, type ConnectionPolicy } from './connection-policy';

export interface WebdavOptions {
  url: string;
  username: string;
  password: string;
  timeoutMs?: number;
  /** HTTPS trust and plain-http rule (connection-policy.ts). */
  policy?: ConnectionPolicy;
}

/** WebDAV over fetch: MKCOL, PUT to a .part name, MOVE into place, PROPFIND to confirm the size. */
export function webdavTransport(options: WebdavOptions): Transport {
  const base = options.url.replace(/\/+$/, '');
  const fetch = policyFetch(options.policy ?? NO_POLICY);
  const auth = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const url = (...parts: string[]) => [base, ...parts.map(encodeURIComponent)].join('/');
  const request = async (method: string, target: string, init: { body?: Buffer; headers?: Record<string, string> } = {}) => {
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers: { Authorization: auth, ...init.headers },
        body: init.body ? new Uint8Array(init.body) : undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new Error(connectionProblem(error) ?? 'Không kết nối được máy chủ (mất mạng hoặc sai địa chỉ)');
    }
    if (response.status === 401 || response.status === 403) throw new Error('Máy chủ từ chối tên đăng nhập hoặc mật khẩu');
    return response;
  };
  const ensureFolder = async (folder: string) => {
    const r = await request('MKCOL', `${url(folder)}/`);
    if (![201, 405, 301].includes(r.status) && !r.ok) throw new Error(`Không tạo được thư mục trên máy chủ (${r.status})`);
  };
  const propfind = async (target: string, depth: '0' | '1') => {
    const r = await request('PROPFIND', target, { headers: { Depth: depth, 'Content-Type': 'application/xml' } });
    if (r.status === 404) return null;
    if (r.status !== 207) throw new Error(`Máy chủ trả lời bất thường (${r.status})`);
    return r.text();
  };
  return {
    label: `Máy chủ ${base}`,
    async send(recipientFolder, fileName, bytes) {
      if (!BUNDLE_NAME.test(fileName)) throw new Error('Tên tệp không hợp lệ');
      await ensureFolder(recipientFolder);
      const temp = url(recipientFolder, `${fileName}.part`);
      const put = await request('PUT', temp, { body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
      if (!put.ok) throw new Error(`Không tải lên được (${put.status})`);
      const move = await request('MOVE', temp, { headers: { Destination: url(recipientFolder, fileName), Overwrite: 'T' } });
      if (!move.ok) throw new Error(`Không đổi tên được trên máy chủ (${move.status})`);
      const props = await propfind(url(recipientFolder, fileName), '0');
      const size = props && /<[^>]*getcontentlength[^>]*>(\d+)</i.exec(props)?.[1];
      if (Number(size) !== bytes.length) throw new Error('Máy chủ chưa xác nhận đủ tệp');
    },
    async list(ownFolder) {
      const xml = await propfind(`${url(ownFolder)}/`, '1');
      if (!xml) return [];
      return [...xml.matchAll(/<[^>]*href[^>]*>([^<]+)</gi)]
        .map((m) => decodeURIComponent(m[1]!.split('/').filter(Boolean).pop() ?? ''))
        .filter((n) => BUNDLE_NAME.test(n))
        .sort();
    },
    async fetch(ownFolder, fileName) {
      const r = await request('GET', url(ownFolder, fileName));
      if (!r.ok) throw new Error(`Không tải về được ${fileName} (${r.status})`);
      return Buffer.from(await r.arrayBuffer());
    },
    async remove(ownFolder, fileName) {
      const r = await request('DELETE', url(ownFolder, fileName));
      if (!r.ok && r.status !== 404) throw new Error(`Không xóa được ${fileName} trên máy chủ (${r.status})`);
    },
  };
}
