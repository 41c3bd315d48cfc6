import { Card, Descriptions, Space, Typography } from 'antd';
import { useCan } from '../auth/current-user';
import type { AppStatus } from '../../../shared/api/contract';
import { OfficeForm } from '../setup/OfficeForm';
import { BackupsCard } from '../backups/BackupsCard';
import { ExportAllCard } from '../backups/ExportAllCard';
import { EncryptionCard } from '../backups/EncryptionCard';
import { ParentInstallationCard } from '../bundles/ParentInstallationCard';

export function SettingsPage({ status }: { status: AppStatus }) {
  const can = useCan();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Card title="Thông tin cơ quan">
        {can('office.save') ? (
          <OfficeForm office={status.office} submitLabel="Lưu thay đổi" />
        ) : (
          <Typography.Text>{status.office?.name} – chỉ quản trị sửa được thông tin cơ quan.</Typography.Text>
        )}
      </Card>
      <Card title="Cài đặt này">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="Mã cài đặt">{status.installationId}</Descriptions.Item>
          <Descriptions.Item label="Thư mục dữ liệu">{status.dataDir}</Descriptions.Item>
          <Descriptions.Item label="Phiên bản dữ liệu">{status.schemaVersion}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ParentInstallationCard />
      <BackupsCard />
      <EncryptionCard />
      {can('backups.exportAll') && <ExportAllCard />}
    </Space>
  );
}
