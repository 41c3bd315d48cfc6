import { useState } from 'react';
import { Card, Collapse, Typography } from 'antd';
import { OfficeForm } from './OfficeForm';
import { RestoreDialog, RestoreFromFile } from '../backups/RestoreDialog';

export function SetupPage() {
  const [restoring, setRestoring] = useState<{ path: string } | null>(null);
  return (
    <div className="dv-centered">
      <Card style={{ width: 640, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>Chào mừng đến với Dân vận</Typography.Title>
        <Typography.Paragraph type="secondary">
          Trước khi bắt đầu, hãy khai báo thông tin cơ quan. Các thông tin này được dùng cho tiêu đề, số ký hiệu và ngày tháng
          của văn bản; có thể sửa lại trong Cài đặt.
        </Typography.Paragraph>
        <OfficeForm office={null} submitLabel="Lưu và bắt đầu" />
        <Collapse
          ghost
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'restore',
              label: 'Chuyển từ máy cũ? Khôi phục từ bản sao lưu (ổ USB)',
              children: <RestoreFromFile onCheck={(path) => setRestoring({ path })} />,
            },
          ]}
        />
      </Card>
      <RestoreDialog source={restoring} onClose={() => setRestoring(null)} />
    </div>
  );
}
