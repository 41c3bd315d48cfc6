import { useState } from 'react';
import { App } from 'antd';
import { DOCX_MIME, downloadBase64 } from './download';

/** A button's "make the .docx and hand it to the download": busy while it runs, the outcome said in a message. */
export function useDocxExport(make: () => Promise<{ fileName: string; base64: string }>) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportDocx = async () => {
    setExporting(true);
    try {
      const file = await make();
      downloadBase64(file.fileName, file.base64, DOCX_MIME);
      message.success(`Đã xuất ${file.fileName}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportDocx };
}
