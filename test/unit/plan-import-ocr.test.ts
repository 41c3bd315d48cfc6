import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../core/import/parser/parse-plan';
import { readSource } from '../../core/import/readers/read-source';
import type { ReadProgress } from '../../shared/import/parsed-plan';
import { IMPORT_SEEDS } from '../helpers/import-seeds';
import { seedDocx, seedPdf } from '../helpers/plan-documents';
import { imagePdf } from '../helpers/scan-pdf';
import { call, expectError, setUpServices } from '../helpers/services';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { tempDir } from '../helpers/temp-dir';
import { startCli } from '../helpers/cli';

/**
 * Scans read by OCR (tesseract.js with the installed Vietnamese model, nothing fetched), on one small page
 * so CI stays fast: page 1 of the seed vp-ubnd-tinh-2025 as the app writes it, printed and scanned at
 * 150 dpi (test/fixtures/scans/make-scans.ts). One page of OCR takes 4–9 s on a quiet 2-core machine and
 * up to a minute when both cores are loaded, hence the generous timeouts.
 */
const SCANS = path.join(import.meta.dirname, '../fixtures/scans');
const PAGE = fs.readFileSync(path.join(SCANS, 'vp-ubnd-tinh-2025-trang-1.jpg'));
const TILTED = fs.readFileSync(path.join(SCANS, 'vp-ubnd-tinh-2025-trang-1-nghieng.jpg'));
const WORN_TABLE = fs.readFileSync(path.join(SCANS, 'so-cong-thuong-2026-trang-1-nghieng.jpg'));
const LEFT_OUT_CELL = fs.readFileSync(path.join(SCANS, 'phuong-cai-khe-2026-trang-2-nghieng.jpg'));
const OCR_TIMEOUT = 240_000;

describe('plans from scans and photos (OCR)', () => {
  it('an image-only PDF is read by OCR through imports.parse: progress by page, header fields, each line with its page, doubts listed', async () => {
    const { services, dataDir } = await setUpServices();
    const before = snapshotDatabase(dataDir);
    const jobId = crypto.randomUUID();
    const seen: (ReadProgress | null)[] = [];
    const parsing = call(services, 'imports.parse', { fileName: 'ban-quet.pdf', base64: imagePdf([PAGE]).toString('base64'), jobId });
    let done = false;
    void parsing.finally(() => (done = true));
    while (!done) {
      seen.push(await call(services, 'imports.progress', { jobId }));
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await parsing;
    expect(seen).toContainEqual({ page: 1, pages: 1, ocr: true });
    expect(await call(services, 'imports.progress', { jobId })).toBeNull(); // forgotten once done
    expect(result.format).toBe('pdf');
    expect(result.ocr?.pages).toEqual([1]);
    expect(result.ocr!.confidence).toBeGreaterThan(70);
    expect(result.parsed.documentNumber).toBe('07/KH-VP');
    expect(result.parsed.issueDate).toBe('2025-03-04');
    expect(result.parsed.title).toMatch(/^Thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2025/);
    expect(result.parsed.tasks.map((t) => t.ordinal)).toContain('1');
    expect(result.sourcePages).toHaveLength(result.sourceLines.length);
    expect(new Set(result.sourcePages)).toEqual(new Set([1]));
    // every doubt names words that are on its line, as the review underlines them
    for (const d of result.ocr!.doubts) for (const w of d.words) expect(result.sourceLines[d.line - 1]!.split(/\s+/)).toContain(w);
    expect(snapshotDatabase(dataDir)).toEqual(before); // reading writes nothing
    await services.close();
  }, OCR_TIMEOUT);

  it('a PDF with scanned pages among typed ones is read page by page: OCR on the scans (two at once), the text layer elsewhere, pages in order', async () => {
    const seed = IMPORT_SEEDS.find((s) => s.name === 'vp-ubnd-tinh-2025')!;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'typed.pdf'), await seedPdf(await seedDocx(seed)));
    fs.writeFileSync(path.join(dir, 'scan.pdf'), imagePdf([PAGE, TILTED]));
    // the scanned first page, the typed rest, and a photo of page 1 again at the end (a scanned annex)
    execFileSync('qpdf', ['--empty', '--pages', path.join(dir, 'scan.pdf'), '1', path.join(dir, 'typed.pdf'), '2-z', path.join(dir, 'scan.pdf'), '2', '--', path.join(dir, 'mixed.pdf')]);
    const steps: ReadProgress[] = [];
    const reading = await readSource(fs.readFileSync(path.join(dir, 'mixed.pdf')), 'mixed.pdf', (p) => steps.push(p));
    const pages = steps[0]!.pages;
    expect(pages).toBeGreaterThan(3);
    expect(steps).toEqual(Array.from({ length: pages }, (_, i) => ({ page: i + 1, pages, ocr: i === 0 || i === pages - 1 })));
    expect(reading.ocr?.pages).toEqual([1, pages]);
    expect(reading.ocr!.doubts.every((d) => [1, pages].includes(reading.linePages[d.line - 1]!))).toBe(true);
    const lines = reading.text.split('\n');
    const onPages = (text: string) => reading.linePages.filter((_, i) => lines[i]!.includes(text));
    expect(onPages('07/KH-VP')).toEqual([1, pages]); // read from the two pictures, each where it is in the file
    expect(onPages('Thường xuyên trong năm 2025')[0]).toBeGreaterThan(1); // from the text layer, exact
    expect(reading.linePages).toEqual([...reading.linePages].sort((a, b) => a - b));
  }, OCR_TIMEOUT);

  it('a read can be stopped: the worker is ended at once, the clerk reads why, nothing is written', async () => {
    const { services, dataDir } = await setUpServices();
    const before = snapshotDatabase(dataDir);
    const jobId = crypto.randomUUID();
    const parsing = services.invoke('imports.parse', { fileName: 'anh.jpg', base64: PAGE.toString('base64'), jobId });
    await expect.poll(() => call(services, 'imports.progress', { jobId }), { timeout: 60_000, interval: 100 }).toEqual({ page: 1, pages: 1, ocr: true });
    const stoppedAt = Date.now();
    await call(services, 'imports.cancel', { jobId });
    const refused = await parsing;
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(expectError(refused, 'VALIDATION').message).toBe('Đã dừng đọc tệp theo yêu cầu. Dữ liệu chưa được thay đổi.');
    // the next file is read by a new worker
    const text = await call(services, 'imports.parse', { fileName: 'kh.txt', text: 'KẾ HOẠCH\nThực hiện dân vận năm 2026\nII. NỘI DUNG\n1. Tuyên truyền.\n- Thời gian thực hiện: Thuong xuyén.' });
    expect(text.parsed.tasks[0]!.timeframe).toMatchObject({ kind: 'ongoing', text: 'Thuong xuyén' });
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  }, OCR_TIMEOUT);

  it('the CLI reads a tilted, speckled photo of the page and prints the pages on stderr with --progress', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'anh-chup.jpg');
    fs.writeFileSync(file, TILTED);
    const child = startCli(['plan', 'parse', file, '--progress']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toContain('Đang đọc trang 1/1');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { documentNumber: string; title: string };
    // the number as read ("07/KH-VP." with a speck read as a stop: trimming it is the parser's OCR rules' job)
    expect(plan.documentNumber).toMatch(/^07\/KH-VP/);
    expect(plan.title).toMatch(/dân chủ ở cơ sở/);
  }, OCR_TIMEOUT);

  it('a phone photo of a worn task table at 200 dpi: its specks are taken off before OCR, so the rows are read with their units', async () => {
    const reading = await readSource(WORN_TABLE, 'anh-chup-bang.jpg');
    const { plan } = parsePlanText(reading.text, { ocr: true });
    // read as it came (specks and all) tesseract found no table on this page, and so no task
    expect(plan.tasks.map((t) => [t.ordinal, t.lead, t.coordinating])).toEqual([
      ['1', ['Văn phòng Sở'], ['Các phòng, đơn vị thuộc Sở']],
      ['2', ['Phòng Quản lý năng lượng'], ['Công ty Điện lực Ninh Bình', 'UBND các xã, phường']],
    ]);
  }, OCR_TIMEOUT);

  it('print the layout analysis left out (a table cell, "Ít nhất 02 cuộc đối thoại") is read again on its own and written in its row', async () => {
    const reading = await readSource(imagePdf([LEFT_OUT_CELL]), 'ban-quet.pdf');
    // read once, tesseract gives no word for that cell: its row ends at "6 tháng cuối năm 2026"
    const row = reading.text.split('\n').find((line) => line.includes('\tDuy trì tiếp công dân'));
    expect(row?.split('\t').slice(-2)).toEqual(['6 tháng cuối năm 2026', 'Ít nhất 02 cuộc đối thoại']);
  }, OCR_TIMEOUT);

  it('an image too large for a page is refused from its header, without decoding it', async () => {
    const png = Buffer.alloc(64);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
    png.writeUInt32BE(60_000, 16);
    png.writeUInt32BE(60_000, 20);
    await expect(readSource(png, 'anh.png')).rejects.toThrow('Ảnh quá lớn (60000 × 60000 điểm ảnh)');
    await expect(readSource(Buffer.from('GIF89a....'), 'anh.gif')).rejects.toThrow('GIF');
    await expect(readSource(Buffer.from('không phải ảnh'), 'anh.jpg')).rejects.toThrow('không phải ảnh JPG, PNG hoặc TIFF');
  });
});
