import crypto from 'node:crypto';
import fc from 'fast-check';
import type { ApiResult } from '../../shared/api/result';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { commitWatcher, expectHandled, expectVietnamese, fuzzParameters, restorePoint, suiteTempDirs } from '../helpers/fuzz';
import { bundleExchange, COMMUNE, PROVINCE, type BundleFile, type Installation } from '../helpers/fuzz-scenario';
import { byteMutation, jsonMutation, mutateBytes, mutateJson, renameArbitrary, renameInPlace, repack, unpack, type Unpacked } from '../helpers/bundle-mutations';

/**
 * Real bundles (a plan down, reports up, a return, receipts), damaged every way a USB stick, a mail
 * gateway or a forger could, through `bundles.preview` and `bundles.import`: always an answer (never
 * INTERNAL), always in Vietnamese, and a refused import writes nothing.
 */

interface Receiver extends Installation {
  watch: ReturnType<typeof commitWatcher>;
  baseline: Record<string, string[]>;
  restorePoint: Awaited<ReturnType<typeof restorePoint>>;
}
interface Target extends BundleFile {
  unpacked: Unpacked;
  to: Receiver;
}

const newDataDir = suiteTempDirs();
let targets: Target[] = [];
let receivers: Receiver[] = [];
let ids: string[] = [];

beforeAll(async () => {
  const exchange = await bundleExchange(newDataDir);
  for (const i of [exchange.province, exchange.commune]) {
    receivers.push({ ...i, watch: commitWatcher(i.dataDir), baseline: snapshotDatabase(i.dataDir), restorePoint: await restorePoint(i.dataDir) });
  }
  const receiverOf = (i: Installation) => receivers.find((r) => r.dataDir === i.dataDir)!;
  targets = exchange.files.map((f) => ({ ...f, unpacked: unpack(f.bytes), to: receiverOf(f.receiver) }));
  const manifestIds = targets.flatMap((t) => {
    const m = t.unpacked.manifest as { bundleId: string; sender: { installationId: string } };
    return [m.bundleId, m.sender.installationId];
  });
  // real ids and names of both installations, so a field can be swapped for one that exists elsewhere
  ids = [...new Set([...Object.values(exchange.ids), ...manifestIds, exchange.province.installationId, exchange.commune.installationId, PROVINCE.name, COMMUNE.name, 'Thôn An Phú', 'Sở Nội vụ'])];
}, 120_000);

afterAll(async () => {
  for (const r of receivers) {
    r.watch.close();
    await r.services.close();
  }
});

type Operation = { name: 'bundles.preview' } | { name: 'bundles.import'; acceptKey: boolean };
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.constant({ name: 'bundles.preview' as const }),
  fc.boolean().map((acceptKey) => ({ name: 'bundles.import' as const, acceptKey })),
);

/** Feeds the bytes to the receiver and checks the answer and what it wrote. */
async function feed(target: Target, bytes: Buffer, op: Operation, what: unknown): Promise<ApiResult<unknown>> {
  const context = `${target.label}, ${op.name}, ${JSON.stringify(what).slice(0, 300)}`;
  const input = op.name === 'bundles.import' ? { base64: bytes.toString('base64'), acceptKey: op.acceptKey } : { base64: bytes.toString('base64') };
  const result = await target.to.services.invoke(op.name, input);
  expectHandled(result, context);
  if (result.ok && op.name === 'bundles.import') expectVietnamese((result.value as { message: string }).message, context);
  const committed = target.to.watch.changed();
  try {
    if (!result.ok || op.name === 'bundles.preview') {
      expect(committed, `${context}: written though ${result.ok ? 'a preview' : `refused (${result.error.message})`}`).toBe(false);
      if (!result.ok) expect(snapshotDatabase(target.to.dataDir), `${context}: ${result.error.message}`).toEqual(target.to.baseline);
    }
  } finally {
    // imported (or written by mistake): back to the state every case starts from
    if (committed) {
      await target.to.restorePoint.restore();
      target.to.watch.changed();
      expect(snapshotDatabase(target.to.dataDir), 'the restore point').toEqual(target.to.baseline);
    }
  }
  return result;
}

const targetIndex = () => fc.nat({ max: targets.length - 1 });

describe('fuzzing bundles: preview and import never fail badly and never write on refusal', () => {
  it('starts from valid bundles: each previews without problems and imports (except the one already imported)', async () => {
    for (const target of targets) {
      const preview = await target.to.services.invoke('bundles.preview', { base64: target.bytes.toString('base64') });
      expect(preview.ok && preview.value.problems, target.label).toEqual(target.label.includes('đã nhập') ? [expect.stringMatching(/Đã có lần 1/)] : []);
      const imported = await feed(target, target.bytes, { name: 'bundles.import', acceptKey: false }, 'unchanged');
      expect(imported.ok && imported.value, target.label).toMatchObject({ result: target.label.includes('đã nhập') ? 'duplicate' : 'imported' });
    }
  });

  it('found by fuzzing: a payload that is not an object, a report refused after its evidence was read', async () => {
    for (const target of targets) {
      for (const payload of [null, [], 'x', 7]) {
        const result = await feed(target, repack(target.unpacked, target.signer.privateKeyPem, { payload }), { name: 'bundles.preview' }, { payload });
        expect(!result.ok && result.error.message, target.label).toMatch(/nội dung không đúng định dạng/);
      }
    }
    // the report with evidence, from a unit the province does not know: refused, and no attachment row left behind
    const report = targets.find((t) => t.label.includes('minh chứng'))!;
    const stranger = repack(report.unpacked, report.signer.privateKeyPem, { payload: { ...(report.unpacked.payload as object), unitName: 'Thôn Không Có' } });
    const refused = await feed(report, stranger, { name: 'bundles.import', acceptKey: true }, 'unknown unit');
    expect(!refused.ok && refused.error.message).toMatch(/không phải đơn vị báo cáo/);
  });

  it('every manifest field: removed, wrong type, random, huge, another id (re-signed, or not)', async () => {
    await fc.assert(
      fc.asyncProperty(
        targetIndex().chain((i) => fc.tuple(fc.constant(i), jsonMutation(targets[i]!.unpacked.manifest, ids), fc.boolean(), fc.nat(9), operation)),
        async ([i, mutation, freshId, unsigned, op]) => {
          const target = targets[i]!;
          let manifest = mutateJson(target.unpacked.manifest, mutation);
          // a new bundle id now and then, so a bundle imported once is not just "already imported" after that
          if (freshId && manifest && typeof manifest === 'object' && !Array.isArray(manifest) && mutation.path[0] !== 'bundleId') manifest = { ...manifest, bundleId: crypto.randomUUID() };
          await feed(target, repack(target.unpacked, target.signer.privateKeyPem, { manifest, sign: unsigned !== 0 }), op, { mutation, freshId, signed: unsigned !== 0 });
        },
      ),
      fuzzParameters(600),
    );
  });

  it('every payload field, re-hashed and re-signed so it reaches the checks behind the signature', async () => {
    await fc.assert(
      fc.asyncProperty(
        targetIndex().chain((i) => fc.tuple(fc.constant(i), jsonMutation(targets[i]!.unpacked.payload, ids), fc.boolean(), operation)),
        async ([i, mutation, freshId, op]) => {
          const target = targets[i]!;
          const payload = mutateJson(target.unpacked.payload, mutation);
          let bytes = repack(target.unpacked, target.signer.privateKeyPem, { payload });
          if (freshId) {
            const rebuilt = unpack(bytes);
            bytes = repack(rebuilt, target.signer.privateKeyPem, { manifest: { ...(rebuilt.manifest as object), bundleId: crypto.randomUUID() } });
          }
          await feed(target, bytes, op, { mutation, freshId });
        },
      ),
      fuzzParameters(600),
    );
  });

  it('every byte region of the zip: flipped, overwritten, truncated, inserted, deleted, extreme sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        targetIndex().chain((i) => fc.tuple(fc.constant(i), fc.array(byteMutation(targets[i]!.bytes), { minLength: 1, maxLength: 3 }), operation)),
        async ([i, mutations, op]) => {
          const target = targets[i]!;
          const bytes = mutations.reduce<Buffer>((b, m) => (b.length ? mutateBytes(b, m) : b), target.bytes);
          await feed(target, bytes, op, mutations);
        },
      ),
      fuzzParameters(600),
    );
  });

  it('renamed entries: path traversal, absolute paths, look-alikes, duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(
        targetIndex().chain((i) =>
          fc.tuple(fc.constant(i), renameArbitrary(Object.keys(targets[i]!.unpacked.entries)), fc.boolean(), fc.nat(20), operation),
        ),
        async ([i, rename, inPlace, index, op]) => {
          const target = targets[i]!;
          // fflate cannot write an entry named "__proto__"; renaming in place can ("signature" has its length)
          const bytes = inPlace || rename.to === '__proto__'
            ? renameInPlace(target.bytes, index, rename.to)
            : repack(target.unpacked, target.signer.privateKeyPem, { names: { [rename.from]: rename.to } });
          await feed(target, bytes, op, { rename, inPlace, index });
        },
      ),
      fuzzParameters(400),
    );
  });
});
