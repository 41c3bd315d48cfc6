import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, settled, type Harness } from '../helpers/browser';
import { call, BINH_CHUONG, setUpOffice } from '../helpers/services';
import '../helpers/temp-dir';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const header = (file: string) => fs.readFileSync(file).subarray(0, 16).toString('latin1');

describe('encryption at rest, as an administrator turns it on', () => {
  it('turns it on, shows the recovery code until it is written down, and the file on disk is no longer readable SQLite', async () => {
    harness = await openHarness();
    const { page, services, dataDir } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    await call(services, 'units.create', { name: 'Thôn Bí Mật An Phú', kind: 'thon' });
    const file = path.join(dataDir, 'danvan.sqlite');
    expect(header(file)).toBe('SQLite format 3\0');
    await harness.open('/cai-dat');

    const card = page.getByTestId('encryption-card');
    await card.getByText('Không mã hóa', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Bật mã hóa…' }).click();
    const confirm = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Bật mã hóa' }) });
    await settled(confirm);
    await confirm.getByRole('button', { name: 'Bật mã hóa' }).click();

    const shown = page.getByRole('dialog', { name: 'Mã khôi phục – chép lại ngay' });
    await shown.waitFor();
    const code = ((await shown.getByTestId('recovery-code').textContent()) ?? '').trim();
    expect(code.replace(/[^A-Z0-9]/g, '').length).toBeGreaterThanOrEqual(40);
    // it cannot be closed before the clerk says the code is written down
    expect(await shown.getByRole('button', { name: 'Đóng' }).isDisabled()).toBe(true);
    await screenshot(page, 'encryption-code');
    await shown.getByText('Tôi đã ghi lại mã').click();
    await shown.getByRole('button', { name: 'Đóng' }).click();
    await shown.waitFor({ state: 'hidden' });
    await card.getByText('Đã mã hóa', { exact: true }).waitFor();

    expect(header(file)).not.toBe('SQLite format 3\0');
    for (const f of [file, `${file}-wal`].filter((f) => fs.existsSync(f))) {
      expect(fs.readFileSync(f).includes(Buffer.from('Bí Mật An Phú')), f).toBe(false);
    }
    // the app still reads its data
    await harness.open('/don-vi');
    await page.locator('tr.ant-table-row').filter({ hasText: 'Thôn Bí Mật An Phú' }).waitFor();
    const log = await call(services, 'audit.list', { action: 'encryption.enable' });
    expect(log.events.map((e) => e.summary)).toEqual(['Bật mã hóa dữ liệu trên máy']);
  });
});
