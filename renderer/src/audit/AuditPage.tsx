import { useState } from 'react';
import { App, Button, Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { AuditEvent } from '../../../shared/auth/auth-schemas';
import { OPERATION_RULES } from '../../../shared/auth/permissions';
import { formatVnDateTime } from '../../../shared/dates/vn-date';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { downloadBase64 } from '../common/download';
import { foldedOptionFilter } from '../common/folded-filter';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE = 50;
const ACTIONS = [
  { value: 'session.signIn', label: 'Đăng nhập' },
  { value: 'session.signOut', label: 'Đăng xuất' },
  ...Object.entries(OPERATION_RULES).flatMap(([value, rule]) => (rule.label ? [{ value, label: rule.label }] : [])),
];

interface Filter {
  from: string | null;
  to: string | null;
  userId: string | null;
  action: string | null;
  query: string;
}

/** Who did what, when, to which plan or report: filtered, paged, exported for an auditor. */
export function AuditPage() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({ from: null, to: null, userId: null, action: null, query: '' });
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const people = useApiQuery('users.names', {});
  const log = useApiQuery('audit.list', { ...filter, offset: (page - 1) * PAGE, limit: PAGE });
  const change = (patch: Partial<Filter>) => {
    setFilter({ ...filter, ...patch });
    setPage(1);
  };
  const exportLog = async () => {
    setExporting(true);
    try {
      const file = await callApi('audit.export', filter);
      downloadBase64(file.fileName, file.base64, XLSX_MIME);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card title="Nhật ký thao tác" extra={<Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLog}>Xuất Excel</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label="Khoảng ngày"
          format={['DD/MM/YYYY', 'D/M/YYYY']}
          placeholder={['Từ ngày', 'Đến ngày']}
          onChange={(range) => change({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
          disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        />
        <Select
          aria-label="Người thực hiện"
          allowClear
          showSearch
          filterOption={foldedOptionFilter}
          optionFilterProp="label"
          placeholder="Mọi người"
          style={{ width: 240 }}
          options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v: string | undefined) => change({ userId: v ?? null })}
        />
        <Select
          aria-label="Thao tác"
          allowClear
          showSearch
          filterOption={foldedOptionFilter}
          optionFilterProp="label"
          placeholder="Mọi thao tác"
          style={{ width: 260 }}
          options={ACTIONS}
          onChange={(v: string | undefined) => change({ action: v ?? null })}
        />
        <Input.Search aria-label="Tìm trong nhật ký" placeholder="Tìm kế hoạch, báo cáo, lý do (gõ không dấu được)" allowClear style={{ width: 320 }} onSearch={(q) => change({ query: q })} />
      </Space>
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={log.isPending}
        dataSource={log.data?.events ?? []}
        pagination={{ current: page, pageSize: PAGE, total: log.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => `${n} dòng` }}
        columns={[
          { title: 'Thời điểm', width: 150, render: (_, e) => formatVnDateTime(new Date(e.at)) },
          { title: 'Người thực hiện', width: 220, dataIndex: 'userName' },
          { title: 'Thao tác', width: 240, render: (_, e) => <>{e.summary}{e.outcome === 'refused' && <Tag color="red" style={{ marginLeft: 6 }}>Bị từ chối</Tag>}</> },
          { title: 'Đối tượng', dataIndex: 'targetLabel' },
          { title: 'Chi tiết', width: 280, dataIndex: 'detail' },
        ]}
      />
    </Card>
  );
}
