import { Card, Descriptions, Space } from 'antd';
import type { AppStatus } from '../../../shared/api/contract';
import { OfficeForm } from '../setup/OfficeForm';
import { BackupsCard } from '../backups/BackupsCard';
import { ExportAllCard } from '../backups/ExportAllCard';

export function SettingsPage({ status }: { status: AppStatus }) {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Card title="Thông tin cơ quan">
        <OfficeForm office={status.office} submitLabel="Lưu thay đổi" />
      </Card>
      <Card title="Cài đặt này">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="Mã cài đặt">{status.installationId}</Descriptions.Item>
          <Descriptions.Item label="Thư mục dữ liệu">{status.dataDir}</Descriptions.Item>
          <Descriptions.Item label="Phiên bản dữ liệu">{status.schemaVersion}</Descriptions.Item>
        </Descriptions>
      </Card>
      <BackupsCard />
      <ExportAllCard />
    </Space>
  );
}
