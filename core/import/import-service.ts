import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { listGroups } from '../../db/units/group-repo';
import { listUnitNameKeys } from '../../db/units/unit-repo';
import type { ImportedName, ImportResult, NameTarget, ParsedPlan } from '../../shared/import/parsed-plan';
import type { Office } from '../../shared/office/office-schemas';
import { TASK_ROLES, type PlanContent, type PlanView, type UnitRef } from '../../shared/plans/plan-schemas';
import { foldVietnamese } from '../../shared/text/fold';
import { createPlanWithContent } from '../plans/plan-service';
import { parsedToContent } from './plan-content';
import { closestName } from './name-match';
import { readLimits, type ReadJobs } from './read-jobs';
import { readPlan, type ReadPlanResult } from './read-plan';
import type { UntrustedRunner } from '../untrusted/run-untrusted';

const MAPPING_KEY = 'nhap-ke-hoach:ten-don-vi';
type Target = NameTarget;

/**
 * Reads a document the clerk chose or pasted; nothing is written. A file is read in the untrusted
 * worker (memory cap, time limit; OCR's limits for a PDF or an image), followed and stopped through
 * `jobs` by the window's jobId; pasted text, at most 2 million characters by the contract, here.
 */
export async function parseImport(
  db: Kysely<Database>,
  office: Office,
  input: { fileName: string; base64: string | null; text: string | null; jobId: string | null },
  today: Date,
  untrusted: UntrustedRunner,
  jobs: ReadJobs,
): Promise<ImportResult> {
  let read: ReadPlanResult;
  if (input.base64 !== null) {
    const bytes = Buffer.from(input.base64, 'base64');
    const job = jobs.start(input.jobId);
    try {
      read = await untrusted.run('readPlan', { bytes, fileName: input.fileName }, readLimits(bytes, input.fileName), job.control);
    } finally {
      job.done();
    }
  } else read = await readPlan({ text: input.text ?? '' });
  const { parsed: plan } = read;
  const names = await suggestTargets(db, namesIn(plan));
  const byName = new Map(names.map((n) => [n.name, n.target]));
  const resolve = (name: string, note: string): UnitRef => toRef(name, note, byName.get(name) ?? { type: 'external' });
  const { content, cut } = parsedToContent(plan, office, resolve, today);
  const warnings = cut.length ? [...plan.warnings, `Một số phần dài quá mức cho phép nên đã bị cắt bớt, hãy đối chiếu với văn bản gốc: ${cut.slice(0, 5).join('; ')}${cut.length > 5 ? '; …' : ''}.`] : plan.warnings;
  return { format: read.format, sourceLines: read.sourceLines, sourcePages: read.sourcePages, ocr: read.ocr, parsed: { ...plan, warnings }, content, names };
}

/** Saves the checked plan and remembers how each name maps to the office's units, in one transaction. */
export async function saveImport(db: Kysely<Database>, input: { kind: 'own' | 'received'; content: PlanContent; names: { name: string; target: Target }[] }, now: Date): Promise<PlanView> {
  const byFolded = new Map(input.names.map((n) => [foldVietnamese(n.name), n.target]));
  const map = (ref: UnitRef): UnitRef => {
    if (ref.type !== 'external') return ref;
    const target = byFolded.get(foldVietnamese(ref.name));
    return target ? toRef(ref.name, ref.note, target) : ref;
  };
  const content: PlanContent = {
    ...input.content,
    tasks: input.content.tasks.map((t) => ({ ...t, ...Object.fromEntries(TASK_ROLES.map((role) => [role, dedupe(t[role].map(map))])) })),
    duties: input.content.duties.map((d) => ({ ...d, units: dedupe(d.units.map(map)) })),
  };
  return createPlanWithContent(db, input.kind, content, now, (trx) => rememberTargets(trx, input.names));
}

function toRef(name: string, note: string, target: Target): UnitRef {
  if (target.type === 'unit') return { type: 'unit', unitId: target.unitId, note };
  if (target.type === 'group') return { type: 'group', groupId: target.groupId, note };
  return { type: 'external', name, note };
}

function dedupe(refs: UnitRef[]): UnitRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.type === 'unit' ? r.unitId : r.type === 'group' ? r.groupId : `x:${foldVietnamese(r.name)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function namesIn(plan: ParsedPlan): string[] {
  const all = [...plan.tasks.flatMap((t) => [...t.directing, ...t.lead, ...t.coordinating, ...t.implementing]), ...plan.reportingDeadlines.flatMap((d) => d.units)];
  return [...new Set(all)];
}

/** Remembered choices first, then a unit or group of the same name (or abbreviation, or alias), then one a scan may have misread. */
async function suggestTargets(db: Executor, names: string[]): Promise<ImportedName[]> {
  const remembered = await readMapping(db);
  const unitKeys = new Map((await listUnitNameKeys(db)).map((k) => [k.folded, k.unitId]));
  const groups = new Map((await listGroups(db)).filter((g) => g.active).map((g) => [foldVietnamese(g.name), g.id]));
  const unitIds = new Set(unitKeys.values());
  const groupIds = new Set(groups.values());
  return names.map((name) => {
    const folded = foldVietnamese(name);
    const memory = remembered[folded];
    if (memory && (memory.type === 'external' || (memory.type === 'unit' && unitIds.has(memory.unitId)) || (memory.type === 'group' && groupIds.has(memory.groupId)))) {
      return { name, target: memory, source: 'remembered' as const };
    }
    const unitId = unitKeys.get(folded);
    if (unitId) return { name, target: { type: 'unit' as const, unitId }, source: 'matched' as const };
    const groupId = groups.get(folded);
    if (groupId) return { name, target: { type: 'group' as const, groupId }, source: 'matched' as const };
    // a name a scan misread: the closest unit or group name, for the clerk to confirm
    const close = closestName(folded, [...unitKeys.keys(), ...groups.keys()]);
    if (close !== null && unitKeys.has(close)) return { name, target: { type: 'unit' as const, unitId: unitKeys.get(close)! }, source: 'similar' as const };
    if (close !== null) return { name, target: { type: 'group' as const, groupId: groups.get(close)! }, source: 'similar' as const };
    return { name, target: { type: 'external' as const }, source: 'none' as const };
  });
}

async function readMapping(db: Executor): Promise<Record<string, Target>> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', MAPPING_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as Record<string, Target>) : {};
}

async function rememberTargets(trx: Executor, names: { name: string; target: Target }[]): Promise<void> {
  const mapping = { ...(await readMapping(trx)), ...Object.fromEntries(names.map((n) => [foldVietnamese(n.name), n.target])) };
  const value = JSON.stringify(mapping);
  await trx.insertInto('setting').values({ key: MAPPING_KEY, value_json: value }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: value })).execute();
}
