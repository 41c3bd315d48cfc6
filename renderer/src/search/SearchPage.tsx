import { Link, useSearchParams } from 'react-router';
import { Card, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { PLAN_STATE_LABELS } from '../../../shared/workflow/state-labels';
import { UNIT_KIND_LABELS } from '../../../shared/units/unit-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiQuery } from '../api/hooks';
import { Highlighted } from '../common/Highlighted';
import { MatrixTag } from '../reports/MatrixTag';

/** Units (each opens its reports), their reports, plans and tasks of every year matching the words typed, with or without diacritics. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const results = useApiQuery('search.all', { query }, { enabled: query.trim() !== '' });
  const r = results.data;
  const nothing = r && !r.units.length && !r.reports.length && !r.plans.length;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>Tìm kiếm</Typography.Title>
      <Input.Search aria-label="Từ khóa tìm kiếm" defaultValue={query} key={query} placeholder="Gõ vài từ, có dấu hay không dấu đều được: binh chuong, tiep cong dan, dan van kheo…" enterButton="Tìm" size="large" onSearch={(q) => setParams(q ? { q } : {})} style={{ maxWidth: 640, marginBottom: 16 }} />
      {query && results.isPending && <Spin />}
      {nothing && <Empty description={`Không tìm thấy "${query}" trong các đơn vị, báo cáo và kế hoạch.`} />}
      {r && r.units.length > 0 && (
        <section aria-label="Đơn vị" data-testid="search-units">
          <Typography.Title level={5}>Đơn vị</Typography.Title>
          <List
            dataSource={r.units}
            renderItem={(u) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Link to={`/don-vi/${u.unitId}/bao-cao`}><Highlighted text={u.name} query={query} /></Link>
                  <Space size={4} wrap>
                    <Tag>{UNIT_KIND_LABELS[u.kind]}</Tag>
                    {!u.active && <Tag>Ngừng sử dụng</Tag>}
                    {u.matchedAlias && <Typography.Text type="secondary">Tên khác: <Highlighted text={u.matchedAlias} query={query} /></Typography.Text>}
                    <Typography.Text type="secondary">{u.reportCount ? `${u.reportCount} báo cáo` : 'Chưa có báo cáo'}</Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </section>
      )}
      {r && r.reports.length > 0 && (
        <section aria-label="Báo cáo của đơn vị" data-testid="search-reports">
          <Typography.Title level={5}>Báo cáo của đơn vị</Typography.Title>
          <List
            dataSource={r.reports}
            renderItem={(rep) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Link to={`/bao-cao/${rep.reportId}`}>
                    <Highlighted text={rep.unitName} query={query} /> – {rep.dutyLabel} theo Kế hoạch số {rep.documentNumber}
                  </Link>
                  <Space size={4} wrap>
                    <Tag>{rep.year}</Tag>
                    <MatrixTag cell={rep.cell} />
                    <Typography.Text type="secondary">Hạn {formatVnDate(rep.dueDate)}{rep.receivedDate ? ` · nhận ngày ${formatVnDate(rep.receivedDate)}` : ''}</Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </section>
      )}
      {r && r.plans.length > 0 && (
        <section aria-label="Kế hoạch, nhiệm vụ" data-testid="search-plans">
          {(r.units.length > 0 || r.reports.length > 0) && <Typography.Title level={5}>Kế hoạch, nhiệm vụ</Typography.Title>}
          <List
            dataSource={r.plans}
            renderItem={(p) => (
              <List.Item>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Link to={p.taskId ? `/ke-hoach/${p.planId}#task-${p.taskId}` : `/ke-hoach/${p.planId}`}>
                    {p.taskOrdinal ? `Nhiệm vụ ${p.taskOrdinal} – ` : ''}
                    <Highlighted text={p.planTitle} query={query} />
                  </Link>
                  <Typography.Text><Highlighted text={p.snippet} query={query} /></Typography.Text>
                  <Space size={4}>
                    <Tag>{p.year}</Tag>
                    <Tag>{p.documentNumber}</Tag>
                    <Tag>{PLAN_STATE_LABELS[p.status]}</Tag>
                    <Typography.Text type="secondary"><Highlighted text={p.issuerName} query={query} /></Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </section>
      )}
    </Card>
  );
}
