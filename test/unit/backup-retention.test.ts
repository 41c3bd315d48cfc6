import { describe, expect, it } from 'vitest';
import { selectBackupsToPrune } from '../../db/backup-retention';
import { backupFileName, parseBackupTime } from '../../db/backups';

const at = (iso: string, i = 0) => ({ fileName: `b${i}-${iso}`, createdAt: new Date(iso) });

describe('backup retention', () => {
  it('keeps everything while there are few backups', () => {
    const backups = Array.from({ length: 5 }, (_, i) => at(`2026-11-0${i + 1}T08:00:00Z`, i));
    expect(selectBackupsToPrune(backups, { keepLatest: 10, keepMonthly: 12 })).toEqual([]);
  });

  it('keeps the newest N and the newest of each recent month, deletes the rest', () => {
    const daily = Array.from({ length: 30 }, (_, i) => at(new Date(Date.UTC(2026, 10, 30 - i, 8)).toISOString(), i)); // November
    const october = [at('2026-10-20T08:00:00Z', 100), at('2026-10-05T08:00:00Z', 101)];
    const old = [at('2025-01-10T08:00:00Z', 200)];
    const doomed = selectBackupsToPrune([...daily, ...october, ...old], { keepLatest: 10, keepMonthly: 2 });
    const doomedNames = new Set(doomed.map((d) => d.fileName));
    // the 10 newest of November stay, October's newest stays (2nd month), the rest of November goes
    expect(daily.slice(0, 10).every((b) => !doomedNames.has(b.fileName))).toBe(true);
    expect(daily.slice(10).every((b) => doomedNames.has(b.fileName))).toBe(true);
    expect(doomedNames.has(october[0]!.fileName)).toBe(false);
    expect(doomedNames.has(october[1]!.fileName)).toBe(true);
    expect(doomedNames.has(old[0]!.fileName)).toBe(true);
    expect(doomed.length).toBe(20 + 1 + 1);
  });

  it('writes the time into the file name and reads it back', () => {
    const when = new Date('2026-11-23T13:05:01.123Z');
    const name = backupFileName('truoc-nang-cap-v1', when);
    expect(name).toBe('dv-20261123T130501123-truoc-nang-cap-v1.sqlite');
    expect(parseBackupTime(name)?.toISOString()).toBe(when.toISOString());
    expect(parseBackupTime('danvan.sqlite')).toBeNull();
  });
});
