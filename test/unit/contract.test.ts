import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations } from '../../shared/api/contract';
import { OfficeInput } from '../../shared/office/office-schemas';
import { setUpServices, expectError } from '../helpers/services';
import { snapshotDatabase } from '../helpers/db-snapshot';

describe('the API contract', () => {
  it('every operation refuses an unknown field and a non-object before touching the database', async () => {
    const { services, dataDir } = await setUpServices();
    await services.call('units.create', { name: 'Phòng Kinh tế', kind: 'phong' });
    const before = snapshotDatabase(dataDir);
    for (const name of OPERATION_NAMES) {
      const unknownField = expectError(await services.invoke(name, { truongLa: 1 }), 'VALIDATION');
      expect(unknownField.message, name).toMatch(/[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚĂĐĨŨƠàáâãèéêìíòóôõùúăđĩũơƯưạ-ỹ]/);
      expect(unknownField.fields?.truongLa, name).toBe('Trường không được phép');
      expectError(await services.invoke(name, 42), 'VALIDATION');
      expectError(await services.invoke(name, 'xoa het'), 'VALIDATION');
    }
    expect(snapshotDatabase(dataDir)).toEqual(before);
    await services.close();
  });

  it('refuses an operation that does not exist', async () => {
    const { services } = await setUpServices();
    const error = expectError(await services.invoke('units.dropAll', {}), 'UNKNOWN_OPERATION');
    expect(error.message).toMatch(/Thao tác không tồn tại/);
    await services.close();
  });

  it('names the field and what is wrong, in Vietnamese', () => {
    const result = OfficeInput.safeParse({ name: '   ', level: 'huyen', abbreviation: 'UB ND', placeName: 'Bình Chương' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages.name).toBe('Không được để trống');
    expect(messages.level).toBe('Chọn một cấp trong danh sách');
    expect(messages.abbreviation).toMatch(/không có khoảng trắng/);
  });

  it('declares an input and an output schema for every operation', () => {
    for (const name of OPERATION_NAMES) {
      expect(operations[name].input, name).toBeDefined();
      expect(operations[name].output, name).toBeDefined();
    }
  });
});
