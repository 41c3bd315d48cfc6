import { Tag } from 'antd';
import { CheckCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import type { SaveState } from './use-autosave';

/** "Đang lưu…", "Đã lưu lúc 14:05" or "Chưa lưu được", next to an autosaved form. */
export function SaveIndicator({ state }: { state: SaveState }) {
  if (state.kind === 'saving' || state.kind === 'pending') return <Tag icon={<LoadingOutlined />}>Đang lưu…</Tag>;
  if (state.kind === 'failed') return <Tag color="warning" icon={<WarningOutlined />}>Chưa lưu được</Tag>;
  return <Tag color="success" icon={<CheckCircleOutlined />} data-testid="save-state">{state.at ? `Đã lưu lúc ${state.at.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })}` : 'Đã lưu'}</Tag>;
}
