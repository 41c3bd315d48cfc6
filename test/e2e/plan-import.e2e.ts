import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { call, setUpOffice } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';
import { chooseTyped } from '../helpers/clerk';
import { IMPORT_SEEDS, seedText } from '../helpers/import-seeds';
import { seedDocx, seedPdf } from '../helpers/plan-documents';
import * as xa from '../fixtures/plans/xa-binh-chuong-2026';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const documents = new Map<string, { docx: Buffer; pdf: Buffer }>();
beforeAll(async () => {
  for (const seed of IMPORT_SEEDS) {
    const docx = await seedDocx(seed);
    documents.set(seed.name, { docx, pdf: await seedPdf(docx) });
  }
}, 240_000); // three documents rendered to PDF by Chromium: about 15 s idle, measured up to 40 s with both cores busy

describe('importing a plan from its document, as a clerk does it', () => {
  it('imports each seed from Word, PDF and pasted text, corrects nothing, saves it, and the mapping is remembered', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...xa.OFFICE });
    const ids = new Map<string, string>();
    for (const u of xa.UNITS) ids.set(u.name, (await call(services, 'units.create', { name: u.name, kind: u.kind, abbreviation: u.abbreviation ?? '', aliases: u.aliases ?? [] })).id);
    for (const g of xa.GROUPS) await call(services, 'groups.create', { name: g.name, memberIds: g.members.map((m) => ids.get(m)!) });
    const dir = tempDir();
    let saved = 0;

    for (const seed of IMPORT_SEEDS) {
      const taskCount = seed.plan.planContent((name) => ({ type: 'external', name, note: '' }), (n) => String(n)).tasks!.length;
      for (const format of ['docx', 'pdf', 'paste'] as const) {
        await harness.open('/ke-hoach');
        await page.getByRole('button', { name: 'Nhập từ văn bản (Word, PDF)' }).click();
        if (format === 'paste') {
          await page.getByLabel('Nội dung văn bản dán vào').fill(seedText(seed));
          await page.getByRole('button', { name: 'Đọc văn bản dán vào' }).click();
        } else {
          const file = path.join(dir, `${seed.name}.${format}`);
          fs.writeFileSync(file, documents.get(seed.name)![format]);
          await page.locator('input[type=file]').setInputFiles(file);
        }
        await page.getByText(`Kiểm tra kế hoạch đọc được (${taskCount} nhiệm vụ)`).waitFor({ timeout: 20_000 });
        // The source sits next to the result; a task's line link shows where it came from.
        await page.getByTestId('imported-task-1').getByRole('button', { name: /^(trang \d+, )?dòng \d+$/ }).click();
        await expect.poll(() => page.locator('[data-line][style*="background"]').count()).toBe(1);

        if (seed.name === 'xa-binh-chuong-2026' && format === 'docx') {
          // The organisation's subject is not a unit of ours: map it once.
          const subject = page.getByLabel('Đơn vị cho "Các phòng, cơ quan, đơn vị thuộc UBND xã"');
          await chooseTyped(page, subject, 'cac co quan, don vi', 'Các cơ quan, đơn vị');
        }
        if (seed.name === 'xa-binh-chuong-2026' && format === 'pdf') {
          await expect.poll(() => page.getByRole('row', { name: /Các phòng, cơ quan, đơn vị thuộc UBND xã/ }).getByText('đã chọn lần trước').count()).toBe(1);
        }
        await page.getByRole('button', { name: format === 'paste' ? 'Lưu làm dự thảo của cơ quan' : 'Lưu làm kế hoạch cấp trên' }).click();
        await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}\/sua$/);
        await page.getByText(`(${taskCount} nhiệm vụ)`).first().waitFor();
        saved += 1;
      }
    }

    const plans = await call(services, 'plans.list', { year: null, status: null });
    expect(plans).toHaveLength(saved);
    const xaPlans = plans.filter((p) => p.title.includes('năm 2026'));
    expect(xaPlans.map((p) => p.taskCount)).toEqual([11, 11, 11]);
    const fromPdf = await call(services, 'plans.get', { id: xaPlans.find((p) => p.status === 'received' && p.documentNumber.startsWith('07'))!.id, revision: null });
    expect(fromPdf.content.duties.map((d) => d.dueDate)).toEqual(['2026-01-30', '2026-05-15', '2026-10-30']);
    expect(fromPdf.content.tasks[1]!.lead.map((r) => r.type)).toEqual(['unit', 'unit']);
    expect(harness.pageErrors).toEqual([]);
  }, 240_000);

  it('a scan\'s text: a misread unit name is offered as the closest unit, marked for checking; a web page\'s copy opens with number, date and title', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...xa.OFFICE });
    for (const u of xa.UNITS) await call(services, 'units.create', { name: u.name, kind: u.kind, abbreviation: u.abbreviation ?? '', aliases: u.aliases ?? [] });
    const seeds = path.resolve(import.meta.dirname, '../fixtures/seeds');

    await harness.open('/ke-hoach/nhap');
    await page.getByLabel('Nội dung văn bản dán vào').fill(fs.readFileSync(path.join(seeds, 'phuong-nghia-lo-2026-scan.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Đọc văn bản dán vào' }).click();
    await page.getByText('Kiểm tra kế hoạch đọc được (5 nhiệm vụ)').waitFor({ timeout: 20_000 });
    const misread = page.getByRole('row', { name: /Phòng Văn h©a - Xã hội/ });
    await misread.getByText('gần giống, kiểm tra').waitFor();
    await expect.poll(() => misread.getByText('Phòng Văn hóa – Xã hội').count()).toBeGreaterThan(0);
    await screenshot(page, 'import-scan-similar-name');

    await harness.open('/ke-hoach/nhap');
    await page.getByLabel('Nội dung văn bản dán vào').fill(fs.readFileSync(path.join(seeds, 'web-tinh-quang-ngai-metadata.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Đọc văn bản dán vào' }).click();
    await page.getByText('Văn bản chép từ trang web', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.getByText('03/03/2026', { exact: false }).first().waitFor();
    await screenshot(page, 'import-web-copy');
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);

  it('shows a Vietnamese message for a broken image, and saves nothing', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...xa.OFFICE });
    await harness.open('/ke-hoach/nhap');
    const file = path.join(tempDir(), 'anh.png');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('Không đọc được tệp ảnh: tệp bị hỏng hoặc không phải ảnh JPG, PNG, TIFF.', { exact: false }).waitFor(); // a PNG signature and nothing after it
    expect(await call(services, 'plans.list', { year: null, status: null })).toEqual([]);
  }, 120_000);
});
