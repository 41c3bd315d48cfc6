import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, translateStorageError } from '../app-error';

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** "ổ đĩa chứa thư mục "E:\SaoLuu"": how messages name the place the clerk chose. */
export const placeOf = (folder: string) => `chứa thư mục "${folder}"`;

/**
 * A folder the clerk typed or chose, checked before anything is written to it: a full path, an existing
 * folder, writable (a probe file is written and removed), with room for about `neededBytes`.
 */
export function checkTargetFolder(folder: string, neededBytes: number): string {
  const refuse = (problem: string, code: 'VALIDATION' | 'STORAGE' = 'VALIDATION') => new AppError(code, `Thư mục: ${problem}`, { folder: problem });
  if (!path.isAbsolute(folder)) throw refuse('gõ đường dẫn đầy đủ, ví dụ E:\\SaoLuu hoặc /media/usb/SaoLuu');
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw refuse(`"${resolved}" không tồn tại (ổ USB đã cắm chưa?)`);
  }
  if (!stat.isDirectory()) throw refuse(`"${resolved}" là một tệp, không phải thư mục`);
  const probe = path.join(resolved, `.dv-kiem-tra-ghi-${crypto.randomUUID()}`);
  try {
    fs.writeFileSync(probe, 'x');
  } catch (error) {
    const storage = translateStorageError(error, placeOf(resolved));
    throw storage ? refuse(storage.message.replace(/^Ổ đĩa /, 'ổ đĩa '), 'STORAGE') : refuse(`không ghi được vào "${resolved}"`, 'STORAGE');
  } finally {
    fs.rmSync(probe, { force: true });
  }
  const free = freeBytes(resolved);
  const wanted = neededBytes * 1.1 + MB;
  if (free !== null && free < wanted) {
    throw refuse(`ổ đĩa ${placeOf(resolved)} còn trống ${mb(free)} MB, cần khoảng ${mb(wanted)} MB. Dữ liệu hiện tại được giữ nguyên.`, 'STORAGE');
  }
  return resolved;
}

function freeBytes(folder: string): number | null {
  try {
    const s = fs.statfsSync(folder);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
