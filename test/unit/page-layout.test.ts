import { describe, expect, it } from 'vitest';
import { pageText, type Item } from '../../core/import/readers/page-layout';

const line = (str: string, y: number, x = 90): Item => ({ str, x, y, width: str.length * 6, size: 13 });

describe('a PDF page rebuilt into lines', () => {
  it('drops the top of a tall letter ("Ủ") Chromium drew in the margin under the last line when its line went on to the next page; a page number stays', () => {
    const items = [line('chấn chỉnh hạn chế, xử lý nghiêm cán bộ, công chức gây phiền hà', 80), line('cho Nhân dân.', 66)];
    expect(pageText([...items, line('Ủ', 43, 454)], 13)).toBe('chấn chỉnh hạn chế, xử lý nghiêm cán bộ, công chức gây phiền hà\ncho Nhân dân.');
    expect(pageText([...items, line('4', 43, 300)], 13)).toBe('chấn chỉnh hạn chế, xử lý nghiêm cán bộ, công chức gây phiền hà\ncho Nhân dân.\n4');
  });
});
