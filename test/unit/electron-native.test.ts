import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBuildSteps, runNativeBuildSteps, type NativeBuildStep } from '../../scripts/electron-native.mjs';

// `npm start` builds the SQLite driver for Electron into .electron-native/ (scripts/electron-native.mjs). What it
// runs is decided by nativeBuildSteps() and carried out by runNativeBuildSteps(); here with a fake runner, offline.
const buildPath = path.resolve('.electron-native');
const binaryPath = path.join(buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const prebuildInstall = path.resolve('node_modules', 'prebuild-install', 'bin.js');
const options = { arch: 'x64', electronVersion: '39.8.10', buildPath, prebuildInstall };

/** Runs the steps with a fake runner: `results` says what each kind of step does; returns the kinds run and the one kept. */
async function simulate(platform: string, results: Partial<Record<NativeBuildStep['kind'], boolean | 'throws'>>, prebuild: string | null = prebuildInstall) {
  const ran: string[] = [];
  const built = new Set<string>();
  const kept = await runNativeBuildSteps(nativeBuildSteps({ ...options, platform, prebuildInstall: prebuild }), {
    run: (step) => {
      ran.push(step.kind);
      const result = results[step.kind];
      if (result === 'throws') throw new Error(`${step.kind} failed`);
      if (result) built.add(binaryPath);
      return Boolean(result);
    },
    binaryPath,
    exists: (file) => built.has(file),
    log: () => {},
  });
  return { ran, kept: kept.kind };
}

describe('npm start: the SQLite driver for Electron', () => {
  it('on Windows tries the prebuilt binary for this Electron first (prebuild-install), then compiles from source', () => {
    const steps = nativeBuildSteps({ ...options, platform: 'win32' });
    expect(steps.map((s) => s.kind)).toEqual(['prebuilt', 'source']);
    const prebuilt = steps[0]!;
    if (prebuilt.kind !== 'prebuilt') throw new Error('expected the prebuilt step first');
    expect(prebuilt.command).toBe(process.execPath);
    expect(prebuilt.args).toEqual([prebuildInstall, '--runtime=electron', '--target=39.8.10', '--arch=x64', '--platform=win32', '--tag-prefix=v', '--verbose']);
    expect(prebuilt.cwd).toBe(path.join(buildPath, 'node_modules', 'better-sqlite3')); // the copy's package.json names the driver and version
    expect(steps[1]).toEqual({ kind: 'source', rebuild: { buildPath, electronVersion: '39.8.10', arch: 'x64', onlyModules: ['better-sqlite3'], force: true, buildFromSource: true } });
  });

  it('on Windows with a prebuilt binary: only prebuild-install runs, no compiler is needed', async () => {
    expect(await simulate('win32', { prebuilt: true, source: true })).toEqual({ ran: ['prebuilt'], kept: 'prebuilt' });
  });

  it('on Windows without one (none published, offline, or it left no binary): compiled from source', async () => {
    expect(await simulate('win32', { prebuilt: false, source: true })).toEqual({ ran: ['prebuilt', 'source'], kept: 'source' });
    expect(await simulate('win32', { prebuilt: 'throws', source: true })).toEqual({ ran: ['prebuilt', 'source'], kept: 'source' });
  });

  it('on Windows without prebuild-install installed: compiled from source', async () => {
    expect(nativeBuildSteps({ ...options, platform: 'win32', prebuildInstall: null }).map((s) => s.kind)).toEqual(['source']);
    expect(await simulate('win32', { source: true }, null)).toEqual({ ran: ['source'], kept: 'source' });
  });

  it('on Linux and macOS: compiled from source, as npm install did for Node, with no prebuilt download', async () => {
    for (const platform of ['linux', 'darwin']) {
      expect(nativeBuildSteps({ ...options, platform }).map((s) => s.kind)).toEqual(['source']);
      expect(await simulate(platform, { prebuilt: true, source: true })).toEqual({ ran: ['source'], kept: 'source' });
    }
  });

  it('says so when nothing worked', async () => {
    await expect(simulate('win32', { prebuilt: false, source: 'throws' })).rejects.toThrow(/Không build được better-sqlite3 cho Electron \(prebuilt, source\)\. source: source failed/);
  });
});
