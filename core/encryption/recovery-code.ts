import crypto from 'node:crypto';
import { DATA_KEY } from '../../db/encryption';
import { AppError } from '../app-error';

/**
 * The recovery code is the data key itself, written for a person: the 32 key bytes and a 3-byte checksum
 * in Crockford's base32 (no I, L, O, U), 56 characters in 14 groups of 4. A typing mistake is caught by the
 * checksum before any file is tried; O, I and L are read as 0, 1 and 1; case, spaces and dashes do not
 * matter. The bare key (64 hex digits) is accepted too.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 3;
const CODE_LENGTH = 56;

const checksum = (key: Buffer) => crypto.createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES);

export function recoveryCodeOf(keyHex: string): string {
  if (!DATA_KEY.test(keyHex)) throw new Error('A data key is 64 hex digits.');
  const key = Buffer.from(keyHex, 'hex');
  const bytes = Buffer.concat([key, checksum(key)]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The data key in a code the clerk typed; a Vietnamese refusal (field recoveryCode) when it cannot be one. */
export function keyFromRecoveryCode(typed: string): string {
  const compact = typed.replace(/[\s\-–.]/g, '').toUpperCase();
  if (/^[0-9A-F]{64}$/.test(compact)) return compact.toLowerCase();
  const normal = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  const refuse = (problem: string) => new AppError('VALIDATION', `Mã khôi phục: ${problem}`, { recoveryCode: problem });
  if ([...normal].some((c) => !ALPHABET.includes(c))) throw refuse('có ký tự không có trong mã khôi phục (mã chỉ gồm chữ số và chữ cái in hoa)');
  if (normal.length !== CODE_LENGTH) throw refuse(`mã có ${CODE_LENGTH} ký tự (14 nhóm 4 ký tự), mã vừa gõ có ${normal.length} ký tự`);
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const c of normal) {
    value = (value << 5) | ALPHABET.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  const key = Buffer.from(bytes.slice(0, 32));
  if (!checksum(key).equals(Buffer.from(bytes.slice(32, 32 + CHECK_BYTES)))) throw refuse('gõ chưa đúng (sai một vài ký tự); hãy đối chiếu lại từng nhóm với mã đã ghi');
  return key.toString('hex');
}
