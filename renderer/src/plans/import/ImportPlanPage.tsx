import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Input, Space, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportResult } from '../../../../shared/import/parsed-plan';
import { useApiMutation } from '../../api/hooks';
import { readFileAsBase64 } from '../../common/read-file';
import { ImportReview } from './ImportReview';

/** Reads a plan from the document it arrived as (Word, PDF, text or pasted text), then shows it for checking. */
export function ImportPlanPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const parse = useApiMutation('imports.parse', []);
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (input: { fileName: string; base64: string | null; text: string | null }) => {
    setError(null);
    try {
      setResult(await parse.mutateAsync(input));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (result) {
    return (
      <ImportReview
        result={result}
        onCancel={() => setResult(null)}
        onSaved={(id) => {
          message.success('Đã lưu kế hoạch. Kiểm tra lại và sửa nếu cần.');
          navigate(`/ke-hoach/${id}/sua`);
        }}
      />
    );
  }
  return (
    <div style={{ maxWidth: 900 }}>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/ke-hoach">← Danh sách kế hoạch</Link>
        <Typography.Text strong>Nhập kế hoạch từ văn bản</Typography.Text>
      </Space>
      {error && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={error} />}
      <Spin spinning={parse.isPending} tip="Đang đọc văn bản…">
        <Card size="small" title="Chọn tệp Word (.docx), PDF hoặc văn bản (.txt)" style={{ marginBottom: 16 }}>
          <Upload.Dragger
            accept=".docx,.pdf,.txt"
            showUploadList={false}
            multiple={false}
            beforeUpload={async (file) => {
              await run({ fileName: file.name, base64: await readFileAsBase64(file), text: null });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>Kéo thả tệp kế hoạch vào đây, hoặc bấm để chọn tệp</p>
          </Upload.Dragger>
        </Card>
        <Card size="small" title="Hoặc dán nội dung văn bản (từ hệ thống quản lý văn bản, email…)">
          <Input.TextArea aria-label="Nội dung văn bản dán vào" autoSize={{ minRows: 6, maxRows: 16 }} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="Dán toàn bộ nội dung kế hoạch vào đây" />
          <Button style={{ marginTop: 8 }} type="primary" disabled={!pasted.trim()} onClick={() => run({ fileName: 'van-ban-dan.txt', base64: null, text: pasted })}>
            Đọc văn bản dán vào
          </Button>
        </Card>
      </Spin>
    </div>
  );
}
