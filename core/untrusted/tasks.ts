import { readContents, type BundleEnvelope } from '../bundles/bundle-codec';
import { readPlan } from '../import/read-plan';
import type { OnReadProgress } from '../import/readers/source-reading';

/**
 * What may run on a file from outside: pure async functions of their input (no database, no Electron,
 * no files), run only by runUntrusted() in a worker with a memory cap and a time limit. To add a task,
 * add one line here; its input, result and the steps it reports must survive structured cloning
 * (Uint8Array fields of the input are transferred, not copied).
 */
export const untrustedTasks = {
  /** A plan from a file; reports each page of a PDF or image as it starts reading it. */
  readPlan: (input: { bytes: Uint8Array; fileName: string }, progress: OnReadProgress) => readPlan(input, progress),
  /** A bundle whose signed envelope the caller has read and whose sender it trusts: every entry inflated, hashed, the payload parsed. */
  openBundle: async (input: { bytes: Uint8Array; envelope: BundleEnvelope }) => readContents(input.bytes, input.envelope),
};

export type UntrustedTaskName = keyof typeof untrustedTasks;
export type UntrustedInput<T extends UntrustedTaskName> = Parameters<(typeof untrustedTasks)[T]>[0];
export type UntrustedOutput<T extends UntrustedTaskName> = Awaited<ReturnType<(typeof untrustedTasks)[T]>>;
/** A step a task reports while it runs (never, for tasks without a second parameter). */
export type UntrustedProgress<T extends UntrustedTaskName> = Parameters<(typeof untrustedTasks)[T]> extends [unknown, (step: infer P) => void] ? P : never;
