import { describe, expect, it } from 'vitest';
import { call, setUpServices, setUpOffice } from '../helpers/services';
import { docxParagraphs, docxParts } from '../helpers/docx';
import { foldVietnamese } from '../../shared/text/fold';
import { PlanContent, type PlanContentInput, type UnitRef } from '../../shared/plans/plan-schemas';
import type { OfficeInput } from '../../shared/office/office-schemas';
import type { UnitKind } from '../../shared/units/unit-schemas';
import * as binhChuong from '../fixtures/plans/xa-binh-chuong-2026';
import * as vanPhong from '../fixtures/plans/vp-ubnd-tinh-2025';
import * as skhcn from '../fixtures/plans/skhcn-2025';

interface SeedFixture {
  OFFICE: OfficeInput;
  UNITS: { name: string; kind: UnitKind; abbreviation?: string; aliases?: string[] }[];
  GROUPS: { name: string; members: string[] }[];
  planContent(ref: (name: string, note?: string) => UnitRef, id: (n: number) => string): PlanContentInput;
  EXPECTED_IN_EXPORT: string[];
  EXPECTED_FOOTNOTES?: string[];
}

const SEEDS: [string, SeedFixture, { number: string; issueDate: string }][] = [
  ['004 – UBND xã Bình Chương 2026', binhChuong, { number: '05', issueDate: '2026-03-03' }],
  ['001 – Văn phòng UBND tỉnh 2025', vanPhong, { number: '550', issueDate: '2025-03-03' }],
  ['000 – Sở Khoa học và Công nghệ 2025', skhcn, { number: '12', issueDate: '2025-11-04' }],
];

const id = (n: number) => `6f1c3c52-9a55-4d6e-9a1a-${String(n).padStart(12, '0')}`;

describe('the seed plans, entered through the services', () => {
  it.each(SEEDS)('%s is stored exactly and exported with every task, unit, timeframe and deadline of the source', async (_name, seed, issue) => {
    const { services } = await setUpServices({ office: false });
    await setUpOffice(services, { ...seed.OFFICE });
    const unitIds = new Map<string, string>();
    for (const u of seed.UNITS) unitIds.set(u.name, (await call(services, 'units.create', { ...u })).id);
    const groupIds = new Map<string, string>();
    for (const g of seed.GROUPS) groupIds.set(g.name, (await call(services, 'groups.create', { name: g.name, memberIds: g.members.map((m) => unitIds.get(m)!) })).id);
    const lookup = (map: Map<string, string>, name: string, aliases: (n: string) => string[] = () => []) =>
      [...map].find(([n]) => [n, ...aliases(n)].some((x) => foldVietnamese(x) === foldVietnamese(name)))?.[1];
    const aliasesOf = (n: string) => seed.UNITS.find((u) => u.name === n)?.aliases ?? [];
    const ref = (name: string, note = ''): UnitRef => {
      const unit = lookup(unitIds, name, aliasesOf);
      if (unit) return { type: 'unit', unitId: unit, note };
      const group = lookup(groupIds, name);
      return group ? { type: 'group', groupId: group, note } : { type: 'external', name, note };
    };

    const draft = await call(services, 'plans.create', { kind: 'own', year: Number(issue.issueDate.slice(0, 4)) });
    const content = PlanContent.parse(seed.planContent(ref, id));
    const saved = await call(services, 'plans.saveDraft', { id: draft.id, content });
    expect(saved.content).toEqual({ ...content, number: '', issueDate: null }); // nothing lost or altered

    await call(services, 'plans.issue', { id: draft.id, number: issue.number, issueDate: issue.issueDate });
    const file = await call(services, 'plans.exportDocx', { id: draft.id, revision: null });
    const parts = docxParts(Buffer.from(file.base64, 'base64'));
    const text = docxParagraphs(parts.document).join('\n');
    for (const expected of seed.EXPECTED_IN_EXPORT) expect(text, expected).toContain(expected);
    for (const footnote of seed.EXPECTED_FOOTNOTES ?? []) expect(docxParagraphs(parts.footnotes).join('\n')).toContain(footnote);
    expect(parts.document.match(/<w:footnoteReference /g) ?? []).toHaveLength(content.footnotes.length);
    await services.close();
  });
});
