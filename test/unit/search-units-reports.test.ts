import { describe, expect, it } from 'vitest';
import { communeReport, provinceWithCommunes } from '../helpers/offices';
import { call } from '../helpers/services';
import { foldedTokens, wordsBeginningIn, wordsFound } from '../../core/search/search-words';

const A = 'UBND xã Bình Chương';
const B = 'UBND xã Bình Sơn';

describe('search at a province: units and their reports, not only plans', () => {
  it('matches each word at the beginning of a word of the folded names, never inside one', () => {
    const names = ['ubnd xa binh chuong', 'vh-xh', ''];
    expect([...wordsBeginningIn(['chu', 'binh', 'huong', 'xh', 'ubnd'], names)]).toEqual(['chu', 'binh', 'xh', 'ubnd']);
    expect(wordsBeginningIn(['chu', 'binh', 'huong', 'xh', 'ubnd'], names)).toEqual(wordsFound(['chu', 'binh', 'huong', 'xh', 'ubnd'], names.flatMap(foldedTokens)));
  });

  it('"binh chuong" finds the commune unit and the report it sent; a word left over names the period', async () => {
    const { province, communes, plan, dutyId } = await provinceWithCommunes([[A, 'Bình Chương'], [B, 'Bình Sơn']]);
    const [a, b] = communes as [(typeof communes)[0], (typeof communes)[0]];
    await call(province.services, 'bundles.import', { base64: await communeReport(a, plan.id, dutyId, 'Bình Chương đã đối thoại'), acceptKey: true });
    await call(province.services, 'units.update', { id: a.unitId, name: A, abbreviation: 'BCh', kind: 'xa', parentId: null, aliases: ['Xã Bình Chương cũ'] });
    const search = (query: string) => call(province.services, 'search.all', { query });

    const found = await search('binh chuong');
    expect(found.units).toEqual([{ unitId: a.unitId, name: A, kind: 'xa', active: true, matchedAlias: null, reportCount: 1 }]);
    expect(found.reports).toHaveLength(1);
    expect(found.reports[0]).toMatchObject({ unitId: a.unitId, unitName: A, planId: plan.id, dutyId, year: 2026, documentNumber: '05/KH-SNV', dutyLabel: 'Báo cáo 6 tháng', dueDate: '2026-06-15', state: 'submitted' });
    const opened = await call(province.services, 'reports.get', { id: found.reports[0]!.reportId });
    expect(opened.content.tasks[0]!.doneText).toBe('Bình Chương đã đối thoại');

    // upper case with diacritics, prefixes, any order
    expect((await search('BÌNH CHƯƠNG')).units.map((u) => u.name)).toEqual([A]);
    expect((await search('chuong binh')).units.map((u) => u.name)).toEqual([A]);
    expect((await search('binh')).units.map((u) => u.name)).toEqual([A, B]);
    // by another name
    expect((await search('chuong cu')).units).toMatchObject([{ name: A, matchedAlias: 'Xã Bình Chương cũ' }]);
    expect((await search('bch')).units).toMatchObject([{ name: A, matchedAlias: 'BCh' }]);
    // the period: a word the unit's names lack must be in the report's plan or duty
    expect((await search('binh chuong 2026')).reports.map((r) => r.unitName)).toEqual([A]);
    expect((await search('binh chuong 6 thang')).reports.map((r) => r.unitName)).toEqual([A]);
    expect((await search('binh chuong 2026')).units).toEqual([]);
    expect((await search('binh chuong 2025')).reports).toEqual([]);
    // words only a report's period holds find no report: every report would match
    expect((await search('bao cao 6 thang')).reports).toEqual([]);
    expect((await search('binh son')).reports).toEqual([]); // B has sent nothing
    expect(await search('   ')).toEqual({ units: [], reports: [], plans: [] });
    expect((await search('"); DROP TABLE unit; --')).units).toEqual([]);
    // plans and tasks are still found
    expect((await search('doi thoai nhan dan')).plans.map((p) => p.taskOrdinal)).toEqual(['1']);

    // the unit's page: the report it sent, nothing owed beyond it
    const reports = await call(province.services, 'reports.ofUnit', { unitId: a.unitId });
    expect(reports.unit).toEqual({ id: a.unitId, name: A, kind: 'xa', active: true });
    expect(reports.reports.map((r) => [r.reportId, r.state, r.dutyLabel])).toEqual([[found.reports[0]!.reportId, 'submitted', 'Báo cáo 6 tháng']]);
    // B owes the same report: listed with no report, so it can be typed in on B's behalf
    const owed = await call(province.services, 'reports.ofUnit', { unitId: b.unitId });
    expect(owed.reports).toMatchObject([{ reportId: null, state: null, planId: plan.id, dutyId, unitName: B }]);
    for (const o of [province, ...communes]) await o.services.close();
  });
});
