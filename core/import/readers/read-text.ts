import { AppError } from '../../app-error';

/** Plain text as saved by Notepad or an e-office system: UTF-8 (with or without BOM), UTF-16, or the old Vietnamese Windows code page. */
export function readText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) throw new AppError('VALIDATION', 'Tệp này không phải văn bản (có dữ liệu nhị phân). Hãy chọn tệp .docx, .pdf hoặc .txt.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}
