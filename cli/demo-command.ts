import path from 'node:path';
import { seedDemoProvince, type DemoSummary } from '../core/demo/demo-province';
import { formatVnDate } from '../shared/dates/vn-date';

export interface DemoSeedArgs {
  dataDir: string;
  communes: number;
  years: number;
  seed: number;
  today?: string;
}

/** `demo seed`: a demo province written through the services, with progress on stderr. */
export async function runDemoSeed(args: DemoSeedArgs, write: (line: string) => void): Promise<DemoSummary> {
  const dataDir = path.resolve(args.dataDir);
  write(`Tạo dữ liệu mẫu: ${args.communes} xã, phường × ${args.years} năm (seed ${args.seed}) vào ${dataDir}`);
  const summary = await seedDemoProvince({ ...args, dataDir, onProgress: (p) => write(`[${(p.elapsedMs / 1000).toFixed(1).padStart(6)} s] ${p.message}`) });
  write(describeSummary(summary));
  return summary;
}

export function describeSummary(s: DemoSummary): string {
  const r = s.reports;
  const slowest = s.operations.slice(0, 6).map((o) => `${o.name} ${o.calls}× ${(o.ms / o.calls).toFixed(1)} ms`).join(', ');
  return [
    `Xong sau ${(s.elapsedMs / 1000).toFixed(1)} s: ${s.office}, ${s.units} xã, phường, ${s.plans} kế hoạch (${s.planRevisions} lần sửa đổi), năm ${s.years[0]}–${s.years[1]}, tính đến ngày ${formatVnDate(s.today)}.`,
    `Báo cáo: ${r.accepted} đã tiếp nhận, ${r.submitted} chờ xem xét, ${r.returned} đang trả lại, ${r.draft} đang soạn, ${r.missing} chưa nộp; ${s.returns} lần trả lại; ${s.attachments} tệp minh chứng; ${s.officeReports} báo cáo tổng hợp.`,
    `${s.apiCalls} lần gọi API (${(s.apiCalls / (s.elapsedMs / 1000)).toFixed(0)}/s). Tốn thời gian nhất: ${slowest}.`,
    `Từng năm: ${s.perYear.map((y) => `${y.year} ${(y.ms / 1000).toFixed(1)} s`).join(', ')}.`,
  ].join('\n');
}
