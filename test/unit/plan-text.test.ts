import { describe, expect, it } from 'vitest';
import { nameInList, taskLines, unitList, type NameOf } from '../../shared/plans/plan-text';
import type { UnitRef } from '../../shared/plans/plan-schemas';
import { blankTask } from '../../shared/plans/blank-task';

const NAMES: Record<string, string> = {
  coquan: 'Các cơ quan, đơn vị',
  thon: 'Các thôn',
  tatca: 'Tất cả các xã, phường',
  ubnd: 'UBND xã Bình Chương',
  ban: 'Ban Chỉ đạo Quy chế dân chủ xã',
  anphu: 'Thôn An Phú',
  caps: 'CÁC TỔ DÂN PHỐ',
};
const group = (id: string, note = ''): UnitRef => ({ type: 'group', groupId: id, note });
const unit = (id: string, note = ''): UnitRef => ({ type: 'unit', unitId: id, note });
const nameOf: NameOf = (r) => (r.type === 'group' ? NAMES[r.groupId]! : r.type === 'unit' ? NAMES[r.unitId]! : r.name);

describe('unit lists as printed in a plan', () => {
  it('writes a collective name after the first with a small letter: "Các cơ quan, đơn vị, các thôn"', () => {
    expect(unitList([group('coquan'), group('thon')], nameOf)).toBe('Các cơ quan, đơn vị, các thôn');
    expect(unitList([unit('ubnd'), group('thon'), group('tatca')], nameOf)).toBe('UBND xã Bình Chương, các thôn, tất cả các xã, phường');
    expect(unitList([group('thon', 'chủ trì'), group('coquan')], nameOf)).toBe('Các thôn (chủ trì); các cơ quan, đơn vị');
  });

  it('keeps proper names, the first name and names typed in capitals as they are', () => {
    expect(unitList([group('thon'), unit('ubnd'), unit('ban'), unit('anphu'), group('caps')], nameOf)).toBe('Các thôn, UBND xã Bình Chương, Ban Chỉ đạo Quy chế dân chủ xã, Thôn An Phú, CÁC TỔ DÂN PHỐ');
    expect(unitList([{ type: 'external', name: 'Ủy ban MTTQ Việt Nam xã', note: '' }, { type: 'external', name: 'Các hội đoàn thể', note: '' }], nameOf)).toBe('Ủy ban MTTQ Việt Nam xã, các hội đoàn thể');
    expect(nameInList('Các thôn', 0)).toBe('Các thôn');
    expect(nameInList('Cácthôn', 1)).toBe('Cácthôn');
    expect(nameInList('Mọi người dân', 2)).toBe('mọi người dân');
  });

  it('prints so under a task, where the .docx and the screen take their words', () => {
    const task = { ...blankTask('1', 'Tuyên truyền'), implementing: [group('coquan'), group('thon')] };
    expect(taskLines(task, 'dash', nameOf)).toContain('- Cơ quan thực hiện: Các cơ quan, đơn vị, các thôn.');
  });
});
