import http from 'node:http';
import https from 'node:https';

/**
 * Bundle bodies (PUT and GET) go over node:http/https streams rather than through the `webdav` package:
 * its fetch can only abort the whole request after a fixed time, which fails a large bundle on a slow
 * line. Here the limits are a connect timeout and an idle timeout (no byte either way for `idleMs`), so a
 * slow but moving transfer always finishes and a stalled one fails quickly.
 */
export interface TransferLimits {
  connectMs: number;
  idleMs: number;
  /**
   * The slowest line an upload must survive, in bytes a second. The system takes an upload's bytes far
   * ahead of the line (its send buffers hold from tens of KB to megabytes), so once the last byte is handed
   * over, the server may still be receiving for as long as those buffers take to cross the line, without a
   * byte either way: the answer is awaited for idleMs plus that time at this speed.
   */
  slowestBytesPerSecond: number;
}

/** A rural line at its worst (nginx's `limit_rate 2k`): what the default limits promise to carry. */
export const SLOWEST_LINE_BYTES_PER_SECOND = 2048;

/** Bytes moved so far and the total (0 when the server does not say). */
export type Progress = (done: number, total: number) => void;

export interface BodyRequest {
  method: 'PUT' | 'GET';
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
  limits: TransferLimits;
  agent?: http.Agent;
  onProgress?: Progress;
}

const CHUNK = 64 * 1024;

/**
 * Fails with an error whose `code` dav-errors.ts explains (CONNECT_TIMEOUT, IDLE_TIMEOUT, ANSWER_TIMEOUT with
 * `waitedMs`, INCOMPLETE, ECONNRESET …).
 */
export function transferBody(r: BodyRequest): Promise<{ status: number; body: Buffer }> {
  const lib = r.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: { status: number; body: Buffer }) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const coded = (code: string) => Object.assign(new Error(code), { code });
    const req = lib.request(r.url, { method: r.method, headers: { ...r.headers, ...(r.body ? { 'Content-Length': String(r.body.length) } : {}) }, agent: r.agent });
    const connectTimer = setTimeout(() => finish(coded('CONNECT_TIMEOUT')), r.limits.connectMs);
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer); // a kept-alive connection
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    // the socket's inactivity timer: restarted by every byte read or written
    req.setTimeout(r.limits.idleMs, () => finish(coded(req.socket?.connecting ? 'CONNECT_TIMEOUT' : 'IDLE_TIMEOUT')));
    req.on('error', (error) => finish(error));
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      req.setTimeout(r.limits.idleMs); // the answer is moving: back to the idle limit
      const total = Number(res.headers['content-length'] ?? 0);
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (r.method === 'GET' && (res.statusCode ?? 0) < 300) r.onProgress?.(received, total);
      });
      res.on('error', (error) => finish(error));
      res.on('aborted', () => finish(coded('INCOMPLETE')));
      res.on('end', () => {
        if (total && received !== total) return finish(coded('INCOMPLETE'));
        finish(null, { status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      res.on('close', () => finish(coded('INCOMPLETE'))); // after 'end' this is a no-op
    });
    if (!r.body) return void req.end();
    const body = r.body;
    let offset = 0;
    let absorbed = 0; // what the system took before it first pushed back: about what its buffers hold
    const writeMore = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + CHUNK);
        offset += chunk.length;
        const sent = offset;
        const more = req.write(chunk, () => r.onProgress?.(sent, body.length));
        if (!more) {
          absorbed ||= offset;
          return void req.once('drain', writeMore);
        }
      }
      req.end(() => {
        // every byte is handed over, but up to a buffer's worth may still be crossing the line: wait for that
        const waitedMs = r.limits.idleMs + Math.ceil(((absorbed || body.length) / r.limits.slowestBytesPerSecond) * 1000);
        if (settled || answered) return; // a server may answer before the end (a refusal)
        req.removeAllListeners('timeout');
        req.setTimeout(waitedMs, () => finish(Object.assign(coded('ANSWER_TIMEOUT'), { waitedMs })));
      });
    };
    writeMore();
  });
}
