import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, settled, type Harness } from '../helpers/browser';
import { communeReport, installationSigner, payloadOf, provinceWithCommunes, resign, SO_NOI_VU } from '../helpers/offices';
import { call, signInAsAdmin } from '../helpers/services';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const A = 'UBND xã Bình Chương';
const B = 'UBND xã Bình Sơn';

describe('the province clerk receiving reports from communes', () => {
  it('is shown a forged report as refused, binds a commune on its first report, and sees and unbinds keys in Đơn vị', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương'], [B, 'Bình Sơn']]);
    const [a, b] = communes as [(typeof communes)[0], (typeof communes)[0]];
    const fromA = await communeReport(a, plan.id, dutyId, 'Bình Chương đã đối thoại');
    await call(province.services, 'bundles.import', { base64: fromA, acceptKey: true });
    const forged = resign(fromA, installationSigner(a, B), SO_NOI_VU.name, { payload: { ...payloadOf(fromA), unitName: B }, revision: 60 });
    const fromB = await communeReport(b, plan.id, dutyId, 'Bình Sơn đã tiếp công dân');
    const keyA = (await call(a.services, 'bundles.fingerprint', {})).fingerprint;
    const keyB = (await call(b.services, 'bundles.fingerprint', {})).fingerprint;
    await province.services.close();

    harness = await openHarness({ dataDir: province.dataDir });
    const { page } = harness;
    await signInAsAdmin(harness.services);
    await harness.open('/goi-tin');
    const input = page.getByTestId('bundle-drop').locator('input[type=file]');

    // A's key, claiming to be B: refused, the reason names both, nothing to click
    await input.setInputFiles({ name: 'BC-6thang-2026_UBND-xa-Binh-Son_lan-60.dvb', mimeType: 'application/octet-stream', buffer: Buffer.from(forged, 'base64') });
    const forgedCard = page.getByTestId('incoming-bundle').filter({ hasText: 'lan-60' });
    await forgedCard.getByText('KHÔNG NHẬN TỪ KHÓA NÀY').waitFor();
    await forgedCard.getByText(`Máy đã gắn với ${A} (mã khóa ${keyA}) không được gửi báo cáo thay cho "${B}".`).waitFor();
    expect(await forgedCard.getByRole('button', { name: 'Nhập' }).isDisabled()).toBe(true);
    await screenshot(page, 'trust-forged-report');

    // B's real first report: its unit, the name it claims and its key; bound when the clerk confirms
    await input.setInputFiles({ name: 'BC-6thang-2026_UBND-xa-Binh-Son_lan-1.dvb', mimeType: 'application/octet-stream', buffer: Buffer.from(fromB, 'base64') });
    const card = page.getByTestId('incoming-bundle').filter({ hasText: 'lan-1.dvb' });
    await card.getByText('Lần đầu nhận từ máy này').waitFor();
    await card.getByTestId('bundle-fingerprint').getByText(keyB).waitFor();
    await card.getByText('Đơn vị báo cáo').waitFor();
    const importButton = card.getByRole('button', { name: 'Nhập' });
    expect(await importButton.isDisabled()).toBe(true);
    await card.getByText(new RegExp(`Gắn máy này với ${B}: tôi đã đối chiếu mã khóa`)).click();
    await importButton.click();
    await card.getByText(`Đã nhập báo cáo của ${B}.`).waitFor();

    // Đơn vị: each commune's key, since when; a lãnh đạo/quản trị unbinds with a reason
    await harness.open('/don-vi');
    const rowA = page.locator('tr').filter({ hasText: A });
    await rowA.getByTestId('unit-installation').getByText(keyA).waitFor();
    await page.locator('tr').filter({ hasText: B }).getByTestId('unit-installation').getByText(keyB).waitFor();
    await screenshot(page, 'trust-units');
    await rowA.getByRole('button', { name: 'Gỡ máy đã gắn' }).click();
    const dialog = page.getByRole('dialog', { name: `Gỡ máy đã gắn với ${A}` });
    await settled(dialog);
    expect(await dialog.getByRole('button', { name: 'Gỡ máy' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do').fill('Xã cài lại máy');
    await dialog.getByRole('button', { name: 'Gỡ máy' }).click();
    await rowA.getByText('Chưa gắn máy').waitFor();
    const log = await call(harness.services, 'audit.list', { query: 'go may' });
    expect(log.events[0]).toMatchObject({ targetLabel: A, detail: 'Lý do: Xã cài lại máy' });

    // Cài đặt shows that plans come from the key of the body above (none here: the province is the top)
    await harness.open('/cai-dat');
    await page.getByTestId('parent-installation').getByText(/Chưa xác nhận/).waitFor();
    expect(harness.pageErrors).toEqual([]);
    for (const c of communes) await c.services.close();
  });
});
