import { z } from 'zod';
import { normalizeText } from '../text/fold';
import { isIsoDate } from '../dates/vn-date';

/** A required text: normalised (NFC, single spaces), not empty, at most `max` characters. */
const textOrMissing = { error: (issue: { input?: unknown }) => (issue.input == null ? 'Không được để trống' : 'Phải là văn bản') };

export function requiredText(max = 300) {
  return z
    .string(textOrMissing)
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, { error: 'Không được để trống' })
        .max(max, { error: `Dài quá ${max} ký tự` }),
    );
}

/** An optional text: blank becomes "". */
export function optionalText(max = 300) {
  return z
    .string({ error: 'Phải là văn bản' })
    .transform(normalizeText)
    .pipe(z.string().max(max, { error: `Dài quá ${max} ký tự` }))
    .default('');
}

export const uuid = z.uuid({ error: 'Mã không hợp lệ' });

export const isoDate = z
  .string({ error: 'Phải là ngày' })
  .refine(isIsoDate, { error: 'Ngày không có thật hoặc sai dạng (dd/mm/yyyy)' });

/** Abbreviation used in document symbols: "UBND", "SKHCN", "VH-XH". */
export const abbreviation = z
  .string(textOrMissing)
  .transform(normalizeText)
  .pipe(
    z
      .string()
      .min(1, { error: 'Không được để trống' })
      .max(20, { error: 'Dài quá 20 ký tự' })
      .regex(/^[\p{L}\d]+(?:[-&.][\p{L}\d]+)*$/u, {
        error: 'Chỉ gồm chữ, số và dấu gạch ngang, không có khoảng trắng (ví dụ: UBND, VH-XH)',
      }),
  );
