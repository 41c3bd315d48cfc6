import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DUTY_KINDS, DUTY_KIND_LABELS, type ReportingDuty } from '../../../../shared/plans/plan-schemas';
import { cutoffPeriod, defaultDueDate } from '../../../../shared/plans/reporting-periods';
import { CutoffFields } from './CutoffFields';
import { formatVnDate } from '../../../../shared/dates/vn-date';
import type { Unit, UnitGroup } from '../../../../shared/units/unit-schemas';
import { DateField, UnitRefSelect } from './fields';

interface Props {
  duties: ReportingDuty[];
  year: number;
  units: Unit[];
  groups: UnitGroup[];
  errors: Record<string, string>;
  /** Given how to change the latest duties, not the duties this render saw: two fields left in quick succession both keep what was typed. */
  onChange(update: (duties: ReportingDuty[]) => ReportingDuty[]): void;
}

/** The reports the plan asks for: which, who owes them, to whom, by when; with the Nghị định 09 defaults. */
export function DutiesEditor({ duties, year, units, groups, errors, onChange }: Props) {
  const set = (i: number, patch: Partial<ReportingDuty> | ((d: ReportingDuty) => Partial<ReportingDuty>)) =>
    onChange((latest) => latest.map((d, j) => (j === i ? { ...d, ...(typeof patch === 'function' ? patch(d) : patch) } : d)));
  const add = () => onChange((latest) => [...latest, { id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: null, units: [], recipient: '', quarter: null }]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {duties.map((d, i) => {
        const cutoff = cutoffPeriod(d.kind, year, d.quarter);
        const fallback = defaultDueDate(d.kind, year, d.quarter);
        const own = Object.entries(errors).filter(([k]) => k.startsWith(`duties.${i}.`)).map(([, v]) => v);
        return (
          <Card key={d.id} size="small" data-testid={`duty-${i + 1}`} style={{ borderColor: own.length ? '#ff4d4f' : undefined }}>
            <Space wrap align="start">
              <Select aria-label={`Loại báo cáo ${i + 1}`} style={{ width: 260 }} value={d.kind} onChange={(kind) => set(i, { kind, quarter: kind === 'quarterly' ? (d.quarter ?? 1) : null })} options={DUTY_KINDS.map((k) => ({ value: k, label: DUTY_KIND_LABELS[k] }))} />
              {d.kind === 'quarterly' && <Select aria-label="Quý" style={{ width: 100 }} value={d.quarter ?? 1} onChange={(quarter) => set(i, { quarter })} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Quý ${q}` }))} />}
              <DateField label={`Hạn báo cáo ${i + 1}`} value={d.dueDate} onChange={(dueDate) => set(i, { dueDate })} status={errors[`duties.${i}.dueDate`] ? 'error' : undefined} />
              {fallback && !d.dueDate && <Button onClick={() => set(i, { dueDate: fallback })}>Dùng hạn theo NĐ 09/2019 ({formatVnDate(fallback)})</Button>}
              <Button danger icon={<DeleteOutlined />} aria-label={`Bỏ yêu cầu báo cáo ${i + 1}`} onClick={() => onChange((latest) => latest.filter((_, j) => j !== i))} />
            </Space>
            <div style={{ marginTop: 8 }}>
              <UnitRefSelect label={`Đơn vị phải báo cáo ${i + 1}`} value={d.units} onChange={(refs) => set(i, { units: refs })} units={units} groups={groups} status={errors[`duties.${i}.units`] ? 'error' : undefined} />
            </div>
            <Space style={{ marginTop: 8, width: '100%' }} wrap>
              <Input aria-label={`Gửi về ${i + 1}`} style={{ width: 320 }} placeholder="Gửi về (ví dụ: Phòng Văn hóa – Xã hội)" value={d.recipient} onChange={(e) => set(i, { recipient: e.target.value })} />
              <Input aria-label={`Ghi chú báo cáo ${i + 1}`} style={{ width: 320 }} placeholder="Tên gọi khác (không bắt buộc)" value={d.label} onChange={(e) => set(i, { label: e.target.value })} />
            </Space>
            <CutoffFields index={i + 1} own={d.cutoff} byDecree={cutoff} onChange={(update) => set(i, (latest) => ({ cutoff: update(latest.cutoff) }))} />
            {own.map((m) => <div key={m}><Typography.Text type="danger">{m}</Typography.Text></div>)}
          </Card>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} onClick={add}>Thêm yêu cầu báo cáo</Button>
    </Space>
  );
}
