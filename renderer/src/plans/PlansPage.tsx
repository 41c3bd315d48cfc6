import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { BranchesOutlined, ImportOutlined, FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanSummary } from '../../../shared/plans/plan-schemas';
import { PLAN_STATES, type PlanState } from '../../../shared/workflow/states';
import { PLAN_STATE_LABELS } from '../../../shared/workflow/state-labels';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiMutation, useApiQuery } from '../api/hooks';

const STATUS_COLORS: Record<PlanState, string> = { draft: 'gold', issued: 'green', received: 'blue' };
const thisYear = new Date().getFullYear();

export function PlansPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<PlanState | null>(null);
  const [creating, setCreating] = useState<'own' | 'received' | null>(null);
  const [newYear, setNewYear] = useState<number>(thisYear);
  const plans = useApiQuery('plans.list', { year, status });
  const create = useApiMutation('plans.create', ['plans.']);
  const derive = useApiMutation('plans.derive', ['plans.']);
  const years = [...new Set([thisYear + 1, thisYear, ...(plans.data ?? []).map((p) => p.year)])].sort((a, b) => b - a);

  const onCreate = async () => {
    try {
      const plan = await create.mutateAsync({ kind: creating!, year: newYear });
      setCreating(null);
      navigate(`/ke-hoach/${plan.id}/sua`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const onDerive = async (parent: PlanSummary) => {
    try {
      const plan = await derive.mutateAsync({ parentPlanId: parent.id });
      message.success('Đã tạo dự thảo từ kế hoạch cấp trên');
      navigate(`/ke-hoach/${plan.id}/sua`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>Kế hoạch</Typography.Title>
        <Space wrap>
          <Button icon={<FileSearchOutlined />} onClick={() => navigate('/ke-hoach/nhap')}>Nhập từ văn bản (Word, PDF)</Button>
          <Button icon={<ImportOutlined />} onClick={() => setCreating('received')}>Nhập kế hoạch cấp trên</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('own')}>Lập kế hoạch mới</Button>
        </Space>
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select aria-label="Lọc theo năm" placeholder="Tất cả các năm" allowClear style={{ width: 160 }} value={year} onChange={(v) => setYear(v ?? null)} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
        <Select aria-label="Lọc theo trạng thái" placeholder="Mọi trạng thái" allowClear style={{ width: 200 }} value={status} onChange={(v) => setStatus(v ?? null)} options={PLAN_STATES.map((s) => ({ value: s, label: PLAN_STATE_LABELS[s] }))} />
      </Space>
      <Table<PlanSummary>
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        tableLayout="auto"
        size="middle"
        locale={{ emptyText: 'Chưa có kế hoạch nào. Hãy nhập kế hoạch cấp trên, rồi xây dựng kế hoạch thực hiện từ đó.' }}
        columns={[
          { title: 'Số, ký hiệu', render: (_, p) => <Link style={{ whiteSpace: 'nowrap' }} to={`/ke-hoach/${p.id}`}>{p.documentNumber}</Link> },
          { title: 'Trích yếu', render: (_, p) => <Link style={{ display: 'inline-block', minWidth: 200, maxWidth: 340 }} to={`/ke-hoach/${p.id}`}>{p.title}</Link> },
          { title: 'Cơ quan ban hành', render: (_, p) => <span style={{ display: 'inline-block', minWidth: 120 }}>{p.issuerName}</span> },
          { title: 'Ngày', render: (_, p) => (p.issueDate ? formatVnDate(p.issueDate) : '') },
          { title: 'Nhiệm vụ', dataIndex: 'taskCount', align: 'right' },
          { title: 'Trạng thái', render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{PLAN_STATE_LABELS[p.status]}{p.revision > 1 ? ` (lần ${p.revision})` : ''}</Tag> },
          {
            title: '',
            render: (_, p) =>
              p.status === 'received' ? (
                <Button size="small" icon={<BranchesOutlined />} loading={derive.isPending} onClick={() => onDerive(p)}>Xây dựng kế hoạch thực hiện</Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={creating !== null}
        title={creating === 'received' ? 'Nhập kế hoạch của cấp trên' : 'Lập kế hoạch mới'}
        okText="Tạo"
        cancelText="Hủy"
        onOk={onCreate}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(null)}
      >
        <Typography.Paragraph type="secondary">
          {creating === 'received'
            ? 'Gõ lại kế hoạch cơ quan nhận được từ cấp trên, để xây dựng kế hoạch thực hiện và báo cáo theo các nhiệm vụ của nó.'
            : 'Kế hoạch mới được điền sẵn thông tin cơ quan; số và ngày ban hành để trống cho đến khi ban hành.'}
        </Typography.Paragraph>
        <Space>
          <span>Năm</span>
          <InputNumber aria-label="Năm của kế hoạch" min={2000} max={2100} value={newYear} onChange={(v) => setNewYear(v ?? thisYear)} />
        </Space>
      </Modal>
    </Card>
  );
}
