import { describe, expect, it } from 'vitest';
import { pageText, type Item } from '../../core/import/readers/page-layout';

const line = (str: string, y: number, x = 90): Item => ({ str, x, y, width: str.length * 6, size: 13 });

describe('a PDF page rebuilt into lines', () => {
  it('drops the top of a tall letter ("Ủ") Chromium drew in the margin under the last line when its line went on to the next page; a page number stays', () => {
    const items = [line('chấn chỉnh hạn chế, xử lý nghiêm cán bộ, công chức gây phiền hà', 80), line('cho Nhân dân.', 66)];
    expect(pageText([...items, line('Ủ', 43, 454)], 13)).toBe('chấn chỉnh hạn chế, xử lý nghiêm cán bộ, công chức gây phiền hà\ncho Nhân dân.');
    expect(pageText([...items, line('4', 43, 300)], 13)).toBe('chấn chỉnh hạn chế, xử lý nghiêm cán bộ, công chức gây phiền hà\ncho Nhân dân.\n4');
  });

  it('a task table\'s row going on at the foot of the page in smaller print ("33/CT-TTg của Thủ") is the row\'s, no footnote', () => {
    const cell = (str: string, y: number, x: number, size = 13): Item => ({ str, x, y, width: str.length * 6, size });
    const items = [
      cell('TT', 200, 40), cell('Nội dung công việc', 200, 80), cell('Đơn vị chủ trì', 200, 300), cell('Thời gian', 200, 450),
      cell('1', 180, 40), cell('Quán triệt Luật, Chỉ thị số', 180, 80), cell('Văn phòng Sở', 180, 300), cell('Quý I/2026', 180, 450),
      cell('33/CT-TTg của Thủ tướng', 164, 80, 10), cell('Sở', 164, 300, 10),
    ];
    expect(pageText(items, 13)).toBe('TT\tNội dung công việc\tĐơn vị chủ trì\tThời gian\n1\tQuán triệt Luật, Chỉ thị số 33/CT-TTg của Thủ tướng\tVăn phòng Sở Sở\tQuý I/2026');
  });
});
