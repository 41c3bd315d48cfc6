import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listUnitSearchKeys } from '../../db/units/unit-repo';
import { countReportsOf, listIssuedDuties, listReportsOf, type DutyRow, type UnitReportRow } from '../../db/reports/unit-report-repo';
import { DUTY_KIND_LABELS } from '../../shared/plans/plan-schemas';
import type { SearchResults, UnitSearchResult } from '../../shared/plans/search-schemas';
import type { UnitKind } from '../../shared/units/unit-schemas';
import type { IsoDate } from '../../shared/dates/vn-date';
import { searchPlans } from '../plans/plan-search';
import { documentNumber } from '../plans/plan-service';
import { unitReportItems } from '../reports/unit-reports';
import { foldedTokens, searchWords, wordsBeginningIn, wordsFound } from './search-words';

const UNIT_LIMIT = 50;
const REPORT_LIMIT = 50;
/** "bao", "cao", "6", "thang": the words of each kind of report, folded once. */
const KIND_TOKENS = new Map(Object.entries(DUTY_KIND_LABELS).map(([kind, label]) => [kind, foldedTokens(label)]));

/**
 * What the search box finds, typed with or without diacritics, every word as the beginning of a word:
 * units by name, abbreviation or other name; reports through their unit, a word the unit's names lack
 * naming the period instead ("binh chuong 2026", "binh chuong bao cao nam", "binh chuong 05/kh");
 * plans and tasks by their text (the FTS index).
 */
export async function searchAll(db: Kysely<Database>, query: string, today: IsoDate): Promise<SearchResults> {
  const words = searchWords(query);
  if (!words.length) return { units: [], reports: [], plans: [] };

  // Units by the folded names stored with them, those holding one of the words somewhere read first.
  const units = (await listUnitSearchKeys(db, words)).map((u) => {
    const aliases = u.aliases.map((a) => a.alias);
    const foldedNames = [u.name_folded, u.abbreviation_folded, ...u.aliases.map((a) => a.folded)];
    return { unit: u, aliases, foldedNames, found: wordsBeginningIn(words, foldedNames) };
  });
  const byId = new Map(units.map((u) => [u.unit.id, u]));

  // A report is found when its unit's names hold some of the words and its period the rest: the duties
  // whose words leave the same rest go together, with the units that hold that rest, newest first.
  const partly = units.filter((u) => u.found.size > 0);
  const groups = new Map<string, { rest: string[]; duties: DutyRow[] }>();
  if (partly.length) {
    for (const d of await listIssuedDuties(db)) {
      const found = wordsFound(words, [...(KIND_TOKENS.get(d.kind) ?? []), String(d.year), ...foldedTokens(documentNumber(d))]);
      const rest = words.filter((w) => !found.has(w));
      const key = rest.join(' ');
      if (!groups.has(key)) groups.set(key, { rest, duties: [] });
      groups.get(key)!.duties.push(d);
    }
  }
  const rows: UnitReportRow[] = [];
  for (const { rest, duties } of groups.values()) {
    const unitIds = partly.filter((u) => rest.every((w) => u.found.has(w))).map((u) => u.unit.id);
    if (!unitIds.length) continue;
    // newest duties first, a few at a time when many units hold the words ("ubnd xa": every commune), so
    // that the newest reports are read without reading every report of ten years
    duties.sort((a, b) => (a.due_date < b.due_date ? 1 : a.due_date > b.due_date ? -1 : 0));
    const step = Math.max(1, Math.ceil((2 * REPORT_LIMIT) / unitIds.length));
    let found = 0;
    for (let i = 0; i < duties.length && found < REPORT_LIMIT; i += step) {
      const chunk = await listReportsOf(db, unitIds, duties.slice(i, i + step).map((d) => d.duty_id), REPORT_LIMIT - found);
      rows.push(...chunk);
      found += chunk.length;
    }
  }
  const newest = rows.sort((a, b) => (a.due_date < b.due_date ? 1 : a.due_date > b.due_date ? -1 : 0)).slice(0, REPORT_LIMIT);
  const reports = await unitReportItems(db, newest, (id) => byId.get(id)?.unit.name ?? '', today);

  const unitHits = units.filter((u) => u.found.size === words.length).sort((a, b) => b.unit.active - a.unit.active).slice(0, UNIT_LIMIT);
  const counts = await countReportsOf(db, unitHits.map((u) => u.unit.id));
  return {
    units: unitHits.map(({ unit, aliases, foldedNames }): UnitSearchResult => {
      const whole = (folded: string) => wordsBeginningIn(words, [folded]).size === words.length;
      // the other name (or abbreviation) that holds every word, when the name itself does not
      const other = whole(unit.name_folded) ? -1 : foldedNames.slice(1).findIndex(whole);
      return {
        unitId: unit.id,
        name: unit.name,
        kind: unit.kind as UnitKind,
        active: unit.active === 1,
        matchedAlias: other === -1 ? null : other === 0 ? unit.abbreviation : (aliases[other - 1] ?? null),
        reportCount: counts.get(unit.id) ?? 0,
      };
    }),
    reports: reports.map((r) => ({ ...r, reportId: r.reportId! })),
    plans: await searchPlans(db, query),
  };
}
