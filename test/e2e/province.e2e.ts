import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoProvince, signInDemoAdmin } from '../../core/demo/demo-province';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { tempDir } from '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('a province with many communes, as its clerk sees it', () => {
  it('keeps long unit lists short on Tổng quan, and the demo administrator signs in', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    await seedDemoProvince({ dataDir, communes: 20, years: 1, seed: 5, today: '2026-10-01' });
    harness = await openHarness({ dataDir });
    const { page } = harness;
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await signInDemoAdmin(harness.services);
    await harness.open('/tong-quan');
    const more = page.getByRole('button', { name: /^và \d+ đơn vị khác$/ }).first();
    await more.waitFor();
    const hidden = Number(/\d+/.exec((await more.textContent()) ?? '')![0]);
    expect(hidden).toBeGreaterThanOrEqual(15);
    await screenshot(page, 'province-overview');
    const key = await page.locator('tr.ant-table-row').filter({ has: page.getByRole('button', { name: /^và \d+ đơn vị khác$/ }) }).first().getAttribute('data-row-key');
    const row = page.locator(`tr.ant-table-row[data-row-key="${key}"]`);
    await more.click();
    await expect.poll(async () => ((await row.textContent()) ?? '').split(', ').length).toBeGreaterThanOrEqual(hidden + 4);
  });
});
