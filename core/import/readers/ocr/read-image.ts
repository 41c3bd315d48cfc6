import { AppError } from '../../../app-error';
import { joinPages, type OnReadProgress, type SourceReading } from '../source-reading';
import { imageSize } from './image-size';
import { createOcrEngine } from './ocr-engine';
import { ocrPageText } from './ocr-page';
import { photoPixels } from './photo-pixels';

/** An A4 page scanned at 600 dpi is 35 million pixels; past this it is not a page of a plan. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** A photo or scan of one page (.jpg, .png, .tif), read by OCR. */
export async function readImage(bytes: Uint8Array, progress?: OnReadProgress): Promise<SourceReading> {
  const size = imageSize(bytes);
  // cheapest first: a header that does not say the picture's size is a broken file, refused before the OCR engine starts
  if (!size || !size.width || !size.height) throw new AppError('VALIDATION', 'Không đọc được tệp ảnh: tệp bị hỏng hoặc không phải ảnh JPG, PNG, TIFF.');
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new AppError('VALIDATION', `Ảnh quá lớn (${size.width} × ${size.height} điểm ảnh), không phải ảnh chụp một trang văn bản. Hãy chụp hoặc quét lại ở độ phân giải 200–300 dpi.`);
  }
  progress?.({ page: 1, pages: 1, ocr: true });
  const engine = await createOcrEngine();
  try {
    let words;
    try {
      words = await engine.recognize(await photoPixels(bytes));
    } catch {
      throw new AppError('VALIDATION', 'Không đọc được tệp ảnh: tệp bị hỏng hoặc không phải ảnh JPG, PNG, TIFF.');
    }
    const page = ocrPageText(words);
    return joinPages('image', [{ text: page.text, ocr: { doubtful: page.doubtful, confidence: page.confidence } }]);
  } finally {
    await engine.close();
  }
}
