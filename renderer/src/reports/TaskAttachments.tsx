import { useState } from 'react';
import { App, Button, Space, Tag, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentRef } from '../../../shared/reports/report-schemas';
import { callApi } from '../api/client';
import { downloadBase64 } from '../common/download';
import { readFileAsBase64 } from '../common/read-file';


/** Evidence files of one task: add (checked by the services), open, remove. */
export function TaskAttachments({ value, onChange, editable, label }: { value: AttachmentRef[]; onChange(v: AttachmentRef[]): void; editable: boolean; label: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const add = async (file: File) => {
    setBusy(true);
    try {
      const ref = await callApi('attachments.add', { fileName: file.name, base64: await readFileAsBase64(file) });
      onChange([...value.filter((a) => a.sha256 !== ref.sha256), ref]);
      message.success(`Đã đính kèm "${file.name}"`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
    return false;
  };
  const open = async (a: AttachmentRef) => {
    try {
      downloadBase64(a.name, (await callApi('attachments.get', { sha256: a.sha256 })).base64, a.mime);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space wrap>
      {value.map((a) => (
        <Tag key={a.sha256} icon={<PaperClipOutlined />} closable={editable} onClose={() => onChange(value.filter((x) => x.sha256 !== a.sha256))}>
          <a onClick={() => void open(a)}>{a.name}</a> ({Math.max(1, Math.round(a.size / 1024))} KB)
        </Tag>
      ))}
      {editable && (
        <Upload showUploadList={false} beforeUpload={(file) => {
            void add(file);
            return false; // the services store it, not antd
          }} accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" multiple>
          <Button size="small" icon={<UploadOutlined />} loading={busy} aria-label={label}>Đính kèm minh chứng</Button>
        </Upload>
      )}
    </Space>
  );
}
