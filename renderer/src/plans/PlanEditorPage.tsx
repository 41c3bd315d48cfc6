import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Input, Modal, Space, Spin, Typography } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanContent, PlanTask } from '../../../shared/plans/plan-schemas';
import { blankTask } from '../../../shared/plans/blank-task';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { useUnitNames } from '../units/use-unit-names';
import { TaskEditor } from './editor/TaskEditor';
import { DutiesEditor } from './editor/DutiesEditor';
import { FooterEditor, HeaderEditor } from './editor/HeaderEditor';
import { IndicatorsEditor } from './editor/IndicatorsEditor';
import { clearLocalCopy, readLocalCopy, useAutosave } from '../common/use-autosave';
import { SaveIndicator } from '../common/SaveIndicator';


/** Tasks are numbered by their place in the list. */
const renumber = (tasks: PlanTask[]) => tasks.map((t, i) => ({ ...t, ordinal: String(i + 1) }));

export function PlanEditorPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const plan = useApiQuery('plans.get', { id, revision: null });
  if (plan.isPending) return <Spin />;
  if (plan.isError) return <Alert type="error" showIcon message={plan.error.message} />;
  return <PlanEditor key={plan.data.id + plan.data.revision} plan={plan.data} onDone={() => navigate(`/ke-hoach/${id}`)} />;
}

function PlanEditor({ plan, onDone }: { plan: NonNullable<ReturnType<typeof useApiQuery<'plans.get'>>['data']>; onDone(): void }) {
  const { message } = App.useApp();
  const names = useUnitNames();
  const revising = plan.status === 'issued';
  const storageKey = `danvan:ban-nhap-ke-hoach:${plan.id}`;
  const [restored] = useState(() => readLocalCopy<PlanContent>(storageKey, plan.updatedAt));
  const [content, setContent] = useState<PlanContent>(restored ?? plan.content);
  const parent = useApiQuery('plans.get', { id: plan.parentPlanId ?? plan.id, revision: null });
  const saveDraft = useApiMutation('plans.saveDraft', ['plans.', 'overview.']);
  const revise = useApiMutation('plans.revise', ['plans.', 'overview.']);
  const save = useCallback((c: PlanContent) => saveDraft.mutateAsync({ id: plan.id, content: c }), [plan.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state, fieldErrors, setFieldErrors } = useAutosave(storageKey, content, revising ? null : save);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reviseError, setReviseError] = useState<string | null>(null);

  useEffect(() => {
    if (restored) message.info('Đã khôi phục nội dung đang soạn dở chưa được lưu.');
  }, [restored, message]);

  const patch = (p: Partial<PlanContent>) => setContent((c) => ({ ...c, ...p }));
  const setTasks = (tasks: PlanTask[]) => patch({ tasks: renumber(tasks) });
  const parentTasks = plan.parentPlanId && parent.data ? parent.data.content.tasks.map((t) => ({ id: t.id, label: `${t.ordinal}. ${t.body.slice(0, 90)}` })) : null;

  const onRevise = async () => {
    try {
      await revise.mutateAsync({ id: plan.id, reason, content });
      clearLocalCopy(storageKey);
      setReasonOpen(false);
      message.success('Đã lưu bản sửa đổi');
      onDone();
    } catch (e) {
      const err = e as Error & { error?: { fields?: Record<string, string> } };
      setFieldErrors(Object.fromEntries(Object.entries(err.error?.fields ?? {}).map(([k, v]) => [k.replace(/^content\./, ''), v])));
      setReviseError(err.message);
    }
  };

  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Link to="/ke-hoach">← Danh sách kế hoạch</Link>
          <Typography.Text strong>{revising ? `Sửa đổi kế hoạch ${plan.documentNumber}` : plan.status === 'received' ? 'Kế hoạch cấp trên' : 'Dự thảo kế hoạch'}</Typography.Text>
        </Space>
        <Space>
          {!revising && <SaveIndicator state={state} />}
          {revising ? (
            <Button type="primary" onClick={() => { setReviseError(null); setReasonOpen(true); }}>Lưu bản sửa đổi…</Button>
          ) : (
            <Button icon={<EyeOutlined />} onClick={async () => { await callApi('plans.saveDraft', { id: plan.id, content }).catch(() => undefined); onDone(); }}>Xem văn bản</Button>
          )}
        </Space>
      </Space>
      {revising && <Alert style={{ marginBottom: 12 }} type="info" showIcon message={`Kế hoạch đã ban hành. Thay đổi ở đây được lưu thành lần sửa đổi thứ ${plan.revision + 1}, kèm lý do; các lần trước vẫn xem lại được.`} />}
      {state.kind === 'failed' && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={`Chưa lưu được vào dữ liệu: ${state.message}`} description="Nội dung vẫn được giữ trên máy này; sửa chỗ báo lỗi để lưu." />}
      <Card title="Thông tin văn bản" size="small" style={{ marginBottom: 16 }}>
        <HeaderEditor content={content} received={plan.kind === 'received'} errors={fieldErrors} onChange={patch} />
      </Card>
      <Card title={`II. ${content.tasksHeading || 'Nội dung thực hiện'} (${content.tasks.length} nhiệm vụ)`} size="small" style={{ marginBottom: 16 }}>
        {content.tasks.map((task, i) => (
          <TaskEditor
            key={task.id}
            task={task}
            index={i}
            count={content.tasks.length}
            units={names.units}
            groups={names.groups}
            parentTasks={parentTasks}
            errors={fieldErrors}
            onChange={(update) => setContent((c) => ({ ...c, tasks: renumber(c.tasks.map((x) => (x.id === task.id ? update(x) : x))) }))}
            onMove={(d) => {
              const tasks = [...content.tasks];
              [tasks[i], tasks[i + d]] = [tasks[i + d]!, tasks[i]!];
              setTasks(tasks);
            }}
            onRemove={() => setTasks(content.tasks.filter((x) => x.id !== task.id))}
          />
        ))}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => setTasks([...content.tasks, blankTask(String(content.tasks.length + 1))])}>Thêm nhiệm vụ</Button>
      </Card>
      <Card title="Yêu cầu báo cáo" size="small" style={{ marginBottom: 16 }}>
        <DutiesEditor duties={content.duties} year={content.year} units={names.units} groups={names.groups} errors={fieldErrors} onChange={(update) => setContent((c) => ({ ...c, duties: update(c.duties) }))} />
      </Card>
      <Card title="Chỉ tiêu số liệu các đơn vị báo cáo" size="small" style={{ marginBottom: 16 }}>
        <IndicatorsEditor value={content.indicators} onChange={(indicators) => patch({ indicators })} />
      </Card>
      <Card title="Kinh phí, tổ chức thực hiện, nơi nhận, người ký" size="small">
        <FooterEditor content={content} errors={fieldErrors} onChange={patch} />
      </Card>
      <Modal open={reasonOpen} title="Lưu bản sửa đổi" okText="Lưu bản sửa đổi" cancelText="Hủy" onOk={onRevise} confirmLoading={revise.isPending} onCancel={() => setReasonOpen(false)}>
        <Typography.Paragraph>Lý do sửa đổi (ghi vào lịch sử kế hoạch):</Typography.Paragraph>
        <Input.TextArea aria-label="Lý do sửa đổi" autoSize={{ minRows: 2 }} value={reason} onChange={(e) => setReason(e.target.value)} />
        {reviseError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={reviseError} />}
      </Modal>
    </div>
  );
}
