import { describe, expect, it } from 'vitest';
import { composeOperations } from '../../core/operations';

describe('operations registered by their feature folders', () => {
  it('refuses a name registered twice', () => {
    const list = async () => [];
    expect(() => composeOperations({ 'units.list': list }, { 'groups.list': list, 'units.list': list })).toThrow('Thao tác "units.list" được đăng ký hai lần.');
    expect(Object.keys(composeOperations({ 'units.list': list }, { 'groups.list': list }))).toEqual(['units.list', 'groups.list']);
  });
});
