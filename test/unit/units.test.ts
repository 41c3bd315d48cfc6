import { describe, expect, it } from 'vitest';
import { call, expectError, setUpServices } from '../helpers/services';
import { snapshotDatabase } from '../helpers/db-snapshot';

describe('units', () => {
  it('adds, renames with aliases, reorders and deactivates units; the list keeps the order', async () => {
    const { services } = await setUpServices();
    const vhxh = await call(services, 'units.create', { name: 'Phòng Văn hóa - Xã hội', abbreviation: 'VHXH', kind: 'phong', aliases: ['Phòng VH-XH'] });
    const kt = await call(services, 'units.create', { name: 'Phòng Kinh tế', kind: 'phong' });
    const thon = await call(services, 'units.create', { name: 'Thôn  An   Phú', kind: 'thon' });
    expect(thon.name).toBe('Thôn An Phú');

    const renamed = await call(services, 'units.update', { id: vhxh.id, name: 'Phòng Văn hóa – Xã hội', abbreviation: 'VHXH', kind: 'phong', parentId: null, aliases: ['Phòng VH-XH', 'P. VHXH'] });
    expect(renamed.name).toBe('Phòng Văn hóa – Xã hội');
    expect(renamed.aliases).toEqual(['Phòng VH-XH', 'P. VHXH']);

    await call(services, 'units.move', { id: thon.id, direction: 'up' });
    const moved = await call(services, 'units.move', { id: thon.id, direction: 'up' });
    expect(moved.map((u) => u.name)).toEqual(['Thôn An Phú', 'Phòng Văn hóa – Xã hội', 'Phòng Kinh tế']);
    const unchanged = await call(services, 'units.move', { id: thon.id, direction: 'up' });
    expect(unchanged.map((u) => u.id)).toEqual(moved.map((u) => u.id));

    await call(services, 'units.setActive', { id: kt.id, active: false });
    expect((await call(services, 'units.list', { includeInactive: false })).map((u) => u.name)).toEqual(['Thôn An Phú', 'Phòng Văn hóa – Xã hội']);
    expect((await call(services, 'units.list', {})).find((u) => u.id === kt.id)?.active).toBe(false);
    await services.close();
  });

  it('refuses duplicates by name, abbreviation or alias, whatever the diacritics or dashes, and writes nothing', async () => {
    const { services, dataDir } = await setUpServices();
    const vhxh = await call(services, 'units.create', { name: 'Phòng Văn hóa – Xã hội', abbreviation: 'VHXH', kind: 'phong', aliases: ['Phòng VH-XH'] });
    const before = snapshotDatabase(dataDir);

    const byName = expectError(await services.call('units.create', { name: 'PHONG VAN HOA - XA HOI', kind: 'phong' }), 'CONFLICT');
    expect(byName.fields?.name).toMatch(/đã trùng với đơn vị "Phòng Văn hóa – Xã hội"/);
    expect(byName.message).toMatch(/^Tên đơn vị:/);
    const byAbbreviation = expectError(await services.call('units.create', { name: 'Phòng Khác', abbreviation: 'vhxh', kind: 'phong' }), 'CONFLICT');
    expect(byAbbreviation.fields?.abbreviation).toBeDefined();
    const byAlias = expectError(await services.call('units.create', { name: 'Phòng VH – XH', kind: 'phong' }), 'CONFLICT');
    expect(byAlias.fields?.name).toBeDefined();
    const aliasClash = expectError(await services.call('units.create', { name: 'Phòng Mới', kind: 'phong', aliases: ['vhxh'] }), 'CONFLICT');
    expect(aliasClash.fields?.['aliases.0']).toBeDefined();
    expectError(await services.call('units.create', { name: '', kind: 'phong' }), 'VALIDATION');
    expectError(await services.call('units.create', { name: 'Phòng X', kind: 'huyen' }), 'VALIDATION');

    const own = expectError(await services.call('units.update', { id: vhxh.id, name: vhxh.name, abbreviation: 'VHXH', kind: 'phong', parentId: vhxh.id, aliases: [] }), 'VALIDATION');
    expect(own.fields?.parentId).toMatch(/chính nó/);
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });

  it('refuses a parent cycle and removal of a unit that still has units under it', async () => {
    const { services } = await setUpServices();
    const a = await call(services, 'units.create', { name: 'Trung tâm A', kind: 'trung_tam' });
    const b = await call(services, 'units.create', { name: 'Tổ B', kind: 'khac', parentId: a.id });
    const cycle = expectError(await services.call('units.update', { id: a.id, name: a.name, kind: a.kind, parentId: b.id }), 'VALIDATION');
    expect(cycle.fields?.parentId).toBeDefined();
    expectError(await services.call('units.remove', { id: a.id }), 'IN_USE');
    await call(services, 'units.remove', { id: b.id });
    await call(services, 'units.remove', { id: a.id });
    expect(await call(services, 'units.list', {})).toEqual([]);
    await services.close();
  });

  it('groups stand for sets of units; a group name is unique', async () => {
    const { services } = await setUpServices();
    const t1 = await call(services, 'units.create', { name: 'Thôn 1', kind: 'thon' });
    const t2 = await call(services, 'units.create', { name: 'Thôn 2', kind: 'thon' });
    const group = await call(services, 'groups.create', { name: 'Các thôn', memberIds: [t1.id, t2.id, t1.id] });
    expect(group.memberIds).toEqual([t1.id, t2.id]);
    expectError(await services.call('groups.create', { name: 'CAC THON', memberIds: [] }), 'CONFLICT');
    expectError(await services.call('groups.create', { name: 'Nhóm lạ', memberIds: ['0b7c2b59-9d0c-4c39-9a9f-1f6f3a0a0a0a'] }), 'NOT_FOUND');
    const edited = await call(services, 'groups.update', { id: group.id, name: 'Các thôn trên địa bàn xã', memberIds: [t2.id] });
    expect(edited).toMatchObject({ name: 'Các thôn trên địa bàn xã', memberIds: [t2.id], active: true });
    expect((await call(services, 'groups.setActive', { id: group.id, active: false })).active).toBe(false);
    expect((await call(services, 'groups.list', {})).length).toBe(1);
    await services.close();
  });

  it('asks for the office first', async () => {
    const { services } = await setUpServices({ office: false });
    const error = expectError(await services.call('units.list', {}), 'SETUP_REQUIRED');
    expect(error.message).toMatch(/thông tin cơ quan/);
    await services.close();
  });
});
