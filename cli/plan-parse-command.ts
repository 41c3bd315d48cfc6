import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error';
import { planJson } from '../core/import/plan-json';
import { readLimits } from '../core/import/read-jobs';
import type { ReadProgress } from '../shared/import/parsed-plan';
import { MAX_SOURCE_BYTES } from '../core/import/readers/read-source';
import { runUntrusted } from '../core/untrusted/run-untrusted';

/**
 * `plan parse FILE [--progress]`: the plan read from a .docx, .pdf (with text or scanned), .txt or a page's
 * image (.jpg, .png, .tif), as JSON, read in the untrusted worker with its limits (OCR's for a PDF or an
 * image); `onPage` hears each page as it starts.
 */
export async function runPlanParse(file: string, onPage?: (progress: ReadProgress) => void): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, message: `"${file}" không phải là một tệp.` };
    if (stat.size > MAX_SOURCE_BYTES) return { ok: false, message: 'Tệp lớn hơn 50 MB, không phải một văn bản kế hoạch.' };
    bytes = fs.readFileSync(file);
  } catch {
    return { ok: false, message: `Không mở được tệp "${file}".` };
  }
  try {
    const { parsed } = await runUntrusted('readPlan', { bytes, fileName: path.basename(file) }, readLimits(bytes, file), { onProgress: onPage });
    return { ok: true, json: planJson(parsed) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    return { ok: false, message: `Không đọc được tệp "${path.basename(file)}".` };
  }
}
