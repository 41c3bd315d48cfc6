import { z } from 'zod';
import { abbreviation, optionalText, requiredText } from '../api/fields';

export const OFFICE_LEVELS = ['tinh', 'so_ban_nganh', 'xa_phuong', 'phong_don_vi'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];
export const OFFICE_LEVEL_LABELS: Record<OfficeLevel, string> = {
  tinh: 'Tỉnh',
  so_ban_nganh: 'Sở, ban, ngành',
  xa_phuong: 'Xã, phường',
  phong_don_vi: 'Phòng, đơn vị',
};

/** What the setup screen asks: this office as it appears in document headers and dates. */
export const OfficeInput = z.strictObject({
  name: requiredText(200),
  parentBody: optionalText(200),
  level: z.enum(OFFICE_LEVELS, { error: 'Chọn một cấp trong danh sách' }),
  abbreviation,
  placeName: requiredText(100),
  reportsTo: optionalText(200),
});
export type OfficeInput = z.input<typeof OfficeInput>;

export const Office = z.object({
  name: z.string(),
  parentBody: z.string(),
  level: z.enum(OFFICE_LEVELS),
  abbreviation: z.string(),
  placeName: z.string(),
  reportsTo: z.string(),
  updatedAt: z.string(),
});
export type Office = z.infer<typeof Office>;
