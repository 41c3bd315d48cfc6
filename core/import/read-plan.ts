import type { ImportResult } from '../../shared/import/parsed-plan';
import { AppError } from '../app-error';
import { parsePlanText } from './parser/parse-plan';
import { assertLooksLikePlan } from './plan-check';
import { readSource } from './readers/read-source';

/** A plan from a file's bytes or from pasted text: read, parsed, and refused when it is not a plan. */
export async function readPlan(source: { bytes: Uint8Array; fileName: string } | { text: string }): Promise<Pick<ImportResult, 'format' | 'sourceLines' | 'parsed'>> {
  let format: ImportResult['format'] = 'text';
  let text: string;
  if ('bytes' in source) {
    ({ format, text } = await readSource(source.bytes, source.fileName));
  } else {
    text = source.text;
    if (!text.trim()) throw new AppError('VALIDATION', 'Chưa có nội dung: hãy dán văn bản kế hoạch vào ô.');
  }
  const { sourceLines, plan } = parsePlanText(text);
  assertLooksLikePlan(plan);
  return { format, sourceLines, parsed: plan };
}
