import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/app-error';
import { checkServerUrl, connectionProblem, isPrivateHost, NO_POLICY, PLAIN_HTTP_REFUSED, policyFetch, readCertificateFile } from '../../core/sync/connection-policy';
import { selfSignedCertificate } from '../helpers/kit-nginx';
import { call, expectError, setUpServices } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('not refused');
};

describe('connection policy', () => {
  it('tells the office’s own network from the rest', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', '10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.1.10', '169.254.3.4', '::1', '[::1]', 'fd12:3456::1', 'fe80::1', '::ffff:192.168.1.2', 'localhost', 'LOCALHOST', 'may-chu.local', 'dv.localhost']) {
      expect(isPrivateHost(host), host).toBe(true);
    }
    for (const host of ['8.8.8.8', '172.32.0.1', '172.15.255.255', '11.0.0.1', '192.169.0.1', '::ffff:8.8.8.8', '2001:db8::1', 'dv.snv.quangngai.gov.vn', 'localhost.evil.example', 'local', '10.0.0.1.example.com']) {
      expect(isPrivateHost(host), host).toBe(false);
    }
  });

  it('refuses plain http outside the office network unless the administrator allowed it, in Vietnamese', () => {
    expect(checkServerUrl('https://dv.snv.quangngai.gov.vn/danvan', NO_POLICY).hostname).toBe('dv.snv.quangngai.gov.vn');
    expect(checkServerUrl('http://192.168.1.5/danvan', NO_POLICY).port).toBe('');
    expect(checkServerUrl('http://may-chu.local:8080/danvan', NO_POLICY).port).toBe('8080');
    const refused = refusal(() => checkServerUrl('http://dv.snv.quangngai.gov.vn/danvan', NO_POLICY));
    expect([refused.code, refused.message, refused.fields]).toEqual(['VALIDATION', PLAIN_HTTP_REFUSED, { url: 'http:// không mã hóa' }]);
    expect(checkServerUrl('http://dv.snv.quangngai.gov.vn/danvan', { ...NO_POLICY, allowPlainHttp: true }).protocol).toBe('http:');
    expect(refusal(() => checkServerUrl('ftp://192.168.1.5/', NO_POLICY)).message).toMatch(/phải bắt đầu bằng https:\/\//);
    expect(refusal(() => checkServerUrl('không phải địa chỉ', NO_POLICY)).message).toMatch(/không hợp lệ/);
  });

  it('reads a certificate file in PEM or DER, and says plainly what is wrong with anything else', () => {
    const dir = tempDir();
    const { cert, key } = selfSignedCertificate(dir);
    const chosen = readCertificateFile(cert);
    expect(chosen.pem).toContain('-----BEGIN CERTIFICATE-----');
    expect(chosen.summary).toMatch(/^127\.0\.0\.1, hết hạn \d{2}\/\d{2}\/\d{4}$/);
    const der = path.join(dir, 'server.cer');
    execFileSync('openssl', ['x509', '-in', cert, '-outform', 'DER', '-out', der]);
    expect(readCertificateFile(der).pem).toBe(chosen.pem);
    expect(refusal(() => readCertificateFile(key)).message).toBe('Tệp chứng chỉ: đây là khóa bí mật, không phải chứng chỉ. Chọn tệp .crt (không chọn tệp .key).');
    fs.writeFileSync(path.join(dir, 'x.crt'), 'không phải chứng chỉ');
    expect(refusal(() => readCertificateFile(path.join(dir, 'x.crt'))).fields).toEqual({ certificateFile: 'không phải chứng chỉ X.509 (PEM hoặc DER).' });
    expect(refusal(() => readCertificateFile(path.join(dir, 'khong-co.crt'))).message).toMatch(/không đọc được/);
  });

  it('trusts a self-signed server only with its certificate chosen, and names the problem without it', async () => {
    const dir = tempDir();
    const { cert, key } = selfSignedCertificate(dir);
    const other = selfSignedCertificate(dir, 'DNS:dv.snv.quangngai.gov.vn', 'other');
    const server = https.createServer({ cert: fs.readFileSync(cert), key: fs.readFileSync(key) }, (req, res) => res.end(`xin chào ${req.method}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as { port: number }).port}/danvan/`;
    const named = https.createServer({ cert: fs.readFileSync(other.cert), key: fs.readFileSync(other.key) }, (_req, res) => res.end('sai tên'));
    await new Promise<void>((resolve) => named.listen(0, '127.0.0.1', resolve));
    try {
      const untrusted = await policyFetch(NO_POLICY)(url, { method: 'PROPFIND', headers: {} }).then(() => null, (e: unknown) => e);
      expect(connectionProblem(untrusted)).toBe('Máy chủ dùng chứng chỉ chưa được tin: người quản trị chọn tệp chứng chỉ của máy chủ trong Cài đặt (Gửi, nhận qua mạng).');
      const trusted = await policyFetch({ certificatePem: readCertificateFile(cert).pem, allowPlainHttp: false })(url, { method: 'PROPFIND', headers: {} });
      expect([trusted.status, await trusted.text()]).toEqual([200, 'xin chào PROPFIND']);
      // a trusted certificate that names another server is still refused
      const misnamed = `https://127.0.0.1:${(named.address() as { port: number }).port}/danvan/`;
      const otherName = await policyFetch({ certificatePem: readCertificateFile(other.cert).pem, allowPlainHttp: false })(misnamed, { method: 'GET', headers: {} }).then(() => null, (e: unknown) => e);
      expect(connectionProblem(otherName)).toBe('Chứng chỉ của máy chủ không mang tên địa chỉ đã nhập: kiểm tra địa chỉ, hoặc báo người quản trị máy chủ.');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve) => named.close(resolve));
    }
  });

  it('is part of the sync settings: a certificate kept with them, plain http refused before anything is stored', async () => {
    const { services } = await setUpServices();
    const dir = tempDir();
    const { cert } = selfSignedCertificate(dir);
    const refused = expectError(await services.call('sync.saveConfig', { kind: 'webdav', url: 'http://dv.snv.quangngai.gov.vn/danvan', username: 'xa', password: 'x' }), 'VALIDATION');
    expect(refused.message).toBe(PLAIN_HTTP_REFUSED);
    expect((await call(services, 'sync.status', {})).config).toMatchObject({ kind: 'none', url: '', hasPassword: false });
    const saved = await call(services, 'sync.saveConfig', { kind: 'webdav', url: 'https://dv.snv.quangngai.gov.vn/danvan', username: 'xa', password: 'x', certificateFile: cert });
    expect(saved).toMatchObject({ certificateFile: cert, allowPlainHttp: false });
    expect(saved.certificateSummary).toMatch(/^127\.0\.0\.1, hết hạn/);
    fs.rmSync(cert); // the USB stick is gone: saving again keeps the stored certificate
    const again = await call(services, 'sync.saveConfig', { kind: 'webdav', url: 'http://dv.snv.quangngai.gov.vn/danvan', username: 'xa', password: '', certificateFile: cert, allowPlainHttp: true });
    expect(again).toMatchObject({ certificateSummary: saved.certificateSummary, allowPlainHttp: true, url: 'http://dv.snv.quangngai.gov.vn/danvan' });
    const bad = expectError(await services.call('sync.saveConfig', { kind: 'webdav', url: 'https://dv.snv.quangngai.gov.vn/danvan', username: 'xa', password: '', certificateFile: path.join(dir, 'server.key') }), 'VALIDATION');
    expect(bad.message).toMatch(/^Tệp chứng chỉ: đây là khóa bí mật/);
    await services.close();
  });
});
