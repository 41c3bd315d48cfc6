import { z } from 'zod';
import type { ApiError } from './result';
import { FIELD_LABELS } from './field-labels';

// Vietnamese messages for every built-in zod check, on both sides of the boundary.
z.config(z.locales.vi());
// No code generation: the UI runs under a CSP without unsafe-eval.
z.config({ jitless: true });

/** Turns zod issues into the contract's VALIDATION error: one message per field, each naming the field. */
export function validationError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'Trường không được phép';
      continue;
    }
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const [firstKey, firstMessage] = Object.entries(fields)[0] ?? ['_', 'Dữ liệu không hợp lệ'];
  return {
    code: 'VALIDATION',
    message: firstKey === '_' ? firstMessage : `${fieldLabel(firstKey)}: ${firstMessage}`,
    fields,
  };
}

/** A field's label; own keys only, so a field named "constructor" or "toString" is not read off Object.prototype. */
const labelOf = (key: string | undefined): string | undefined => (key !== undefined && Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key] : undefined);

export function fieldLabel(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'content' && parts.length > 1) return fieldLabel(parts.slice(1).join('.'));
  if ((parts[0] === 'tasks' || parts[0] === 'duties') && parts[1] !== undefined) {
    const what = parts[0] === 'tasks' ? 'Nhiệm vụ' : 'Yêu cầu báo cáo';
    const sub = labelOf(parts[2]);
    // a row of a list inside it (a figure, a sub-item, a unit): its place, and the field of that row
    const row = sub && /^\d+$/.test(parts[3] ?? '') ? ` thứ ${Number(parts[3]) + 1}${labelOf(parts[4]) ? `, ${labelOf(parts[4])!.toLowerCase()}` : ''}` : '';
    return `${what} thứ ${Number(parts[1]) + 1}${sub ? `, ${sub.toLowerCase()}${row}` : ''}`;
  }
  const top = parts[0] ?? path;
  return labelOf(top) ?? `Trường "${top}"`;
}
