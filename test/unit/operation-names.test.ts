import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract';
import { OPERATION_NAME_LIST } from '../../shared/api/operation-names';

describe('the plain list of operation names (for the preload)', () => {
  it('is exactly the contract’s operations, each once', () => {
    expect(new Set(OPERATION_NAME_LIST).size).toBe(OPERATION_NAME_LIST.length);
    expect([...OPERATION_NAME_LIST].sort()).toEqual(Object.keys(operations).sort());
  });

  it('imports nothing at run time: bundled, it is a few kilobytes and has no zod', async () => {
    const source = fs.readFileSync(path.resolve('shared/api/operation-names.ts'), 'utf8');
    expect(source.match(/^import .*$/gm)).toEqual(["import type { OperationName } from './contract';"]);
    const result = await build({ entryPoints: ['shared/api/operation-names.ts'], bundle: true, platform: 'neutral', format: 'cjs', write: false, logLevel: 'silent' });
    const text = result.outputFiles[0]!.text;
    expect(text.length).toBeLessThan(10_000);
    expect(text).not.toMatch(/zod/i);
  });

  it('is what the preload imports, rather than the contract', () => {
    const preload = fs.readFileSync(path.resolve('electron/preload.ts'), 'utf8');
    expect(preload.match(/^import .*$/gm)).toEqual(["import { contextBridge, ipcRenderer } from 'electron';", "import { OPERATION_NAME_LIST } from '../shared/api/operation-names';"]);
  });
});
