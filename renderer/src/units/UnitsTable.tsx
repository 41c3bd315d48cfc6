import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Checkbox, Input, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS, type Unit } from '../../../shared/units/unit-schemas';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { matchesFolded } from '../common/folded-filter';
import { UnitFormModal } from './UnitFormModal';
import { UnitInstallationCell } from './UnitInstallationCell';

export function UnitsTable() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [showInactive, setShowInactive] = useState(false);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useApiQuery('units.list', { includeInactive: true });
  const bindings = useApiQuery('bundles.bindings', {});
  const boundTo = new Map((bindings.data?.units ?? []).map((b) => [b.unitId, b]));
  const move = useApiMutation('units.move', ['units.']);
  const setActive = useApiMutation('units.setActive', ['units.', 'groups.']);
  const remove = useApiMutation('units.remove', ['units.', 'groups.']);
  const all = units.data ?? [];
  const names = new Map(all.map((u) => [u.id, u.name]));
  const visible = all.filter((u) => (showInactive || u.active) && matchesFolded(query, u.name, u.abbreviation, ...u.aliases));
  const report = (p: Promise<unknown>, done: string) => p.then(() => message.success(done)).catch((e: Error) => message.error(e.message));

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Input.Search placeholder="Tìm đơn vị (gõ không dấu cũng được)" allowClear onChange={(e) => setQuery(e.target.value)} style={{ width: 320 }} />
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>Hiện đơn vị ngừng sử dụng</Checkbox>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>Thêm đơn vị</Button>
      </Space>
      <Table<Unit>
        rowKey="id"
        loading={units.isPending}
        dataSource={visible}
        pagination={false}
        size="middle"
        tableLayout="auto"
        locale={{ emptyText: 'Chưa có đơn vị nào. Nhấn "Thêm đơn vị" để bắt đầu.' }}
        rowClassName={(u) => (u.active ? '' : 'dv-inactive')}
        columns={[
          { title: 'STT', width: 60, render: (_, __, i) => i + 1 },
          {
            title: 'Tên đơn vị',
            render: (_, u) => (
              <Space direction="vertical" size={2}>
                <span style={{ fontWeight: 500, opacity: u.active ? 1 : 0.5 }}>{u.name}</span>
                {u.aliases.length > 0 && <span>{u.aliases.map((a) => <Tag key={a}>{a}</Tag>)}</span>}
              </Space>
            ),
          },
          { title: 'Viết tắt', dataIndex: 'abbreviation' },
          { title: 'Loại', render: (_, u) => UNIT_KIND_LABELS[u.kind] },
          { title: 'Trực thuộc', render: (_, u) => (u.parentId ? names.get(u.parentId) : '') },
          { title: 'Máy gửi báo cáo (mã khóa)', render: (_, u) => <UnitInstallationCell unitName={u.name} bound={boundTo.get(u.id)} /> },
          { title: 'Trạng thái', render: (_, u) => (u.active ? <Tag color="green">Đang sử dụng</Tag> : <Tag>Ngừng sử dụng</Tag>) },
          {
            title: 'Thao tác',
            render: (_, u) => (
              <Space size={4}>
                <Tooltip title="Lên trên"><Button size="small" icon={<ArrowUpOutlined />} aria-label={`Đưa ${u.name} lên`} onClick={() => report(move.mutateAsync({ id: u.id, direction: 'up' }), 'Đã đổi thứ tự')} /></Tooltip>
                <Tooltip title="Xuống dưới"><Button size="small" icon={<ArrowDownOutlined />} aria-label={`Đưa ${u.name} xuống`} onClick={() => report(move.mutateAsync({ id: u.id, direction: 'down' }), 'Đã đổi thứ tự')} /></Tooltip>
                <Button size="small" onClick={() => setEditing(u)}>Sửa</Button>
                <Button size="small" aria-label={`Báo cáo của ${u.name}`} onClick={() => navigate(`/don-vi/${u.id}/bao-cao`)}>Báo cáo</Button>
                <Button size="small" onClick={() => report(setActive.mutateAsync({ id: u.id, active: !u.active }), u.active ? `Đã ngừng sử dụng "${u.name}"` : `Đã dùng lại "${u.name}"`)}>
                  {u.active ? 'Ngừng sử dụng' : 'Dùng lại'}
                </Button>
                <Popconfirm title={`Xóa "${u.name}"?`} description="Chỉ xóa được đơn vị nhập nhầm, chưa có dữ liệu." okText="Xóa" cancelText="Không" onConfirm={() => report(remove.mutateAsync({ id: u.id }), 'Đã xóa')}>
                  <Button size="small" danger type="text">Xóa</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <UnitFormModal open={editing !== null} unit={editing === 'new' ? null : editing} units={all} onClose={() => setEditing(null)} />
    </>
  );
}
