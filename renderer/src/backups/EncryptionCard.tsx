import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Modal, Space, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { EncryptionEnabled } from '../../../shared/encryption/encryption-schemas';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { useCan } from '../auth/current-user';

/**
 * Cài đặt → "Mã hóa dữ liệu trên máy" (quản trị). Turning it on shows the recovery code once, and the
 * dialog only closes once the clerk says it is written down: it is what opens a backup on another computer.
 */
export function EncryptionCard() {
  const can = useCan();
  const { modal, message } = App.useApp();
  const status = useApiQuery('encryption.status', {});
  const enable = useApiMutation('encryption.enable', ['encryption.', 'backups.']);
  const disable = useApiMutation('encryption.disable', ['encryption.', 'backups.']);
  const [shown, setShown] = useState<EncryptionEnabled | null>(null);
  const [written, setWritten] = useState(false);
  const s = status.data;

  const turnOn = () =>
    modal.confirm({
      title: 'Bật mã hóa dữ liệu trên máy?',
      width: 560,
      content: (
        <Typography.Paragraph>
          Ứng dụng sao lưu dữ liệu trước, rồi mã hóa tệp dữ liệu và các bản sao lưu trong thư mục sao lưu. Sau đó ứng dụng hiện{' '}
          <b>mã khôi phục</b> một lần duy nhất: hãy chép ra giấy và cất ở nơi an toàn. Không có mã này thì không mở được bản sao lưu trên
          máy khác (ví dụ khi máy này hỏng hoặc cài lại Windows).
        </Typography.Paragraph>
      ),
      okText: 'Bật mã hóa',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          setWritten(false);
          setShown(await enable.mutateAsync({}));
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  const turnOff = () =>
    modal.confirm({
      title: 'Tắt mã hóa dữ liệu trên máy?',
      content: 'Ứng dụng sao lưu dữ liệu (đã mã hóa) trước, rồi giải mã tệp dữ liệu. Các bản sao lưu đã mã hóa vẫn mở được trên máy này.',
      okText: 'Tắt mã hóa',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await disable.mutateAsync({});
          message.success('Đã tắt mã hóa dữ liệu trên máy.');
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  return (
    <Card title="Mã hóa dữ liệu trên máy" data-testid="encryption-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        {s && (
          <>
            <div>
              Trạng thái:{' '}
              {s.encrypted ? <Tag icon={<LockOutlined />} color="green">Đã mã hóa</Tag> : <Tag icon={<UnlockOutlined />}>Không mã hóa</Tag>}
              {(s.backupsEncrypted > 0 || s.backupsPlain > 0) && (
                <Typography.Text type="secondary">
                  Thư mục sao lưu: {s.backupsEncrypted} bản đã mã hóa, {s.backupsPlain} bản không mã hóa.
                </Typography.Text>
              )}
            </div>
            <Typography.Text type="secondary">
              Khi bật, tệp dữ liệu và các bản sao lưu được mã hóa bằng một khóa ngẫu nhiên. {s.keyStorage} Tệp “Xuất toàn bộ dữ liệu” không
              được mã hóa (dành cho người kiểm tra).
            </Typography.Text>
          </>
        )}
        {can('encryption.enable') ? (
          s && (s.encrypted ? <Button icon={<UnlockOutlined />} onClick={turnOff} loading={disable.isPending}>Tắt mã hóa…</Button> : <Button type="primary" icon={<LockOutlined />} onClick={turnOn} loading={enable.isPending}>Bật mã hóa…</Button>)
        ) : (
          <Typography.Text type="secondary">Chỉ quản trị bật hoặc tắt được mã hóa.</Typography.Text>
        )}
      </Space>
      <Modal
        open={shown !== null}
        title="Mã khôi phục – chép lại ngay"
        width={640}
        closable={false}
        maskClosable={false}
        keyboard={false}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="Đóng"
        okButtonProps={{ disabled: !written }}
        onOk={() => setShown(null)}
      >
        {shown && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="success" showIcon message="Dữ liệu trên máy đã được mã hóa." />
            <Typography.Paragraph>
              Mã này chỉ hiện một lần. Cần nó để mở bản sao lưu trên máy khác, hoặc mở dữ liệu khi máy này mất khóa. Hãy chép ra giấy, kiểm
              tra lại từng nhóm ký tự, và cất riêng khỏi ổ USB chứa bản sao lưu.
            </Typography.Paragraph>
            <Typography.Paragraph code copyable style={{ fontSize: 18, letterSpacing: 1, wordBreak: 'break-all' }} data-testid="recovery-code">
              {shown.recoveryCode}
            </Typography.Paragraph>
            {shown.backupProblem && <Alert type="warning" showIcon message={shown.backupProblem} />}
            <Typography.Text type="secondary">Nếu làm mất mã: tắt rồi bật lại mã hóa để có mã mới (thư mục sao lưu được mã hóa lại theo mã mới; bản đã chép ra ổ USB trước đó vẫn cần mã cũ).</Typography.Text>
            <Checkbox checked={written} onChange={(e) => setWritten(e.target.checked)}>Tôi đã ghi lại mã</Checkbox>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
