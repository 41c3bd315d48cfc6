import { Button, Card, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TIMEFRAME_KINDS, TIMEFRAME_LABELS, type PlanTask, type Timeframe } from '../../../../shared/plans/plan-schemas';
import type { Unit, UnitGroup } from '../../../../shared/units/unit-schemas';
import { DateField, UnitRefSelect } from './fields';
import { TimeframeWording } from './TimeframeWording';

export interface TaskEditorProps {
  task: PlanTask;
  index: number;
  count: number;
  units: Unit[];
  groups: UnitGroup[];
  parentTasks: { id: string; label: string }[] | null;
  errors: Record<string, string>;
  /** Given how to change the latest task, not the task this render saw: two date fields left in quick succession both keep what was typed. */
  onChange(update: (task: PlanTask) => PlanTask): void;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
}

/** The four roles with the short labels the editor and the import review show. */
export const ROLE_FIELDS = [
  ['directing', 'Chỉ đạo'],
  ['lead', 'Chủ trì'],
  ['coordinating', 'Phối hợp'],
  ['implementing', 'Thực hiện'],
] as const;

export function TaskEditor({ task, index, count, units, groups, parentTasks, errors, onChange, onMove, onRemove }: TaskEditorProps) {
  const set = (patch: Partial<PlanTask> | ((latest: PlanTask) => Partial<PlanTask>)) => onChange((latest) => ({ ...latest, ...(typeof patch === 'function' ? patch(latest) : patch) }));
  const setTime = (patch: Partial<Timeframe>) => set((latest) => ({ timeframe: { ...latest.timeframe, ...patch } }));
  const err = (key: string) => errors[`tasks.${index}.${key}`];
  const own = Object.entries(errors).filter(([k]) => k.startsWith(`tasks.${index}.`)).map(([, v]) => v);
  const t = task.timeframe;
  return (
    <Card
      size="small"
      data-testid={`task-${index + 1}`}
      title={`Nhiệm vụ ${task.ordinal}`}
      style={{ marginBottom: 12, borderColor: own.length ? '#ff4d4f' : undefined }}
      extra={
        <Space size={4}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`Đưa nhiệm vụ ${task.ordinal} lên`} onClick={() => onMove(-1)} />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} aria-label={`Đưa nhiệm vụ ${task.ordinal} xuống`} onClick={() => onMove(1)} />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Bỏ nhiệm vụ ${task.ordinal}`} onClick={onRemove} />
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Input.TextArea aria-label={`Nội dung nhiệm vụ ${task.ordinal}`} status={err('body') ? 'error' : undefined} autoSize={{ minRows: 2, maxRows: 12 }} value={task.body} onChange={(e) => set({ body: e.target.value })} placeholder="Nội dung nhiệm vụ" />
        {task.subItems.map((s, i) => (
          <Space.Compact key={i} style={{ width: '100%' }}>
            <Select aria-label="Ký hiệu ý" style={{ width: 70 }} value={s.label} onChange={(label) => set({ subItems: task.subItems.map((x, j) => (j === i ? { ...x, label } : x)) })} options={['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', '-', '+'].map((v) => ({ value: v, label: v === '-' || v === '+' ? v : `${v})` }))} />
            <Input.TextArea aria-label={`Ý ${i + 1} của nhiệm vụ ${task.ordinal}`} autoSize={{ minRows: 1, maxRows: 8 }} value={s.body} onChange={(e) => set({ subItems: task.subItems.map((x, j) => (j === i ? { ...x, body: e.target.value } : x)) })} />
            <Button aria-label="Bỏ ý này" icon={<DeleteOutlined />} onClick={() => set({ subItems: task.subItems.filter((_, j) => j !== i) })} />
          </Space.Compact>
        ))}
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => set({ subItems: [...task.subItems, { label: '-', body: '' }] })}>Thêm ý nhỏ</Button>
        {ROLE_FIELDS.map(([role, label]) => (
          <div key={role} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Typography.Text style={{ width: 90, flex: 'none' }}>{label}</Typography.Text>
            <UnitRefSelect label={`${label} – nhiệm vụ ${task.ordinal}`} value={task[role]} onChange={(refs) => set({ [role]: refs })} units={units} groups={groups} />
          </div>
        ))}
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography.Text style={{ width: 90, flex: 'none' }}>Thời gian</Typography.Text>
          <Select aria-label={`Thời gian thực hiện nhiệm vụ ${task.ordinal}`} style={{ width: 220 }} value={t.kind} onChange={(kind) => setTime({ kind, text: '' })} options={TIMEFRAME_KINDS.map((k) => ({ value: k, label: TIMEFRAME_LABELS[k] }))} />
          {(t.kind === 'year' || t.kind === 'ongoing') && <InputNumber aria-label={`Năm thực hiện nhiệm vụ ${task.ordinal}`} placeholder="Năm" min={2000} max={2100} value={t.year} onChange={(year) => setTime({ year: year ?? null })} />}
          {t.kind === 'deadline' && <DateField label={`Hạn nhiệm vụ ${task.ordinal}`} value={t.dueDate} onChange={(dueDate) => setTime({ dueDate })} status={err('timeframe.dueDate') ? 'error' : undefined} />}
          {t.kind === 'range' && (
            <>
              <DateField label={`Từ ngày – nhiệm vụ ${task.ordinal}`} value={t.from} onChange={(from) => setTime({ from })} />
              <DateField label={`Đến ngày – nhiệm vụ ${task.ordinal}`} value={t.to} onChange={(to) => setTime({ to })} />
            </>
          )}
          {t.text && <TimeframeWording timeframe={t} ordinal={task.ordinal} onUseNearest={() => setTime({ text: '' })} />}
          <Radio.Group size="small" value={task.implementingLabel} onChange={(e) => set({ implementingLabel: e.target.value })} options={[{ value: 'thuc-hien', label: '"Cơ quan thực hiện"' }, { value: 'tham-muu-thuc-hien', label: '"Tham mưu, thực hiện"' }]} />
        </div>
        {parentTasks && (
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Typography.Text style={{ width: 90, flex: 'none' }}>NV cấp trên</Typography.Text>
            <Select aria-label={`Nhiệm vụ cấp trên của nhiệm vụ ${task.ordinal}`} allowClear style={{ width: '100%' }} placeholder="Không gắn với nhiệm vụ cấp trên" value={task.parentTaskId ?? undefined} onChange={(v) => set({ parentTaskId: v ?? null })} options={parentTasks.map((p) => ({ value: p.id, label: p.label }))} />
          </div>
        )}
        {own.map((message) => <Typography.Text key={message} type="danger">{message}</Typography.Text>)}
      </Space>
    </Card>
  );
}
