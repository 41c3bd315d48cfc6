import type { BoundInstallationView } from '../../../shared/bundles/bundle-schemas';
import { formatVnDate } from '../../../shared/dates/vn-date';

const day = (iso: string) => formatVnDate(iso.slice(0, 10));

/** "từ 03/03/2026 · gói gần nhất 15/06/2026": since when a key is bound and when it last sent something. */
export function boundSince(b: BoundInstallationView): string {
  return `từ ${day(b.boundAt)}${b.lastBundleAt ? ` · gói gần nhất ${day(b.lastBundleAt)}` : ''}`;
}
