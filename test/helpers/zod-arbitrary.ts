import fc from 'fast-check';
import type { z } from 'zod';
import { jsonMutation, mutateJson, type Json } from './bundle-mutations';

/**
 * fast-check values shaped like a zod schema's input, for fuzzing the API: the right keys and types,
 * mostly within the rules (so calls get past validation to the services), with real ids of the right
 * kind, real documents (plan and report contents) changed at one place, and now and then a value that
 * breaks its rule. Reads zod 4's definitions (`schema._zod.def`), so an operation added to the contract
 * is covered without editing the test.
 */

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  minimum?: number;
  maximum?: number;
}
interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

export interface Pools {
  /** Real ids for a field (by its name and the operation), so calls hit existing records. */
  idsFor(key: string, operation: string): string[];
  /** Real strings (names, hashes) tried against the string rules. */
  strings: string[];
  /** Words to build texts from. */
  words: string[];
  /** Real values of a field by name (a plan's or a report's content), changed at one place when used. */
  samples: Record<string, Json[]>;
}

interface At {
  operation: string;
  key: string;
  depth: number;
}

const DATES = ['2026-01-19', '2026-05-15', '2026-11-15', '2025-12-31', '2000-01-01', '2100-12-31', '2024-02-29'];
const BAD_DATES = ['2026-02-29', '2026-13-01', '2026-00-10', '1999-12-31', '26-1-19', '19/01/2026', ''];
const ODD = ['', ' ', '\n', '  \t ', '../../etc/passwd', 'C:\\Windows', "'; DROP TABLE unit; --", '%', '_', '*', '"', 'NULL', '\u0000', '\u202e', '𝕏'];

/** Strings for a string schema: within its rule where it can be read (uuid, pattern, length), now and then not. */
function stringArbitrary(def: Def, pools: Pools, at: At, refined = false): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 300;
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const pattern = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  const sentence = fc.array(fc.constantFrom(...pools.words), { minLength: 1, maxLength: 10 }).map((w) => w.join(' ').slice(0, max).trim() || 'Thôn');
  const fitting = fc.oneof(
    { arbitrary: sentence, weight: 6 },
    { arbitrary: fc.constantFrom(...pools.strings.filter((s) => s.length <= max && s.length >= min)), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 30) }), weight: 1 },
  );
  const breaking = fc.oneof(fc.constantFrom(...ODD), fc.constant('Ơ'.repeat(max + 1)));
  if (def.format === 'uuid') {
    const ids = pools.idsFor(at.key, at.operation);
    return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 8 }, { arbitrary: fc.uuid(), weight: 2 }, { arbitrary: fitting, weight: 1 });
  }
  if (def.format === 'datetime') return fc.oneof({ arbitrary: fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString()), weight: 5 }, { arbitrary: breaking, weight: 1 });
  if (pattern) {
    const matching = pools.strings.filter((s) => pattern.test(s));
    return fc.oneof(
      { arbitrary: fc.stringMatching(pattern).filter((s) => s.length <= max), weight: 4 },
      ...(matching.length ? [{ arbitrary: fc.constantFrom(...matching), weight: 4 }] : []),
      { arbitrary: fc.oneof(fitting, breaking), weight: 1 },
    );
  }
  // a refine: the date fields, the server address
  if (refined || checks.some((c) => c.check === 'custom')) {
    return fc.oneof({ arbitrary: fc.constantFrom(...DATES), weight: 6 }, { arbitrary: fc.constantFrom(...BAD_DATES, 'http://127.0.0.1:9/dav', 'https://', 'ftp://x'), weight: 2 }, { arbitrary: fitting, weight: 1 });
  }
  return fc.oneof({ arbitrary: fitting, weight: 9 }, { arbitrary: breaking, weight: 1 });
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const low = checks.find((c) => c.check === 'greater_than')?.value ?? 0;
  const high = checks.find((c) => c.check === 'less_than')?.value ?? 3_000;
  const inRange = fc.integer({ min: Math.max(-1e9, Math.ceil(low)), max: Math.min(1e9, Math.floor(high)) });
  return fc.oneof(
    { arbitrary: inRange, weight: 8 },
    { arbitrary: fc.constantFrom(low - 1, high + 1, 0, -1, 2026, 1.5, Number.MAX_SAFE_INTEGER, 1e308, -0), weight: 2 },
    { arbitrary: fc.double(), weight: 1 },
  );
}

/** A value shaped like `schema`'s input. */
export function arbitraryFor(schema: z.ZodType, pools: Pools, at: At): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const sample = pools.samples[at.key];
  if (sample?.length && (def.type === 'object' || def.type === 'default')) {
    // a real document changed at one place, or one built from the schema
    const real = fc.constantFrom(...sample).chain((value) => fc.oneof(fc.constant(value), jsonMutation(value, pools.idsFor('', at.operation)).map((m) => mutateJson(value, m))));
    return fc.oneof({ arbitrary: real, weight: 3 }, { arbitrary: arbitraryFor(schema, { ...pools, samples: {} }, at), weight: 1 });
  }
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, pools, at);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof({ arbitrary: fc.constantFrom(...Object.values(def.entries!)), weight: 9 }, { arbitrary: fc.constantFrom('khac', '', 'ENUM'), weight: 1 });
    case 'literal':
      return fc.constantFrom(...(def.values as (string | number | boolean | null)[]));
    case 'null':
      return fc.constant(null);
    case 'nullable':
      return fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: arbitraryFor(def.innerType!, pools, at), weight: 3 });
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType!, pools, at);
    case 'pipe': {
      // requiredText and the like: a string normalised, then checked; generate for the checks
      const out = defOf(def.out!);
      const refined = checksOf(def).some((c) => c.check === 'custom');
      return out.type === 'string' && checksOf(out).length ? stringArbitrary(out, pools, at, refined) : arbitraryFor(def.in!, pools, at);
    }
    case 'lazy':
      return arbitraryFor(def.getter!(), pools, at);
    case 'union':
      return fc.oneof(...def.options!.map((o) => arbitraryFor(o, pools, at)));
    case 'array': {
      const checks = checksOf(def);
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 4;
      const min = Math.min(checks.find((c) => c.check === 'min_length')?.minimum ?? 0, 3);
      return fc.array(arbitraryFor(def.element!, pools, { ...at, depth: at.depth + 1 }), { minLength: min, maxLength: Math.max(min, Math.min(max, at.depth > 1 ? 2 : 4)) });
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), arbitraryFor(def.valueType!, pools, { ...at, depth: at.depth + 1 }), { maxKeys: 3 });
    case 'object': {
      const entries = Object.entries(def.shape!);
      // keys with a default or optional may be left out, as the UI does
      const omittable = new Set(entries.filter(([, s]) => ['default', 'optional', 'prefault'].includes(defOf(s).type)).map(([k]) => k));
      return fc.record(Object.fromEntries(entries.map(([k, s]) => [k, arbitraryFor(s, pools, { ...at, key: k })])), { requiredKeys: entries.map(([k]) => k).filter((k) => !omittable.has(k)) });
    }
    default:
      return fc.anything();
  }
}

/** The keys of an object schema (after unwrapping), for "right keys, wrong values". */
export function keysOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape!);
  if (def.innerType) return keysOf(def.innerType);
  if (def.type === 'pipe') return keysOf(def.in!);
  return [];
}

/** Garbage, right keys with wrong values, valid-looking values, and valid-looking with one field broken. */
export function apiInput(operation: string, schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const validLooking = arbitraryFor(schema, pools, { operation, key: '', depth: 0 });
  const garbage = fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }));
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: garbage, weight: 1 },
    { arbitrary: validLooking, weight: 6 },
  ];
  if (keys.length) {
    choices.push({ arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, garbage])), { requiredKeys: [] }), weight: 1 });
    choices.push({
      arbitrary: fc.tuple(validLooking, fc.constantFrom(...keys), garbage).map(([value, key, bad]) => (value && typeof value === 'object' ? { ...value, [key]: bad } : value)),
      weight: 1,
    });
  }
  return fc.oneof(...choices);
}
