import { useLayoutEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { GroupCreateInput, type Unit, type UnitGroup } from '../../../shared/units/unit-schemas';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { showApiError, validateWithContract } from '../common/form-errors';
import { foldedOptionFilter } from '../common/folded-filter';

/** Named groups ("Các thôn", "Các cơ quan, đơn vị") that plans name instead of listing units. */
export function GroupsTable() {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<UnitGroup | 'new' | null>(null);
  const groups = useApiQuery('groups.list', {});
  const units = useApiQuery('units.list', { includeInactive: true });
  const setActive = useApiMutation('groups.setActive', ['groups.']);
  const names = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'flex-end' }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>Thêm nhóm</Button>
      </Space>
      <Table<UnitGroup>
        rowKey="id"
        loading={groups.isPending}
        dataSource={groups.data ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có nhóm nào. Ví dụ: "Các thôn", "Các cơ quan, đơn vị".' }}
        columns={[
          { title: 'Tên nhóm', dataIndex: 'name', width: 260, render: (name: string, g) => <span style={{ fontWeight: 500, opacity: g.active ? 1 : 0.5 }}>{name}</span> },
          { title: 'Gồm các đơn vị', render: (_, g) => g.memberIds.map((id) => <Tag key={id}>{names.get(id)}</Tag>) },
          { title: 'Trạng thái', width: 140, render: (_, g) => (g.active ? <Tag color="green">Đang sử dụng</Tag> : <Tag>Ngừng sử dụng</Tag>) },
          {
            title: 'Thao tác',
            width: 220,
            render: (_, g) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(g)}>Sửa</Button>
                <Button size="small" onClick={() => setActive.mutateAsync({ id: g.id, active: !g.active }).catch((e: Error) => message.error(e.message))}>
                  {g.active ? 'Ngừng sử dụng' : 'Dùng lại'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <GroupFormModal open={editing !== null} group={editing === 'new' ? null : editing} units={units.data ?? []} onClose={() => setEditing(null)} />
    </>
  );
}

function GroupFormModal({ open, group, units, onClose }: { open: boolean; group: UnitGroup | null; units: Unit[]; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useApiMutation('groups.create', ['groups.']);
  const update = useApiMutation('groups.update', ['groups.']);
  // Before the first paint of the open dialog, so nothing the clerk types can be reset.
  useLayoutEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(group ?? { name: '', memberIds: [] });
  }, [open, group, form]);

  const onOk = async () => {
    const input = validateWithContract(form, GroupCreateInput, form.getFieldsValue(['name', 'memberIds']));
    if (!input) return;
    try {
      if (group) await update.mutateAsync({ id: group.id, ...input });
      else await create.mutateAsync(input);
      message.success('Đã lưu nhóm');
      onClose();
    } catch (error) {
      const general = showApiError(form, error);
      if (general) message.error(general);
    }
  };
  const options = units.filter((u) => u.active || group?.memberIds.includes(u.id)).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal open={open} title={group ? 'Sửa nhóm đơn vị' : 'Thêm nhóm đơn vị'} okText="Lưu" cancelText="Hủy" onOk={onOk} onCancel={onClose} destroyOnHidden forceRender>
      <Form form={form} name="group" layout="vertical" requiredMark="optional" data-testid="group-form">
        <Form.Item name="name" label="Tên nhóm" required>
          <Input placeholder="Ví dụ: Các thôn" autoFocus />
        </Form.Item>
        <Form.Item name="memberIds" label="Gồm các đơn vị">
          <Select mode="multiple" options={options} filterOption={foldedOptionFilter} placeholder="Chọn đơn vị" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
