import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, DatePicker, Drawer, Input, Modal, Popconfirm, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, FileWordOutlined, HistoryOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { PLAN_STATE_LABELS } from '../../../shared/workflow/state-labels';
import { planAllows } from '../../../shared/workflow/states';
import { formatVnDate } from '../../../shared/dates/vn-date';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { callApi } from '../api/client';
import { useDocxExport } from '../common/use-docx-export';
import { useUnitNames } from '../units/use-unit-names';
import { PlanPaper } from './PlanPaper';
import { SendPlanButton, SendReportsCard } from '../bundles/SendButtons';
import { useNeeds } from '../auth/current-user';

export function PlanViewPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const revision = params.get('lan') ? Number(params.get('lan')) : null;
  const navigate = useNavigate();
  const needs = useNeeds();
  const { message } = App.useApp();
  const plan = useApiQuery('plans.get', { id, revision });
  const revisions = useApiQuery('plans.revisions', { id });
  const names = useUnitNames();
  const issue = useApiMutation('plans.issue', ['plans.', 'overview.']);
  const remove = useApiMutation('plans.remove', ['plans.']);
  const [issuing, setIssuing] = useState(false);
  const [number, setNumber] = useState('');
  const [issueDate, setIssueDate] = useState<Dayjs | null>(null);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [history, setHistory] = useState(false);
  const { exporting, exportDocx } = useDocxExport(() => callApi('plans.exportDocx', { id, revision }));
  const focusTask = useLocation().hash.slice(1);
  useEffect(() => {
    // Items opened from Tổng quan or search land on their task.
    if (focusTask && plan.data) document.getElementById(focusTask)?.scrollIntoView({ block: 'center' });
  }, [focusTask, plan.data]);

  if (plan.isPending) return <Spin />;
  if (plan.isError) return <Alert type="error" showIcon message={plan.error.message} />;
  const p = plan.data;
  const latest = revisions.data?.at(-1)?.revision ?? p.revision;
  const viewingOld = revision !== null && revision !== latest;

  const onIssue = async () => {
    if (!issueDate) return setIssueError('Chọn ngày ban hành');
    try {
      await issue.mutateAsync({ id, number: number.trim(), issueDate: issueDate.format('YYYY-MM-DD') });
      setIssuing(false);
      message.success('Đã ban hành kế hoạch');
    } catch (e) {
      setIssueError((e as Error).message);
    }
  };

  return (
    <div>
      <Space className="dv-no-print" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space wrap>
          <Link to="/ke-hoach">← Danh sách kế hoạch</Link>
          <Tag color={p.status === 'issued' ? 'green' : p.status === 'draft' ? 'gold' : 'blue'}>{PLAN_STATE_LABELS[p.status]}</Tag>
          {p.revision > 0 && <Tag>Lần ban hành {p.revision}</Tag>}
          {revisions.data && revisions.data.length > 1 && (
            <Select aria-label="Xem lần ban hành" size="small" style={{ width: 190 }} value={revision ?? latest} onChange={(v) => setParams(v === latest ? {} : { lan: String(v) })} options={revisions.data.map((r) => ({ value: r.revision, label: `Lần ${r.revision} – ${formatVnDate(r.createdAt.slice(0, 10))}` }))} />
          )}
        </Space>
        <Space wrap>
          {planAllows(p.status, 'edit') && <Button icon={<EditOutlined />} onClick={() => navigate(`/ke-hoach/${id}/sua`)}>Sửa</Button>}
          {planAllows(p.status, 'issue') && <Button type="primary" icon={<SendOutlined />} {...needs('plans.issue')} onClick={() => { setIssueError(null); setIssuing(true); }}>Ban hành</Button>}
          {planAllows(p.status, 'revise') && !viewingOld && <Button icon={<EditOutlined />} {...needs('plans.revise')} onClick={() => navigate(`/ke-hoach/${id}/sua`)}>Tạo bản sửa đổi</Button>}
          {p.revision > 0 && <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>Lịch sử</Button>}
          {planAllows(p.status, 'send') && !viewingOld && <SendPlanButton plan={p} />}
          <Button icon={<FileWordOutlined />} loading={exporting} onClick={() => void exportDocx()}>Xuất Word</Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>In</Button>
          {planAllows(p.status, 'remove') && (
            <Popconfirm title="Xóa kế hoạch này?" okText="Xóa" cancelText="Không" onConfirm={() => remove.mutateAsync({ id }).then(() => navigate('/ke-hoach')).catch((e: Error) => message.error(e.message))}>
              <Button danger type="text">Xóa</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      {viewingOld && <Alert className="dv-no-print" style={{ marginBottom: 16 }} type="info" showIcon message={`Đang xem lần ban hành ${revision}; bản hiện hành là lần ${latest}.`} />}
      {p.status === 'received' && <SendReportsCard plan={p} />}
      <PlanPaper content={p.content} nameOf={names.nameOf} focusId={focusTask} />
      <Modal open={issuing} title="Ban hành kế hoạch" okText="Ban hành" cancelText="Hủy" onOk={onIssue} confirmLoading={issue.isPending} onCancel={() => setIssuing(false)}>
        <Typography.Paragraph type="secondary">Sau khi ban hành, kế hoạch bị khóa; mọi thay đổi sau đó là một bản sửa đổi có ghi lý do.</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <span>Số</span>
            <Input aria-label="Số văn bản" style={{ width: 100 }} value={number} onChange={(e) => setNumber(e.target.value)} placeholder="05" />
            <span>/{p.content.symbol}</span>
          </Space>
          <Space>
            <span>Ngày ban hành</span>
            <DatePicker aria-label="Ngày ban hành" format="DD/MM/YYYY" value={issueDate} onChange={setIssueDate} placeholder="dd/mm/yyyy" />
          </Space>
          {issueError && <Alert type="error" showIcon message={issueError} />}
        </Space>
      </Modal>
      <Drawer open={history} onClose={() => setHistory(false)} title="Lịch sử ban hành và sửa đổi" size={520}>
        <Timeline
          items={(revisions.data ?? []).map((r) => ({
            children: (
              <div>
                <Typography.Text strong>{`Lần ${r.revision} – ${formatVnDate(r.createdAt.slice(0, 10))}`}</Typography.Text>
                <div>Lý do: {r.reason}</div>
                <ul style={{ paddingLeft: 18, margin: '4px 0' }}>{r.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
                <Button size="small" type="link" onClick={() => { setParams(r.revision === latest ? {} : { lan: String(r.revision) }); setHistory(false); }}>Xem bản này</Button>
              </div>
            ),
          }))}
        />
      </Drawer>
    </div>
  );
}
