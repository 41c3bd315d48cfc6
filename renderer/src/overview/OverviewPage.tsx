import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { DeadlineBucket, DeadlineItem } from '../../../shared/plans/search-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { compareVietnamese } from '../../../shared/text/collate';
import { useApiQuery } from '../api/hooks';
import { NameList } from '../common/NameList';

const thisYear = new Date().getFullYear();
const BUCKETS: { key: DeadlineBucket; title: string; color: string }[] = [
  { key: 'overdue', title: 'Quá hạn', color: '#cf1322' },
  { key: 'week', title: 'Đến hạn trong 7 ngày', color: '#d46b08' },
  { key: 'month', title: 'Đến hạn trong 30 ngày', color: '#1677ff' },
];

export function DaysTag({ daysLeft }: { daysLeft: number }) {
  if (daysLeft < 0) return <Tag color="red">Quá hạn {-daysLeft} ngày</Tag>;
  if (daysLeft === 0) return <Tag color="orange">Hạn hôm nay</Tag>;
  return <Tag color={daysLeft <= 7 ? 'orange' : daysLeft <= 30 ? 'blue' : 'default'}>Còn hạn {daysLeft} ngày</Tag>;
}

const itemLink = (i: DeadlineItem) => (i.taskId ? `/ke-hoach/${i.planId}#task-${i.taskId}` : `/ke-hoach/${i.planId}`);

/** Tổng quan: what is due in the selected year, by deadline and by unit; every item opens in one click. */
export function OverviewPage() {
  const [year, setYear] = useState(thisYear);
  const [onlyOpen, setOnlyOpen] = useState<'due' | 'all'>('due');
  const items = useApiQuery('overview.deadlines', { year, today: null });
  const data = items.data ?? [];
  const visible = onlyOpen === 'due' ? data.filter((i) => i.bucket !== 'later') : data;
  const byUnit = useMemo(() => {
    const map = new Map<string, { name: string; items: DeadlineItem[] }>();
    for (const item of visible) for (const u of item.units) {
      const key = u.id ?? `x:${u.name}`;
      if (!map.has(key)) map.set(key, { name: u.name, items: [] });
      map.get(key)!.items.push(item);
    }
    return [...map.entries()].map(([key, v]) => ({ key, ...v })).sort((a, b) => compareVietnamese(a.name, b.name));
  }, [visible]);

  const columns = [
    { title: 'Hạn', width: 110, render: (_: unknown, i: DeadlineItem) => formatVnDate(i.dueDate) },
    { title: '', width: 150, render: (_: unknown, i: DeadlineItem) => <DaysTag daysLeft={i.daysLeft} /> },
    {
      title: 'Nội dung',
      render: (_: unknown, i: DeadlineItem) => (
        <Space direction="vertical" size={0}>
          <Link to={itemLink(i)}>{i.label.length > 140 ? `${i.label.slice(0, 137)}…` : i.label}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.documentNumber} · {i.planTitle}
            {i.cutoff ? ` · chốt số liệu ${formatVnDate(i.cutoff.from)} – ${formatVnDate(i.cutoff.to)}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Đơn vị', width: 260, render: (_: unknown, i: DeadlineItem) => <NameList names={i.units.map((u) => u.name)} /> },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>Tổng quan</Typography.Title>
        <Space>
          <Select aria-label="Năm" value={year} onChange={setYear} style={{ width: 130 }} options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `Năm ${y}` }))} />
          <Select aria-label="Phạm vi" value={onlyOpen} onChange={setOnlyOpen} style={{ width: 220 }} options={[{ value: 'due', label: 'Quá hạn và sắp đến hạn' }, { value: 'all', label: 'Tất cả hạn trong năm' }]} />
        </Space>
      </Space>
      <Row gutter={16}>
        {BUCKETS.map((b) => (
          <Col key={b.key} xs={24} md={8}>
            <Card><Statistic title={b.title} value={data.filter((i) => i.bucket === b.key).length} valueStyle={{ color: b.color }} /></Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Tabs
          items={[
            {
              key: 'deadline',
              label: 'Theo nhiệm vụ',
              children: <Table<DeadlineItem> rowKey={(i) => `${i.planId}:${i.taskId ?? i.label}:${i.dueDate}`} loading={items.isPending} dataSource={visible} columns={columns} pagination={false} locale={{ emptyText: <Empty description={`Không có hạn nào ${onlyOpen === 'due' ? 'quá hoặc sắp đến' : ''} trong năm ${year}.`} /> }} />,
            },
            {
              key: 'unit',
              label: 'Theo đơn vị',
              children: (
                <Table
                  rowKey="key"
                  dataSource={byUnit}
                  pagination={false}
                  expandable={{ expandedRowRender: (u) => <Table<DeadlineItem> rowKey={(i) => `${i.planId}:${i.taskId ?? i.label}`} size="small" dataSource={u.items} columns={columns.slice(0, 3)} pagination={false} /> }}
                  columns={[
                    { title: 'Đơn vị', dataIndex: 'name' },
                    { title: 'Quá hạn', width: 110, render: (_, u) => u.items.filter((i) => i.bucket === 'overdue').length },
                    { title: 'Sắp đến hạn', width: 130, render: (_, u) => u.items.filter((i) => i.bucket === 'week' || i.bucket === 'month').length },
                    { title: 'Hạn gần nhất', width: 140, render: (_, u) => { const next = u.items.find((i) => i.daysLeft >= 0); return next ? formatVnDate(next.dueDate) : ''; } },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
