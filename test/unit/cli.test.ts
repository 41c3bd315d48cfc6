import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, expectError, setUpServices } from '../helpers/services';
import { createServices } from '../../core/services';
import { tempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/cli';

// `npm run -s cli` runs cli/main.ts under tsx: the first test starts it that way; the others use the bundle.
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
    const missing = runCli(['info']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Thiếu --data-dir/);
    const dir = tempDir();
    fs.writeFileSync(`${dir}/danvan.sqlite`, 'không phải sqlite');
    const broken = runCli(['info', '--data-dir', dir]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/không phải là cơ sở dữ liệu/);
  });
});

describe('cli users reset-password', () => {
  it('gives a forgotten administrator a temporary password, logged in the audit', async () => {
    const { services, dataDir } = await setUpServices();
    await services.close();
    const out = runCli(['users', 'reset-password', '--data-dir', dataDir, '--username', 'quantri']).stdout;
    const password = /Mật khẩu tạm của Nguyễn Văn Quản \(quantri\): (\w+)/.exec(out)?.[1];
    expect(password).toMatch(/^[a-z2-9]{10}$/);
    const again = await createServices({ dataDir, log: () => undefined });
    expectError(await again.call('session.signIn', { username: 'quantri', password: ADMIN.password }), 'UNAUTHORIZED');
    const status = await call(again, 'session.signIn', { username: 'quantri', password: password! });
    expect(status.user?.mustChangePassword).toBe(true);
    await call(again, 'session.changePassword', { currentPassword: password!, newPassword: 'mat-khau-moi-nhe' });
    const log = await call(again, 'audit.list', { action: 'users.resetPassword' });
    expect(log.events.map((e) => [e.userName, e.targetLabel])).toEqual([['Công cụ dòng lệnh trên máy (dong-lenh)', 'Nguyễn Văn Quản (quantri)']]);
    await again.close();
    const unknown = runCli(['users', 'reset-password', '--data-dir', dataDir, '--username', 'khongco']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Không có tài khoản "khongco". Các tài khoản: quantri/);
  });
});
