import crypto from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import fc from 'fast-check';

/**
 * Mutations of real .dvb bundles for the fuzz tests: JSON-level changes of the manifest or the payload
 * (re-hashed and re-signed with the sender's real key, so they get past the signature to the checks
 * behind it), byte-level damage of the zip at chosen structures, and renamed entries.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PathPart = string | number;

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Every path to a value inside a JSON value (not the root itself). */
export function jsonPaths(value: Json, prefix: PathPart[] = []): PathPart[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...jsonPaths(v, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...jsonPaths(v, [...prefix, k])]);
  return [];
}

export type JsonMutation =
  | { op: 'remove'; path: PathPart[] }
  | { op: 'set'; path: PathPart[]; value: Json }
  | { op: 'addKey'; path: PathPart[]; key: string; value: Json };

/** Applies a mutation to a deep copy. */
export function mutateJson(value: Json, mutation: JsonMutation): Json {
  if (mutation.op !== 'addKey' && mutation.path.length === 0) return mutation.op === 'set' ? mutation.value : null;
  const copy = structuredClone(value);
  const parentPath = mutation.op === 'addKey' ? mutation.path : mutation.path.slice(0, -1);
  let parent: Json = copy;
  for (const part of parentPath) parent = (parent as Record<PathPart, Json>)[part]!;
  if (mutation.op === 'addKey') {
    // defineProperty: "__proto__" becomes a key of its own, as JSON.parse makes it
    if (parent && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
    else if (Array.isArray(parent)) parent.push(mutation.value);
    return copy;
  }
  const last = mutation.path.at(-1)!;
  if (mutation.op === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, Json>)[last];
  } else {
    Object.defineProperty(parent, last, { value: mutation.value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Values a field may be replaced with: wrong types, random and long strings, extremes, other real ids. */
export function replacementValue(ids: string[]): fc.Arbitrary<Json> {
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 1 },
    { arbitrary: fc.constantFrom(...ids), weight: 3 },
    { arbitrary: fc.uuid().map((u) => u as string), weight: 2 },
    { arbitrary: fc.constantFrom<Json>(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, '', ' ', null, true, false, [], {}, '0', '1', '-1', '2026-13-45', '2026-02-30', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', 'NaN', '__proto__', 'constructor'), weight: 3 },
    { arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'Â'.repeat(n)), weight: 1 },
    { arbitrary: fc.constantFrom('report', 'plan', 'return', 'receipt', 'Report', 'bundle'), weight: 1 },
  );
}

/** A value of the same type as `original`, so the schema lets it through and the checks behind it decide. */
export function sameTypeValue(original: Json, ids: string[]): fc.Arbitrary<Json> {
  if (typeof original === 'string') {
    return fc.oneof(
      fc.constantFrom(...ids),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(original.toUpperCase(), original.normalize('NFD'), ` ${original} `, `${original}x`, original.slice(0, -1), original.replace(/[0-9a-f]/, 'f')),
    );
  }
  if (typeof original === 'number') return fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(original - 1, original + 1, original * 1000, 2 ** 31 - 1));
  if (typeof original === 'boolean') return fc.constant(!original);
  if (Array.isArray(original)) return fc.constantFrom<Json>([], [...original, ...original], original.slice().reverse());
  return replacementValue(ids);
}

const valueAt = (value: Json, path: PathPart[]): Json => path.reduce<Json>((v, part) => (v as Record<PathPart, Json>)[part]!, value);

/** A mutation of one field, one array element, or an added key, anywhere in `value`. */
export function jsonMutation(value: Json, ids: string[]): fc.Arbitrary<JsonMutation> {
  const paths = jsonPaths(value);
  const objects: PathPart[][] = [[], ...paths.filter((p) => {
    let v: Json = value;
    for (const part of p) v = (v as Record<PathPart, Json>)[part]!;
    return v !== null && typeof v === 'object';
  })];
  // the top of the document half the time: a deep tree would otherwise hide its few decisive fields
  const shallow = paths.filter((p) => p.length <= 2);
  const path = fc.oneof(fc.constantFrom(...shallow), fc.constantFrom(...paths));
  return fc.oneof(
    { arbitrary: path.map((p): JsonMutation => ({ op: 'remove', path: p })), weight: 2 },
    { arbitrary: fc.oneof(fc.constantFrom<Json>(null, [], {}, '', 0, true, 'null'), replacementValue(ids)).map((v): JsonMutation => ({ op: 'set', path: [], value: v })), weight: 1 },
    { arbitrary: fc.record({ path, value: replacementValue(ids) }).map((m): JsonMutation => ({ op: 'set', ...m })), weight: 4 },
    { arbitrary: path.chain((p) => sameTypeValue(valueAt(value, p), ids).map((v): JsonMutation => ({ op: 'set', path: p, value: v }))), weight: 4 },
    { arbitrary: fc.record({ path: fc.constantFrom(...objects), key: fc.constantFrom('extra', '__proto__', 'constructor', 'kind', ''), value: replacementValue(ids) }).map((m): JsonMutation => ({ op: 'addKey', ...m })), weight: 1 },
  );
}

export interface Unpacked {
  entries: Record<string, Uint8Array>;
  manifest: Json;
  payload: Json;
}

export function unpack(bytes: Uint8Array): Unpacked {
  const entries = unzipSync(bytes);
  return { entries, manifest: JSON.parse(strFromU8(entries['manifest.json']!)) as Json, payload: JSON.parse(strFromU8(entries['payload.json']!)) as Json };
}

/**
 * The bundle rebuilt: the payload (if given) replaces payload.json with its manifest entry re-hashed,
 * the manifest (as given, or as rebuilt) is signed with `privateKeyPem` unless `sign` is false.
 */
export function repack(original: Unpacked, privateKeyPem: string, change: { manifest?: Json; payload?: Json; sign?: boolean; names?: Record<string, string> }): Buffer {
  const entries: Record<string, Uint8Array> = { ...original.entries };
  let manifest = change.manifest ?? original.manifest;
  if (change.payload !== undefined) {
    const payloadBytes = strToU8(JSON.stringify(change.payload));
    entries['payload.json'] = payloadBytes;
    if (change.manifest === undefined) {
      const m = structuredClone(original.manifest) as { entries: { name: string; sha256: string; size: number }[] };
      for (const e of m.entries) if (e.name === 'payload.json') Object.assign(e, { sha256: sha256(payloadBytes), size: payloadBytes.length });
      manifest = m as unknown as Json;
    }
  }
  const manifestBytes = strToU8(JSON.stringify(manifest));
  entries['manifest.json'] = manifestBytes;
  if (change.sign !== false) entries.signature = strToU8(crypto.sign(null, manifestBytes, privateKeyPem).toString('base64'));
  const renamed: Zippable = Object.create(null) as Zippable;
  for (const [name, bytes] of Object.entries(entries)) Object.defineProperty(renamed, change.names?.[name] ?? name, { value: bytes, enumerable: true, writable: true, configurable: true });
  return Buffer.from(zipSync(renamed, { level: 6 }));
}

/** Where the zip's structures are: local file headers, central directory records, end record. */
export function zipLayout(bytes: Uint8Array): { local: number[]; central: number[]; end: number[] } {
  const at = (sig: number) => {
    const found: number[] = [];
    for (let i = 0; i + 4 <= bytes.length; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === sig && bytes[i + 3] === sig + 1) found.push(i);
    return found;
  };
  return { local: at(3), central: at(1), end: at(5) };
}

export type ByteMutation =
  | { op: 'flip'; offset: number; bit: number }
  | { op: 'overwrite'; offset: number; bytes: number[] }
  | { op: 'truncate'; offset: number }
  | { op: 'insert'; offset: number; bytes: number[] }
  | { op: 'delete'; offset: number; length: number }
  | { op: 'extreme'; offset: number; width: 2 | 4; value: 'zero' | 'max' | 'half' };

/**
 * A byte-level mutation at an offset chosen inside a structure of the zip (a header's fixed fields
 * and name, the central directory, the end record) or anywhere in the file.
 */
export function byteMutation(bytes: Uint8Array): fc.Arbitrary<ByteMutation> {
  const layout = zipLayout(bytes);
  const near = (starts: number[], span: number) => (starts.length ? fc.tuple(fc.constantFrom(...starts), fc.nat(span)).map(([s, d]) => Math.min(bytes.length - 1, s + d)) : fc.nat(bytes.length - 1));
  const offset = fc.oneof(
    { arbitrary: near(layout.local, 46), weight: 3 },
    { arbitrary: near(layout.central, 60), weight: 3 },
    { arbitrary: near(layout.end, 21), weight: 2 },
    { arbitrary: fc.nat(bytes.length - 1), weight: 2 },
  );
  const someBytes = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 });
  return fc.oneof(
    fc.record({ op: fc.constant('flip' as const), offset, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ op: fc.constant('overwrite' as const), offset, bytes: someBytes }),
    fc.record({ op: fc.constant('truncate' as const), offset }),
    fc.record({ op: fc.constant('insert' as const), offset, bytes: someBytes }),
    fc.record({ op: fc.constant('delete' as const), offset, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('extreme' as const), offset, width: fc.constantFrom(2 as const, 4 as const), value: fc.constantFrom('zero' as const, 'max' as const, 'half' as const) }),
  );
}

export function mutateBytes(bytes: Uint8Array, m: ByteMutation): Buffer {
  const b = Buffer.from(bytes);
  switch (m.op) {
    case 'flip':
      b[m.offset] = b[m.offset]! ^ (1 << m.bit);
      return b;
    case 'overwrite':
      m.bytes.forEach((v, i) => m.offset + i < b.length && (b[m.offset + i] = v));
      return b;
    case 'truncate':
      return b.subarray(0, m.offset);
    case 'insert':
      return Buffer.concat([b.subarray(0, m.offset), Buffer.from(m.bytes), b.subarray(m.offset)]);
    case 'delete':
      return Buffer.concat([b.subarray(0, m.offset), b.subarray(m.offset + m.length)]);
    case 'extreme': {
      const value = { zero: 0, max: m.width === 2 ? 0xffff : 0xffffffff, half: m.width === 2 ? 0x8000 : 0x80000000 }[m.value];
      if (m.offset + m.width > b.length) return b;
      if (m.width === 2) b.writeUInt16LE(value, m.offset);
      else b.writeUInt32LE(value, m.offset);
      return b;
    }
  }
}

/** Names an entry may be renamed to: path traversal, absolute and Windows paths, look-alikes, control characters. */
export const HOSTILE_NAMES = [
  '../../etc/passwd',
  '../manifest.json',
  '/etc/passwd',
  '/manifest.json',
  'attachments/../../../danvan.sqlite',
  'attachments/../manifest.json',
  '..\\..\\Windows\\System32\\evil.dll',
  'C:\\Users\\Public\\evil.exe',
  'C:/evil.exe',
  '\\\\server\\share\\x',
  'manifest.json/',
  'attachments/',
  'attachments',
  '',
  '.',
  '..',
  'MANIFEST.JSON',
  'manifest.json ',
  ' manifest.json',
  'payload.json\u0000.txt',
  'payload.json\n',
  'payloa\u0064.json',
  'pаyload.json', // Cyrillic а
  'attachments/' + 'A'.repeat(64),
  'attachments/' + '0'.repeat(63),
  'attachments/' + '0'.repeat(65),
  'attachments/' + 'f'.repeat(64) + '/x',
  '__proto__',
  'constructor',
  'tệp đính kèm.pdf',
  'a'.repeat(300),
];

export function renameArbitrary(names: string[]): fc.Arbitrary<{ from: string; to: string }> {
  return fc.record({
    from: fc.constantFrom(...names),
    to: fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE_NAMES, ...names), weight: 4 }, { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 }),
  });
}

/**
 * Renames an entry in place, in its local header and its central directory record, keeping the
 * length (the new name cut or padded with "/"): the zip stays well formed and may now hold two
 * entries of the same name.
 */
export function renameInPlace(bytes: Uint8Array, index: number, name: string): Buffer {
  const b = Buffer.from(bytes);
  const { local, central } = zipLayout(b);
  const cd = central[index % Math.max(1, central.length)];
  if (cd === undefined) return b;
  const length = b.readUInt16LE(cd + 28);
  const replacement = Buffer.from(name.padEnd(length, '/'), 'utf8').subarray(0, length);
  replacement.copy(b, cd + 46);
  const lh = b.readUInt32LE(cd + 42);
  if (local.includes(lh) && b.readUInt16LE(lh + 26) === length) replacement.copy(b, lh + 30);
  return b;
}
