import { App, Button, Input, Space } from 'antd';
import { callApi } from '../api/client';

/**
 * A folder or a backup file: chosen with the computer's own dialog where there is one (the desktop app),
 * or typed, as in the browser where no dialog can give a path.
 */
const PICKERS = { folder: 'dialogs.chooseFolder', backupFile: 'dialogs.chooseBackupFile', certificateFile: 'dialogs.chooseCertificateFile' } as const;

export function PathInput(props: { label: string; value: string; onChange: (value: string) => void; pick: keyof typeof PICKERS; placeholder: string; status?: 'error' }) {
  const { message } = App.useApp();
  const choose = async () => {
    const chosen = await callApi(PICKERS[props.pick], { title: props.label });
    if (chosen.path) props.onChange(chosen.path);
    else message.info('Gõ đường dẫn vào ô bên cạnh.');
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input aria-label={props.label} placeholder={props.placeholder} value={props.value} status={props.status} onChange={(e) => props.onChange(e.target.value)} />
      <Button onClick={() => void choose().catch((e: Error) => message.error(e.message))}>Chọn…</Button>
    </Space.Compact>
  );
}
