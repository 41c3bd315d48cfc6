export interface BackupEntry {
  fileName: string;
  createdAt: Date;
}

export interface RetentionRule {
  /** The newest backups always kept. */
  keepLatest: number;
  /** Beyond those, the newest backup of each of this many most recent calendar months is kept. */
  keepMonthly: number;
}

export const DEFAULT_RETENTION: RetentionRule = { keepLatest: 10, keepMonthly: 12 };

/** Which backups to delete under the rule; pure so it can be tested and shown in settings. */
export function selectBackupsToPrune(backups: readonly BackupEntry[], rule: RetentionRule = DEFAULT_RETENTION): BackupEntry[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set(newestFirst.slice(0, rule.keepLatest));
  const monthsSeen = new Set<string>();
  for (const backup of newestFirst) {
    const month = `${backup.createdAt.getUTCFullYear()}-${backup.createdAt.getUTCMonth()}`;
    if (monthsSeen.has(month)) continue;
    if (monthsSeen.size >= rule.keepMonthly) break;
    monthsSeen.add(month);
    keep.add(backup);
  }
  return newestFirst.filter((b) => !keep.has(b));
}
