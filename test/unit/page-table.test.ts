import { describe, expect, it } from 'vitest';
import { isPageNumber } from '../../core/import/page-number';
import type { Item } from '../../core/import/readers/page-item';
import { tableLines, type TableCarry } from '../../core/import/readers/page-table';

/** A page's lines of words: each cell's text at its column's left edge (TT, Nội dung, Chủ trì, Phối hợp, Thời gian). */
const EDGES = [0, 40, 300, 450, 600];
function page(rows: (string | null)[][]): Item[][] {
  return rows.map((cells, line) =>
    cells.flatMap((text, column) => (text ? [{ str: text, x: EDGES[column]!, y: 1000 - line * 14, width: text.length * 5, size: 10 }] : [])),
  );
}
const written = (out: Map<number, string | null>) => [...out.values()].filter((row): row is string => row !== null);

describe('a task table read from a page\'s layout (page-table.ts)', () => {
  it('a scan that lost row numbers or read them with a mark ("4:"): each row begins where its cells begin again, and is numbered after the row before', () => {
    const carry: TableCarry = { columns: null };
    const first = tableLines(
      page([
        ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
        ['iD', '(2) .', '3).', '(4)', '(5)'], // "(1) (2) (3) (4) (5)" as a scan read it
        [null, 'Quán triệt', 'Phòng Văn', 'Ủy ban', 'Quý I/2026'],
        [null, 'tuyên truyền', 'hóa - Xã hội', 'MTTQ', null],
        [null, 'Luật', null, null, null],
        ['2.', 'Tổ chức', 'Văn phòng', 'Công đoàn', 'Năm 2026'],
        [null, 'Hội nghị', null, null, null],
        [null, 'Tiếp công dân', 'Văn phòng', 'Công an', 'Thường xuyên'], // its "3" lost
        ['4:', 'Công khai', 'Phòng Kinh tế', 'Các thôn', 'Năm 2026'],
        [null, 'quy hoạch', null, null, null],
      ]),
      carry,
    );
    expect(written(first)).toEqual([
      'TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian',
      '1\tQuán triệt tuyên truyền Luật\tPhòng Văn hóa - Xã hội\tỦy ban MTTQ\tQuý I/2026',
      '2.\tTổ chức Hội nghị\tVăn phòng\tCông đoàn\tNăm 2026',
      '3\tTiếp công dân\tVăn phòng\tCông an\tThường xuyên',
      '4\tCông khai quy hoạch\tPhòng Kinh tế\tCác thôn\tNăm 2026',
    ]);
    // the next page: its first line goes on with the row the last page left open; a row that lost its "5" is the fifth
    const next = tableLines(
      page([
        [null, 'đặc khu', 'và Đô thị', null, null],
        [null, 'Nâng cao', 'Trung tâm', 'Văn phòng', 'Năm 2026'],
        [null, 'chất lượng', null, null, null],
      ]),
      carry,
    );
    expect(written(next)).toEqual(['\tđặc khu\tvà Đô thị\t\t', '5\tNâng cao chất lượng\tTrung tâm\tVăn phòng\tNăm 2026']);
  });

  it('the number column\'s heading a photo ran into the task\'s ("STT.Nộidung") is two headings: the numbers stay out of the task\'s cell', () => {
    const lines = page([
      [null, null, 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
      ['1.1', 'Quán triệt Luật', 'Văn phòng Sở', 'Công đoàn', 'Quý I/2026'],
    ]);
    // "STT." is 4 of its 11 letters: the task's column at 40
    lines[0]!.unshift({ str: 'STT.Nộidung', x: EDGES[0]!, y: 1000, width: 110, size: 10 }, { str: 'công việc', x: 113, y: 1000, width: 45, size: 10 });
    expect(written(tableLines(lines, { columns: null }))).toEqual(['STT\tNộidung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian', '1.1\tQuán triệt Luật\tVăn phòng Sở\tCông đoàn\tQuý I/2026']);
  });

  it('a mark a photo read on the line under a row\'s number (":" under "1", at the top of a page) is no part of the number', () => {
    const carry: TableCarry = { columns: null };
    tableLines(page([['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'], ['I', 'NÂNG CAO NHẬN THỨC', null, null, null]]), carry);
    const next = tableLines(
      page([
        ['1', 'Tuyên truyền', 'Phòng Văn', 'Ủy ban', 'Quý I/2026'],
        [':', 'Luật', 'hóa - Xã hội', 'MTTQ', null],
        ['2', 'Biên soạn', 'Văn phòng', 'Công an', 'Năm 2026'],
      ]),
      carry,
    );
    expect(written(next).map((row) => row.split('\t')[0])).toEqual(['1', '2']);
  });

  it('a word read with a speck before it ("„02/2026"), starting just left of its column\'s edge, is that column\'s: a tilted photo\'s time cell stays whole', () => {
    const lines = page([
      ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
      ['3', 'Ban hành quyết định', 'Văn phòng', 'Công an xã', 'Tháng'],
      [null, 'phân công', null, null, null],
    ]);
    lines[2]!.push({ str: '„02/2026', x: EDGES[4]! - 4, y: lines[2]![0]!.y, width: 40, size: 10 });
    lines[2]!.push({ str: 'xã;', x: EDGES[4]! - 9, y: lines[2]![0]!.y, width: 15, size: 10 }); // a word of the column before, only drawn close
    expect(written(tableLines(lines, { columns: null }))[1]!.split('\t')).toEqual(['3', 'Ban hành quyết định phân công', 'Văn phòng', 'Công an xã xã;', 'Tháng „02/2026']);
  });

  it('a row\'s cells wrapping over lines of different lengths stay one row: a column that ended does not start again within its row', () => {
    const out = tableLines(
      page([
        ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
        ['1', 'Tiếp công dân', 'Văn phòng', 'Công an xã', 'Thường xuyên'],
        [null, 'định kỳ', 'HĐND và UBND', null, null],
        [null, 'và đối thoại', null, null, null],
      ]),
      { columns: null },
    );
    expect(written(out)).toEqual(['TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian', '1\tTiếp công dân định kỳ và đối thoại\tVăn phòng HĐND và UBND\tCông an xã\tThường xuyên']);
  });

  it('a page number between two rows, in any of the forms plans print it, is no row and does not end the table', () => {
    expect(['3', '- 3 -', '– 3 –', 'Trang 3', '3/10', ' 12 '].every(isPageNumber)).toBe(true);
    expect(['2026', '3. Tổ chức', '(3)', 'Quý 3', '15/3/2026', '27/7'].some(isPageNumber)).toBe(false);
    const out = tableLines(
      page([
        ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
        ['1', 'Tiếp công dân', 'Văn phòng', 'Công an xã', 'Thường xuyên'],
        [null, null, '– 2 –', null, null],
        ['2', 'Đối thoại', 'Phòng Văn hóa', 'Các thôn', 'Quý II/2026'],
      ]),
      { columns: null },
    );
    expect(written(out)).toEqual(['TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian', '1\tTiếp công dân\tVăn phòng\tCông an xã\tThường xuyên', '2\tĐối thoại\tPhòng Văn hóa\tCác thôn\tQuý II/2026']);
  });
  it('a group\'s row ("II | Thực hiện dân chủ ở cơ sở") and a lettered sub-row ("a", "b") begin rows of their own, so they are not read into the row above whose cells they sit under', () => {
    const out = tableLines(
      page([
        ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
        ['I', 'Công tác dân vận', null, null, null],
        ['1', 'Đăng ký mô hình', 'Các thôn', null, 'Trước ngày 20/3/2026'],
        ['II', 'Dân chủ ở cơ sở', null, null, null],
        ['2', 'Tổ chức Hội nghị', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
        ['3', 'Dân chủ trong cơ quan', null, null, null],
        ['a', 'Rà soát Quy chế', 'Văn phòng', 'Phòng Văn hóa', 'Quý I/2026'],
        ['b', 'Hội nghị', 'Văn phòng', null, 'Tháng 2/2026'],
      ]),
      { columns: null },
    );
    expect(written(out)).toEqual([
      'TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian',
      'I\tCông tác dân vận\t\t\t',
      '1\tĐăng ký mô hình\tCác thôn\t\tTrước ngày 20/3/2026',
      'II\tDân chủ ở cơ sở\t\t\t',
      '2\tTổ chức Hội nghị\tVăn phòng\tCông đoàn\tQuý I/2026',
      '3\tDân chủ trong cơ quan\t\t\t',
      'a\tRà soát Quy chế\tVăn phòng\tPhòng Văn hóa\tQuý I/2026',
      'b\tHội nghị\tVăn phòng\t\tTháng 2/2026',
    ]);
  });
  it('rows numbered within their group ("1.1", "1.2", "2.1") keep their numbers: they are not rows that lost theirs, renumbered "2", "3"; a heading whose words a scan ran together ("Nộidungcôngviệc") is still one', () => {
    const out = tableLines(
      page([
        ['TT', 'Nộidungcôngviệc', 'Đơnviị chủ trì', 'Đơnviphối hợp', 'Thờigian'],
        ['1', 'Công tác tuyên truyền', null, null, null],
        ['1.1', 'Quán triệt Luật', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
        ['1.2', 'Phân công lãnh đạo', 'Phòng Tổ chức', null, 'Tháng 02/2026'],
        ['2', 'Dân chủ trong cơ quan', null, null, null],
        ['2.1', 'Hội nghị công chức', 'Văn phòng', null, 'Quý I/2026'],
      ]),
      { columns: null },
    );
    expect(written(out).map((row) => row.split('\t')[0])).toEqual(['TT', '1', '1.1', '1.2', '2', '2.1']);
  });

  it('a paragraph line whose words a justified or tilted page spread apart ("… gắn với | nhiệm vụ"), going on the sentence above it, opens no table', () => {
    const out = tableLines(
      page([
        ['a) Phát động phong trào thi đua năm 2026; mỗi', null, null, null, null],
        ['ký 01', 'mô hình', 'gắn với', 'nhiệm vụ', null],
        ['chuyên môn (Chủ trì:', 'Văn phòng Sở;', 'phối hợp:', 'các phòng;', 'thời gian: Quý I/2026).'],
      ]),
      { columns: null },
    );
    expect(out.size).toBe(0);
  });

  it('after a group\'s row, a line with words under who or when is the next row even when a scan lost its number; a group\'s numeral read with a stop ("I.") is no part of the plan, "III. KINH PHÍ" is', () => {
    const carry: TableCarry = { columns: null };
    const out = tableLines(
      page([
        ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
        ['I.', 'NÂNG CAO NHẬN THỨC', null, null, null],
        ['1', 'Quán triệt Luật', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
        ['II', 'DÂN CHỦ TRONG', null, null, null],
        [null, 'CƠ QUAN', null, null, null],
        [null, 'Tổ chức Hội nghị', 'Các đơn vị', null, null],
        [null, 'viên chức', null, null, 'Tháng 10/2026'],
        ['III. KINH PHÍ', null, null, null, null],
      ]),
      carry,
    );
    expect(written(out).map((row) => row.split('\t').slice(0, 3).join(' | '))).toEqual([
      'TT | Nội dung công việc | Đơn vị chủ trì',
      'I. | NÂNG CAO NHẬN THỨC | ',
      '1 | Quán triệt Luật | Văn phòng',
      'II | DÂN CHỦ TRONG CƠ QUAN | ',
      '2 | Tổ chức Hội nghị viên chức | Các đơn vị',
    ]);
    expect(carry.columns).toBeNull(); // "III. KINH PHÍ" ended the table
    // a numeral that is no next group ("III." after "I") ends it whatever its words
    const other: TableCarry = { columns: null };
    tableLines(page([['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'], ['I', 'NÂNG CAO NHẬN THỨC', null, null, null], ['1', 'Quán triệt Luật', 'Văn phòng', 'Công đoàn', 'Quý I/2026'], ['III. NHIỆM VỤ KHÁC', null, null, null, null]]), other);
    expect(other.columns).toBeNull();
  });

  it('in a table under "II. NHIỆM VỤ", a group\'s "III" read "II." is the group\'s row, not the plan\'s next part: the rows after it stay in the table', () => {
    const carry: TableCarry = { columns: null };
    const out = tableLines(
      page([
        ['II. NHIỆM VỤ VÀ PHÂN CÔNG', null, null, null, null],
        ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
        ['I', 'CÔNG TÁC DÂN VẬN', null, null, null],
        ['1', 'Quán triệt Luật', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
        ['II', 'DÂN CHỦ TRONG CƠ QUAN', null, null, null],
        ['2', 'Tổ chức Hội nghị', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
        ['II.', 'THỰC HIỆN DÂN', null, null, null],
        [null, 'CHỦ TRONG LĨNH VỰC', null, null, null],
        ['3', 'Lấy ý kiến', 'Phòng Quy hoạch', 'UBND các xã', 'Năm 2026'],
        ['III. TỔ CHỨC THỰC HIỆN', null, null, null, null],
      ]),
      carry,
    );
    expect(written(out).map((row) => row.split('\t').slice(0, 2).join(' | '))).toEqual([
      'TT | Nội dung công việc',
      'I | CÔNG TÁC DÂN VẬN',
      '1 | Quán triệt Luật',
      'II | DÂN CHỦ TRONG CƠ QUAN',
      '2 | Tổ chức Hội nghị',
      'II. | THỰC HIỆN DÂN CHỦ TRONG LĨNH VỰC',
      '3 | Lấy ý kiến',
    ]);
    expect(carry.columns).toBeNull(); // "III. TỔ CHỨC THỰC HIỆN" ended it
  });

  it('a group\'s "IV." after numerals a photo misread ("I", "I", "II") is the group\'s row when a task\'s row follows its title; a part\'s heading over a paragraph ends the table', () => {
    const rows = (after: (string | null)[][]) =>
      page([
        ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
        ['I', 'CÔNG TÁC TUYÊN TRUYỀN', null, null, null],
        ['1', 'Quán triệt Luật', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
        ['I', 'THỰC HIỆN DÂN CHỦ', null, null, null],
        ['2', 'Tổ chức Hội nghị', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
        ['II', 'CÔNG TÁC DÂN VẬN', null, null, null],
        ['3', 'Vận động Nhân dân', 'Phòng Kinh tế', 'Các thôn', 'Năm 2026'],
        ...after,
      ]);
    const group = tableLines(rows([['IV.', 'PHONG TRÀO THI ĐUA', null, null, null], [null, 'DÂN VẬN KHÉO', null, null, null], ['4', 'Phát động phong trào', 'Phòng Văn hóa', 'Các thôn', 'Quý I/2026']]), { columns: null });
    expect(written(group).map((row) => row.split('\t').slice(0, 2).join(' | ')).slice(-2)).toEqual(['IV. | PHONG TRÀO THI ĐUA DÂN VẬN KHÉO', '4 | Phát động phong trào']);
    // "III. KINH PHÍ" read "IIL KINH PHÍ THỰC HIỆN": the table ends there, the paragraph under it is no row
    const misread: TableCarry = { columns: null };
    const ended = tableLines(rows([[null, 'IIL KINH PHÍ THỰC HIỆN', null, null, null], ['Kinh phí thực hiện Kế hoạch được', null, 'bố trí', 'trong dự toán', 'ngân sách xã']]), misread);
    expect(misread.columns).toBeNull();
    expect(written(ended).at(-1)).toBe('3\tVận động Nhân dân\tPhòng Kinh tế\tCác thôn\tNăm 2026');
    const part: TableCarry = { columns: null };
    tableLines(rows([['IV.', 'GIẢI PHÁP', null, null, null], ['1. Tăng cường sự lãnh đạo của cấp ủy đối với công tác dân vận chính quyền trên địa bàn', null, null, null, null]]), part);
    expect(part.columns).toBeNull();
  });

  it('in a table numbered within groups, a number a photo lost is no invented "2": what it read ("157", "2i") or "?" is left for the parser, which sees the rows around it; "Nội dung nhiệm vụ" read word by word is one heading, and a group read "I:" under it is no part of it', () => {
    // one item a word, a space's width apart, as OCR gives them
    const words = (text: string, x: number) => {
      let at = x;
      return text.split(' ').map((str) => {
        const item = { str, x: at, y: 1000, width: str.length * 5, size: 10 };
        at += item.width + 3;
        return item;
      });
    };
    const heading: Item[] = [...words('STT', 0), ...words('Nội dung nhiệm vụ', 40), ...words('Đơn vị chủ trì', 300), ...words('Đơn vị phối hợp', 450), ...words('Thời gian', 600)];
    const rows = page([
      ['I:', 'NÂNG CAO NHẬN THỨC', null, null, null], // "I" as a scan reads it: the first row, not the heading's third line
      ['1', 'Công tác tuyên truyền', null, null, null],
      ['1.1', 'Quán triệt Luật', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
      [null, 'cơ sở', null, null, null],
      ['157', 'Phân công lãnh đạo', 'Văn phòng', null, 'Tháng 02/2026'],
      [null, 'phụ trách', null, null, null],
      ['2i', 'Hội nghị công chức', 'Văn phòng', 'Công đoàn', 'Quý I/2026'],
      [null, 'năm 2026', null, null, null],
      [null, 'Công khai ngân sách', 'Phòng Kế hoạch', 'Văn phòng', 'Năm 2026'],
    ]);
    const out = tableLines([heading, ...rows.map((line) => line.map((item) => ({ ...item, y: item.y - 14 })))], { columns: null });
    expect(written(out).map((row) => row.split('\t').slice(0, 2).join(' | '))).toEqual([
      'STT | Nội dung nhiệm vụ',
      'I | NÂNG CAO NHẬN THỨC',
      '1 | Công tác tuyên truyền',
      '1.1 | Quán triệt Luật cơ sở',
      '157 | Phân công lãnh đạo phụ trách',
      '2i | Hội nghị công chức năm 2026',
      '? | Công khai ngân sách',
    ]);
    // a mark a photo read in the number column under the heading ("I*‹"): no heading wraps there, so it is a row
    const marked = tableLines([heading, ...page([['I*‹', 'CÔNG TÁC TUYÊN TRUYỀN', null, null, null], ['1', 'Quán triệt', 'Văn phòng', null, 'Quý I/2026']]).map((line) => line.map((item) => ({ ...item, y: item.y - 14 })))], { columns: null });
    expect(written(marked)[0]).toBe('STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian');
  });

  it('a group\'s title wrapped over two columns a scan split the task heading into ("Nội dung | nhiệm vụ") stays the group\'s row: only words under who or when start the next row', () => {
    const out = tableLines(
      page([
        ['STT', 'Nội dung', 'nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian'],
        ['I', 'NÂNG CAO', 'NHẬN', null, null],
        [null, 'THỨC,', 'TRÁCH', null, null],
        ['1', 'Quán triệt', 'Luật', 'Văn phòng', 'Quý I/2026'],
      ]),
      { columns: null },
    );
    expect(written(out).map((row) => row.split('\t').slice(0, 3).join(' | '))).toEqual(['STT | Nội dung | nhiệm vụ', 'I | NÂNG CAO THỨC, | NHẬN TRÁCH', '1 | Quán triệt | Luật']);
  });

  it('a heading whose cells are set at different heights over three lines ("Thời gian" / "hoàn thành" beside a one-line "Nhiệm vụ"), two headings read as one run ("Đơn vị chủ Đơn vị"), a word drawn into the number column by a tilted photo', () => {
    const at = (x: number, line: number, str: string): Item => ({ str, x, y: 1000 - line * 14, width: str.length * 5, size: 10 });
    const lines: Item[][] = [
      [at(0, 0, 'STT'), at(40, 0, 'Nhiệm'), at(67, 0, 'vụ'), at(300, 0, 'Đơn'), at(318, 0, 'vị'), at(330, 0, 'chủ'), at(348, 0, 'Đơn'), at(366, 0, 'vị')],
      [at(420, 1, 'Thờigian'), at(520, 1, 'Sản')],
      [at(305, 2, 'trì'), at(350, 2, 'phốihợp'), at(420, 2, 'hoàn thành'), at(520, 2, 'phẩm')],
      [at(0, 3, '1'), at(40, 3, 'Quán triệt'), at(300, 3, 'Phòng'), at(350, 3, 'Ủy ban'), at(420, 3, 'Quý I/2026'), at(520, 3, 'Hội nghị')],
      [at(30, 4, 'bộ,'), at(60, 4, 'công chức')],
    ];
    expect(written(tableLines(lines, { columns: null }))).toEqual([
      'STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phốihợp\tThờigian hoàn thành\tSản phẩm',
      '1\tQuán triệt bộ, công chức\tPhòng\tỦy ban\tQuý I/2026\tHội nghị',
    ]);
  });
});
