import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, type Harness } from '../helpers/browser';
import { signInAsAdmin } from '../helpers/services';
import { communeCycle } from '../helpers/commune-cycle';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/** Everything a clerk reads on the page: its text and what the fields hold. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value)].join('\n'));
}

/** The routes of the app as Root.tsx declares them (the catch-all aside). */
function declaredRoutes(): string[] {
  const source = fs.readFileSync('renderer/src/Root.tsx', 'utf8');
  return [...source.matchAll(/<Route path="([^"]+)"/g)].map((m) => m[1]!).filter((p) => p !== '*');
}

describe('dates on screen are dd/mm/yyyy, never ISO', () => {
  it('no screen of the app shows a date as yyyy-mm-dd, with plans, deadlines, reports and bundles in it', { timeout: 240_000 }, async () => {
    const cycle = await communeCycle();
    harness = await openHarness({ dataDir: cycle.commune.dataDir });
    const { page } = harness;
    await signInAsAdmin(harness.services);
    const { plan, draft, provincePlan, provinceDutyId, dutyId, reports, units } = cycle;

    // Each screen with something on it that carries a date, and a text that shows the data has arrived.
    // `more`: what else the screen opens (a drawer, another tab), checked too.
    const screens: Record<string, { url: string; shows: string | RegExp; more?: () => Promise<void> }> = {
      '/tong-quan': {
        url: '/tong-quan',
        shows: '30/05/2026',
        more: async () => {
          await page.getByLabel('Phạm vi').click();
          await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('Tất cả hạn trong năm').click();
          await page.getByRole('tab', { name: 'Theo đơn vị' }).click();
          await page.getByRole('tabpanel').getByText('Thôn Bình Tây').first().waitFor();
        },
      },
      '/ke-hoach': { url: '/ke-hoach', shows: /\b0?7\/KH-UBND/ },
      '/ke-hoach/nhap': { url: '/ke-hoach/nhap', shows: 'Chọn tệp Word (.docx), PDF (có chữ hoặc bản quét)' },
      '/ke-hoach/:id': {
        url: `/ke-hoach/${plan.id}`,
        shows: 'Bình Chương, ngày 02 tháng 02 năm 2026',
        more: async () => {
          await page.getByRole('button', { name: 'Lịch sử' }).click();
          await page.getByRole('dialog').getByText(/^Lần 1 – \d{2}\/\d{2}\/\d{4}$/).waitFor();
        },
      },
      '/ke-hoach/:id/sua': { url: `/ke-hoach/${draft.id}/sua`, shows: /Tuyên truyền trên loa truyền thanh/ },
      '/ke-hoach/:planId/bao-cao/:dutyId': { url: `/ke-hoach/${provincePlan.id}/bao-cao/${provinceDutyId}`, shows: 'Hạn 15/06/2026' },
      '/bao-cao': { url: `/bao-cao?ke-hoach=${plan.id}`, shows: 'Hạn 15/05/2026' },
      '/bao-cao/:id': { url: `/bao-cao/${reports.waiting}`, shows: /22\/05\/2026/ },
      '/bao-cao/tong-hop/:planId/:dutyId': { url: `/bao-cao/tong-hop/${plan.id}/${dutyId}`, shows: 'Hạn 15/05/2026' },
      '/goi-tin': { url: '/goi-tin', shows: /BC-6thang-2026/ },
      '/tim-kiem': { url: '/tim-kiem?q=thon', shows: /Hạn 15\/05\/2026/ },
      '/don-vi': { url: '/don-vi', shows: 'Thôn Bình Tây' },
      '/don-vi/:id/bao-cao': { url: `/don-vi/${units.binhTay.id}/bao-cao`, shows: '22/05/2026' },
      '/cai-dat': { url: '/cai-dat', shows: 'Thông tin cơ quan' },
      '/nguoi-dung': { url: '/nguoi-dung', shows: 'quantri' },
      '/nhat-ky': { url: '/nhat-ky', shows: 'Ban hành kế hoạch' },
    };
    expect(declaredRoutes().filter((r) => !screens[r])).toEqual([]); // a new screen needs a line here

    const found: string[] = [];
    for (const [route, { url, shows, more }] of Object.entries(screens)) {
      await harness.open(url);
      await page.getByText(shows).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle', { timeout: 30_000 });
      await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 30_000 }).toBe(0);
      const check = async (what: string) => {
        const iso = (await shownText(page)).match(ISO_DATE);
        if (iso) found.push(`${what}: ${[...new Set(iso)].join(', ')}`);
      };
      await check(route);
      if (more) {
        await more();
        await check(`${route} (mở thêm)`);
      }
    }
    expect(found).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
