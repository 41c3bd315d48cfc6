import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, screenshot, settled, type Harness } from '../helpers/browser';
import { call, BINH_CHUONG, setUpOffice } from '../helpers/services';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { tempDir } from '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const unitRows = (page: Page) => page.locator('tr.ant-table-row');
const backupRows = (page: Page, kind: string) => page.getByTestId('backup-list').locator('tr.ant-table-row').filter({ hasText: kind });

async function addUnit(page: Page, name: string) {
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Tên đơn vị').fill(name);
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('backups, as a clerk uses them', () => {
  it('backs up now (also to a USB stick), changes something, checks the backup, restores it and sees the old data, then exports everything', async () => {
    harness = await openHarness();
    const { page, services, dataDir } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    await harness.open('/cai-dat');

    // Sao lưu ngay, into the backup folder
    await page.getByTestId('retention-text').getByText(/Giữ 10 bản sao lưu mới nhất, và bản mới nhất của mỗi tháng trong 12 tháng gần đây/).waitFor();
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText(/^Đã sao lưu: .*-thu-cong\.sqlite$/).waitFor();
    const manual = backupRows(page, 'thủ công');
    await manual.waitFor();
    expect(await manual.locator('td').first().textContent()).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await backupRows(page, 'hằng ngày').waitFor(); // the day's automatic backup was made at first use

    // ... and to a USB stick: typed, since the browser has no folder dialog; a wrong path first
    await page.getByText('Vào thư mục khác hoặc ổ USB').click();
    await page.getByRole('button', { name: 'Chọn…' }).first().click();
    await page.getByText('Gõ đường dẫn vào ô bên cạnh.').waitFor();
    await page.getByLabel('Thư mục lưu bản sao').fill('/khong/co/o-usb');
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText('Thư mục: "/khong/co/o-usb" không tồn tại (ổ USB đã cắm chưa?)').waitFor();
    const usb = tempDir();
    await page.getByLabel('Thư mục lưu bản sao').fill(usb);
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText(`Đã sao lưu: ${usb}`, { exact: false }).waitFor();
    expect(fs.readdirSync(usb).filter((n) => n.endsWith('-thu-cong.sqlite'))).toHaveLength(1);
    await screenshot(page, 'backups');

    // change something
    await page.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await addUnit(page, 'Thôn Mới Lập');
    await expect.poll(() => unitRows(page).count()).toBe(2);

    // a file that is not a backup is refused, and nothing changes
    const notes = path.join(tempDir(), 'ghi-chu.sqlite');
    fs.writeFileSync(notes, 'Ghi chú cuộc họp, không phải bản sao lưu');
    await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
    const before = snapshotDatabase(dataDir);
    await page.getByLabel('Tệp sao lưu').fill(notes);
    await page.getByRole('button', { name: 'Kiểm tra tệp…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
    await dialog.getByText('Tệp này không phải bản sao lưu của Dân vận (không phải tệp cơ sở dữ liệu SQLite).').waitFor();
    expect(await dialog.getByRole('button', { name: 'Khôi phục bản này' }).isDisabled()).toBe(true);
    await settled(dialog);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(snapshotDatabase(dataDir)).toEqual(before);

    // the backup made by hand: checked, counted next to the current data, then restored
    await manual.getByRole('button', { name: 'Khôi phục…' }).click();
    await dialog.getByText('Đạt', { exact: true }).waitFor();
    const units = dialog.getByTestId('restore-counts').locator('tr', { has: page.getByRole('cell', { name: 'Đơn vị', exact: true }) });
    expect(await units.locator('td').allTextContents()).toEqual(['Đơn vị', '1', '2']);
    await dialog.getByText(/trước khi thay, ứng dụng tự sao lưu dữ liệu hiện tại/i).waitFor();
    await screenshot(page, 'restore-confirm');
    await settled(dialog);
    await dialog.getByRole('button', { name: 'Khôi phục bản này' }).click();
    await page.getByText('Đã khôi phục dữ liệu từ bản sao lưu.').waitFor();
    await backupRows(page, 'trước khôi phục').waitFor();

    await page.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await expect.poll(() => unitRows(page).count()).toBe(1);
    await unitRows(page).filter({ hasText: 'Thôn An Phú' }).waitFor();
    expect(await unitRows(page).filter({ hasText: 'Thôn Mới Lập' }).count()).toBe(0); // (its "Đã thêm" toast may still show)

    // export everything, with progress, into a folder typed by the clerk
    await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
    const handover = tempDir();
    await page.getByLabel('Thư mục lưu tệp xuất').fill(handover);
    await page.getByRole('button', { name: 'Xuất toàn bộ' }).click();
    await page.getByTestId('export-progress').getByText(/^Đã xuất toàn bộ dữ liệu: .*\.zip$/).waitFor();
    await screenshot(page, 'export-all');
    const [zipName] = fs.readdirSync(handover);
    expect(zipName).toMatch(/^DanVan_toan-bo-du-lieu_ubnd-xa-binh-chuong_.*\.zip$/);
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(handover, zipName!))));
    expect(strFromU8(zip['README.txt']!)).toMatch(/^DÂN VẬN – TOÀN BỘ DỮ LIỆU/);
    expect((JSON.parse(strFromU8(zip['du-lieu/unit.json']!)) as { name: string }[]).map((u) => u.name)).toEqual(['Thôn An Phú']);
    expect(harness.pageErrors).toEqual([]);
  });
});
