import { z } from 'zod';
import { optionalText, requiredText, uuid } from '../api/fields';
import { normalizeText } from '../text/fold';

export const UNIT_KINDS = ['phong', 'don_vi', 'trung_tam', 'thon', 'to_dan_pho', 'so', 'xa', 'khac'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  phong: 'Phòng',
  don_vi: 'Đơn vị',
  trung_tam: 'Trung tâm',
  thon: 'Thôn',
  to_dan_pho: 'Tổ dân phố',
  so: 'Sở, ban, ngành',
  xa: 'Xã, phường',
  khac: 'Khác',
};

const aliasList = z
  .array(
    z
      .string({ error: 'Phải là văn bản' })
      .transform(normalizeText)
      .pipe(z.string().min(1, { error: 'Không được để trống' }).max(200, { error: 'Dài quá 200 ký tự' })),
    { error: 'Phải là danh sách' },
  )
  .max(20, { error: 'Nhiều nhất 20 tên gọi khác' })
  .default([]);

const unitFields = {
  name: requiredText(200),
  abbreviation: optionalText(30),
  kind: z.enum(UNIT_KINDS, { error: 'Chọn một loại trong danh sách' }),
  parentId: uuid.nullable().default(null),
  aliases: aliasList,
};

export const UnitCreateInput = z.strictObject(unitFields);
export type UnitCreateInput = z.input<typeof UnitCreateInput>;
export const UnitUpdateInput = z.strictObject({ id: uuid, ...unitFields });
export type UnitUpdateInput = z.input<typeof UnitUpdateInput>;

export const Unit = z.object({
  id: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.string().nullable(),
  aliases: z.array(z.string()),
  sortOrder: z.number(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;

export const GroupSaveFields = {
  name: requiredText(200),
  memberIds: z.array(uuid, { error: 'Phải là danh sách' }).max(1000).default([]),
};
export const GroupCreateInput = z.strictObject(GroupSaveFields);
export type GroupCreateInput = z.input<typeof GroupCreateInput>;
export const GroupUpdateInput = z.strictObject({ id: uuid, ...GroupSaveFields });
export type GroupUpdateInput = z.input<typeof GroupUpdateInput>;

export const UnitGroup = z.object({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  active: z.boolean(),
});
export type UnitGroup = z.infer<typeof UnitGroup>;
