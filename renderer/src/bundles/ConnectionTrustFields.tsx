import { Alert, Checkbox, Space, Typography } from 'antd';
import type { SyncConfig } from '../../../shared/sync/sync-schemas';
import { PathInput } from '../backups/PathInput';

interface TrustFields {
  certificateFile: string;
  allowPlainHttp: boolean;
}

/**
 * The WebDAV server's certificate (the province's own or self-signed one, handed out by its IT officer) and
 * the knowing exception for plain http; the services check both when the settings are saved.
 */
export function ConnectionTrustFields(props: { value: TrustFields; onChange: (value: TrustFields) => void; saved?: SyncConfig; url: string }) {
  const { value, onChange, saved } = props;
  const plainHttp = /^http:\/\//i.test(props.url);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>Tệp chứng chỉ của máy chủ (chỉ khi máy chủ của tỉnh dùng chứng chỉ tự ký):</Typography.Text>
      <PathInput
        label="Tệp chứng chỉ của máy chủ"
        pick="certificateFile"
        placeholder="Tệp .crt do người quản trị máy chủ của tỉnh gửi, ví dụ E:\danvan.crt"
        value={value.certificateFile}
        onChange={(certificateFile) => onChange({ ...value, certificateFile })}
      />
      {saved?.certificateSummary && saved.certificateFile === value.certificateFile && <Typography.Text type="secondary">Đang tin chứng chỉ: {saved.certificateSummary}</Typography.Text>}
      <Checkbox checked={value.allowPlainHttp} onChange={(e) => onChange({ ...value, allowPlainHttp: e.target.checked })}>
        Cho phép http không mã hóa (chỉ khi máy chủ ở ngoài mạng nội bộ mà chưa có https)
      </Checkbox>
      {plainHttp && value.allowPlainHttp && <Alert type="warning" showIcon message="Mật khẩu và các gói sẽ đi qua mạng không mã hóa: ai ở giữa đường truyền cũng đọc được." />}
    </Space>
  );
}
