import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { communeReport, installationSigner, payloadOf, provinceWithCommunes, resign, SO_NOI_VU } from '../helpers/offices';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { tempDir } from '../helpers/temp-dir';
import { call } from '../helpers/services';
import { readEnvelope } from '../../core/bundles/bundle-codec';
import { runCli } from '../helpers/cli';

const cli = (...args: string[]) => runCli(args);

describe('cli bundle verify, import and export (province IT)', () => {
  it('verifies, imports only trusted keys and what --trust names, refuses forgeries, and exports what can be sent', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([['UBND xã Bình Chương', 'Bình Chương'], ['UBND xã Bình Sơn', 'Bình Sơn']]);
    const [a, b] = communes as [(typeof communes)[0], (typeof communes)[0]];
    const stick = tempDir();
    const real = await communeReport(a, plan.id, dutyId, 'Đã đối thoại');
    const realFile = path.join(stick, 'BC-6thang-2026_UBND-xa-Binh-Chuong_lan-1.dvb');
    fs.writeFileSync(realFile, Buffer.from(real, 'base64'));
    const fingerprint = (await call(a.services, 'bundles.fingerprint', {})).fingerprint;
    await province.services.close();

    // without a data folder: the signature and what the file claims
    const alone = cli('bundle', 'verify', realFile);
    expect(alone.status).toBe(0);
    expect(JSON.parse(alone.stdout)).toMatchObject({ valid: true, kind: 'report', revision: 1, signature: 'hợp lệ', sender: { officeName: 'UBND xã Bình Chương', fingerprint } });
    const garbled = path.join(stick, 'hong.dvb');
    fs.writeFileSync(garbled, 'không phải tệp gói');
    const broken = cli('bundle', 'verify', garbled);
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false, signature: 'không hợp lệ', reason: 'Tệp gói không hợp lệ: không phải tệp gói .dvb của ứng dụng.' });

    // against the province's data: a first key is named with its unit; unconfirmed it is not imported
    const verdict = JSON.parse(cli('bundle', 'verify', realFile, '--data-dir', province.dataDir).stdout);
    expect(verdict).toMatchObject({ valid: true, unit: 'UBND xã Bình Chương', trust: 'new' });
    const before = snapshotDatabase(province.dataDir);
    const unconfirmed = cli('bundle', 'import', stick, '--data-dir', province.dataDir);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stdout).toContain(`TỪ CHỐI\tBC-6thang-2026_UBND-xa-Binh-Chuong_lan-1.dvb\tChưa xác nhận khóa ${fingerprint}`);
    expect(unconfirmed.stdout).toContain('TỪ CHỐI\thong.dvb\tTệp gói không hợp lệ');
    expect(snapshotDatabase(province.dataDir)).toEqual(before);
    fs.rmSync(garbled);
    const receipts = tempDir();
    const confirmed = cli('bundle', 'import', realFile, '--data-dir', province.dataDir, '--trust', fingerprint, '--receipts', receipts);
    expect(confirmed.stdout).toMatch(/^ĐÃ NHẬP\tBC-6thang-2026_UBND-xa-Binh-Chuong_lan-1\.dvb\tĐã nhập báo cáo của UBND xã Bình Chương\.$/m);
    expect(confirmed.status).toBe(0);
    expect(fs.readdirSync(receipts)).toHaveLength(1);

    // A's key reporting as B: refused with both names, even with --trust
    const forgedFile = path.join(stick, 'BC-6thang-2026_UBND-xa-Binh-Son_lan-60.dvb');
    fs.writeFileSync(forgedFile, Buffer.from(resign(real, installationSigner(a, b.name), SO_NOI_VU.name, { payload: { ...payloadOf(real), unitName: b.name }, revision: 60 }), 'base64'));
    const forged = cli('bundle', 'verify', forgedFile, '--data-dir', province.dataDir);
    expect(forged.status).toBe(1);
    expect(JSON.parse(forged.stdout)).toMatchObject({ valid: false, signature: 'hợp lệ', trust: 'refused' });
    expect(JSON.parse(forged.stdout).reason).toMatch(/Máy đã gắn với UBND xã Bình Chương .* thay cho "UBND xã Bình Sơn"/);
    const again = cli('bundle', 'import', stick, '--data-dir', province.dataDir, '--trust', fingerprint);
    expect(again.status).toBe(1);
    expect(again.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^ĐÃ CÓ\tBC-6thang-2026_UBND-xa-Binh-Chuong_lan-1\.dvb/),
      expect.stringMatching(/^TỪ CHỐI\tBC-6thang-2026_UBND-xa-Binh-Son_lan-60\.dvb\tMáy đã gắn với UBND xã Bình Chương/),
    ]);

    // export: the province's issued plan, once for each commune that owes it a report
    const outDir = tempDir();
    const exported = cli('bundle', 'export', '--data-dir', province.dataDir, '--out', outDir);
    expect(exported.status).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual(['KH-05-2026_So-Noi-vu-tinh-Quang-Ngai_gui-UBND-xa-Binh-Chuong_lan-1.dvb', 'KH-05-2026_So-Noi-vu-tinh-Quang-Ngai_gui-UBND-xa-Binh-Son_lan-1.dvb']);
    for (const f of fs.readdirSync(outDir)) expect(readEnvelope(fs.readFileSync(path.join(outDir, f))).manifest.kind).toBe('plan');
    expect(cli('bundle').status).toBe(2);
  }, 180_000); // ten command-line starts (the bundled CLI, test/helpers/cli.ts) and two offices: 17 s idle, measured up to 2.5× that with both cores busy
});
