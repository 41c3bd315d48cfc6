import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import type { UnitReportItem } from '../../../shared/reports/unit-reports';
import { UNIT_KIND_LABELS } from '../../../shared/units/unit-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { useNeeds } from '../auth/current-user';
import { MatrixTag } from '../reports/MatrixTag';

/** One unit's reports across plans and years, and those it still owes: what its name opens in the search. */
export function UnitReportsPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const needs = useNeeds();
  const data = useApiQuery('reports.ofUnit', { unitId: id });
  const [opening, setOpening] = useState<string | null>(null);
  if (data.isPending) return <Spin />;
  if (data.isError) return <Alert type="error" showIcon message={data.error.message} />;
  const { unit, reports } = data.data;

  const open = async (r: UnitReportItem) => {
    if (r.reportId) return navigate(`/bao-cao/${r.reportId}`);
    setOpening(r.dutyId);
    try {
      const report = await callApi('reports.open', { planId: r.planId, dutyId: r.dutyId, unitId: r.unitId });
      navigate(`/bao-cao/${report.id}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setOpening(null);
    }
  };

  return (
    <Card>
      <Space direction="vertical" size={4} style={{ marginBottom: 16 }}>
        <Link to="/don-vi">← Đơn vị</Link>
        <Typography.Title level={4} style={{ margin: 0 }}>Báo cáo của {unit.name}</Typography.Title>
        <Space size={4}>
          <Tag>{UNIT_KIND_LABELS[unit.kind]}</Tag>
          {!unit.active && <Tag>Ngừng sử dụng</Tag>}
        </Space>
      </Space>
      {reports.length === 0 ? (
        <Empty description="Đơn vị này chưa có báo cáo nào và không phải báo cáo theo kế hoạch nào đã ban hành." />
      ) : (
        <Table
          rowKey={(r) => `${r.dutyId}:${r.unitId}`}
          size="middle"
          pagination={false}
          dataSource={reports}
          data-testid="unit-reports"
          columns={[
            { title: 'Năm', dataIndex: 'year', width: 70 },
            { title: 'Báo cáo', render: (_, r) => r.dutyLabel },
            { title: 'Theo kế hoạch', render: (_, r) => <Link to={`/bao-cao?ke-hoach=${r.planId}`}>{`${r.documentNumber} – ${r.planTitle}`}</Link> },
            { title: 'Hạn', width: 110, render: (_, r) => formatVnDate(r.dueDate) },
            { title: 'Tình trạng', width: 240, render: (_, r) => <MatrixTag cell={r.cell} /> },
            { title: 'Ngày nhận', width: 110, render: (_, r) => (r.receivedDate ? formatVnDate(r.receivedDate) : '') },
            {
              title: '',
              width: 150,
              render: (_, r) => (
                <Button size="small" loading={opening === r.dutyId} {...(r.reportId ? {} : needs('reports.open'))} onClick={() => void open(r)} aria-label={`Mở ${r.dutyLabel} ${r.year}`}>
                  {r.reportId ? 'Mở báo cáo' : 'Nhập báo cáo'}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
