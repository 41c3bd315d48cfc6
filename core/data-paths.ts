import path from 'node:path';

/** Where an installation keeps its files, below one data folder. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    databaseFile: path.join(dataDir, 'danvan.sqlite'),
    backupDir: path.join(dataDir, 'backups'),
  };
}
