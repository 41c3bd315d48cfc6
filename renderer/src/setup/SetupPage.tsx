import { Card, Typography } from 'antd';
import { OfficeForm } from './OfficeForm';

export function SetupPage() {
  return (
    <div className="dv-centered">
      <Card style={{ width: 640, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>Chào mừng đến với Dân vận</Typography.Title>
        <Typography.Paragraph type="secondary">
          Trước khi bắt đầu, hãy khai báo thông tin cơ quan. Các thông tin này được dùng cho tiêu đề, số ký hiệu và ngày tháng
          của văn bản; có thể sửa lại trong Cài đặt.
        </Typography.Paragraph>
        <OfficeForm office={null} submitLabel="Lưu và bắt đầu" />
      </Card>
    </div>
  );
}
