import { App, Button, Form, Input, Select } from 'antd';
import { OFFICE_LEVELS, OFFICE_LEVEL_LABELS, OfficeInput, type Office } from '../../../shared/office/office-schemas';
import { useApiMutation } from '../api/hooks';
import { showApiError, validateWithContract } from '../common/form-errors';

const EMPTY = { name: '', parentBody: '', level: undefined, abbreviation: '', placeName: '', reportsTo: '' };

/** This office as it appears in document headers, symbols and dates; used at first run and in settings. */
export function OfficeForm({ office, submitLabel, onSaved }: { office: Office | null; submitLabel: string; onSaved?: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const save = useApiMutation('office.save', ['app.', 'office.']);

  const onFinish = async (values: unknown) => {
    const input = validateWithContract(form, OfficeInput, values);
    if (!input) return;
    try {
      await save.mutateAsync(input);
      message.success('Đã lưu thông tin cơ quan');
      onSaved?.();
    } catch (error) {
      const general = showApiError(form, error);
      if (general) message.error(general);
    }
  };

  return (
    <Form form={form} name="office" layout="vertical" initialValues={office ?? EMPTY} onFinish={onFinish} requiredMark="optional" data-testid="office-form">
      <Form.Item name="name" label="Tên cơ quan" required tooltip="Như trên tiêu đề văn bản">
        <Input placeholder="Ví dụ: UBND xã Bình Chương; Sở Khoa học và Công nghệ" autoFocus />
      </Form.Item>
      <Form.Item name="parentBody" label="Cơ quan chủ quản (dòng trên cùng của tiêu đề văn bản)">
        <Input placeholder="Ví dụ: UBND TỈNH QUẢNG NGÃI (để trống nếu không có)" />
      </Form.Item>
      <Form.Item name="level" label="Cấp" required>
        <Select placeholder="Chọn cấp" options={OFFICE_LEVELS.map((value) => ({ value, label: OFFICE_LEVEL_LABELS[value] }))} />
      </Form.Item>
      <Form.Item name="abbreviation" label="Chữ viết tắt trong số ký hiệu văn bản" required tooltip='Ví dụ "Số: 05/KH-UBND" thì viết tắt là UBND'>
        <Input placeholder="Ví dụ: UBND, SKHCN, VP" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="placeName" label="Địa danh ghi ở ngày tháng" required>
        <Input placeholder="Ví dụ: Bình Chương, Quảng Ngãi" style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item name="reportsTo" label="Cơ quan cấp trên nhận báo cáo">
        <Input placeholder="Ví dụ: UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} size="large">
        {submitLabel}
      </Button>
    </Form>
  );
}
