import { describe, expect, it } from 'vitest';
import { closestName } from '../../core/import/name-match';
import { foldVietnamese } from '../../shared/text/fold';

const KEYS = ['Văn phòng Sở', 'Phòng Nội vụ', 'Phòng Văn hóa – Xã hội', 'Thôn 1', 'Thôn 2', 'Thôn An Phú', 'Thôn An Phổ Đông', 'Trung tâm Phục vụ hành chính công phường', 'Công an phường'].map(foldVietnamese);
const closest = (name: string) => closestName(foldVietnamese(name), KEYS);

describe('a unit name a scan misread, matched to the office\'s names', () => {
  it('finds the name behind a letter read as a symbol or a marked vowel read as "d"', () => {
    expect(closest('Văn phòng S&')).toBe(foldVietnamese('Văn phòng Sở'));
    expect(closest('Phòng Ndi vụ')).toBe(foldVietnamese('Phòng Nội vụ'));
    expect(closest('Phòng Văn h©a - Xã hội')).toBe(foldVietnamese('Phòng Văn hóa – Xã hội'));
    expect(closest('Phòng Vdn hóa - Xã h¢i')).toBe(foldVietnamese('Phòng Văn hóa – Xã hội'));
    // a long name may also have one letter plainly wrong
    expect(closest('Trung tâm Phục vụ hành chánh công phường')).toBe(foldVietnamese('Trung tâm Phục vụ hành chính công phường'));
    expect(closest('Trung tâm Phục vụ hành chính c0ng phường')).toBe(foldVietnamese('Trung tâm Phục vụ hành chính công phường'));
    expect(closest('Trung tâm Phục vụ hành chánh cong phuong')).toBe(foldVietnamese('Trung tâm Phục vụ hành chính công phường'));
  });

  it('never takes another real name: digits must agree, a short name allows no plain letter changed, a tie gives nothing', () => {
    expect(closest('Thôn 3')).toBeNull();
    expect(closest('Thôn 12')).toBeNull();
    expect(closest('Trung tâm Phục vụ hành chánh công phuòng xa')).toBeNull(); // a letter wrong and a word more
    expect(closest('Thôn An Phổ')).toBeNull();
    expect(closest('Công an xã')).toBeNull();
    expect(closest('Phòng Kinh tế')).toBeNull();
    expect(closestName('thon a&', ['thon ab', 'thon ac'])).toBeNull();
    expect(closestName('so', ['so'])).toBeNull(); // too short to guess at (an exact name is matched before this)
  });
});
