import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { formatVnDate } from '../../shared/dates/vn-date';
import { AppError } from '../app-error';

/**
 * How the app may reach a WebDAV server: over HTTPS, trusting the usual authorities plus the one certificate
 * the administrator chose (a province's own or self-signed one); plain http only to an address inside the
 * office's network, unless the administrator allowed it knowingly.
 */
export interface ConnectionPolicy {
  /** PEM of the certificate (or authority) chosen in Cài đặt; '' for the usual authorities only. */
  certificatePem: string;
  allowPlainHttp: boolean;
}

export const NO_POLICY: ConnectionPolicy = { certificatePem: '', allowPlainHttp: false };

const PRIVATE = new net.BlockList();
for (const [address, prefix] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['169.254.0.0', 16]] as const) PRIVATE.addSubnet(address, prefix, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6'); // unique local
PRIVATE.addSubnet('fe80::', 10, 'ipv6'); // link-local

/** An address inside the office's own network: loopback, the private IPv4 ranges, IPv6 local ones, localhost, *.local. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const family = net.isIP(host);
  if (family === 4) return PRIVATE.check(host, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
    return mapped ? PRIVATE.check(mapped, 'ipv4') : PRIVATE.check(host, 'ipv6');
  }
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local');
}

export const PLAIN_HTTP_REFUSED =
  'Địa chỉ http:// không mã hóa: mật khẩu và các gói đi qua mạng mà ai cũng đọc được. Dùng địa chỉ https://, hoặc người quản trị đánh dấu "Cho phép http không mã hóa" nếu đã hiểu rủi ro.';

/** The server's address as the policy allows it, or a Vietnamese refusal on the `url` field. */
export function checkServerUrl(address: string, policy: ConnectionPolicy): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new AppError('VALIDATION', `Địa chỉ máy chủ "${address}" không hợp lệ.`, { url: 'Không hợp lệ' });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') throw new AppError('VALIDATION', 'Địa chỉ máy chủ phải bắt đầu bằng https://', { url: 'Phải bắt đầu bằng https://' });
  if (!policy.allowPlainHttp && !isPrivateHost(url.hostname)) throw new AppError('VALIDATION', PLAIN_HTTP_REFUSED, { url: 'http:// không mã hóa' });
  return url;
}

export interface ChosenCertificate {
  pem: string;
  /** Who it names and until when, for the settings screen: "dv.snv.quangngai.gov.vn, hết hạn 02/12/2027". */
  summary: string;
}

/** A certificate file (PEM or DER, .crt/.pem/.cer) read and checked; a Vietnamese refusal on `certificateFile` otherwise. */
export function readCertificateFile(file: string): ChosenCertificate {
  const refuse = (problem: string) => new AppError('VALIDATION', `Tệp chứng chỉ: ${problem}`, { certificateFile: problem });
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > 1024 * 1024) throw refuse('lớn quá 1 MB, không phải tệp chứng chỉ.');
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(`không đọc được "${file}".`);
  }
  const text = bytes.toString('latin1');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw refuse('đây là khóa bí mật, không phải chứng chỉ. Chọn tệp .crt (không chọn tệp .key).');
  try {
    const certificates = blocks ? blocks.map((b) => new crypto.X509Certificate(b)) : [new crypto.X509Certificate(bytes)];
    const first = certificates[0]!;
    const until = new Date(first.validTo);
    if (until.getTime() < Date.now()) throw refuse(`đã hết hạn ngày ${formatVnDate(until.toISOString().slice(0, 10))}.`);
    const name = /CN=([^\n,]+)/.exec(first.subject)?.[1] ?? first.subject.replace(/\n/g, ', ');
    return { pem: certificates.map((c) => c.toString()).join(''), summary: `${name}, hết hạn ${formatVnDate(until.toISOString().slice(0, 10))}` };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('không phải chứng chỉ X.509 (PEM hoặc DER).');
  }
}

const agents = new Map<string, https.Agent>();

/** For HTTPS requests (e.g. the webdav package's `httpsAgent`): the usual authorities plus the chosen certificate. */
export function httpsAgentFor(policy: ConnectionPolicy): https.Agent {
  let agent = agents.get(policy.certificatePem);
  if (!agent) {
    agent = new https.Agent({ ca: policy.certificatePem ? [...tls.rootCertificates, policy.certificatePem] : undefined, keepAlive: false });
    agents.set(policy.certificatePem, agent);
  }
  return agent;
}

/** The agent a request to `url` goes through: the policy's for HTTPS, Node's default for plain http. */
export function agentFor(url: URL, policy: ConnectionPolicy): https.Agent | undefined {
  return url.protocol === 'https:' ? httpsAgentFor(policy) : undefined;
}

const TLS_PROBLEMS = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED']);

/** A connection failure the clerk can act on, in Vietnamese; null for the ordinary ones (no network, wrong address). */
export function connectionProblem(error: unknown): string | null {
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: string } | null)?.code ?? (error as { cause?: { code?: string } } | null)?.cause?.code;
  if (code === 'CERT_HAS_EXPIRED') return 'Chứng chỉ của máy chủ đã hết hạn: báo người quản trị máy chủ của tỉnh.';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'Chứng chỉ của máy chủ không mang tên địa chỉ đã nhập: kiểm tra địa chỉ, hoặc báo người quản trị máy chủ.';
  if (code && TLS_PROBLEMS.has(code)) return 'Máy chủ dùng chứng chỉ chưa được tin: người quản trị chọn tệp chứng chỉ của máy chủ trong Cài đặt (Gửi, nhận qua mạng).';
  return null;
}

export interface PolicyRequest {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
}

/**
 * A fetch for the WebDAV transport that follows the policy: the address checked first, HTTPS through
 * `httpsAgentFor` (global fetch cannot be given a certificate to trust).
 */
export function policyFetch(policy: ConnectionPolicy): (target: string, init: PolicyRequest) => Promise<Response> {
  return (target, init) => {
    const url = checkServerUrl(target, policy);
    const secure = url.protocol === 'https:';
    return new Promise<Response>((resolve, reject) => {
      const request = (secure ? https : http).request(url, { method: init.method, headers: init.headers, agent: agentFor(url, policy), signal: init.signal }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
          const empty = status === 204 || status === 205 || status === 304 || init.method === 'HEAD';
          resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
        });
      });
      request.on('error', reject);
      request.end(init.body);
    });
  };
}
