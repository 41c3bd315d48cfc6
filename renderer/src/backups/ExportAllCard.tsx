import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { callApi } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { PathInput } from './PathInput';

/** One .zip with every plan, report, evidence file and log, for a successor or an auditor without the app. */
export function ExportAllCard() {
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useApiMutation('backups.exportAll', []);
  // asked again every 400 ms while the archive is being written
  const progress = useQuery({
    queryKey: ['backups.exportProgress', jobId],
    queryFn: () => callApi('backups.exportProgress', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 400 : false),
  });
  const job = progress.data;
  const running = start.isPending || (jobId !== null && job?.state !== 'done' && job?.state !== 'failed');

  const begin = async () => {
    setError(null);
    setJobId(null);
    try {
      setJobId((await start.mutateAsync({ folder })).jobId);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Card title="Xuất toàn bộ dữ liệu">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          Tạo một tệp .zip gồm mọi kế hoạch, báo cáo, tệp đính kèm và nhật ký (dạng JSON), cùng các văn bản Word của kế hoạch và báo cáo tổng hợp,
          để người kế nhiệm hoặc cơ quan kiểm tra đọc được mà không cần ứng dụng. Tệp README.txt bên trong giải thích nội dung. Khóa bí mật và mật khẩu không được xuất.
        </Typography.Text>
        <PathInput label="Thư mục lưu tệp xuất" pick="folder" value={folder} onChange={setFolder} placeholder="Ví dụ: E:\BanGiao" status={error ? 'error' : undefined} />
        <Button icon={<ExportOutlined />} loading={running} onClick={() => void begin()}>Xuất toàn bộ</Button>
        {error && <Alert type="error" showIcon message={error} />}
        {job && (
          <div data-testid="export-progress">
            <Progress percent={Math.round((job.done / Math.max(1, job.total)) * 100)} status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'} />
            <Typography.Text type="secondary">{job.state === 'running' ? `${job.step} (${job.done}/${job.total})` : ''}</Typography.Text>
            {job.state === 'done' && <Alert type="success" showIcon message={`Đã xuất toàn bộ dữ liệu: ${job.filePath}`} />}
            {job.state === 'failed' && <Alert type="error" showIcon message={job.error} />}
          </div>
        )}
      </Space>
    </Card>
  );
}
