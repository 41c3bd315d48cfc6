import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/app-error';
import { DOCX_LIMITS } from '../../core/import/readers/read-docx';
import { readSource } from '../../core/import/readers/read-source';
import type { Services } from '../../core/services';
import { createUntrustedRunner, DEFAULT_UNTRUSTED_LIMITS, untrustedMessages } from '../../core/untrusted/run-untrusted';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { IMPORT_SEEDS } from '../helpers/import-seeds';
import { seedDocx } from '../helpers/plan-documents';
import { runCli } from '../helpers/cli';
import { expectError, expectOk, setUpServices } from '../helpers/services';

/**
 * Files from outside are read in a worker thread with a memory cap and a time limit (core/untrusted/).
 * The hostile files are made by scripts/make-hostile-fixtures.ts:
 *   docx-bomb.docx        536 KB whose word/document.xml inflates to 150 MB (the file: 446 KB →
 *                         150 MB ran 140 s and died at 4.5 GB; this one, read as before, ran 72 s to 4 GB)
 *   docx-bomb-lying.docx  680 KB inflating to 600 MB, its headers claiming 4 KB (read as before: 4.6 s, 730 MB)
 *   slow-text.pdf         2 KB whose text layer takes pdfjs-dist about an hour, under 200 MB (measured:
 *                         3 levels of nested forms 20 s, 4 levels 364 s; these 5 still running after 150 s)
 */

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/hostile');
const hostile = (name: string) => fs.readFileSync(path.join(HOSTILE, name));
const MB = 1024 * 1024;

/** The process's resident memory, sampled every 20 ms while `during` runs: the highest and the one before. */
async function rssWhile<T>(during: () => Promise<T>): Promise<{ result: T; before: number; peak: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    return { result: await during(), before, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

/** Calls the API every 100 ms until `until` settles; the slowest answer, in ms. */
async function slowestAnswerWhile(services: Services, until: Promise<unknown>): Promise<{ slowest: number; answers: number }> {
  let settled = false;
  void until.finally(() => (settled = true));
  let slowest = 0;
  let answers = 0;
  const operations = ['app.status', 'units.list'] as const;
  while (!settled) {
    const started = performance.now();
    expectOk(await services.call(operations[answers % 2]!, {}));
    slowest = Math.max(slowest, performance.now() - started);
    answers += 1;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { slowest, answers };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('files from outside are read in a bounded worker', () => {
  it('has the limits the README gives: 256 MB and 30 s per file; 20 MB per part and 60 MB in all for a .docx', () => {
    expect(DEFAULT_UNTRUSTED_LIMITS).toEqual({ memoryMb: 256, timeMs: 30_000 });
    expect(DOCX_LIMITS).toMatchObject({ partBytes: 20 * MB, totalBytes: 60 * MB, ratio: 100 });
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain('256 MB of memory and 30 seconds');
    expect(readme).toContain('more than 20 MB, 60 MB in all, or compressed more than 100 times');
  });

  it('imports.parse refuses the .docx bomb from its zip directory in under 10 s, writing nothing, the process staying under 500 MB', async () => {
    const { services, dataDir } = await setUpServices();
    const before = snapshotDatabase(dataDir);
    const base64 = hostile('docx-bomb.docx').toString('base64');
    const started = performance.now();
    const { result, peak } = await rssWhile(() => services.call('imports.parse', { fileName: 'ke-hoach.docx', base64 }));
    const seconds = (performance.now() - started) / 1000;
    expect(expectError(result, 'VALIDATION').message).toBe(
      'Tệp Word có phần nội dung giải nén quá lớn (word/document.xml: 150 MB, tối đa 20 MB): tệp bị hỏng hoặc không phải một văn bản kế hoạch, nên không đọc.',
    );
    expect(seconds).toBeLessThan(10);
    expect(peak / MB).toBeLessThan(500);
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });

  it('refuses a .docx whose parts declare too much in all, or inflate too far, before inflating anything', async () => {
    const docx = (parts: Record<string, Uint8Array>) => Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), ...parts }, { level: 9 }));
    const message = (bytes: Buffer) => readSource(bytes, 'ke-hoach.docx').then(() => '', (e: Error) => e.message);
    expect(await message(docx({ 'word/document.xml': new Uint8Array(3 * MB).fill(0x20) }))).toMatch(/^Tệp Word có phần nội dung nén bất thường \(word\/document\.xml nén [\d.]+ lần, tối đa 100 lần\)/);
    // four pictures whose directory entries declare 16 MB each (a directory is all that is read)
    const pictures = docx(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`word/media/anh${i}.png`, strToU8(`ảnh ${i}`)])));
    for (let at = pictures.indexOf('PK\x01\x02'); at >= 0; at = pictures.indexOf('PK\x01\x02', at + 4)) {
      if (pictures.toString('utf8', at + 46, at + 46 + pictures.readUInt16LE(at + 28)).startsWith('word/media/')) pictures.writeUInt32LE(16 * MB, at + 24);
    }
    expect(await message(pictures)).toMatch(/^Tệp Word giải nén ra quá lớn \(64 MB, tối đa 60 MB\)/);
  });

  it('keeps answering while the lying-header bomb runs, which the memory limit ends, and while the slow PDF runs', async () => {
    const { services, dataDir } = await setUpServices();
    const before = snapshotDatabase(dataDir);

    // The zip's headers claim 4 KB: only the worker's memory cap stops the 600 MB it inflates to.
    const bomb = services.call('imports.parse', { fileName: 'ke-hoach.docx', base64: hostile('docx-bomb-lying.docx').toString('base64') });
    const { result: meanwhile, before: rssBefore, peak } = await rssWhile(() => slowestAnswerWhile(services, bomb));
    expect(expectError(await bomb, 'VALIDATION').message).toBe(untrustedMessages.memory);
    expect(meanwhile.answers).toBeGreaterThan(3);
    expect(meanwhile.slowest).toBeLessThan(1000);
    // the cap, what inflates between two samples (50 ms) and the worker's own start
    expect((peak - rssBefore) / MB).toBeLessThan(DEFAULT_UNTRUSTED_LIMITS.memoryMb + 128);

    // The PDF would take half an hour: the API answers for 2 s, then closing the services ends the worker.
    const pdf = services.call('imports.parse', { fileName: 'ke-hoach.pdf', base64: hostile('slow-text.pdf').toString('base64') });
    const watched = await slowestAnswerWhile(services, Promise.race([pdf, new Promise((r) => setTimeout(r, 2000))]));
    expect(watched.slowest).toBeLessThan(1000);
    expect(snapshotDatabase(dataDir)).toEqual(before);
    const closing = performance.now();
    await services.close();
    expect(expectError(await pdf, 'VALIDATION').message).toBe(untrustedMessages.closed);
    expect(performance.now() - closing).toBeLessThan(2000);
  });

  it('ends the slow PDF at the time limit; the next file gets a new worker; AppErrors come back as they were thrown', async () => {
    const logged: unknown[] = [];
    const runner = createUntrustedRunner({ log: (_message, error) => logged.push(error) });
    try {
      const started = performance.now();
      const timedOut = await refusal(runner.run('readPlan', { bytes: hostile('slow-text.pdf'), fileName: 'ke-hoach.pdf' }, { timeMs: 2000 }));
      const took = performance.now() - started;
      expect([timedOut.code, timedOut.message]).toEqual(['VALIDATION', 'Tệp quá lớn hoặc bị hỏng: không đọc xong trong thời gian cho phép (2 giây).']);
      expect(took).toBeGreaterThanOrEqual(2000);
      expect(took).toBeLessThan(4000);

      const docx = await seedDocx(IMPORT_SEEDS[1]);
      const bytes = new Uint8Array(docx);
      const read = await runner.run('readPlan', { bytes, fileName: 'ke-hoach.docx' });
      expect([read.format, read.parsed.tasks.length]).toEqual(['docx', 8]);
      expect(bytes.byteLength).toBe(0); // transferred to the worker, not copied

      const broken = await refusal(runner.run('readPlan', { bytes: Buffer.from('%PDF-1.7\nkhông phải pdf'), fileName: 'hong.pdf' }));
      expect([broken.code, broken.message]).toEqual(['VALIDATION', 'Không đọc được tệp PDF: tệp bị hỏng hoặc không phải PDF.']);
      const unknown = await refusal(runner.run('khongCo' as 'readPlan', { bytes: new Uint8Array(1), fileName: 'x' }));
      expect([unknown.code, unknown.message]).toEqual(['VALIDATION', untrustedMessages.unexpected]);
      expect(logged).toHaveLength(1);
    } finally {
      await runner.close();
    }
  });

  it('cli plan parse refuses the bomb quickly: exit 1 and the message on stderr', () => {
    const started = performance.now();
    const run = runCli(['plan', 'parse', path.join(HOSTILE, 'docx-bomb.docx')]);
    // the command line's own start (the bundled CLI loading the services' modules) is most of it: under 1 s idle
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Tệp Word có phần nội dung giải nén quá lớn (word/document.xml: 150 MB, tối đa 20 MB)');
  });
});
