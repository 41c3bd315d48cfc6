import { describe, expect, it } from 'vitest';
import { matchLevel, rankUnitChoices, type ChoiceSource } from '../../shared/units/unit-choice';

const unit = (id: string, name: string, abbreviation = '', aliases: string[] = [], active = true) => ({ id, name, abbreviation, aliases, active });
const SOURCE: ChoiceSource = {
  groups: [
    { id: 'g-xa', name: 'Các xã, phường', active: true },
    { id: 'g-thon', name: 'Các thôn', active: true },
    { id: 'g-cu', name: 'Các xã cũ', active: false },
  ],
  units: [
    unit('u-bc', 'UBND xã Bình Chương', 'UBND-BC', ['xã Bình Chương']),
    unit('u-vhxh', 'Phòng Văn hóa – Xã hội', 'VHXH', ['Phòng VH-XH']),
    unit('u-an', 'Thôn An Phú', '', ['thôn 1']),
    unit('u-cac', 'Cán bộ xã', ''),
  ],
};
const summary = (typed: string, source: ChoiceSource = SOURCE) => rankUnitChoices(typed, source).map((c) => `${c.kind}:${c.name}${c.via ? ` (${c.via})` : ''}`);

describe('unit picker: what a typed name means', () => {
  it('"cac xa" is the group "Các xã, phường", listed first; an outside body "cac xa" only as the last, explicit choice', () => {
    const choices = rankUnitChoices('cac xa', SOURCE);
    expect(choices[0]).toMatchObject({ kind: 'group', id: 'g-xa', name: 'Các xã, phường', level: 1 });
    expect(choices.at(-1)).toMatchObject({ kind: 'new-external', name: 'cac xa' });
    expect(choices.filter((c) => c.kind === 'new-external')).toHaveLength(1);
  });

  it('matches names, abbreviations and alternative names without diacritics, whole text before beginnings before words before inside', () => {
    expect(summary('vhxh')).toEqual(['unit:Phòng Văn hóa – Xã hội (VHXH)']); // exact: no outside body offered
    expect(summary('VAN HOA')).toEqual(['unit:Phòng Văn hóa – Xã hội', 'new-external:VAN HOA']);
    expect(summary('thon 1')).toEqual(['unit:Thôn An Phú (thôn 1)']);
    expect(summary('cac thon')).toEqual(['group:Các thôn']);
    // "xa": the alternative name "xã Bình Chương" begins with it; the others have it as a word:
    // groups before units at the same level, then alphabetical
    expect(summary('xa')).toEqual(['unit:UBND xã Bình Chương (xã Bình Chương)', 'group:Các xã, phường', 'unit:Cán bộ xã', 'unit:Phòng Văn hóa – Xã hội', 'new-external:xa']);
    // "binh chuong": the alias "xã Bình Chương" is matched by words, the name by words too: the name wins
    expect(summary('binh chuong')[0]).toBe('unit:UBND xã Bình Chương');
    expect(summary('ca')).toEqual(['group:Các thôn', 'group:Các xã, phường', 'unit:Cán bộ xã', 'new-external:ca']);
  });

  it('offers units and groups no longer in use only when already chosen', () => {
    expect(summary('xa cu')).toEqual(['new-external:xa cu']);
    expect(summary('xa cu', { ...SOURCE, keepIds: new Set(['g-cu']) })[0]).toBe('group:Các xã cũ');
  });

  it('finds an outside body already named instead of adding a twin', () => {
    const source = { ...SOURCE, externals: ['Ủy ban MTTQ Việt Nam xã'] };
    expect(summary('uy ban mttq viet nam xa', source)).toEqual(['external:Ủy ban MTTQ Việt Nam xã']);
    expect(summary('Hội Nông dân xã', source)).toEqual(['new-external:Hội Nông dân xã']);
    expect(rankUnitChoices('  Hội   Nông dân ', source).at(-1)?.name).toBe('Hội Nông dân');
  });

  it('offers nothing for blank text', () => {
    expect(rankUnitChoices('', SOURCE)).toEqual([]);
    expect(rankUnitChoices('   ', SOURCE)).toEqual([]);
  });

  it('grades a match: whole, beginning, beginnings of words, inside', () => {
    expect(matchLevel('cac thon', 'Các thôn')).toBe(0);
    expect(matchLevel('cac', 'Các thôn')).toBe(1);
    expect(matchLevel('thon cac', 'Các thôn')).toBe(2);
    expect(matchLevel('ac th', 'Các thôn')).toBe(3);
    expect(matchLevel('xyz', 'Các thôn')).toBeNull();
  });
});
