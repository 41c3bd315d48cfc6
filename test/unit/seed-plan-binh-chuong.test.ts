import { describe, expect, it } from 'vitest';
import { call, setUpServices } from '../helpers/services';
import { docxParagraphs, docxParts } from '../helpers/docx';
import { foldVietnamese } from '../../shared/text/fold';
import { PlanContent, type UnitRef } from '../../shared/plans/plan-schemas';
import { EXPECTED_FOOTNOTES, EXPECTED_IN_EXPORT, GROUPS, OFFICE, UNITS, planContent } from '../fixtures/plans/xa-binh-chuong-2026';

const id = (n: number) => `6f1c3c52-9a55-4d6e-9a1a-${String(n).padStart(12, '0')}`;

describe('seed plan 004 (UBND xã Bình Chương 2026), entered through the services', () => {
  it('is stored exactly and exported with every task, unit, timeframe, footnote and deadline of the source', async () => {
    const { services } = await setUpServices({ office: false });
    await call(services, 'office.save', { ...OFFICE });
    const unitIds = new Map<string, string>();
    for (const u of UNITS) unitIds.set(u.name, (await call(services, 'units.create', { ...u })).id);
    const groupIds = new Map<string, string>();
    for (const g of GROUPS) groupIds.set(g.name, (await call(services, 'groups.create', { name: g.name, memberIds: g.members.map((m) => unitIds.get(m)!) })).id);
    const byFolded = (map: Map<string, string>, name: string) => [...map].find(([n]) => foldVietnamese(n) === foldVietnamese(name))?.[1];
    const ref = (name: string, note = ''): UnitRef => {
      const unit = byFolded(unitIds, name);
      if (unit) return { type: 'unit', unitId: unit, note };
      const group = byFolded(groupIds, name);
      return group ? { type: 'group', groupId: group, note } : { type: 'external', name, note };
    };

    const draft = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    const content = PlanContent.parse(planContent(ref, id));
    const saved = await call(services, 'plans.saveDraft', { id: draft.id, content });
    expect(saved.content).toEqual({ ...content, number: '', issueDate: null }); // nothing lost or altered
    expect(saved.content.tasks).toHaveLength(11);
    expect(saved.content.duties.map((d) => d.dueDate)).toEqual(['2026-01-30', '2026-05-15', '2026-10-30']);

    await call(services, 'plans.issue', { id: draft.id, number: '05', issueDate: '2026-03-03' });
    const file = await call(services, 'plans.exportDocx', { id: draft.id, revision: null });
    const parts = docxParts(Buffer.from(file.base64, 'base64'));
    const text = docxParagraphs(parts.document).join('\n');
    for (const expected of EXPECTED_IN_EXPORT) expect(text, expected).toContain(expected);
    for (const footnote of EXPECTED_FOOTNOTES) expect(docxParagraphs(parts.footnotes).join('\n')).toContain(footnote);
    expect(parts.document.match(/<w:footnoteReference /g)).toHaveLength(3);
    await services.close();
  });
});
