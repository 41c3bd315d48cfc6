import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Input, Progress, Space, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportResult } from '../../../../shared/import/parsed-plan';
import type { ReadProgress } from '../../../../shared/import/parsed-plan';
import { callApi } from '../../api/client';
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
  // The read under way, followed by its id: a scan is read page by page, seconds each.
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ReadProgress | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const timer = setInterval(() => {
      void callApi('imports.progress', { jobId }).then((p) => !stopped && setProgress(p), () => undefined);
    }, 400);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId]);

  const run = async (input: { fileName: string; base64: string | null; text: string | null }) => {
    setError(null);
    const id = input.base64 !== null ? crypto.randomUUID() : null;
    setJobId(id);
    setProgress(null);
    try {
      setResult(await parse.mutateAsync({ ...input, jobId: id }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setJobId(null);
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
      {parse.isPending && jobId && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="import-progress">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {progress ? `Đang đọc trang ${progress.page}/${progress.pages}${progress.ocr ? ' (trang ảnh quét: đang nhận dạng chữ, vài giây mỗi trang)' : ''}` : 'Đang mở tệp…'}
            </Typography.Text>
            <Progress percent={progress ? Math.round(((progress.page - 1) / progress.pages) * 100) : 0} />
            <Button danger onClick={() => void callApi('imports.cancel', { jobId })}>Dừng đọc</Button>
          </Space>
        </Card>
      )}
      <Spin spinning={parse.isPending && !jobId} tip="Đang đọc văn bản…">
        <Card size="small" title="Chọn tệp Word (.docx), PDF (có chữ hoặc bản quét), ảnh chụp/quét (.jpg, .png, .tif) hoặc văn bản (.txt)" style={{ marginBottom: 16 }}>
          <Upload.Dragger
            disabled={parse.isPending}
            accept=".docx,.pdf,.txt,.jpg,.jpeg,.png,.tif,.tiff"
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
