import { readContents, type BundleEnvelope } from '../bundles/bundle-codec';
import { readPlan } from '../import/read-plan';

/**
 * What may run on a file from outside: pure async functions of their input (no database, no Electron,
 * no files), run only by runUntrusted() in a worker with a memory cap and a time limit. To add a task,
 * add one line here; its input and result must survive structured cloning (Uint8Array fields are
 * transferred, not copied).
 */
export const untrustedTasks = {
  readPlan: (input: { bytes: Uint8Array; fileName: string }) => readPlan(input),
  /** A bundle whose signed envelope the caller has read and whose sender it trusts: every entry inflated, hashed, the payload parsed. */
  openBundle: async (input: { bytes: Uint8Array; envelope: BundleEnvelope }) => readContents(input.bytes, input.envelope),
};

export type UntrustedTaskName = keyof typeof untrustedTasks;
export type UntrustedInput<T extends UntrustedTaskName> = Parameters<(typeof untrustedTasks)[T]>[0];
export type UntrustedOutput<T extends UntrustedTaskName> = Awaited<ReturnType<(typeof untrustedTasks)[T]>>;
