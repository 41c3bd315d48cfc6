import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, AutoComplete, Button, Card, Col, DatePicker, Input, InputNumber, Modal, Row, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MODEL_FIELDS,
  MODEL_FIELD_LABELS,
  MODEL_LEVELS,
  MODEL_LEVEL_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  type ReportContent,
  type ReportView,
} from '../../../shared/reports/report-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { reportAllows } from '../../../shared/workflow/states';
import { REPORT_STATE_LABELS } from '../../../shared/workflow/state-labels';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { readLocalCopy, useAutosave } from '../common/use-autosave';
import { SaveIndicator } from '../common/SaveIndicator';
import { TaskAttachments } from './TaskAttachments';
import { SendReturnButton } from '../bundles/SendButtons';
import { foldedOptionFilter } from '../common/folded-filter';
import { useNeeds } from '../auth/current-user';
import { REPORT_SECTIONS } from './report-sections';
import { figureProblems, type ReportDraft } from '../../../shared/reports/figure-problems';
import { figureRuleProblems, formatFigure } from '../../../shared/reports/figure-rules';

export function ReportEditorPage() {
  const { id = '' } = useParams();
  const report = useApiQuery('reports.get', { id });
  if (report.isPending) return <Spin />;
  if (report.isError) return <Alert type="error" showIcon message={report.error.message} />;
  return <ReportEditor key={`${report.data.id}:${report.data.status}:${report.data.revision}`} report={report.data} />;
}

function ReportEditor({ report }: { report: ReportView }) {
  const { message } = App.useApp();
  const editable = reportAllows(report.status, 'save');
  const storageKey = `danvan:ban-nhap-bao-cao:${report.id}`;
  const [content, setContent] = useState<ReportDraft>(() => (editable ? readLocalCopy<ReportDraft>(storageKey, report.updatedAt) : null) ?? report.content);
  const saveMutation = useApiMutation('reports.save', ['reports.']);
  const ordinalOf = (i: number) => report.tasks[i]?.ordinal ?? String(i + 1);
  // A figure row still being filled in is not sent; the clerk reads which row and what it lacks instead.
  const save = useCallback((c: ReportDraft) => {
    const problem = Object.values(figureProblems(c.tasks, ordinalOf))[0];
    // no problem: every figure has its value
    return problem ? Promise.reject(new Error(problem)) : saveMutation.mutateAsync({ id: report.id, content: c as ReportContent });
  }, [report.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state, fieldErrors } = useAutosave(storageKey, content, editable ? save : null);
  const revisions = useApiQuery('reports.revisions', { id: report.id }, { enabled: report.revision > 1 });
  const changesOf = (revision: number) => revisions.data?.find((r) => r.revision === revision)?.changes ?? [];
  const submit = useApiMutation('reports.submit', ['reports.']);
  const accept = useApiMutation('reports.accept', ['reports.']);
  const needs = useNeeds();
  const giveBack = useApiMutation('reports.return', ['reports.']);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [receivedDate, setReceivedDate] = useState<Dayjs>(dayjs());
  const [returnOpen, setReturnOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors, ...submitErrors };
  // Derived from the rows as they are now: a row removed takes its problem with it.
  const figureErrors = figureProblems(content.tasks, ordinalOf);
  const figureBlock = Object.values(figureErrors)[0] ?? null;
  // the plan's rules for its indicators (part ≤ whole, 0–100 %, whole counts): a draft may break them, sending may not
  const ruleErrors = figureRuleProblems(content.tasks, report.indicators, ordinalOf);
  const ruleBlock = Object.values(ruleErrors)[0] ?? null;
  const rowProblems = { ...ruleErrors, ...figureErrors };

  const setTask = (i: number, patch: Partial<ReportDraft['tasks'][number]>) => setContent((c) => ({ ...c, tasks: c.tasks.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));
  const act = async (run: () => Promise<unknown>, done: string, close: () => void) => {
    setActionError(null);
    try {
      await run();
      close();
      message.success(done);
    } catch (e) {
      const err = e as Error & { error?: { fields?: Record<string, string> } };
      setSubmitErrors(err.error?.fields ?? {});
      setActionError(err.message);
    }
  };

  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Link to={`/bao-cao?ke-hoach=${report.planId}`}>← Bảng theo dõi báo cáo</Link>
          <Typography.Text strong>{`${report.dutyLabel} – ${report.unitName}`}</Typography.Text>
          <Tag data-testid="report-status" color={report.status === 'accepted' ? 'blue' : report.status === 'returned' ? 'magenta' : report.status === 'submitted' ? 'green' : 'default'}>{REPORT_STATE_LABELS[report.status]}</Tag>
          <Typography.Text type="secondary">Hạn {report.dueDate ? formatVnDate(report.dueDate) : ''}</Typography.Text>
        </Space>
        <Space>
          {editable && <SaveIndicator state={state} />}
          {editable && <Button type="primary" onClick={() => { setActionError(null); setSubmitOpen(true); }}>Gửi báo cáo…</Button>}
          {report.status === 'submitted' && (
            <>
              <Button type="primary" {...needs('reports.accept')} loading={accept.isPending} onClick={() => act(() => accept.mutateAsync({ id: report.id }), 'Đã tiếp nhận báo cáo', () => undefined)}>Tiếp nhận</Button>
              <Button danger {...needs('reports.return')} onClick={() => { setActionError(null); setReturnOpen(true); }}>Trả lại…</Button>
            </>
          )}
        </Space>
      </Space>
      {report.status === 'returned' && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          message={`Báo cáo bị trả lại. Lý do: ${report.returnedReason}`}
          description="Sửa theo yêu cầu rồi gửi lại. Nếu báo cáo đến từ tệp gói của đơn vị, gửi trả lại cho đơn vị:"
          action={<SendReturnButton reportId={report.id} />}
        />
      )}
      {actionError && !submitOpen && !returnOpen && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={actionError} />}
      <FigureChecks editable={editable} ruleProblems={Object.values(ruleErrors)} outliers={report.outliers} />
      {state.kind === 'failed' && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={`Chưa lưu được: ${state.message}`} />}
      <Card size="small" title={`Kết quả thực hiện các nhiệm vụ (${report.tasks.length})`} style={{ marginBottom: 16 }}>
        {report.tasks.length === 0 && <Typography.Text type="secondary">Đơn vị không được giao nhiệm vụ nào trong kế hoạch.</Typography.Text>}
        {report.tasks.map((task, i) => {
          const entry = content.tasks[i]!;
          const err = (k: string) => errors[`tasks.${i}.${k}`];
          return (
            <Card key={task.taskId} size="small" type="inner" data-testid={`report-task-${task.ordinal}`} style={{ marginBottom: 12, borderColor: err('status') || err('reason') ? '#ff4d4f' : undefined }} title={<span style={{ whiteSpace: 'normal', fontWeight: 400 }}><b>{task.ordinal}.</b> {task.body.length > 220 ? `${task.body.slice(0, 217)}…` : task.body} <Tag>{task.roles.join(', ')}</Tag></span>}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select aria-label={`Tình trạng nhiệm vụ ${task.ordinal}`} disabled={!editable} status={err('status') ? 'error' : undefined} placeholder="Chọn tình trạng" style={{ width: 260 }} value={entry.status} onChange={(status) => setTask(i, { status })} options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))} />
                  {err('status') && <Typography.Text type="danger">{err('status')}</Typography.Text>}
                </Space>
                <Input.TextArea aria-label={`Kết quả nhiệm vụ ${task.ordinal}`} disabled={!editable} autoSize={{ minRows: 2, maxRows: 10 }} placeholder="Đã làm được gì" value={entry.doneText} onChange={(e) => setTask(i, { doneText: e.target.value })} />
                {entry.status === 'not_done' && (
                  <Input.TextArea aria-label={`Lý do không thực hiện nhiệm vụ ${task.ordinal}`} disabled={!editable} status={err('reason') ? 'error' : undefined} autoSize={{ minRows: 1 }} placeholder="Lý do không thực hiện" value={entry.reason} onChange={(e) => setTask(i, { reason: e.target.value })} />
                )}
                {err('reason') && <Typography.Text type="danger">{err('reason')}</Typography.Text>}
                {entry.figures.map((f, j) => (
                  <Space.Compact key={j}>
                    <AutoComplete
                      aria-label={`Chỉ tiêu ${j + 1} – nhiệm vụ ${task.ordinal}`}
                      disabled={!editable}
                      style={{ width: 320 }}
                      placeholder="Chỉ tiêu (ví dụ: Số cuộc đối thoại)"
                      value={f.name}
                      status={rowProblems[`tasks.${i}.figures.${j}`] ? 'error' : undefined}
                      options={report.indicators.map((ind) => ({ value: ind.name }))}
                      filterOption={(input, option) => foldedOptionFilter(input, { label: option?.value })}
                      onChange={(name: string) => {
                        const known = report.indicators.find((ind) => ind.name === name);
                        setTask(i, { figures: entry.figures.map((x, k) => (k === j ? { ...x, name, unit: known ? known.unit : x.unit } : x)) });
                      }}
                    />
                    <InputNumber<number> aria-label={`Giá trị ${j + 1} – nhiệm vụ ${task.ordinal}`} disabled={!editable} status={rowProblems[`tasks.${i}.figures.${j}`] ? 'error' : undefined} style={{ width: 120 }} value={f.value} onChange={(v) => setTask(i, { figures: entry.figures.map((x, k) => (k === j ? { ...x, value: v } : x)) })} />
                    <Input aria-label={`Đơn vị tính ${j + 1} – nhiệm vụ ${task.ordinal}`} disabled={!editable} style={{ width: 110 }} placeholder="Đơn vị tính" value={f.unit} onChange={(e) => setTask(i, { figures: entry.figures.map((x, k) => (k === j ? { ...x, unit: e.target.value } : x)) })} />
                    {editable && <Button aria-label={`Bỏ số liệu ${j + 1} – nhiệm vụ ${task.ordinal}`} icon={<DeleteOutlined />} onClick={() => setTask(i, { figures: entry.figures.filter((_, k) => k !== j) })} />}
                  </Space.Compact>
                ))}
                {Object.entries(rowProblems).filter(([key]) => key.startsWith(`tasks.${i}.figures.`)).map(([key, problem]) => <Typography.Text key={key} type="danger" data-testid="figure-problem">{problem}</Typography.Text>)}
                {editable && <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setTask(i, { figures: [...entry.figures, { name: '', unit: '', value: null }] })}>Thêm số liệu</Button>}
                <TaskAttachments label={`Đính kèm minh chứng nhiệm vụ ${task.ordinal}`} value={entry.attachments} editable={editable} onChange={(attachments) => setTask(i, { attachments })} />
              </Space>
            </Card>
          );
        })}
      </Card>
      <Card size="small" title="Đánh giá chung" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {REPORT_SECTIONS.map(([key, label]) => (
            <Col key={key} xs={24} md={12} style={{ marginBottom: 12 }}>
              <div>{label}</div>
              <Input.TextArea aria-label={label} disabled={!editable} autoSize={{ minRows: 3, maxRows: 12 }} value={content[key] as string} onChange={(e) => setContent((c) => ({ ...c, [key]: e.target.value }))} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title='Mô hình "Dân vận khéo"' style={{ marginBottom: 16 }}>
        {content.models.map((m, i) => {
          const set = (patch: Partial<typeof m>) => setContent((c) => ({ ...c, models: c.models.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
          return (
            <Space key={m.id} wrap style={{ marginBottom: 8 }}>
              <Input aria-label={`Tên mô hình ${i + 1}`} disabled={!editable} style={{ width: 320 }} placeholder="Tên mô hình" value={m.name} onChange={(e) => set({ name: e.target.value })} />
              <Select aria-label={`Lĩnh vực mô hình ${i + 1}`} disabled={!editable} style={{ width: 230 }} value={m.field} onChange={(field) => set({ field })} options={MODEL_FIELDS.map((f) => ({ value: f, label: MODEL_FIELD_LABELS[f] }))} />
              <Select aria-label={`Cấp mô hình ${i + 1}`} disabled={!editable} style={{ width: 210 }} value={m.level} onChange={(level) => set({ level })} options={MODEL_LEVELS.map((l) => ({ value: l, label: MODEL_LEVEL_LABELS[l] }))} />
              <DatePicker aria-label={`Ngày bắt đầu mô hình ${i + 1}`} disabled={!editable} format="DD/MM/YYYY" placeholder="Bắt đầu" value={m.startDate ? dayjs(m.startDate) : null} onChange={(d) => set({ startDate: d ? d.format('YYYY-MM-DD') : null })} />
              <Input aria-label={`Kết quả mô hình ${i + 1}`} disabled={!editable} style={{ width: 320 }} placeholder="Kết quả" value={m.results} onChange={(e) => set({ results: e.target.value })} />
              {editable && <Button aria-label="Bỏ mô hình" icon={<DeleteOutlined />} onClick={() => setContent((c) => ({ ...c, models: c.models.filter((_, j) => j !== i) }))} />}
            </Space>
          );
        })}
        {editable && <div><Button type="dashed" icon={<PlusOutlined />} onClick={() => setContent((c) => ({ ...c, models: [...c.models, { id: crypto.randomUUID(), name: '', field: 'cai_cach_hanh_chinh', unitName: report.unitName, startDate: null, results: '', level: 'dang_ky' }] }))}>Thêm mô hình</Button></div>}
      </Card>
      {report.events.length > 0 && (
        <Card size="small" title="Quá trình">
          <Timeline
            items={report.events.map((e) => ({
              color: e.kind === 'returned' ? 'red' : e.kind === 'accepted' ? 'blue' : 'green',
              children: (
                <div>
                  {`${formatVnDate(e.at.slice(0, 10))}: ${e.kind === 'submitted' ? `Gửi lần ${e.revision}${e.date ? ` (nhận ngày ${formatVnDate(e.date)})` : ''}` : e.kind === 'accepted' ? 'Tiếp nhận' : `Trả lại – ${e.reason}`}`}
                  {e.actor && <Typography.Text type="secondary"> · {e.actor}</Typography.Text>}
                  {e.kind === 'submitted' && changesOf(e.revision).length > 0 && (
                    <ul style={{ margin: '2px 0 0', paddingLeft: 18, color: '#555' }}>{changesOf(e.revision).map((c) => <li key={c}>{c}</li>)}</ul>
                  )}
                </div>
              ),
            }))}
          />
        </Card>
      )}
      <Modal open={submitOpen} title="Gửi báo cáo" okText="Gửi" cancelText="Hủy" okButtonProps={{ disabled: figureBlock !== null || ruleBlock !== null }} confirmLoading={submit.isPending} onCancel={() => setSubmitOpen(false)} onOk={() => act(async () => { await save(content); await submit.mutateAsync({ id: report.id, receivedDate: receivedDate.format('YYYY-MM-DD') }); }, 'Đã gửi báo cáo', () => setSubmitOpen(false))}>
        <Typography.Paragraph>Ngày nhận báo cáo (với báo cáo giấy của đơn vị, ghi ngày nhận được):</Typography.Paragraph>
        <DatePicker aria-label="Ngày nhận báo cáo" format="DD/MM/YYYY" value={receivedDate} onChange={(d) => d && setReceivedDate(d)} allowClear={false} />
        {figureBlock && <Alert style={{ marginTop: 12 }} type="error" showIcon message={`Chưa gửi được: ${figureBlock}`} description="Nhập cho đủ hoặc bỏ dòng số liệu đó rồi gửi." />}
        {!figureBlock && ruleBlock && <Alert style={{ marginTop: 12 }} type="error" showIcon message={`Chưa gửi được: ${ruleBlock}`} description="Kiểm tra lại số liệu với báo cáo của đơn vị rồi gửi." />}
        {actionError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={actionError} />}
      </Modal>
      <Modal open={returnOpen} title="Trả lại báo cáo" okText="Trả lại" cancelText="Hủy" okButtonProps={{ danger: true }} confirmLoading={giveBack.isPending} onCancel={() => setReturnOpen(false)} onOk={() => act(() => giveBack.mutateAsync({ id: report.id, reason }), 'Đã trả lại báo cáo', () => setReturnOpen(false))}>
        <Typography.Paragraph>Lý do trả lại (đơn vị sẽ thấy lý do này):</Typography.Paragraph>
        <Input.TextArea aria-label="Lý do trả lại" autoSize={{ minRows: 2 }} value={reason} onChange={(e) => setReason(e.target.value)} />
        {actionError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={actionError} />}
      </Modal>
    </div>
  );
}

/**
 * What the figures say before anyone accepts them: the plan's rules they break (a draft may, sending may
 * not) and, on a sent report, those far from the unit's previous period: advice, not a block.
 */
function FigureChecks({ editable, ruleProblems, outliers }: { editable: boolean; ruleProblems: string[]; outliers: ReportView['outliers'] }) {
  return (
    <>
      {!editable && ruleProblems.length > 0 && (
        <Alert data-testid="figure-rule-problems" style={{ marginBottom: 12 }} type="error" showIcon message="Số liệu không đúng quy tắc của chỉ tiêu" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{ruleProblems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      )}
      {outliers.length > 0 && (
        <Alert
          data-testid="figure-outliers"
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          message="Số liệu khác xa kỳ trước của đơn vị – xem lại trước khi tiếp nhận"
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{outliers.map((o) => <li key={o.name}>{`${o.name}: ${formatFigure(o.value)}${o.unit ? ` ${o.unit}` : ''}, ${o.words}`}</li>)}</ul>}
        />
      )}
    </>
  );
}
