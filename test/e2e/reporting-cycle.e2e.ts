import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { communeReport, provinceWithCommunes } from '../helpers/offices';
import { call, signInAsAdmin } from '../helpers/services';
import { communeCycle, COMMUNE } from '../helpers/commune-cycle';
import { docxParagraphs, docxParts } from '../helpers/docx';
import { tempDir } from '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const A = COMMUNE; // UBND xã Bình Chương
const B = 'UBND xã Bình Sơn';
const WAIT = { timeout: 30_000 };

describe('a reporting cycle without a call to support', () => {
  it('at the province: the header search finds a commune and opens its reports; what waits for acceptance is said in the matrix and the consolidation', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương'], [B, 'Bình Sơn']]);
    const [a] = communes as [(typeof communes)[0]];
    await call(province.services, 'bundles.import', { base64: await communeReport(a, plan.id, dutyId, 'Bình Chương đã đối thoại'), acceptKey: true });
    await province.services.close();
    harness = await openHarness({ dataDir: province.dataDir });
    const { page } = harness;
    await signInAsAdmin(harness.services);
    await harness.open('/tong-quan');

    // typed without diacritics in the header search
    await page.getByLabel('Tìm kế hoạch, nhiệm vụ').fill('binh chuong');
    await page.getByLabel('Tìm kế hoạch, nhiệm vụ').press('Enter');
    const unitHit = page.getByTestId('search-units').getByRole('link', { name: A });
    await unitHit.waitFor(WAIT);
    await page.getByTestId('search-reports').getByRole('link', { name: `${A} – Báo cáo 6 tháng theo Kế hoạch số 05/KH-SNV` }).waitFor(WAIT);
    await screenshot(page, 'search-units-reports');
    await unitHit.click();
    await page.getByRole('heading', { name: `Báo cáo của ${A}` }).waitFor(WAIT);
    expect(page.url()).toContain(`/don-vi/${a.unitId}/bao-cao`);
    const row = page.getByTestId('unit-reports').locator('tr').filter({ hasText: 'Báo cáo 6 tháng' });
    await row.getByText(/chờ tiếp nhận/).waitFor(WAIT);
    await row.getByText('15/06/2026').waitFor(WAIT);
    await screenshot(page, 'unit-reports');

    // the matrix: the imported report is in, and waits for acceptance
    await harness.open(`/bao-cao?ke-hoach=${plan.id}`);
    await page.getByTestId('awaiting-acceptance').getByText('1 báo cáo đã nhận, chờ tiếp nhận', { exact: false }).waitFor(WAIT);
    await page.getByRole('button', { name: `${A} – Báo cáo 6 tháng` }).getByText(/chờ tiếp nhận/).waitFor(WAIT);
    await page.getByTestId('report-matrix').getByText('1 đã nhận (1 chờ tiếp nhận) · 1 chưa · 0 trả lại').waitFor(WAIT);

    // the consolidation says why it counts 0/2, and links to the report to review
    await page.getByRole('button', { name: 'Tổng hợp' }).click();
    const notice = page.getByTestId('awaiting-acceptance');
    await notice.getByText(`1 báo cáo đã nhận, chờ tiếp nhận: ${A}.`).waitFor(WAIT);
    await page.getByText('Mới tổng hợp 0/2 đơn vị đã được tiếp nhận báo cáo.').waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Gửi lên cấp trên' }).count()).toBe(0); // the province's own plan implements none
    await screenshot(page, 'consolidation-awaiting');
    await notice.getByRole('link', { name: `Xem báo cáo của ${A}` }).click();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByTestId('report-status').getByText('Đã tiếp nhận').waitFor(WAIT);
    await harness.open(`/bao-cao/tong-hop/${plan.id}/${dutyId}`);
    await page.getByText('Mới tổng hợp 1/2 đơn vị đã được tiếp nhận báo cáo.').waitFor(WAIT);
    // one commune's word is in: the task is not called done while the other's report waits
    await page.locator('tr').filter({ hasText: 'Tổ chức đối thoại với Nhân dân' }).getByText('Đang thực hiện', { exact: true }).waitFor(WAIT);
    expect(await notice.count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
    for (const c of communes) await c.services.close();
  });

  it('at the commune: the consolidation names what waits for acceptance, shows the state of the report sent up, and signs with a block of the office', async () => {
    const cycle = await communeCycle();
    harness = await openHarness({ dataDir: cycle.commune.dataDir });
    const { page } = harness;
    await signInAsAdmin(harness.services);

    // the plan's signer, printed on three lines
    await harness.open(`/ke-hoach/${cycle.plan.id}`);
    await expect.poll(() => page.getByTestId('plan-paper').locator('.dv-doc-signer > div').allTextContents()).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', 'Võ Văn Tâm']);

    await harness.open(`/bao-cao/tong-hop/${cycle.plan.id}/${cycle.dutyId}`);
    const notice = page.getByTestId('awaiting-acceptance');
    await notice.getByText('1 báo cáo đã nhận, chờ tiếp nhận: Thôn Bình Tây.').waitFor(WAIT);
    await notice.getByRole('link', { name: 'Xem báo cáo của Thôn Bình Tây' }).waitFor(WAIT);
    const sendUp = page.getByTestId('send-up');
    await sendUp.getByText('Đã gửi lần 1, cấp trên đã nhận').waitFor(WAIT); // sent before, the province's receipt imported

    // the signer block: chosen among the commune's usual ones
    await expect.poll(() => page.getByLabel('Thẩm quyền ký').inputValue()).toBe('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH');
    await page.getByLabel('Khối chữ ký').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH', { exact: true }).click();
    await expect.poll(() => page.getByLabel('Chức vụ người ký').inputValue()).toBe('CHỦ TỊCH');
    await page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor(WAIT);
    const word = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Word (báo cáo)' }).click();
    const docxFile = path.join(tempDir(), 'bc.docx');
    await (await word).saveAs(docxFile);
    const paragraphs = docxParagraphs(docxParts(fs.readFileSync(docxFile)).document);
    const at = paragraphs.indexOf('TM. ỦY BAN NHÂN DÂN');
    expect(paragraphs.slice(at, at + 2)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(paragraphs).not.toContain('KT. CHỦ TỊCH');

    // sending it up through the dialog, and the receipt coming back, are in offices-cycle.e2e.ts
    expect(harness.pageErrors).toEqual([]);
  });
});
