import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { startFaultyProxy } from '../helpers/servers/faulty-proxy';
import { startNginx, type NginxServer } from '../helpers/servers/nginx';
import { call, setUpOffice, setUpServices } from '../helpers/services';
import { megabyteScan, provincePlan, queueCommuneReport, setUpCommune } from '../helpers/sync-offices';

let harness: Harness | null = null;
let server: NginxServer | null = null;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>> | null = null;
afterEach(async () => {
  await harness?.close();
  await proxy?.stop();
  await server?.stop();
  harness = server = proxy = null;
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

  it('says when a report on a slow uplink has left the computer and waits for the server to confirm it, then that it is sent', async () => {
    server = await startNginx();
    proxy = await startFaultyProxy(server.port, 'slowUpload', { bytesPerSecond: 64 * 1024 });
    // the province's plan, received by the commune on a stick
    const province = await setUpServices({ office: false });
    const { plan, dutyId, unitId } = await provincePlan(province.services);
    const planBundle = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId });
    await province.services.close();

    harness = await openHarness();
    const { page, services } = harness;
    await setUpCommune(services);
    await call(services, 'bundles.import', { base64: planBundle.base64, acceptKey: true });
    // its report, with a 1 MB scan as evidence
    const made = await queueCommuneReport(services, plan.id, dutyId, 'Tổ chức 3 buổi đối thoại', megabyteScan());
    await call(services, 'sync.saveConfig', { kind: 'webdav', url: proxy.url, username: 'xa', password: 'matkhau' });

    await harness.open('/goi-tin');
    await page.getByRole('button', { name: /Đồng bộ ngay/ }).click();
    const progress = page.getByLabel('Tiến độ truyền tệp');
    // the computer takes the whole file at once (its send buffers); the line then carries it for about 16 s
    await progress.getByText(new RegExp(`Đã gửi đi ${made.fileName} \\(1,0 MB\\), đang chờ máy chủ xác nhận đã nhận đủ|Đang gửi ${made.fileName}: \\d+ KB / 1,0 MB`)).waitFor({ timeout: 30_000 });
    await screenshot(page, 'sync-upload-waiting');
    // the bundle made is not called sent while it waits in the outbox: it waits for its receipt
    await page.getByRole('row', { name: new RegExp(`${made.fileName}.*Chờ biên nhận`) }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Đã gửi, chờ biên nhận').count()).toBe(0);
    await expect.poll(() => progress.count(), { timeout: 120_000 }).toBe(0);
    expect((await call(services, 'sync.status', {})).outbox.find((i) => i.fileName === made.fileName)?.status).toBe('sent');
    expect(fs.statSync(path.join(server.root, 'danvan', 'So-Noi-vu-tinh-Quang-Ngai', made.fileName)).size).toBeGreaterThan(1024 * 1024);
    expect(harness.pageErrors).toEqual([]);
  }, BUDGET);
});
