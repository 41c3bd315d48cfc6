import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Card, Col, Input, InputNumber, Row, Select, Space, Spin, Typography, Button } from 'antd';
import { DeleteOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_STATUSES, TASK_STATUS_LABELS, type OwnReportView, type ReportContent } from '../../../shared/reports/report-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { useDocxExport } from '../common/use-docx-export';
import { readLocalCopy, useAutosave } from '../common/use-autosave';
import { SaveIndicator } from '../common/SaveIndicator';
import { REPORT_SECTIONS } from './report-sections';
import { figureProblems, type ReportDraft } from '../../../shared/reports/figure-problems';
import { TaskAttachments } from './TaskAttachments';

/** This office's own report on a plan it received (for offices with no units of their own to collect from). */
export function OwnReportPage() {
  const { planId = '', dutyId = '' } = useParams();
  const view = useApiQuery('ownReports.get', { planId, dutyId });
  if (view.isPending) return <Spin />;
  if (view.isError) return <Alert type="error" showIcon message={view.error.message} />;
  return <OwnReportEditor view={view.data} />;
}

function OwnReportEditor({ view }: { view: OwnReportView }) {
  const storageKey = `danvan:bao-cao-co-quan:${view.dutyId}`;
  const [content, setContent] = useState<ReportDraft>(() => readLocalCopy<ReportDraft>(storageKey, view.updatedAt ?? new Date(0).toISOString()) ?? view.content);
  const saveMutation = useApiMutation('ownReports.save', ['ownReports.']);
  const ordinalOf = (i: number) => view.tasks[i]?.ordinal ?? String(i + 1);
  // an empty or negative figure is named, not saved as 0; once none is left every figure has its value
  const save = useCallback((c: ReportDraft) => {
    const problem = Object.values(figureProblems(c.tasks, ordinalOf))[0];
    return problem ? Promise.reject(new Error(problem)) : saveMutation.mutateAsync({ planId: view.planId, dutyId: view.dutyId, content: c as ReportContent });
  }, [view.planId, view.dutyId]); // eslint-disable-line react-hooks/exhaustive-deps
  const figureErrors = figureProblems(content.tasks, ordinalOf);
  const { state } = useAutosave(storageKey, content, save);
  // what is on the screen is saved first, so the document says what the clerk sees
  const { exporting, exportDocx } = useDocxExport(async () => {
    await save(content);
    return callApi('ownReports.exportDocx', { planId: view.planId, dutyId: view.dutyId });
  });
  const setTask = (i: number, patch: Partial<ReportDraft['tasks'][number]>) => setContent((c) => ({ ...c, tasks: c.tasks.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));
  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Link to={`/ke-hoach/${view.planId}`}>← Kế hoạch {view.documentNumber}</Link>
          <Typography.Text strong>{view.dutyLabel} của cơ quan</Typography.Text>
          <Typography.Text type="secondary">Hạn {formatVnDate(view.dueDate)}</Typography.Text>
        </Space>
        <Space>
          <SaveIndicator state={state} />
          <Button icon={<FileWordOutlined />} loading={exporting} onClick={() => void exportDocx()}>Tải văn bản báo cáo (.docx)</Button>
        </Space>
      </Space>
      <Alert style={{ marginBottom: 12 }} type="info" showIcon message='Soạn xong, quay lại kế hoạch và bấm "Tạo tệp báo cáo (.dvb)" để gửi lên cấp trên.' />
      <Card size="small" title={`Kết quả thực hiện (${view.tasks.length} nhiệm vụ)`} style={{ marginBottom: 16 }}>
        {view.tasks.map((task, i) => {
          const entry = content.tasks[i]!;
          return (
            <Card key={task.taskId} size="small" type="inner" data-testid={`own-task-${task.ordinal}`} style={{ marginBottom: 12 }} title={<span style={{ whiteSpace: 'normal', fontWeight: 400 }}><b>{task.ordinal}.</b> {task.body.length > 220 ? `${task.body.slice(0, 217)}…` : task.body}</span>}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Select aria-label={`Tình trạng nhiệm vụ ${task.ordinal}`} placeholder="Chọn tình trạng" style={{ width: 260 }} value={entry.status} onChange={(status) => setTask(i, { status })} options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))} />
                <Input.TextArea aria-label={`Kết quả nhiệm vụ ${task.ordinal}`} autoSize={{ minRows: 2, maxRows: 10 }} placeholder="Đã làm được gì" value={entry.doneText} onChange={(e) => setTask(i, { doneText: e.target.value })} />
                {entry.status === 'not_done' && <Input.TextArea aria-label={`Lý do không thực hiện nhiệm vụ ${task.ordinal}`} autoSize placeholder="Lý do" value={entry.reason} onChange={(e) => setTask(i, { reason: e.target.value })} />}
                {entry.figures.map((f, j) => (
                  <Space.Compact key={j}>
                    <Input aria-label={`Chỉ tiêu ${j + 1} – nhiệm vụ ${task.ordinal}`} style={{ width: 320 }} value={f.name} onChange={(e) => setTask(i, { figures: entry.figures.map((x, k) => (k === j ? { ...x, name: e.target.value } : x)) })} />
                    <InputNumber<number> aria-label={`Giá trị ${j + 1} – nhiệm vụ ${task.ordinal}`} status={figureErrors[`tasks.${i}.figures.${j}`] ? 'error' : undefined} value={f.value} onChange={(v) => setTask(i, { figures: entry.figures.map((x, k) => (k === j ? { ...x, value: v } : x)) })} />
                    <Input aria-label={`Đơn vị tính ${j + 1} – nhiệm vụ ${task.ordinal}`} style={{ width: 110 }} value={f.unit} onChange={(e) => setTask(i, { figures: entry.figures.map((x, k) => (k === j ? { ...x, unit: e.target.value } : x)) })} />
                    <Button aria-label="Bỏ số liệu" icon={<DeleteOutlined />} onClick={() => setTask(i, { figures: entry.figures.filter((_, k) => k !== j) })} />
                  </Space.Compact>
                ))}
                {Object.entries(figureErrors).filter(([key]) => key.startsWith(`tasks.${i}.figures.`)).map(([key, problem]) => <Typography.Text key={key} type="danger">{problem}</Typography.Text>)}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setTask(i, { figures: [...entry.figures, { name: '', unit: '', value: null }] })}>Thêm số liệu</Button>
                <TaskAttachments label={`Đính kèm minh chứng nhiệm vụ ${task.ordinal}`} value={entry.attachments} editable onChange={(attachments) => setTask(i, { attachments })} />
              </Space>
            </Card>
          );
        })}
      </Card>
      <Card size="small" title="Đánh giá chung">
        <Row gutter={16}>
          {REPORT_SECTIONS.map(([key, label]) => (
            <Col key={key} xs={24} md={12} style={{ marginBottom: 12 }}>
              <div>{label}</div>
              <Input.TextArea aria-label={label} autoSize={{ minRows: 3, maxRows: 12 }} value={content[key] as string} onChange={(e) => setContent((c) => ({ ...c, [key]: e.target.value }))} />
            </Col>
          ))}
        </Row>
      </Card>
    </div>
  );
}
