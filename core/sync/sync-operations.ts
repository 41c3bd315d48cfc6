import type { FeatureContext, OperationsOf } from '../operations';
import type { SecretStore } from './secret-store';
import { saveSyncConfig, syncStatus, type SyncState } from './sync-service';

/** The network path's settings and state; `syncOnce` runs one round (waiting for one under way). */
export function syncOperations({ db }: FeatureContext, secrets: SecretStore, state: SyncState, syncOnce: (all: boolean) => Promise<void>): OperationsOf<'sync'> {
  return {
    'sync.status': () => syncStatus(db(), secrets, state),
    'sync.saveConfig': (input) => saveSyncConfig(db(), secrets, input),
    'sync.runNow': async () => {
      await syncOnce(true); // the clerk asked: every waiting bundle now, not only those due
      return syncStatus(db(), secrets, state);
    },
  };
}
