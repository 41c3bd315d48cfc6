import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshBackupPath, partialFile } from '../../db/backups';
import { call, expectError, setUpServices, setUpOffice } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { fullDiskAt, HAS_DEV_FULL, namesIn, servicesWithClock } from '../helpers/backups';
import { tempDir } from '../helpers/temp-dir';
import { CAN_MOUNT } from '../helpers/servers/process';

/** Small file systems need a mount namespace of our own (unshare; Linux with user namespaces). */
if (!CAN_MOUNT) console.warn('backups-disk: unshare -rm is not available here; the tmpfs tests are skipped (the /dev/full ones still run).');

describe('a full or write-protected disk', () => {
  it.skipIf(!HAS_DEV_FULL)('while writing "Sao lưu ngay" to a USB stick: a Vietnamese message, no half-written file', async () => {
    const { services, dataDir, clock } = await servicesWithClock('2026-11-20T02:00:00Z');
    await call(services, 'units.list', {});
    const usb = tempDir();
    fullDiskAt(partialFile(freshBackupPath(usb, 'thu-cong', clock.now))); // the stick fills up during the copy
    const before = snapshotDatabase(dataDir);
    const error = expectError(await services.call('backups.create', { folder: usb }), 'STORAGE');
    expect(error.message).toBe(`Ổ đĩa chứa thư mục "${usb}" đã đầy, không ghi được. Dữ liệu hiện tại được giữ nguyên. Hãy giải phóng dung lượng hoặc chọn nơi khác rồi thử lại.`);
    expect(namesIn(usb)).toEqual([]);
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });

  it.skipIf(!HAS_DEV_FULL)('while storing an evidence file: refused, nothing half-written, the data unchanged', async () => {
    const { services, dataDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    const pdf = Buffer.from('%PDF-1.4\nbiên bản');
    const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
    const target = path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
    fullDiskAt(`${target}.${process.pid}.tmp`);
    const before = snapshotDatabase(dataDir);
    expect(expectError(await services.call('attachments.add', { fileName: 'Biên bản.pdf', base64: pdf.toString('base64') }), 'STORAGE').message).toMatch(/^Ổ đĩa của máy đã đầy/);
    expect(namesIn(path.dirname(target))).toEqual([]);
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });

  it.skipIf(!CAN_MOUNT)('on real small file systems: a stick too small, a write-protected stick, a data disk full during an import', { timeout: 120_000 }, async () => {
    const province = await setUpServices({ office: false });
    await setUpOffice(province.services, { name: 'UBND tỉnh Quảng Ngãi', parentBody: '', level: 'tinh', abbreviation: 'UBND', placeName: 'Quảng Ngãi', reportsTo: '' });
    const xa = await call(province.services, 'units.create', { name: 'UBND xã Bình Chương', kind: 'xa' });
    const owes = [{ type: 'unit' as const, unitId: xa.id, note: '' }];
    const body = 'Tổ chức đối thoại với Nhân dân về các vấn đề dân sinh bức xúc. '.repeat(200); // a plan big enough to need new disk pages
    const plan = await newPlanWith(province.services, 'own', 2026, (c) => ({ ...c, tasks: Array.from({ length: 20 }, (_, i) => task(String(i + 1), `${i + 1}. ${body}`, { implementing: owes })) }));
    await call(province.services, 'plans.issue', { id: plan.id, number: '14', issueDate: '2026-01-19' });
    const bundleFile = path.join(tempDir(), 'ke-hoach.dvb.b64');
    fs.writeFileSync(bundleFile, (await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: xa.id })).base64);
    await province.services.close();

    const [small, readOnly, data] = [tempDir(), tempDir(), tempDir()];
    const script = 'mount -t tmpfs -o size=256k tmpfs "$1" && mount -t tmpfs -o ro,size=64k tmpfs "$2" && mount -t tmpfs -o size=8m tmpfs "$3" && exec "$5" --import tsx "$6" "$1" "$2" "$3" "$4"';
    const child = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', small, readOnly, data, bundleFile, process.execPath, path.resolve('test/helpers/full-disk-child.ts')], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout) as Record<string, { ok: boolean; error?: { code: string; message: string }; value?: unknown }> & { smallAfter: string[]; untouched: boolean; leftovers: string[] };

    expect(out.tooSmall!.error).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(new RegExp(`^Thư mục: ổ đĩa chứa thư mục "${small}" còn trống [\\d,]+ MB, cần khoảng [\\d,]+ MB\\. Dữ liệu hiện tại được giữ nguyên\\.$`)) });
    expect(out.smallAfter).toEqual([]);
    expect(out.readOnly!.error).toMatchObject({ code: 'STORAGE', message: `Thư mục: ổ đĩa chứa thư mục "${readOnly}" chỉ cho phép đọc (ổ USB bị khóa ghi?), không ghi được. Dữ liệu hiện tại được giữ nguyên.` });
    expect(out.exportTooSmall!.error).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/còn trống .* MB, cần khoảng/) });

    expect(out.importFull!.error, child.stderr).toMatchObject({ code: 'STORAGE', message: 'Ổ đĩa của máy đã đầy, không ghi được. Dữ liệu hiện tại được giữ nguyên. Hãy giải phóng dung lượng hoặc chọn nơi khác rồi thử lại.' });
    expect(out.untouched).toBe(true);
    expect(out.leftovers).toEqual([]);
    expect(out.importAgain).toMatchObject({ ok: true, value: { result: 'imported' } });
    expect(out.plans!.value).toHaveLength(1);
  });
});
