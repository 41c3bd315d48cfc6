import { Link, useSearchParams } from 'react-router';
import { Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { PLAN_STATE_LABELS } from '../../../shared/workflow/state-labels';
import { useApiQuery } from '../api/hooks';
import { Highlighted } from '../common/Highlighted';

/** Plans and tasks of every year matching the words typed, with or without diacritics. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const results = useApiQuery('plans.search', { query });
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>Tìm kiếm</Typography.Title>
      <Input.Search aria-label="Từ khóa tìm kiếm" defaultValue={query} key={query} placeholder="Gõ vài từ, có dấu hay không dấu đều được: tiep cong dan, dan van kheo…" enterButton="Tìm" size="large" onSearch={(q) => setParams(q ? { q } : {})} style={{ maxWidth: 640, marginBottom: 16 }} />
      {query && (
        <List
          loading={results.isPending}
          dataSource={results.data ?? []}
          locale={{ emptyText: <Empty description={`Không tìm thấy "${query}" trong các kế hoạch.`} /> }}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Link to={r.taskId ? `/ke-hoach/${r.planId}#task-${r.taskId}` : `/ke-hoach/${r.planId}`}>
                  {r.taskOrdinal ? `Nhiệm vụ ${r.taskOrdinal} – ` : ''}
                  <Highlighted text={r.planTitle} query={query} />
                </Link>
                <Typography.Text><Highlighted text={r.snippet} query={query} /></Typography.Text>
                <Space size={4}>
                  <Tag>{r.year}</Tag>
                  <Tag>{r.documentNumber}</Tag>
                  <Tag>{PLAN_STATE_LABELS[r.status]}</Tag>
                  <Typography.Text type="secondary"><Highlighted text={r.issuerName} query={query} /></Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
