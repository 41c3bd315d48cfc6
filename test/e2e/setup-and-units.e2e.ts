import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { snapshotDatabase } from '../helpers/db-snapshot';
import '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function fillSetup(page: Page) {
  await page.getByLabel('Tên cơ quan').fill('UBND xã Bình Chương');
  await page.getByLabel('Cấp', { exact: true }).click();
  await page.getByTitle('Xã, phường').click();
  await page.getByLabel('Chữ viết tắt trong số ký hiệu văn bản').fill('UBND');
  await page.getByLabel('Địa danh ghi ở ngày tháng').fill('Bình Chương');
  await page.getByLabel('Cơ quan cấp trên nhận báo cáo').fill('UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)');
}

async function addUnit(page: Page, name: string, options: { abbreviation?: string; kind?: string; aliases?: string[] } = {}) {
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Tên đơn vị').fill(name);
  if (options.abbreviation) await dialog.getByLabel('Viết tắt').fill(options.abbreviation);
  if (options.kind) {
    await dialog.getByLabel('Loại').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(options.kind, { exact: true }).click();
  }
  for (const alias of options.aliases ?? []) {
    await dialog.getByLabel('Tên gọi khác').fill(alias);
    await dialog.getByLabel('Tên gọi khác').press('Enter');
  }
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

function unitRow(page: Page, name: string) {
  return page.locator('tr.ant-table-row').filter({ hasText: name });
}

describe('first run and units, as a clerk does it', () => {
  it('sets up the office, then adds, renames, reorders and deactivates units and groups; all survives a reload', async () => {
    harness = await openHarness();
    const { page } = harness;
    await page.getByText('Chào mừng đến với Dân vận').waitFor();

    // bad input first: nothing filled in
    await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await expect.poll(() => page.getByText('Không được để trống').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByText('Chọn một cấp trong danh sách').count()).toBe(1);
    expect(snapshotDatabase(harness.dataDir).office).toEqual([]);

    await fillSetup(page);
    await page.getByLabel('Chữ viết tắt trong số ký hiệu văn bản').fill('UB ND');
    await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await page.getByText(/không có khoảng trắng/).waitFor();
    expect(snapshotDatabase(harness.dataDir).office).toEqual([]);
    await page.getByLabel('Chữ viết tắt trong số ký hiệu văn bản').fill('UBND');
    await screenshot(page, 'setup');
    await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    // then the first account, the administrator's own
    await page.getByText('Tạo tài khoản quản trị').waitFor();
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Quản');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-quan-tri');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-quan-tri-sai');
    await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
    await page.getByText('Hai lần nhập mật khẩu không giống nhau').waitFor();
    expect(snapshotDatabase(harness.dataDir).app_user).toEqual([]);
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-quan-tri');
    await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
    await page.getByTestId('office-name').getByText('UBND xã Bình Chương').waitFor();
    await page.getByTestId('user-menu').getByText('Nguyễn Văn Quản').waitFor();
    await page.getByRole('menuitem', { name: 'Đơn vị' }).click();

    await addUnit(page, 'Phòng Văn hóa - Xã hội', { abbreviation: 'VHXH', aliases: ['Phòng VH-XH'] });
    await addUnit(page, 'Phòng Kinh tế', { abbreviation: 'KT' });
    await addUnit(page, 'Văn phòng HĐND và UBND xã');
    await addUnit(page, 'Thôn An Phú', { kind: 'Thôn' });
    await addUnit(page, 'Thôn Bình Chương Tây', { kind: 'Thôn' });
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(5);

    // a duplicate written another way is refused at the field, nothing written
    const before = snapshotDatabase(harness.dataDir);
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await dialog.getByLabel('Tên đơn vị').fill('phong van hoa – xa hoi');
    await dialog.getByRole('button', { name: 'Thêm' }).click();
    await dialog.getByText('đã trùng với đơn vị "Phòng Văn hóa - Xã hội"').waitFor();
    await dialog.getByLabel('Tên đơn vị').fill('');
    await dialog.getByRole('button', { name: 'Thêm' }).click();
    await dialog.getByText('Không được để trống').waitFor();
    expect(snapshotDatabase(harness.dataDir)).toEqual(before);
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    // rename with the en dash the documents use
    await unitRow(page, 'Phòng Văn hóa - Xã hội').getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa đơn vị' });
    await edit.getByLabel('Tên đơn vị').fill('Phòng Văn hóa – Xã hội');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await unitRow(page, 'Phòng Văn hóa – Xã hội').waitFor();

    // reorder: Thôn An Phú up one place
    await page.getByRole('button', { name: 'Đưa Thôn An Phú lên' }).click();
    await expect.poll(async () => (await page.locator('tr.ant-table-row td:nth-child(2) > div > div:first-child').allTextContents())[2]).toBe('Thôn An Phú');

    // search without diacritics
    await page.getByPlaceholder('Tìm đơn vị').fill('binh chuong');
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(1);
    await page.getByPlaceholder('Tìm đơn vị').fill('');

    await unitRow(page, 'Phòng Kinh tế').getByRole('button', { name: 'Ngừng sử dụng' }).click();
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(4);

    // groups
    await page.getByRole('tab', { name: 'Nhóm đơn vị' }).click();
    await page.getByRole('button', { name: 'Thêm nhóm' }).click();
    const groupDialog = page.getByRole('dialog', { name: 'Thêm nhóm đơn vị' });
    await groupDialog.getByLabel('Tên nhóm').fill('Các thôn');
    await groupDialog.getByLabel('Gồm các đơn vị').click();
    await page.keyboard.type('thon an');
    await page.locator('.ant-select-dropdown:visible').getByTitle('Thôn An Phú').click();
    await page.keyboard.type('tay');
    await page.locator('.ant-select-dropdown:visible').getByTitle('Thôn Bình Chương Tây').click();
    await groupDialog.getByText('Thêm nhóm đơn vị').click(); // closes the dropdown
    await groupDialog.getByRole('button', { name: 'Lưu' }).click();
    await groupDialog.waitFor({ state: 'hidden' });
    await page.locator('tr.ant-table-row').filter({ hasText: 'Các thôn' }).getByText('Thôn Bình Chương Tây').waitFor();
    await screenshot(page, 'groups');

    // close and reopen: everything is still there
    await page.reload();
    await page.getByTestId('office-name').getByText('UBND xã Bình Chương').waitFor();
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(4);
    await page.getByText('Hiện đơn vị ngừng sử dụng').click();
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(5);
    await unitRow(page, 'Phòng Kinh tế').getByText('Ngừng sử dụng', { exact: true }).first().waitFor();
    await unitRow(page, 'Phòng Văn hóa – Xã hội').getByText('Phòng VH-XH').waitFor();
    await screenshot(page, 'units');
    await page.getByRole('tab', { name: 'Nhóm đơn vị' }).click();
    await page.locator('tr.ant-table-row').filter({ hasText: 'Các thôn' }).waitFor();

    const db = snapshotDatabase(harness.dataDir);
    expect(db.unit!.map((row) => JSON.parse(row) as { name: string; active: number }).map((u) => [u.name, u.active])).toContainEqual(['Phòng Kinh tế', 0]);
    expect(db.unit_group_member).toHaveLength(2);
    expect(harness.pageErrors).toEqual([]);
  });

  it('the API refuses a request without the session cookie or with a foreign Host header', async () => {
    harness = await openHarness();
    // the browser holds the session as an HttpOnly cookie, out of the page's reach, and no token in its address
    const [cookie] = await harness.page.context().cookies();
    expect(cookie).toMatchObject({ name: harness.host.cookieName, httpOnly: true, sameSite: 'Strict' });
    expect(harness.page.url()).not.toContain(harness.host.token);
    expect(await harness.page.evaluate(() => document.cookie + document.documentElement.outerHTML)).not.toContain(harness.host.token);
    const noToken = await fetch(`${harness.host.url}api/invoke/app.status`, { method: 'POST', body: '{}', headers: { 'X-Danvan-Request': '1' } });
    expect(noToken.status).toBe(401);
    const body = (await noToken.json()) as { ok: boolean; error: { message: string } };
    expect(body.error.message).toMatch(/Phiên làm việc không hợp lệ/);
    const headers = { 'X-Danvan-Request': '1', Cookie: `${harness.host.cookieName}=${harness.host.token}` };
    const okResponse = await fetch(`${harness.host.url}api/invoke/app.status`, { method: 'POST', body: '{}', headers });
    expect(((await okResponse.json()) as { ok: boolean }).ok).toBe(true);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const url = new URL(harness!.host.url);
      http.get({ host: '127.0.0.1', port: url.port, path: '/', headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(421);
    const page = await fetch(harness.host.url);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
