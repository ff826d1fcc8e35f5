// The store folder's public face: the Store interface and its types, the SQLite implementation,
// and openStore, which the collector and its CLI use to open DATADIR/xdr.db.
import { join } from 'node:path';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import { openWorkerCommitStore } from './worker-commit-store.js';

export * from './store.js';
export { SqliteStore } from './sqlite-store.js';
export { StoreError, type StoreErrorCode, type StoreErrorContext } from './errors.js';
export { columnFor, EVENT_COLUMNS, type EventColumn } from './event-columns.js';
export { SCHEMA_VERSION } from './migrations.js';

/** The database file inside a data directory. */
export const STORE_FILE = 'xdr.db';

/**
 * Opens (creating when needed) the embedded store at `DATADIR/xdr.db`. With `commitWorker`
 * (the bundled commit-worker script), batch commits run in that worker thread.
 */
export function openStore(dataDir: string, commitWorker?: URL): Store {
  const file = join(dataDir, STORE_FILE);
  return commitWorker ? openWorkerCommitStore(file, commitWorker) : SqliteStore.open(file);
}
