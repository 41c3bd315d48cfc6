import { formatVnDateTime } from '../../../shared/dates/vn-date';

/** "20/11/2026 09:05" in this computer's time. */
export const formatDateTime = (iso: string) => formatVnDateTime(new Date(iso));

/** "1,2 MB", "350 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}
