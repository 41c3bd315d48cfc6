import { Button, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { INDICATOR_KINDS, type Indicator } from '../../../../shared/plans/plan-schemas';
import { INDICATOR_KIND_LABELS, indicatorRules } from '../../../../shared/reports/figure-rules';

/**
 * The figures every unit reports under this plan; units pick from this list. Each says its kind (whole
 * number, percentage, quantity) and may be part of another (đơn đã giải quyết ≤ đơn tiếp nhận): the rules
 * the report editor checks and sending enforces.
 */
export function IndicatorsEditor({ value, onChange }: { value: Indicator[]; onChange(v: Indicator[]): void }) {
  const set = (i: number, patch: Partial<Indicator>) => onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  // what an indicator saved before the rules obeys: shown as its choice until the clerk changes it
  const rules = indicatorRules(value);
  const remove = (i: number) => {
    const gone = value[i]!.id;
    onChange(value.filter((_, j) => j !== i).map((x) => (x.partOf === gone ? { ...x, partOf: null } : x)));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((ind, i) => (
        <Space.Compact key={ind.id}>
          <Input aria-label={`Chỉ tiêu ${i + 1}`} style={{ width: 320 }} value={ind.name} onChange={(e) => set(i, { name: e.target.value })} />
          <Input aria-label={`Đơn vị tính của chỉ tiêu ${i + 1}`} style={{ width: 110 }} value={ind.unit} placeholder="Đơn vị tính" onChange={(e) => set(i, { unit: e.target.value })} />
          <Select aria-label={`Loại chỉ tiêu ${i + 1}`} style={{ width: 210 }} value={ind.kind ?? rules[i]!.kind} onChange={(kind) => set(i, { kind })} options={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))} />
          <Select
            aria-label={`Chỉ tiêu ${i + 1} không lớn hơn`}
            style={{ width: 260 }}
            allowClear
            placeholder="Không lớn hơn chỉ tiêu…"
            value={ind.partOf !== undefined ? ind.partOf : (value.find((x) => x.name === rules[i]!.partOf)?.id ?? null)}
            onChange={(partOf?: string | null) => set(i, { partOf: partOf ?? null })}
            options={value.filter((x) => x.id !== ind.id && x.name.trim()).map((x) => ({ value: x.id, label: `≤ ${x.name}` }))}
          />
          <Button aria-label={`Bỏ chỉ tiêu ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(i)} />
        </Space.Compact>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...value, { id: crypto.randomUUID(), name: '', unit: '', kind: 'count', partOf: null }])}>Thêm chỉ tiêu</Button>
    </Space>
  );
}
