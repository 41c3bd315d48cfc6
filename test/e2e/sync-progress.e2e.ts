import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { startNginx, type NginxServer } from '../helpers/servers/nginx';
import { call, setUpOffice } from '../helpers/services';

let harness: Harness | null = null;
let server: NginxServer | null = null;
afterEach(async () => {
  await harness?.close();
  await server?.stop();
  harness = server = null;
});

// 1 MB at 64 KB/s is about 16 s; measured 82 s in all (Chromium, harness, nginx) at load 18–20
const BUDGET = 200_000;

describe('"Đồng bộ ngay" on a slow line, as the clerk sees it', () => {
  it('shows which file is moving and how far, then what waits for the clerk', async () => {
    server = await startNginx({ location: 'limit_rate 64k;' });
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { name: 'Sở Nội vụ tỉnh Quảng Ngãi', parentBody: 'UBND tỉnh Quảng Ngãi', level: 'tinh', abbreviation: 'SNV', placeName: 'Quảng Ngãi', reportsTo: '' });
    await call(services, 'sync.saveConfig', { kind: 'webdav', url: server.url, username: 'xa', password: 'matkhau' });
    const folder = path.join(server.root, 'danvan', 'So-Noi-vu-tinh-Quang-Ngai');
    fs.mkdirSync(folder, { recursive: true, mode: 0o777 });
    const fileName = 'BC-6thang-2026_UBND-xa-Binh-Chuong_lan-1.dvb';
    fs.writeFileSync(path.join(folder, fileName), crypto.randomBytes(1024 * 1024)); // 1 MB that does not compress

    await harness.open('/goi-tin');
    await page.getByRole('button', { name: /Đồng bộ ngay/ }).click();
    const progress = page.getByLabel('Tiến độ truyền tệp');
    await progress.getByText(new RegExp(`Đang nhận ${fileName}: \\d+ KB / 1,0 MB`)).waitFor({ timeout: 30_000 });
    await screenshot(page, 'sync-progress');
    await page.getByText(`Gói ${fileName} đang chờ trên máy chủ`).waitFor({ timeout: 90_000 });
    expect(await progress.count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  }, BUDGET);
});
