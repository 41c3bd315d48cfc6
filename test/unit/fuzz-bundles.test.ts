import crypto from 'node:crypto';
import fc from 'fast-check';
import type { ApiResult } from '../../shared/api/result';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { commitWatcher, expectHandled, expectVietnamese, fuzzParameters, restorePoint, suiteTempDirs } from '../helpers/fuzz';
import { bundleExchange, COMMUNE, PROVINCE, type BundleFile, type Installation } from '../helpers/fuzz-scenario';
import { byteMutation, jsonMutation, mutateBytes, mutateJson, renameArbitrary, renameInPlace, repack, unpack, type Json, type Unpacked } from '../helpers/bundle-mutations';

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
const receivers: Receiver[] = [];
let ids: string[] = [];
let scenario: Awaited<ReturnType<typeof bundleExchange>>;

beforeAll(async () => {
  const exchange = await bundleExchange(newDataDir);
  scenario = exchange;
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
      const preview = await target.to.services.call('bundles.preview', { base64: target.bytes.toString('base64') });
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
    // the report with evidence, naming a unit the province does not know: refused, and no attachment row left behind
    const report = targets.find((t) => t.label.includes('minh chứng'))!;
    const stranger = repack(report.unpacked, report.signer.privateKeyPem, { payload: { ...(report.unpacked.payload as object), unitName: 'Thôn Không Có' } });
    const refused = await feed(report, stranger, { name: 'bundles.import', acceptKey: true }, 'unknown unit');
    expect(!refused.ok && refused.error.message).toMatch(/ghi đơn vị báo cáo là "Thôn Không Có": không nhận báo cáo thay cho đơn vị khác/);
  });

  it('found by fuzzing: a task listed twice, or a task id of another plan of the receiver', async () => {
    type Content = { tasks: { id?: string; taskId?: string }[]; duties?: unknown[] };
    const withContent = (target: Target, change: (c: Content) => Content) => {
      const payload = target.unpacked.payload as { content: Content };
      return repack(target.unpacked, target.signer.privateKeyPem, { payload: { ...payload, content: change(payload.content) } as unknown as Json });
    };
    // a report with the same task twice: its mirror rows clashed (INTERNAL)
    const report = targets.find((t) => t.label.includes('minh chứng'))!;
    const twice = await feed(report, withContent(report, (c) => ({ ...c, tasks: [...c.tasks, ...c.tasks] })), { name: 'bundles.import', acceptKey: true }, 'tasks twice');
    expect(!twice.ok && twice.error.message).toBe('Báo cáo có nhiệm vụ ghi hai lần.');
    // a plan with a task twice, or with the id of a task of the commune's own plan: merged or moved (imported as if fine)
    const plan = targets.find((t) => t.label.startsWith('kế hoạch lần 2'))!;
    const ownPlan = await plan.to.services.call('plans.get', { id: scenario.ids.ownPlanId, revision: null });
    const ownTaskId = ownPlan.ok ? ownPlan.value.content.tasks[0]!.id : '';
    for (const change of [(c: Content) => ({ ...c, tasks: [...c.tasks, ...c.tasks] }), (c: Content) => ({ ...c, tasks: [{ ...c.tasks[0]!, id: ownTaskId }, ...c.tasks.slice(1)] })]) {
      const result = await feed(plan, withContent(plan, change), { name: 'bundles.import', acceptKey: true }, 'plan task ids');
      expect(!result.ok && result.error.message).toMatch(/ghi hai lần|của một kế hoạch khác/);
    }
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
