import type { ImportResult } from '../../shared/import/parsed-plan';
import { AppError } from '../app-error';
import { parsePlanText } from './parser/parse-plan';
import { assertLooksLikePlan } from './plan-check';
import { readSource } from './readers/read-source';
import type { OnReadProgress } from './readers/source-reading';

export type ReadPlanResult = Pick<ImportResult, 'format' | 'sourceLines' | 'sourcePages' | 'ocr' | 'parsed'>;

/** A plan from a file's bytes or from pasted text: read, parsed, and refused when it is not a plan. */
export async function readPlan(source: { bytes: Uint8Array; fileName: string } | { text: string }, progress?: OnReadProgress): Promise<ReadPlanResult> {
  if ('bytes' in source) {
    const reading = await readSource(source.bytes, source.fileName, progress);
    const { sourceLines, plan } = parsePlanText(reading.text, { ocr: reading.ocr !== null });
    assertLooksLikePlan(plan);
    return { format: reading.format, sourceLines, sourcePages: reading.linePages, ocr: reading.ocr, parsed: plan };
  }
  if (!source.text.trim()) throw new AppError('VALIDATION', 'Chưa có nội dung: hãy dán văn bản kế hoạch vào ô.');
  const { sourceLines, plan } = parsePlanText(source.text);
  assertLooksLikePlan(plan);
  return { format: 'text', sourceLines, sourcePages: [], ocr: null, parsed: plan };
}
