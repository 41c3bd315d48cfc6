import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Empty, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { MatrixCell, MatrixState } from '../../../shared/reports/report-schemas';
import { AWAITING_MATRIX_STATES } from '../../../shared/reports/unit-reports';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { DOCX_MIME, downloadBase64 } from '../common/download';
import { onTimeRateByPeriod } from '../../../shared/reports/report-charts';
import { PercentChart } from './PercentChart';
import { MatrixTag } from './MatrixTag';
import { AwaitingAcceptance } from './AwaitingAcceptance';

const localToday = () => new Date().toLocaleDateString('sv-SE');

/** For one plan: units down, reporting duties across; every cell opens that unit's report. */
export function ReportsPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const plans = useApiQuery('plans.list', { year: null, status: 'issued' });
  const planId = params.get('ke-hoach') ?? plans.data?.[0]?.id ?? null;
  const matrix = useApiQuery('reports.matrix', { planId: planId ?? '', today: null }, { enabled: planId !== null });
  const [opening, setOpening] = useState<string | null>(null);

  const open = async (cell: MatrixCell) => {
    setOpening(`${cell.dutyId}:${cell.unitId}`);
    try {
      const report = await callApi('reports.open', { planId: planId!, dutyId: cell.dutyId, unitId: cell.unitId });
      navigate(`/bao-cao/${report.id}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setOpening(null);
    }
  };

  const remind = async (dutyId: string) => {
    try {
      const file = await callApi('reports.exportReminder', { planId: planId!, dutyId, today: null });
      downloadBase64(file.fileName, file.base64, DOCX_MIME);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  if (plans.data && plans.data.length === 0) return <Card><Empty description="Chưa có kế hoạch nào đã ban hành. Ban hành kế hoạch trước, rồi theo dõi báo cáo của các đơn vị ở đây." /></Card>;
  const m = planId ? matrix.data : undefined;
  const cellOf = (unitId: string, dutyId: string) => m?.cells.find((c) => c.unitId === unitId && c.dutyId === dutyId);
  const awaiting = m?.cells.filter((c) => (AWAITING_MATRIX_STATES as readonly MatrixState[]).includes(c.state)) ?? [];
  // with several duties waiting, each name says which report
  const awaitingName = (c: MatrixCell) => {
    const unit = m?.units.find((u) => u.id === c.unitId)?.name ?? '';
    return new Set(awaiting.map((a) => a.dutyId)).size > 1 ? `${unit} (${m?.duties.find((d) => d.id === c.dutyId)?.label ?? ''})` : unit;
  };
  const count = (dutyId: string, states: MatrixState[]) => m?.cells.filter((c) => c.dutyId === dutyId && states.includes(c.state)).length ?? 0;

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>Báo cáo của các đơn vị</Typography.Title>
        <Select aria-label="Kế hoạch" style={{ width: 520 }} value={planId} loading={plans.isPending} onChange={(v) => setParams({ 'ke-hoach': v })} options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.documentNumber} – ${p.title}` }))} />
      </Space>
      {m && m.duties.length === 0 && <Empty description="Kế hoạch này chưa có yêu cầu báo cáo nào." />}
      {m && (
        <div style={{ marginBottom: 16 }}>
          <AwaitingAcceptance items={awaiting.map((c) => ({ key: `${c.dutyId}:${c.unitId}`, name: awaitingName(c), to: `/bao-cao/${c.reportId}` }))} />
        </div>
      )}
      {m && m.duties.length > 0 && (
        <Table
          rowKey="id"
          bordered
          size="middle"
          pagination={false}
          dataSource={m.units}
          data-testid="report-matrix"
          columns={[
            { title: 'Đơn vị', dataIndex: 'name', fixed: 'left', width: 240 },
            ...m.duties.map((d) => ({
              title: (
                <div>
                  <div>{d.label}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>Hạn {formatVnDate(d.dueDate)}</Typography.Text>
                  <div style={{ fontSize: 12, fontWeight: 400 }}>
                    {count(d.id, ['on_time', 'late', 'accepted'])} đã nhận{count(d.id, [...AWAITING_MATRIX_STATES]) > 0 ? ` (${count(d.id, [...AWAITING_MATRIX_STATES])} chờ tiếp nhận)` : ''} · {count(d.id, ['missing'])} chưa · {count(d.id, ['returned'])} trả lại
                  </div>
                  <Space size={4} style={{ marginTop: 4 }}>
                    <Button size="small" onClick={() => navigate(`/bao-cao/tong-hop/${planId}/${d.id}`)}>Tổng hợp</Button>
                    {count(d.id, ['missing', 'returned']) > 0 && <Button size="small" onClick={() => void remind(d.id)}>Đôn đốc (Word)</Button>}
                  </Space>
                </div>
              ),
              key: d.id,
              render: (_: unknown, u: { id: string; name: string }) => {
                const c = cellOf(u.id, d.id);
                if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
                return (
                  <Tooltip title="Mở báo cáo">
                    <a role="button" aria-label={`${u.name} – ${d.label}`} onClick={() => void open(c)} style={{ opacity: opening === `${d.id}:${u.id}` ? 0.5 : 1 }}>
                      <MatrixTag cell={c} />
                    </a>
                  </Tooltip>
                );
              },
            })),
          ]}
        />
      )}
      {m && m.cells.some((c) => c.state === 'missing' || c.state === 'returned') && (
        <Card size="small" title="Đơn vị chưa hoàn thành báo cáo" style={{ marginTop: 16 }} data-testid="overdue-list">
          {m.cells
            .filter((c) => c.state === 'missing' || c.state === 'returned')
            .map((c) => (
              <div key={`${c.dutyId}:${c.unitId}`}>
                {m.units.find((u) => u.id === c.unitId)?.name} – {m.duties.find((d) => d.id === c.dutyId)?.label}: <MatrixTag cell={c} />
              </div>
            ))}
        </Card>
      )}
      {m && onTimeRateByPeriod(m, localToday()).length > 0 && (
        <Card size="small" title="Tỉ lệ đơn vị báo cáo đúng hạn theo kỳ" style={{ marginTop: 16 }}>
          <PercentChart label="Đúng hạn" color="#389e0d" data={onTimeRateByPeriod(m, localToday())} />
        </Card>
      )}
    </Card>
  );
}
