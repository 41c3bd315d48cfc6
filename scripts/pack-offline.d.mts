// Types of scripts/pack-offline.mjs for the tests.
export const FUSE_SENTINEL: string;
export const DEFAULT_FUSE_WIRE: string;
export function makeElectronStandIn(dir: string, version?: string): string;
export function packOffline(outDir: string): Promise<{ appOutDir: string; seconds: number; log: string }>;
