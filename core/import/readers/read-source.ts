import { AppError } from '../../app-error';
import { readDocx } from './read-docx';
import { readImage } from './ocr/read-image';
import { readPdf } from './read-pdf';
import { readText } from './read-text';
import type { OnReadProgress, SourceFormat, SourceReading } from './source-reading';

export type { SourceFormat } from './source-reading';
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What kind of file it is, by its first bytes (the extension is only a hint). */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new AppError('VALIDATION', 'Đây là tệp Word cũ (.doc). Hãy mở bằng Word, chọn "Lưu thành" dạng .docx rồi nhập lại.');
  // A photo or a scan of a page: JPEG, PNG, TIFF (both byte orders), read by OCR.
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  if (startsWith(bytes, [0x47, 0x49, 0x46])) throw new AppError('VALIDATION', 'Tệp ảnh GIF không đọc được chữ. Hãy chụp hoặc quét lại thành ảnh JPG hoặc PNG, hoặc dùng bản Word, bản PDF.');
  if (/\.(jpe?g|png|tiff?)$/i.test(fileName)) throw new AppError('VALIDATION', `Tệp "${fileName}" bị hỏng: nội dung không phải ảnh JPG, PNG hoặc TIFF.`);
  if (/\.(docx|pdf)$/i.test(fileName)) {
    throw new AppError('VALIDATION', `Tệp "${fileName}" bị hỏng: nội dung không phải ${fileName.toLowerCase().endsWith('.pdf') ? 'PDF' : 'Word (.docx)'}.`);
  }
  return 'text';
}

/** The text of a document the clerk chose or dropped; `progress` hears of each page of a PDF or image as it is read. */
export async function readSource(bytes: Uint8Array, fileName: string, progress?: OnReadProgress): Promise<SourceReading> {
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng, không có nội dung.');
  if (bytes.length > MAX_SOURCE_BYTES) throw new AppError('VALIDATION', 'Tệp lớn hơn 50 MB, không phải một văn bản kế hoạch.');
  const format = detectFormat(bytes, fileName);
  const reading =
    format === 'pdf' ? await readPdf(bytes, progress) : format === 'image' ? await readImage(bytes, progress) : { format, text: format === 'docx' ? await readDocx(bytes) : readText(bytes), linePages: [], ocr: null };
  if (!reading.text.trim()) throw new AppError('VALIDATION', format === 'image' ? 'Không đọc được chữ nào trên ảnh. Hãy chụp hoặc quét lại rõ hơn (thẳng trang, đủ sáng, 200–300 dpi).' : 'Văn bản không có chữ nào.');
  return reading;
}
