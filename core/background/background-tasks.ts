import BetterSqlite3 from 'better-sqlite3';
import { writeSnapshot } from '../../db/backups';
import { applyKey } from '../../db/encryption';
import type { Progress } from '../archive/export-archive';

/** Where the live database is and how to open it: a background task opens its own connection to it. */
export interface DatabaseSource {
  databaseFile: string;
  /** The data key when the file is encrypted (passed between threads of one process, never written). */
  encryptionKey: string | null;
  nativeBinding?: string;
}

function connect(source: DatabaseSource): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(source.databaseFile, { fileMustExist: true, ...(source.nativeBinding ? { nativeBinding: source.nativeBinding } : {}) });
  if (source.encryptionKey) applyKey(sqlite, source.encryptionKey);
  return sqlite;
}

/**
 * The slow work on trusted data that would otherwise hold the thread answering the window: each opens its
 * own connection to the database (WAL: it reads the last committed state while the services go on).
 */
export const backgroundTasks = {
  /** A consistent copy of the database written to `file` (.part, fsync, rename: db/backups.ts). */
  async snapshot(input: DatabaseSource & { file: string }, _progress: Progress): Promise<string> {
    const sqlite = connect(input);
    try {
      writeSnapshot(sqlite, input.file);
    } finally {
      sqlite.close();
    }
    return input.file;
  },
  /** The archive of everything (core/archive/export-archive.ts); its path. */
  async archive(input: DatabaseSource & { dataDir: string; folder: string; now: string }, progress: Progress): Promise<string> {
    // loaded only here: a backup's worker starts without the documents' code (seconds from source)
    const { writeArchive } = await import('../archive/export-archive');
    const sqlite = connect(input);
    try {
      return await writeArchive({ sqlite, encryptionKey: input.encryptionKey, dataDir: input.dataDir, folder: input.folder, now: new Date(input.now), nativeBinding: input.nativeBinding, progress });
    } finally {
      sqlite.close();
    }
  },
};

export type BackgroundTaskName = keyof typeof backgroundTasks;
export type BackgroundInput<T extends BackgroundTaskName> = Parameters<(typeof backgroundTasks)[T]>[0];
