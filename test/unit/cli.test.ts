import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, setUpServices } from '../helpers/services';
import { tempDir } from '../helpers/temp-dir';

const tsx = ['node_modules/.bin/tsx', 'cli/main.ts'];

describe('cli info', () => {
  it('prints the installation id, office, schema version and counts as JSON', async () => {
    const { services, dataDir } = await setUpServices();
    await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const status = await call(services, 'app.status', {});
    await services.close();
    const out = execFileSync(tsx[0]!, [tsx[1]!, 'info', '--data-dir', dataDir], { encoding: 'utf8' });
    const info = JSON.parse(out) as { installationId: string; office: { name: string }; schemaVersion: number; counts: { units: number } };
    expect(info.installationId).toBe(status.installationId);
    expect(info.office.name).toBe('UBND xã Bình Chương');
    expect(info.schemaVersion).toBe(status.schemaVersion);
    expect(info.counts.units).toBe(1);
  });

  it('explains itself in Vietnamese on a missing folder argument or an unreadable data file', () => {
    const missing = spawnSync(tsx[0]!, [tsx[1]!, 'info'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Thiếu --data-dir/);
    const dir = tempDir();
    fs.writeFileSync(`${dir}/danvan.sqlite`, 'không phải sqlite');
    const broken = spawnSync(tsx[0]!, [tsx[1]!, 'info', '--data-dir', dir], { encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/không phải là cơ sở dữ liệu/);
  });
});
