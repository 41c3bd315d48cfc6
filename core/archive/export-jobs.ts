import crypto from 'node:crypto';
import type { ExportJob } from '../../shared/backups/backup-schemas';
import { AppError } from '../app-error';
import type { Progress } from './export-archive';

/**
 * Slow work started by one operation and followed by another: start() returns at once with a job id,
 * get() reports done/total and, at the end, the file written or the Vietnamese reason it was not.
 */
export function jobRegistry(describeFailure: (error: unknown) => string) {
  const jobs = new Map<string, ExportJob>();
  let running: Promise<void> | null = null;

  return {
    start(work: (progress: Progress) => Promise<string>): ExportJob {
      if (running) throw new AppError('CONFLICT', 'Đang xuất dữ liệu; hãy đợi lần xuất này xong.');
      const job: ExportJob = { jobId: crypto.randomUUID(), state: 'running', done: 0, total: 1, step: 'Bắt đầu', filePath: null, error: null };
      jobs.set(job.jobId, job);
      running = work((done, total, step) => Object.assign(job, { done, total, step }))
        .then((filePath) => void Object.assign(job, { state: 'done', filePath, step: 'Xong', done: job.total }))
        .catch((error: unknown) => void Object.assign(job, { state: 'failed', error: describeFailure(error) }))
        .finally(() => (running = null));
      return { ...job };
    },
    get(jobId: string): ExportJob {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NOT_FOUND', 'Không tìm thấy lần xuất dữ liệu này (ứng dụng đã khởi động lại?).');
      return { ...job };
    },
    /** Waits for a running job (before the services close). */
    idle: async () => {
      while (running) await running;
    },
  };
}
