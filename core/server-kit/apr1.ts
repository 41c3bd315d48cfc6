import crypto from 'node:crypto';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const md5 = (...parts: Buffer[]) => crypto.createHash('md5').update(Buffer.concat(parts)).digest();

function to64(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++, value >>= 6) out += ITOA64[value & 0x3f];
  return out;
}

/**
 * Apache's MD5-crypt ("$apr1$"), the one htpasswd format both nginx and Apache read on every platform,
 * made here because the kit is generated on the province's PC (often Windows, without openssl). It is a
 * slow-ish salted hash, enough for the kit's random 20-character passwords (about 100 bits each).
 * Checked against `openssl passwd -apr1` in test/unit/server-kit.test.ts.
 */
export function apr1(password: string, salt = randomSalt()): string {
  const pw = Buffer.from(password, 'utf8');
  const magic = Buffer.from('$apr1$');
  const s = Buffer.from(salt.slice(0, 8));
  const parts: Buffer[] = [pw, magic, s];
  const alternate = md5(pw, s, pw);
  for (let left = pw.length; left > 0; left -= 16) parts.push(alternate.subarray(0, Math.min(left, 16)));
  for (let i = pw.length; i; i >>= 1) parts.push(i & 1 ? Buffer.alloc(1) : pw.subarray(0, 1));
  let final = md5(...parts);
  for (let i = 0; i < 1000; i++) {
    final = md5(i & 1 ? pw : final, i % 3 ? s : Buffer.alloc(0), i % 7 ? pw : Buffer.alloc(0), i & 1 ? final : pw);
  }
  const f = final;
  const encoded =
    to64((f[0]! << 16) | (f[6]! << 8) | f[12]!, 4) +
    to64((f[1]! << 16) | (f[7]! << 8) | f[13]!, 4) +
    to64((f[2]! << 16) | (f[8]! << 8) | f[14]!, 4) +
    to64((f[3]! << 16) | (f[9]! << 8) | f[15]!, 4) +
    to64((f[4]! << 16) | (f[10]! << 8) | f[5]!, 4) +
    to64(f[11]!, 2);
  return `$apr1$${s.toString()}$${encoded}`;
}

function randomSalt(): string {
  return [...crypto.randomBytes(8)].map((b) => ITOA64[b & 0x3f]).join('');
}
