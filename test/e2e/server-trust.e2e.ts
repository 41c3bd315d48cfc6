import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { selfSignedCertificate } from '../helpers/kit-nginx';
import { setUpOffice } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('the province server in the sync settings, as the administrator sets it up', () => {
  it('refuses plain http to an outside server in Vietnamese, and keeps the certificate file the administrator chose', async () => {
    const { cert } = selfSignedCertificate(tempDir());
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi' });
    await harness.open('/goi-tin');
    const card = page.locator('.ant-card').filter({ hasText: 'Gửi, nhận qua mạng' });
    await page.getByLabel('Máy chủ WebDAV của tỉnh').check();
    await page.getByLabel('Địa chỉ máy chủ').fill('http://dv.snv.quangngai.gov.vn/danvan');
    await page.getByLabel('Tên đăng nhập').fill('ubnd-xa-binh-chuong');
    await page.getByLabel('Mật khẩu').fill('mat-khau-cua-xa');
    await card.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(/Địa chỉ http:\/\/ không mã hóa: mật khẩu và các gói đi qua mạng/).waitFor();

    await page.getByLabel('Địa chỉ máy chủ').fill('https://dv.snv.quangngai.gov.vn/danvan');
    await card.getByRole('button', { name: 'Chọn…' }).click(); // no native dialog in the browser: the path is typed
    await page.getByText('Gõ đường dẫn vào ô bên cạnh.').waitFor();
    await page.getByLabel('Tệp chứng chỉ của máy chủ').fill(cert);
    await card.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(/^Đang tin chứng chỉ: 127\.0\.0\.1, hết hạn \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await screenshot(page, 'sync-server-certificate');
    expect(harness.pageErrors).toEqual([]);
  });
});
