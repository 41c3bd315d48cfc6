import { AppError } from '../../app-error';
import { readDocx } from './read-docx';
import { readPdf } from './read-pdf';
import { readText } from './read-text';

export type SourceFormat = 'docx' | 'pdf' | 'text';
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What kind of file it is, by its first bytes (the extension is only a hint). */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new AppError('VALIDATION', 'Đây là tệp Word cũ (.doc). Hãy mở bằng Word, chọn "Lưu thành" dạng .docx rồi nhập lại.');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46]) || startsWith(bytes, [0x49, 0x49, 0x2a]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    throw new AppError('VALIDATION', 'Đây là tệp ảnh, không có chữ để đọc. Hãy dùng bản Word, bản PDF có chữ, hoặc dán nội dung văn bản.');
  }
  if (/\.(docx|pdf)$/i.test(fileName)) {
    throw new AppError('VALIDATION', `Tệp "${fileName}" bị hỏng: nội dung không phải ${fileName.toLowerCase().endsWith('.pdf') ? 'PDF' : 'Word (.docx)'}.`);
  }
  return 'text';
}

/** The text of a document the clerk chose or dropped. */
export async function readSource(bytes: Uint8Array, fileName: string): Promise<{ format: SourceFormat; text: string }> {
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng, không có nội dung.');
  if (bytes.length > MAX_SOURCE_BYTES) throw new AppError('VALIDATION', 'Tệp lớn hơn 50 MB, không phải một văn bản kế hoạch.');
  const format = detectFormat(bytes, fileName);
  const text = format === 'pdf' ? await readPdf(bytes) : format === 'docx' ? await readDocx(bytes) : readText(bytes);
  if (!text.trim()) throw new AppError('VALIDATION', 'Văn bản không có chữ nào.');
  return { format, text };
}
