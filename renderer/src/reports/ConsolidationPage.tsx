import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Input, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { Consolidation, OfficeReportText } from '../../../shared/reports/consolidation';
import { MODEL_FIELD_LABELS, MODEL_LEVEL_LABELS, TASK_STATUS_LABELS } from '../../../shared/reports/report-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { DOCX_MIME, downloadBase64 } from '../common/download';
import { readLocalCopy, useAutosave } from '../common/use-autosave';
import { SaveIndicator } from '../common/SaveIndicator';
import { SignerFields } from '../common/SignerFields';
import { DateField } from '../plans/editor/fields';
import { completionByTask, completionByUnit, figuresAgainstPreviousYear } from '../../../shared/reports/report-charts';
import { taskTally } from '../../../shared/reports/report-prose';
import { CompareChart } from './CompareChart';
import { NO_REPORT_LABEL, REPORT_STATE_LABELS } from '../../../shared/workflow/state-labels';
import { PercentChart } from './PercentChart';
import { awaitingAcceptance } from '../../../shared/reports/unit-reports';
import { SendUpButton } from '../bundles/SendButtons';
import { AwaitingAcceptance } from './AwaitingAcceptance';
import { formatFigure } from '../../../shared/reports/figure-rules';

/** "từ 3/4 đơn vị": whose figures make the total, of the units expected to report it. */
const fromUnitsWords = (from: { reported: number; expected: number }) => `từ ${from.reported}/${from.expected} đơn vị`;

/** Units' figures far from their previous period: for the lãnh đạo to look at before relying on the total. */
function FigureOutliers({ figures }: { figures: Consolidation['figures'] }) {
  const flagged = figures.flatMap((f) => f.byUnit.filter((b) => b.outlier).map((b) => `${b.unitName} – ${f.name}: ${formatFigure(b.value)}${f.unit ? ` ${f.unit}` : ''}, ${b.outlier}`));
  if (!flagged.length) return null;
  return <Alert data-testid="consolidation-outliers" style={{ marginTop: 12 }} type="warning" showIcon message="Số liệu khác xa kỳ trước của đơn vị" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{flagged.map((line) => <li key={line}>{line}</li>)}</ul>} />;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ConsolidationPage() {
  const { planId = '', dutyId = '' } = useParams();
  const data = useApiQuery('reports.consolidation', { planId, dutyId });
  if (data.isPending) return <Spin />;
  if (data.isError) return <Alert type="error" showIcon message={data.error.message} />;
  return <ConsolidationView c={data.data} />;
}

const SECTIONS: [keyof OfficeReportText, string][] = [
  ['leadership', 'Công tác lãnh đạo, chỉ đạo, tuyên truyền'],
  ['generalResults', 'Ưu điểm, kết quả đạt được'],
  ['shortcomings', 'Hạn chế'],
  ['causes', 'Nguyên nhân'],
  ['directions', 'Phương hướng, nhiệm vụ kỳ tới'],
  ['proposals', 'Kiến nghị, đề xuất'],
];

function ConsolidationView({ c }: { c: Consolidation }) {
  const { message } = App.useApp();
  const storageKey = `danvan:bao-cao-tong-hop:${c.dutyId}`;
  const [text, setText] = useState<OfficeReportText>(() => readLocalCopy<OfficeReportText>(storageKey, new Date(0).toISOString()) ?? c.text);
  const saveText = useApiMutation('reports.saveOfficeText', ['reports.consolidation']);
  const save = useCallback((t: OfficeReportText) => saveText.mutateAsync({ planId: c.planId, dutyId: c.dutyId, text: t }), [c.planId, c.dutyId]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state } = useAutosave(storageKey, text, save);
  const [busy, setBusy] = useState<string | null>(null);
  const accepted = c.units.filter((u) => u.state === 'accepted').length;
  const awaiting = awaitingAcceptance(c.units);

  const download = async (format: 'docx' | 'xlsx') => {
    setBusy(format);
    try {
      await save(text);
      const file = await callApi('reports.exportConsolidated', { planId: c.planId, dutyId: c.dutyId, format });
      downloadBase64(file.fileName, file.base64, format === 'docx' ? DOCX_MIME : XLSX_MIME);
      message.success(`Đã xuất ${file.fileName}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Link to={`/bao-cao?ke-hoach=${c.planId}`}>← Bảng theo dõi báo cáo</Link>
          <Typography.Text strong>Tổng hợp {c.dutyLabel.toLowerCase()} – {c.documentNumber}</Typography.Text>
          <Typography.Text type="secondary">Hạn {formatVnDate(c.dueDate)}</Typography.Text>
        </Space>
        <Space wrap>
          <SaveIndicator state={state} />
          <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => download('docx')}>Xuất Word (báo cáo)</Button>
          <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => download('xlsx')}>Xuất Excel (phụ lục)</Button>
          {c.sendsUp && <SendUpButton target={c.sendsUp} beforeSend={() => save(text)} />}
        </Space>
      </Space>
      <AwaitingAcceptance items={awaiting.map((u) => ({ key: u.id, name: u.name, to: `/bao-cao/${u.reportId}` }))} />
      {accepted < c.units.length && (
        <Alert
          type="info"
          showIcon
          message={`Mới tổng hợp ${accepted}/${c.units.length} đơn vị đã được tiếp nhận báo cáo.`}
          description={c.units.filter((u) => u.state !== 'accepted' && !awaiting.includes(u)).map((u) => `${u.name}: ${u.state ? REPORT_STATE_LABELS[u.state] : NO_REPORT_LABEL}`).join('; ') || undefined}
        />
      )}
      <Card size="small" title="Kết quả theo nhiệm vụ">
        <Table
          rowKey="taskId"
          size="small"
          pagination={false}
          dataSource={c.tasks}
          expandable={{
            expandedRowRender: (t) => (
              <Space direction="vertical">
                <Typography.Text strong>{taskTally(t, t.carriers <= 12)}</Typography.Text>
                {t.results.map((r) => <div key={r.unitName}><b>{r.unitName}</b>: {r.status ? TASK_STATUS_LABELS[r.status] : '—'}{r.doneText ? ` – ${r.doneText}` : ''}{r.reason ? ` (Lý do: ${r.reason})` : ''}</div>)}
                {t.figures.map((f) => <div key={f.name}>{f.name}: <b>{formatFigure(f.total)}</b> {f.unit}{f.fromUnits ? <Typography.Text type="secondary"> ({fromUnitsWords(f.fromUnits)})</Typography.Text> : null}</div>)}
              </Space>
            ),
            rowExpandable: (t) => t.results.length > 0 || t.notReported.length > 0,
          }}
          columns={[
            { title: 'NV', dataIndex: 'ordinal', width: 50 },
            { title: 'Nhiệm vụ', render: (_, t) => (t.body.length > 160 ? `${t.body.slice(0, 157)}…` : t.body) },
            { title: 'Tình trạng chung', width: 200, render: (_, t) => (t.combinedStatus ? <Tag color={t.combinedStatus.startsWith('done') ? 'green' : t.combinedStatus === 'not_done' ? 'red' : 'gold'}>{TASK_STATUS_LABELS[t.combinedStatus]}</Tag> : <Tag>Chưa có báo cáo</Tag>) },
            { title: 'Đơn vị đã báo cáo', width: 140, render: (_, t) => `${t.results.length}/${t.carriers}` },
            { title: 'NV cấp trên', width: 110, render: (_, t) => (t.parentTask ? `NV ${t.parentTask.ordinal}` : '') },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card size="small" title="Tỉ lệ hoàn thành theo nhiệm vụ"><PercentChart label="Hoàn thành" data={completionByTask(c)} /></Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title="Tỉ lệ hoàn thành theo đơn vị"><PercentChart label="Hoàn thành" color="#1677ff" data={completionByUnit(c)} /></Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Card size="small" title="Số liệu tổng hợp">
            <Table
              rowKey={(f) => f.name + f.unit}
              size="small"
              pagination={false}
              dataSource={c.figures}
              locale={{ emptyText: 'Chưa có số liệu' }}
              columns={[
                { title: 'Chỉ tiêu', dataIndex: 'name' },
                { title: 'Tổng', width: 90, align: 'right', render: (_, f) => formatFigure(f.total) },
                { title: c.previousPeriod ? `Cùng kỳ ${c.previousPeriod.phrase}` : 'Cùng kỳ năm trước', width: 130, align: 'right', render: (_, f) => (f.previous === null ? '—' : formatFigure(f.previous)) },
                { title: 'Đơn vị tính', dataIndex: 'unit', width: 100 },
                { title: 'Nguồn', width: 120, render: (_, f) => (f.fromUnits ? fromUnitsWords(f.fromUnits) : '') },
              ]}
            />
            {!c.previousPeriod && <Typography.Text type="secondary">Chưa có báo cáo cùng kỳ năm trước để so sánh.</Typography.Text>}
            <FigureOutliers figures={c.figures} />
          </Card>
          {figuresAgainstPreviousYear(c).length > 0 && (
            <Card size="small" style={{ marginTop: 16 }} title={`So với cùng kỳ ${c.previousPeriod?.phrase ?? 'năm trước'} (100% = bằng cùng kỳ)`}>
              <CompareChart label="So với cùng kỳ" data={figuresAgainstPreviousYear(c)} />
            </Card>
          )}
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title='Mô hình "Dân vận khéo"'>
            {c.models.length === 0 && <Typography.Text type="secondary">Chưa có mô hình</Typography.Text>}
            {c.models.map((m) => <div key={m.name + m.unitName}><b>{m.name}</b> – {m.unitName} · {MODEL_FIELD_LABELS[m.field]} · {MODEL_LEVEL_LABELS[m.level]}</div>)}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="Nội dung báo cáo của cơ quan (soạn sẵn từ báo cáo các đơn vị, sửa trực tiếp)">
        <Row gutter={16}>
          <Col xs={12} md={4}><div>Số</div><Input aria-label="Số báo cáo" value={text.number} onChange={(e) => setText({ ...text, number: e.target.value })} /></Col>
          <Col xs={12} md={6}><div>Ngày</div><DateField label="Ngày báo cáo" value={text.issueDate} onChange={(issueDate) => setText({ ...text, issueDate })} /></Col>
          <Col xs={24} md={14}><div>Kính gửi</div><Input aria-label="Kính gửi" value={text.recipientLine} onChange={(e) => setText({ ...text, recipientLine: e.target.value })} placeholder="UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)" /></Col>
        </Row>
        <div style={{ marginTop: 12 }}>Trích yếu</div>
        <Input.TextArea aria-label="Trích yếu báo cáo" autoSize value={text.title} onChange={(e) => setText({ ...text, title: e.target.value })} />
        <Row gutter={16} style={{ marginTop: 12 }}>
          {SECTIONS.map(([key, label]) => (
            <Col key={key} xs={24} md={12} style={{ marginBottom: 12 }}>
              <div>{label}</div>
              <Input.TextArea aria-label={label} autoSize={{ minRows: 3, maxRows: 14 }} value={text[key] as string} onChange={(e) => setText({ ...text, [key]: e.target.value })} />
            </Col>
          ))}
        </Row>
        <div style={{ marginTop: 4 }}>
          <SignerFields value={text} onChange={(patch) => setText({ ...text, ...patch })} />
        </div>
      </Card>
    </Space>
  );
}
