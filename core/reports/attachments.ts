import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import type { AttachmentRef } from '../../shared/reports/report-schemas';
import { AppError } from '../app-error';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Evidence a report may carry, recognised by name and by its first bytes (a renamed .exe is refused). */
const TYPES: { ext: string[]; mime: string; magic: number[] }[] = [
  { ext: ['pdf'], mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ['doc'], mime: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { ext: ['xls'], mime: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { ext: ['png'], mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
];

/** Where an evidence file lives: attachments/<first two hex digits>/<sha256>, below a data folder or a backup folder. */
export const attachmentFile = (dataDir: string, sha256: string) => path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
const fileOf = attachmentFile;

/** Checks and stores a file once by its SHA-256; the same file attached twice is kept once. */
export async function storeAttachment(db: Kysely<Database>, dataDir: string, name: string, bytes: Buffer, now: Date): Promise<AttachmentRef> {
  if (bytes.length === 0) throw new AppError('VALIDATION', `Tệp "${name}" rỗng.`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', `Tệp "${name}" lớn hơn 20 MB.`);
  const ext = path.extname(name).slice(1).toLowerCase();
  const type = TYPES.find((t) => t.ext.includes(ext));
  if (!type) throw new AppError('VALIDATION', `Không nhận tệp "${name}": chỉ nhận PDF, Word, Excel, ảnh JPG hoặc PNG.`);
  if (!type.magic.every((b, i) => bytes[i] === b)) throw new AppError('VALIDATION', `Tệp "${name}" không đúng định dạng .${ext} (có thể bị đổi tên hoặc hỏng).`);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const target = fileOf(dataDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true }); // a full disk leaves no half-written file behind
      throw error;
    }
  }
  await db
    .insertInto('attachment')
    .values({ sha256, size: bytes.length, mime: type.mime, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { sha256, name: path.basename(name), size: bytes.length, mime: type.mime };
}

export async function readAttachment(db: Executor, dataDir: string, sha256: string): Promise<Buffer> {
  const row = await db.selectFrom('attachment').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
  const file = fileOf(dataDir, sha256);
  if (!row || !fs.existsSync(file)) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
  return fs.readFileSync(file);
}

export async function missingAttachments(db: Executor, hashes: string[]): Promise<string[]> {
  if (!hashes.length) return [];
  const found = new Set((await db.selectFrom('attachment').select('sha256').where('sha256', 'in', [...new Set(hashes)]).execute()).map((r) => r.sha256));
  return hashes.filter((h) => !found.has(h));
}
