import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { BINH_CHUONG, call, setUpOffice } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';
import { chooseTyped, typeDate } from '../helpers/clerk';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function pickRef(page: Page, label: string, typed: string, option: string) {
  const select = page.getByLabel(label, { exact: true });
  await chooseTyped(page, select, typed, option);
  await select.press('Escape');
  await page.locator('.ant-select-selection-item').filter({ hasText: option }).first().waitFor();
}

const saved = (page: Page) => page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor();

describe('plans, as a clerk works with them', () => {
  it('types the province plan, derives the commune plan, issues, revises, searches and exports it', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const vhxh = await call(services, 'units.create', { name: 'Phòng Văn hóa – Xã hội', abbreviation: 'VHXH', kind: 'phong' });
    const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    await call(services, 'groups.create', { name: 'Các cơ quan, đơn vị, các thôn', memberIds: [vhxh.id, thon.id] });
    await harness.open('/ke-hoach');

    // 1. the province's plan, typed in as received
    await page.getByRole('button', { name: 'Nhập kế hoạch cấp trên' }).click();
    await page.getByRole('spinbutton', { name: 'Năm của kế hoạch' }).fill('2026');
    await page.getByRole('button', { name: 'Tạo' }).click();
    await page.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Quảng Ngãi');
    await page.getByLabel('Số', { exact: true }).fill('14');
    await typeDate(page, 'Ngày ban hành', '19/01/2026');
    await page.getByLabel('Trích yếu (tên kế hoạch)').fill('Thực hiện công tác dân vận chính quyền và dân chủ ở cơ sở năm 2026');
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await page.getByLabel('Nội dung nhiệm vụ 1').fill('Thực hiện tốt công tác tiếp công dân, tổ chức đối thoại');
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await page.getByLabel('Nội dung nhiệm vụ 2').fill('Tiếp tục rà soát, sửa đổi, bổ sung các văn bản');
    await saved(page);

    // closing the window mid-edit loses nothing
    await page.reload();
    await expect.poll(() => page.getByLabel('Nội dung nhiệm vụ 2').inputValue()).toBe('Tiếp tục rà soát, sửa đổi, bổ sung các văn bản');

    // 2. derive the commune's own plan from it
    await page.getByRole('link', { name: '← Danh sách kế hoạch' }).click();
    await page.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
    await page.getByText('Dự thảo kế hoạch').waitFor();
    await expect.poll(() => page.getByLabel('Nội dung nhiệm vụ 1').inputValue()).toBe('Thực hiện tốt công tác tiếp công dân, tổ chức đối thoại');
    await page.getByTestId('task-2').getByText('2. Tiếp tục rà soát').waitFor(); // linked to the parent task
    await pickRef(page, 'Thực hiện – nhiệm vụ 2', 'cac thon', 'Các cơ quan, đơn vị, các thôn');
    await pickRef(page, 'Chủ trì – nhiệm vụ 1', 'van hoa', 'Phòng Văn hóa – Xã hội');
    await page.getByLabel('Thời gian thực hiện nhiệm vụ 2').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('Hoàn thành trước ngày').click();
    // a date outside the plan's year is refused at the field
    await typeDate(page, 'Hạn nhiệm vụ 2', '15/01/2027');
    await page.getByText(/ngoài thời gian của kế hoạch/).first().waitFor();
    await typeDate(page, 'Hạn nhiệm vụ 2', '30/05/2026');
    await page.getByRole('button', { name: 'Thêm yêu cầu báo cáo' }).click();
    await page.getByRole('button', { name: /Dùng hạn theo NĐ 09\/2019 \(14\/06\/2026\)/ }).click();
    await pickRef(page, 'Đơn vị phải báo cáo 1', 'thon', 'Các cơ quan, đơn vị, các thôn');
    // the province set its own data cut-off window: typed instead of Nghị định 09's
    await page.getByText('Thời gian chốt số liệu (NĐ 09/2019): 15/12/2025 – 14/06/2026').waitFor();
    await page.getByRole('button', { name: 'Kế hoạch quy định thời gian khác…' }).click();
    await typeDate(page, 'Chốt số liệu từ ngày 1', '01/01/2026');
    await typeDate(page, 'Chốt số liệu đến ngày 1', '31/05/2026');
    await page.getByLabel('Họ tên người ký').fill('Võ Văn Tâm');
    await saved(page);
    await screenshot(page, 'plan-editor');
    const draftId = /\/ke-hoach\/([0-9a-f-]{36})\/sua/.exec(page.url())![1]!;
    // "Đã lưu lúc …" may still show the save before the last date was typed (a busy machine): the draft is read until the autosave has it
    await expect
      .poll(async () => (await call(services, 'plans.get', { id: draftId, revision: null })).content.duties[0]!.cutoff, { timeout: 30_000, interval: 250 })
      .toEqual({ from: '2026-01-01', to: '2026-05-31' });

    // 3. issue it
    await page.getByRole('button', { name: 'Xem văn bản' }).click();
    await page.getByTestId('plan-paper').getByText(/Thực hiện Kế hoạch số 14\/KH-UBND ngày 19\/01\/2026 của UBND tỉnh Quảng Ngãi/).waitFor();
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByLabel('Số văn bản').fill('05');
    await typeDate(page, 'Ngày ban hành', '03/03/2026');
    await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
    const paper = page.getByTestId('plan-paper');
    await paper.getByText('Số: 05/KH-UBND').waitFor();
    await paper.getByText('Bình Chương, ngày 03 tháng 3 năm 2026').waitFor();
    await paper.getByText('- Thời gian thực hiện: Hoàn thành trước ngày 30/5/2026.').waitFor();
    await paper.getByText(/báo cáo 6 tháng.*trước ngày 14\/6\/2026/).waitFor();
    await screenshot(page, 'plan-view');

    // 4. revise it, with a reason
    await page.getByRole('button', { name: 'Tạo bản sửa đổi' }).click();
    await page.getByLabel('Nội dung nhiệm vụ 1').fill('Thực hiện tốt công tác tiếp công dân, tổ chức đối thoại định kỳ với Nhân dân');
    await page.getByRole('button', { name: 'Lưu bản sửa đổi…' }).click();
    await page.getByLabel('Lý do sửa đổi').fill('Bổ sung theo chỉ đạo của tỉnh');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu bản sửa đổi' }).click();
    await page.getByText('Lần ban hành 2').waitFor();
    await page.getByRole('button', { name: 'Lịch sử' }).click();
    await page.getByText('Lý do: Bổ sung theo chỉ đạo của tỉnh').waitFor();
    await page.getByText('Nhiệm vụ 1: sửa nội dung').waitFor();
    await page.getByRole('button', { name: 'Close' }).click().catch(() => page.keyboard.press('Escape'));

    // 5. find it without diacritics
    await page.getByLabel('Tìm kế hoạch, nhiệm vụ').fill('doi thoai dinh ky');
    await page.getByLabel('Tìm kế hoạch, nhiệm vụ').press('Enter');
    const hit = page.locator('.ant-list-item').first();
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['đối', 'thoại', 'định', 'kỳ']);
    await screenshot(page, 'search');
    await hit.getByRole('link').click();
    await page.locator('.dv-doc-task-focus').getByText(/đối thoại định kỳ/).waitFor(); // opened on the task itself

    // 6. export to Word
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Word' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('KH-2026_so-05_ubnd-xa-binh-chuong_lan-2.docx');
    const file = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    const text = (await mammoth.extractRawText({ path: file })).value;
    expect(text).toContain('Số: 05/KH-UBND');
    expect(text).toContain('đối thoại định kỳ với Nhân dân');
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
    expect(harness.pageErrors).toEqual([]);
  });
});
