import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { BINH_CHUONG, call, setUpOffice } from '../helpers/services';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** One page of OCR: 4–9 s on a quiet 2-core machine, up to a minute with both cores loaded. */
const OCR = { timeout: 120_000 };
const SCAN = path.join(import.meta.dirname, '../fixtures/scans/vp-ubnd-tinh-2025-trang-1.jpg');

/** A plan as pasted from a scan's OCR: task 1's timeframe misread, task 2's right. */
const PASTED = [
  'KẾ HOẠCH',
  'Thực hiện công tác dân vận chính quyền năm 2026',
  'II. NỘI DUNG THỰC HIỆN',
  '1. Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở.',
  '- Thời gian thực hiện: Thuong xuyén.',
  '2. Tổ chức đối thoại với Nhân dân.',
  '- Thời gian thực hiện: Thường xuyên.',
].join('\n');

describe('importing a scan, as a clerk does it', () => {
  it('a photo of the page: the pages shown as they are read, a read stopped, then read to the end with its doubts underlined', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    await harness.open('/ke-hoach/nhap');
    // stopped while the page is read: the clerk reads why and can choose again
    await page.locator('input[type=file]').setInputFiles(SCAN);
    await page.getByTestId('import-progress').getByText('Đang đọc trang 1/1').waitFor(OCR);
    await screenshot(page, 'ocr-progress');
    await page.getByRole('button', { name: 'Dừng đọc' }).click();
    await page.getByText('Đã dừng đọc tệp theo yêu cầu. Dữ liệu chưa được thay đổi.').waitFor(OCR);
    expect(await page.getByTestId('import-progress').count()).toBe(0);

    await page.locator('input[type=file]').setInputFiles(SCAN);
    await page.getByText(/^Kiểm tra kế hoạch đọc được/).waitFor(OCR);
    await page.getByText(/^Trang 1 là ảnh quét, chữ được nhận dạng tự động \(độ tin cậy \d+%\)/).waitFor();
    await expect.poll(() => page.getByTestId('ocr-doubt').count()).toBeGreaterThan(0);
    await page.getByTestId('imported-task-1').getByRole('button', { name: /^trang 1, dòng \d+$/ }).click();
    await expect.poll(() => page.locator('[data-line][style*="background"]').count()).toBe(1);
    await screenshot(page, 'ocr-review');
    expect(harness.pageErrors).toEqual([]);
  }, 300_000);

  it('a timeframe read as "Thuong xuyén" is shown as it will print, in red, with "Thường xuyên" offered; what is saved prints what was shown', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    await harness.open('/ke-hoach/nhap');
    await page.getByLabel('Nội dung văn bản dán vào').fill(PASTED);
    await page.getByRole('button', { name: 'Đọc văn bản dán vào' }).click();
    await page.getByText('Kiểm tra kế hoạch đọc được (2 nhiệm vụ)').waitFor();
    const first = page.getByTestId('timeframe-printed-1');
    await expect.poll(() => first.innerText()).toContain('In ra: “Thuong xuyén” – khác cách viết của lựa chọn');
    expect(await first.locator('.ant-typography-danger').count()).toBe(1);
    expect(await page.getByTestId('timeframe-printed-2').locator('.ant-typography-danger').count()).toBe(0);
    await screenshot(page, 'timeframe-truth-review');
    await page.getByRole('button', { name: 'Sửa thời gian nhiệm vụ 1 thành “Thường xuyên”' }).click();
    await expect.poll(() => first.innerText()).toBe('In ra: “Thường xuyên”');

    await page.getByRole('button', { name: 'Lưu làm dự thảo của cơ quan' }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}\/sua$/);
    const id = /ke-hoach\/([0-9a-f-]{36})\/sua/.exec(page.url())![1]!;
    const saved = await call(services, 'plans.get', { id, revision: null });
    expect(saved.content.tasks.map((t) => [t.timeframe.kind, t.timeframe.text])).toEqual([['ongoing', ''], ['ongoing', 'Thường xuyên']]);
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);

  it('the editor shows a kept wording that differs from its choice in red, and offers the choice', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const read = await call(services, 'imports.parse', { fileName: 'kh.txt', text: PASTED });
    const plan = await call(services, 'imports.save', { kind: 'own', content: read.content, names: [] });
    await harness.open(`/ke-hoach/${plan.id}/sua`);
    const printed = page.getByTestId('timeframe-printed-1');
    await expect.poll(() => printed.innerText(), { timeout: 15_000 }).toContain('In ra: “Thuong xuyén”');
    expect(await printed.locator('.ant-typography-danger').count()).toBe(1);
    await screenshot(page, 'timeframe-truth-editor');
    await page.getByRole('button', { name: 'Sửa thời gian nhiệm vụ 1 thành “Thường xuyên”' }).click();
    await expect.poll(() => printed.count()).toBe(0); // no kept wording any more: the choice is what prints
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);
});
