import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiCallError } from '../api/client';

/** Checks the values with the contract's schema; puts each message next to its field. Returns parsed values or null. */
export function validateWithContract<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !byField.has(field)) byField.set(field, issue.message);
  }
  form.setFields([...byField].map(([name, message]) => ({ name, errors: [message] })));
  return null;
}

/** Shows a refusal from the services next to its fields; returns the message when it concerns no field. */
export function showApiError(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ApiCallError)) return 'Đã xảy ra lỗi không mong muốn.';
  const fields = Object.entries(error.error.fields ?? {});
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const onForm = fields.filter(([key]) => known.has(key.split('.')[0]!));
  form.setFields(onForm.map(([key, message]) => ({ name: key.split('.')[0]!, errors: [message] })));
  return onForm.length ? null : error.message;
}
