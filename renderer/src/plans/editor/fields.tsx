import { useState } from 'react';
import { DatePicker, Select, Typography, type SelectProps } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { UnitRef } from '../../../../shared/plans/plan-schemas';
import type { Unit, UnitGroup } from '../../../../shared/units/unit-schemas';
import { NEW_EXTERNAL_PREFIX, rankUnitChoices, type UnitChoice } from '../../../../shared/units/unit-choice';

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
const KIND_HINT = { group: 'nhóm đơn vị', unit: 'đơn vị', external: 'cơ quan ngoài' } as const;
/** A choice as a value of the select: "g:<id>", "u:<id>", "x:<name>" like encode; "n:<name>" for a new outside body. */
const valueOf = (c: UnitChoice) => `${{ group: 'g', unit: 'u', external: 'x', 'new-external': 'n' }[c.kind]}:${c.id}`;

/**
 * Units of the organisation tree, its groups, or an outside body typed as written ("Ủy ban MTTQ Việt Nam xã").
 * What the clerk types is matched without diacritics (rankUnitChoices): the matches are listed first, the best
 * one highlighted, so Enter takes it; an outside body is added only through its own choice "Thêm cơ quan ngoài: …".
 * Notes kept on a reference survive editing the list.
 */
export function UnitRefSelect(props: { value: UnitRef[]; onChange(v: UnitRef[]): void; units: Unit[]; groups: UnitGroup[]; label: string; status?: 'error' }) {
  const [search, setSearch] = useState('');
  const notes = new Map(props.value.map((r) => [encode(r), r.note]));
  const decode = (v: string): UnitRef => {
    if (v.startsWith('n:')) return { type: 'external', name: v.slice(2), note: notes.get(`x:${v.slice(2)}`) ?? '' };
    const note = notes.get(v) ?? '';
    if (v.startsWith('u:')) return { type: 'unit', unitId: v.slice(2), note };
    if (v.startsWith('g:')) return { type: 'group', groupId: v.slice(2), note };
    return { type: 'external', name: v.slice(2), note };
  };
  const chosen = new Set(props.value.flatMap((r) => (r.type === 'unit' ? [r.unitId] : r.type === 'group' ? [r.groupId] : [])));
  const externalNames = props.value.flatMap((r) => (r.type === 'external' ? [r.name] : []));
  const choices = rankUnitChoices(search, { units: props.units, groups: props.groups, externals: externalNames, keepIds: chosen });
  const shown = new Set(choices.map(valueOf));
  const hints = new Map(choices.flatMap((c) => (c.kind === 'new-external' ? [] : [[valueOf(c), c.via ? `${KIND_HINT[c.kind]}, tên khác: ${c.via}` : KIND_HINT[c.kind]] as const])));
  const groupOptions = props.groups.filter((g) => g.active || chosen.has(g.id)).map((g) => ({ value: `g:${g.id}`, label: g.name, title: g.name }));
  const unitOptions = props.units.filter((u) => u.active || chosen.has(u.id)).map((u) => ({ value: `u:${u.id}`, label: u.name, title: u.name }));
  const externalOptions = externalNames.map((name) => ({ value: `x:${name}`, label: name, title: name }));
  const options: SelectProps<string[]>['options'] = search.trim()
    ? [
        // While typing: one list, best match first (highlighted), the new outside body last; the rest stay
        // (hidden by filterOption) so that chosen items keep their names.
        ...choices.map((c) => {
          const label = c.kind === 'new-external' ? `${NEW_EXTERNAL_PREFIX}${c.name}` : c.name;
          return { value: valueOf(c), label, title: label };
        }),
        ...[...groupOptions, ...unitOptions, ...externalOptions].filter((o) => !shown.has(o.value)),
      ]
    : [
        { label: 'Nhóm đơn vị', options: groupOptions },
        { label: 'Đơn vị', options: unitOptions },
        ...(externalOptions.length ? [{ label: 'Cơ quan ngoài', options: externalOptions }] : []),
      ];
  return (
    <Select
      mode="multiple"
      aria-label={props.label}
      status={props.status}
      style={{ width: '100%' }}
      placeholder="Chọn đơn vị, nhóm (gõ không dấu được), hoặc gõ tên cơ quan ngoài"
      value={props.value.map(encode)}
      searchValue={search}
      onSearch={setSearch}
      onBlur={() => setSearch('')}
      onChange={(values: string[]) => {
        setSearch('');
        props.onChange(values.map(decode));
      }}
      filterOption={(_input, option) => shown.has(String(option?.value))}
      options={options}
      optionRender={(option) => {
        const hint = hints.get(String(option.value));
        return hint ? <span>{option.label} <Typography.Text type="secondary">· {hint}</Typography.Text></span> : option.label;
      }}
    />
  );
}
