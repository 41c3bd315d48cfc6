import { foldVietnamese } from '../text/fold';
import { compareVietnamese } from '../text/collate';

/**
 * What a clerk's typed text in a unit picker (Chủ trì, Thực hiện, Đơn vị phải báo cáo) can mean, best first.
 *
 * Units, groups and outside bodies already named are matched on folded text (no diacritics, any case), by
 * name, abbreviation or alternative name. How well a text matches, best first:
 *   0. the whole text ("cac thon" for "Các thôn", "vhxh" for the abbreviation VHXH);
 *   1. its beginning ("cac xa" for "Các xã, phường");
 *   2. the beginnings of its words, in any order ("van hoa" for "Phòng Văn hóa – Xã hội");
 *   3. anywhere inside it.
 * At the same level groups come before units ("các …" usually means a group), a name before an alternative
 * name, then Vietnamese alphabetical order. A new outside body is only ever offered last, as its own
 * explicit choice ("Thêm cơ quan ngoài: …"), and not at all when the text is exactly the name of something
 * already in the list: so Enter, which takes the first choice, never turns "cac xa" into a body called "cac xa".
 */
export interface ChoiceUnit {
  id: string;
  name: string;
  abbreviation: string;
  aliases: readonly string[];
  active: boolean;
}
export interface ChoiceGroup {
  id: string;
  name: string;
  active: boolean;
}
export interface ChoiceSource {
  units: readonly ChoiceUnit[];
  groups: readonly ChoiceGroup[];
  /** Outside bodies already named (in this field), so typing one again finds it rather than adding a twin. */
  externals?: readonly string[];
  /** Ids of units and groups already chosen: offered even when no longer in use. */
  keepIds?: ReadonlySet<string>;
}

export type UnitChoice =
  | {
      kind: 'group' | 'unit' | 'external';
      /** A unit's or group's id; an outside body's name. */
      id: string;
      name: string;
      /** The abbreviation or alternative name the text matched, when it was not the name. */
      via: string | null;
      /** 0 whole text, 1 beginning, 2 beginnings of words, 3 inside. */
      level: 0 | 1 | 2 | 3;
    }
  | { kind: 'new-external'; id: string; name: string; via: null; level: null };

export const NEW_EXTERNAL_PREFIX = 'Thêm cơ quan ngoài: ';

const words = (folded: string) => folded.split(/[^a-z0-9]+/).filter(Boolean);

/** How well `query` (folded) matches `text`: 0–3 as above, or null. */
export function matchLevel(query: string, text: string): 0 | 1 | 2 | 3 | null {
  const q = foldVietnamese(query).trim();
  const t = foldVietnamese(text);
  if (!q || !t) return null;
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  const qWords = words(q);
  const tWords = words(t);
  if (qWords.length && qWords.every((w) => tWords.some((tw) => tw.startsWith(w)))) return 2;
  if (t.includes(q)) return 3;
  return null;
}

const KIND_ORDER = { group: 0, unit: 1, external: 2 } as const;

/** The choices for a typed text, best first, then (when allowed) the explicit choice of a new outside body. */
export function rankUnitChoices(typed: string, source: ChoiceSource): UnitChoice[] {
  const name = typed.trim().replace(/\s+/g, ' ');
  if (!foldVietnamese(name)) return [];
  const offered = (x: { id: string; active: boolean }) => x.active || (source.keepIds?.has(x.id) ?? false);
  const found: (Extract<UnitChoice, { level: number }> & { byAlias: boolean })[] = [];
  const consider = (kind: 'group' | 'unit' | 'external', id: string, own: string, others: string[]) => {
    let best: { level: 0 | 1 | 2 | 3; via: string | null } | null = null;
    for (const [i, text] of [own, ...others].entries()) {
      if (!text) continue;
      const level = matchLevel(name, text);
      if (level !== null && (best === null || level < best.level)) best = { level, via: i === 0 ? null : text };
    }
    if (best) found.push({ kind, id, name: own, via: best.via, level: best.level, byAlias: best.via !== null });
  };
  for (const g of source.groups) if (offered(g)) consider('group', g.id, g.name, []);
  for (const u of source.units) if (offered(u)) consider('unit', u.id, u.name, [u.abbreviation, ...u.aliases]);
  for (const e of source.externals ?? []) consider('external', e, e, []);
  found.sort((a, b) => a.level - b.level || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || Number(a.byAlias) - Number(b.byAlias) || compareVietnamese(a.name, b.name));
  const choices: UnitChoice[] = found.map(({ byAlias: _byAlias, ...c }) => c);
  if (!found.some((c) => c.level === 0)) choices.push({ kind: 'new-external', id: name, name, via: null, level: null });
  return choices;
}

