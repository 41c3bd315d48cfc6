import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { call, setUpServices, setUpOffice } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { tempDir } from '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('a plan arriving on a USB stick, as the commune clerk receives it', () => {
  it('shows sender, content and key fingerprint, imports after the key is confirmed, and hands back a receipt', async () => {
    const province = await setUpServices({ office: false });
    await setUpOffice(province.services, { name: 'UBND tỉnh Quảng Ngãi', parentBody: '', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', reportsTo: '' });
    const xa = await call(province.services, 'units.create', { name: 'UBND xã Bình Chương', kind: 'xa' });
    const plan = await newPlanWith(province.services, 'own', 2026, (c) => ({
      ...c,
      tasks: [task('1', 'Tổ chức đối thoại với Nhân dân', { implementing: [{ type: 'unit', unitId: xa.id, note: '' }] })],
      duties: [{ id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: '2026-05-15', units: [{ type: 'unit', unitId: xa.id, note: '' }], recipient: '', quarter: null }],
    }));
    await call(province.services, 'plans.issue', { id: plan.id, number: '14', issueDate: '2026-01-19' });
    // the province sends it over the shared folder; the file is also what a USB stick would carry
    const shared = tempDir();
    await call(province.services, 'sync.saveConfig', { kind: 'folder', folder: shared });
    const queued = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id, deliver: 'outbox' });
    expect((await call(province.services, 'sync.runNow', {})).outbox[0]!.status).toBe('sent');
    const bundle = { fileName: queued.fileName, base64: fs.readFileSync(path.join(shared, 'UBND-xa-Binh-Chuong', queued.fileName)).toString('base64') };
    const { fingerprint } = await call(province.services, 'bundles.fingerprint', {});

    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { name: 'UBND xã Bình Chương', parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: 'Bình Chương', reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)' });
    await harness.open('/goi-tin');

    const input = page.getByTestId('bundle-drop').locator('input[type=file]');
    const tampered = Buffer.from(bundle.base64, 'base64');
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 30) ^ 0xff, tampered.length - 30); // one byte changed in transit
    await input.setInputFiles({ name: 'hong.dvb', mimeType: 'application/octet-stream', buffer: tampered });
    await page.getByText(/Tệp gói không hợp lệ/).waitFor();

    // dragged from the USB stick onto the window while another screen is open
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.evaluate(({ name, b64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, { name: bundle.fileName, b64: bundle.base64 });
    const card = page.getByTestId('incoming-bundle');
    await card.getByText('Kế hoạch – UBND tỉnh Quảng Ngãi').waitFor();
    await card.getByText('Chưa xác nhận cơ quan cấp trên').waitFor();
    await card.getByText(fingerprint).waitFor();
    const importButton = card.getByRole('button', { name: 'Nhập' });
    expect(await importButton.isDisabled()).toBe(true);
    await screenshot(page, 'bundle-preview');
    await card.getByText(/Nhận làm cơ quan cấp trên: tôi đã đối chiếu mã khóa trên với UBND tỉnh Quảng Ngãi/).click();
    await importButton.click();
    await card.getByText('Đã nhập kế hoạch của UBND tỉnh Quảng Ngãi.').waitFor();

    const receiptDownload = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Lưu biên nhận để gửi lại' }).click();
    const receipt = await receiptDownload;
    expect(receipt.suggestedFilename()).toMatch(/^BienNhan_UBND-xa-Binh-Chuong_[0-9a-f]{8}\.dvb$/);
    const receiptFile = path.join(tempDir(), receipt.suggestedFilename());
    await receipt.saveAs(receiptFile);
    await call(province.services, 'bundles.import', { base64: fs.readFileSync(receiptFile).toString('base64'), acceptKey: true });
    expect((await call(province.services, 'bundles.sent', {}))[0]!.status).toBe('received');

    // the same folder as the commune's network transport: the bundle already imported is cleared, the receipt goes back
    await page.getByText('Thư mục dùng chung', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Thư mục dùng chung' }).fill(shared);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu cách gửi qua mạng').waitFor();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText(/Lần đồng bộ gần nhất: .* — thành công\./).waitFor();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.locator('tr').filter({ hasText: 'BienNhan_UBND-xa-Binh-Chuong' }).getByText('Đã gửi').first().waitFor();
    expect(fs.readdirSync(path.join(shared, 'UBND-xa-Binh-Chuong'))).toEqual([]);
    await screenshot(page, 'bundles');

    await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
    await page.getByRole('link', { name: 'Thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2026' }).click();
    await page.getByTestId('plan-paper').getByText('Số: 14/KH-UBND').waitFor();
    await page.getByText('Gửi báo cáo lên cấp trên').waitFor();
    // the commune's report sent up on it, through the window, is in offices-cycle.e2e.ts
    expect(harness.pageErrors).toEqual([]);
    await province.services.close();
  });
});
