import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { UnitRef } from '../../../../shared/plans/plan-schemas';
import type { Unit, UnitGroup } from '../../../../shared/units/unit-schemas';
import { foldedOptionFilter } from '../../common/folded-filter';
import { foldVietnamese } from '../../../../shared/text/fold';

dayjs.extend(customParseFormat);

/** A date typed or picked as dd/mm/yyyy, held as an ISO string. */
export function DateField({ value, onChange, label, status }: { value: string | null; onChange(v: string | null): void; label: string; status?: 'error' }) {
  return (
    <DatePicker
      aria-label={label}
      format={['DD/MM/YYYY', 'D/M/YYYY']}
      placeholder="dd/mm/yyyy"
      status={status}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}

const encode = (r: UnitRef) => (r.type === 'unit' ? `u:${r.unitId}` : r.type === 'group' ? `g:${r.groupId}` : `x:${r.name}`);

/**
 * Units of the organisation tree, its groups, or an outside body typed as written ("Ủy ban MTTQ Việt Nam xã").
 * Notes kept on a reference survive editing the list.
 */
export function UnitRefSelect(props: { value: UnitRef[]; onChange(v: UnitRef[]): void; units: Unit[]; groups: UnitGroup[]; label: string; status?: 'error' }) {
  const notes = new Map(props.value.map((r) => [encode(r), r.note]));
  const decode = (v: string): UnitRef => {
    const note = notes.get(v) ?? notes.get(`x:${v}`) ?? '';
    if (v.startsWith('u:')) return { type: 'unit', unitId: v.slice(2), note };
    if (v.startsWith('g:')) return { type: 'group', groupId: v.slice(2), note };
    const name = v.startsWith('x:') ? v.slice(2) : v.trim();
    // A typed name that is one of ours ("Phòng VH-XH", "cac thon") means that unit or group, not an outside body.
    const folded = foldVietnamese(name);
    const unit = props.units.find((u) => [u.name, u.abbreviation, ...u.aliases].some((n) => n && foldVietnamese(n) === folded));
    if (unit) return { type: 'unit', unitId: unit.id, note };
    const group = props.groups.find((g) => foldVietnamese(g.name) === folded);
    if (group) return { type: 'group', groupId: group.id, note };
    return { type: 'external', name, note };
  };
  const externals = props.value.filter((r) => r.type === 'external').map((r) => ({ value: encode(r), label: (r as { name: string }).name }));
  return (
    <Select
      mode="tags"
      aria-label={props.label}
      status={props.status}
      style={{ width: '100%' }}
      placeholder="Chọn đơn vị, nhóm, hoặc gõ tên cơ quan ngoài rồi nhấn Enter"
      value={props.value.map(encode)}
      onChange={(values: string[]) => props.onChange(values.filter((v) => v.trim()).map(decode))}
      filterOption={foldedOptionFilter}
      optionFilterProp="label"
      options={[
        { label: 'Nhóm đơn vị', options: props.groups.filter((g) => g.active || props.value.some((r) => r.type === 'group' && r.groupId === g.id)).map((g) => ({ value: `g:${g.id}`, label: g.name })) },
        { label: 'Đơn vị', options: props.units.filter((u) => u.active || props.value.some((r) => r.type === 'unit' && r.unitId === u.id)).map((u) => ({ value: `u:${u.id}`, label: u.name })) },
        ...(externals.length ? [{ label: 'Cơ quan ngoài', options: externals }] : []),
      ]}
    />
  );
}
