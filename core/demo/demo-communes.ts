/**
 * Commune and ward names for the demo province, as the province's own lists print them (districts of
 * Quảng Ngãi and Kon Tum before the 2025 merger). `mountain` marks communes in mountain and ethnic
 * minority areas, which carry one more task in the demo plans.
 */
export interface DemoCommune {
  /** "Bình Chương" */
  place: string;
  kind: 'xa' | 'phuong';
  mountain: boolean;
}

const xa = (names: string, mountain = false): DemoCommune[] => names.split(', ').map((place) => ({ place, kind: 'xa' as const, mountain }));
const phuong = (names: string): DemoCommune[] => names.split(', ').map((place) => ({ place, kind: 'phuong' as const, mountain: false }));

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  ...xa('Bình Chương, Bình Minh, Bình Khương, Bình An, Bình Trung, Bình Nguyên, Bình Long, Bình Mỹ, Bình Hiệp, Bình Thạnh, Bình Chánh, Bình Dương, Bình Đông, Bình Phước, Bình Tân, Bình Tân Phú, Bình Châu, Bình Hải, Bình Hòa, Bình Phú, Bình Thuận, Bình Trị'),
  ...phuong('Trương Quang Trọng, Lê Hồng Phong, Trần Phú, Nghĩa Lộ, Nghĩa Chánh, Chánh Lộ, Quảng Phú, Trần Hưng Đạo, Nguyễn Nghiêm, Cẩm Thành, Sa Huỳnh'),
  ...xa('Tịnh Hiệp, Tịnh Trà, Tịnh Bình, Tịnh Thọ, Tịnh Sơn, Tịnh Phong, Tịnh Hà, Tịnh Giang, Tịnh Đông, Tịnh Bắc, Tịnh Minh'),
  ...xa('Tịnh Khê, Tịnh Ấn Tây, Tịnh Ấn Đông, Tịnh Long, Tịnh An, Tịnh Châu, Tịnh Thiện, Tịnh Hòa, Tịnh Kỳ, Nghĩa Dõng, Nghĩa Dũng, Nghĩa Hà, Nghĩa Phú, Nghĩa An'),
  ...xa('Nghĩa Kỳ, Nghĩa Thuận, Nghĩa Điền, Nghĩa Trung, Nghĩa Thương, Nghĩa Hiệp, Nghĩa Phương, Nghĩa Mỹ, Nghĩa Hòa, Nghĩa Sơn, Nghĩa Thọ, Nghĩa Lâm'),
  ...xa('Hành Thuận, Hành Trung, Hành Dũng, Hành Đức, Hành Phước, Hành Thịnh, Hành Thiện, Hành Tín Đông, Hành Tín Tây, Hành Nhân, Hành Minh'),
  ...xa('Ba Động, Ba Dinh, Ba Điền, Ba Thành, Ba Vinh, Ba Cung, Ba Tiêu, Ba Bích, Ba Vì, Ba Tô, Ba Xa, Ba Ngạc, Ba Trang, Ba Khâm, Ba Nam, Ba Liên, Ba Lế', true),
  ...xa('Đức Lợi, Đức Thắng, Đức Chánh, Đức Nhuận, Đức Hiệp, Đức Minh, Đức Thạnh, Đức Phong, Đức Lân, Đức Phú, Đức Hòa, Đức Tân'),
  ...xa('Long Hiệp, Long Sơn, Long Mai, Thanh An, Long Môn', true),
  ...xa('Phổ An, Phổ Phong, Phổ Thuận, Phổ Văn, Phổ Quang, Phổ Nhơn, Phổ Ninh, Phổ Hòa, Phổ Minh, Phổ Vinh, Phổ Cường, Phổ Khánh, Phổ Thạnh, Phổ Châu'),
  ...xa('Sơn Hạ, Sơn Thành, Sơn Nham, Sơn Bao, Sơn Linh, Sơn Giang, Sơn Trung, Sơn Thượng, Sơn Cao, Sơn Hải, Sơn Thủy, Sơn Kỳ, Sơn Ba', true),
  ...xa('Sơn Dung, Sơn Mùa, Sơn Bua, Sơn Tân, Sơn Tinh, Sơn Lập, Sơn Màu, Sơn Liên, Sơn Long', true),
  ...xa('Trà Bình, Trà Phú, Trà Giang, Trà Thủy, Trà Hiệp, Trà Lâm, Trà Tân, Trà Bùi, Trà Sơn, Trà Thanh, Trà Phong, Trà Xinh, Trà Tây', true),
  ...xa('An Vĩnh, An Hải, An Bình'),
  ...xa('Đăk Hà, Đăk Tô, Ngọc Linh, Đăk Glei, Xốp, Măng Ri, Đăk Pék, Sa Thầy, Ya Ly, Rờ Kơi, Mô Rai, Ia Đal, Măng Đen, Măng Bút, Kon Plông, Đăk Rve, Đăk Kôi, Ngọk Réo, Đăk Mar, Đăk Ui', true),
];

/** "UBND xã Bình Chương", "UBND phường Cẩm Thành" */
export function communeName(c: DemoCommune): string {
  return `UBND ${c.kind === 'xa' ? 'xã' : 'phường'} ${c.place}`;
}

/** "Ủy ban nhân dân xã Bình Chương": how plans and letters write it in full. */
export function communeFullName(c: DemoCommune): string {
  return `Ủy ban nhân dân ${c.kind === 'xa' ? 'xã' : 'phường'} ${c.place}`;
}
