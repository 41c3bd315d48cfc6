import { Button, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Indicator } from '../../../../shared/plans/plan-schemas';

/** The figures every unit reports under this plan; units pick from this list. */
export function IndicatorsEditor({ value, onChange }: { value: Indicator[]; onChange(v: Indicator[]): void }) {
  const set = (i: number, patch: Partial<Indicator>) => onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((ind, i) => (
        <Space.Compact key={ind.id}>
          <Input aria-label={`Chỉ tiêu ${i + 1}`} style={{ width: 360 }} value={ind.name} onChange={(e) => set(i, { name: e.target.value })} />
          <Input aria-label={`Đơn vị tính của chỉ tiêu ${i + 1}`} style={{ width: 120 }} value={ind.unit} placeholder="Đơn vị tính" onChange={(e) => set(i, { unit: e.target.value })} />
          <Button aria-label={`Bỏ chỉ tiêu ${i + 1}`} icon={<DeleteOutlined />} onClick={() => onChange(value.filter((_, j) => j !== i))} />
        </Space.Compact>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...value, { id: crypto.randomUUID(), name: '', unit: '' }])}>Thêm chỉ tiêu</Button>
    </Space>
  );
}
