import { useLayoutEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { UNIT_KINDS, UNIT_KIND_LABELS, UnitCreateInput, type Unit } from '../../../shared/units/unit-schemas';
import { useApiMutation } from '../api/hooks';
import { showApiError, validateWithContract } from '../common/form-errors';
import { foldedOptionFilter } from '../common/folded-filter';

interface Props {
  open: boolean;
  unit: Unit | null;
  units: Unit[];
  onClose(): void;
}

export function UnitFormModal({ open, unit, units, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useApiMutation('units.create', ['units.', 'groups.']);
  const update = useApiMutation('units.update', ['units.', 'groups.']);

  // Before the first paint of the open dialog, so nothing the clerk types can be reset.
  useLayoutEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(unit ?? { name: '', abbreviation: '', kind: 'phong', parentId: null, aliases: [] });
  }, [open, unit, form]);

  const onOk = async () => {
    const values = form.getFieldsValue(['name', 'abbreviation', 'kind', 'parentId', 'aliases']) as Record<string, unknown>;
    const input = validateWithContract(form, UnitCreateInput, { ...values, parentId: values.parentId ?? null });
    if (!input) return;
    try {
      if (unit) await update.mutateAsync({ id: unit.id, ...input });
      else await create.mutateAsync(input);
      message.success(unit ? 'Đã lưu đơn vị' : `Đã thêm "${input.name}"`);
      onClose();
    } catch (error) {
      const general = showApiError(form, error);
      if (general) message.error(general);
    }
  };

  const parents = units.filter((u) => u.id !== unit?.id).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      open={open}
      title={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'}
      okText={unit ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} name="unit" layout="vertical" requiredMark="optional" data-testid="unit-form">
        <Form.Item name="name" label="Tên đơn vị" required>
          <Input placeholder="Ví dụ: Phòng Văn hóa – Xã hội; Thôn An Phú" autoFocus />
        </Form.Item>
        <Form.Item name="abbreviation" label="Viết tắt">
          <Input placeholder="Ví dụ: VHXH" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label="Loại" required>
          <Select options={UNIT_KINDS.map((value) => ({ value, label: UNIT_KIND_LABELS[value] }))} style={{ maxWidth: 260 }} />
        </Form.Item>
        <Form.Item name="parentId" label="Trực thuộc đơn vị">
          <Select allowClear showSearch placeholder="Không" options={parents} filterOption={foldedOptionFilter} />
        </Form.Item>
        <Form.Item name="aliases" label="Tên gọi khác" extra='Các cách viết khác trong văn bản, ví dụ "Phòng VH-XH". Gõ rồi nhấn Enter.'>
          <Select mode="tags" open={false} tokenSeparators={[';']} placeholder="Gõ tên rồi nhấn Enter" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
