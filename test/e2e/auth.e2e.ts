import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { ADMIN, BINH_CHUONG, call, setUpOffice } from '../helpers/services';
import '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function signIn(page: Page, username: string, password: string) {
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

describe('people on a shared PC, as they work', () => {
  it('an administrator adds a clerk; the clerk signs in, changes the password, works within the role; the audit shows it all', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    await harness.open('/nguoi-dung');

    // The administrator adds a clerk with a temporary password.
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.getByLabel('Họ và tên').fill('Trần Thị Chuyên');
    await dialog.getByLabel('Tên đăng nhập').fill('chuyen vien');
    await dialog.getByLabel('Mật khẩu tạm').fill('tam-thoi-123');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Tên đăng nhập chỉ gồm chữ không dấu').waitFor();
    await dialog.getByLabel('Tên đăng nhập').fill('chuyenvien');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('tr.ant-table-row').filter({ hasText: 'chuyenvien' }).getByText('Chờ đổi mật khẩu').waitFor();
    await screenshot(page, 'users');
    await signOut(page);

    // Wrong password: told how many tries are left; nothing opens.
    await signIn(page, 'chuyenvien', 'sai-mat-khau');
    await page.getByRole('alert').getByText('Còn 4 lần thử trước khi tài khoản bị khóa 15 phút.', { exact: false }).waitFor();
    await signIn(page, 'chuyenvien', 'tam-thoi-123');
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill('tam-thoi-123');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('cua-rieng-chuyen');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('cua-rieng-chuyen');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByTestId('user-menu').getByText('Trần Thị Chuyên').waitFor();

    // A chuyên viên sees no Người dùng or Nhật ký, drafts a plan, and cannot issue it.
    expect(await page.getByRole('menuitem', { name: 'Người dùng' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Nhật ký' }).count()).toBe(0);
    const plan = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    await harness.open(`/ke-hoach/${plan.id}`);
    const issue = page.getByRole('button', { name: 'Ban hành' });
    await issue.waitFor();
    expect(await issue.isDisabled()).toBe(true);
    expect(await issue.getAttribute('title')).toBe('Cần vai trò Lãnh đạo');
    await signOut(page);

    // Five wrong passwords lock the account, whatever the sixth try.
    for (let left = 4; left > 0; left--) {
      await signIn(page, 'chuyenvien', `sai-${left}-lan-nua`);
      await page.getByRole('alert').getByText(`Còn ${left} lần thử`, { exact: false }).waitFor();
    }
    await signIn(page, 'chuyenvien', 'sai-lan-cuoi');
    await page.getByRole('alert').getByText(/^Nhập sai mật khẩu 5 lần: tài khoản bị khóa đến \d\d:\d\d ngày/).waitFor();
    await signIn(page, 'chuyenvien', 'cua-rieng-chuyen');
    await page.getByRole('alert').getByText(/^Tài khoản đang bị khóa đến/).waitFor();

    // The administrator reads who did what, filters it, and exports it.
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('menuitem', { name: 'Nhật ký' }).click();
    await page.getByText('Nhật ký thao tác').waitFor();
    await page.getByLabel('Người thực hiện').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('Trần Thị Chuyên (chuyenvien)').click();
    const rows = page.locator('tr.ant-table-row');
    // Wrong password, sign-in, new password, a plan, sign-out, four wrong, the locking one, one while locked.
    await expect.poll(() => rows.count()).toBe(11);
    await rows.filter({ hasText: 'Tạo kế hoạch' }).getByText('Trần Thị Chuyên (chuyenvien)').waitFor();
    await rows.filter({ hasText: 'Đổi mật khẩu' }).waitFor();
    await expect.poll(() => rows.filter({ hasText: 'Bị từ chối' }).count()).toBe(7);
    await page.getByLabel('Tìm trong nhật ký').fill('tao ke hoach');
    await page.getByLabel('Tìm trong nhật ký').press('Enter');
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, 'audit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('Nhật ký')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('Trần Thị Chuyên (chuyenvien)');
    expect(sheet.getRow(2).getCell(3).value).toBe('Tạo kế hoạch');
  });
});
