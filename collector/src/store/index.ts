// The store folder's public face: the Store interface and its types, the SQLite implementation,
// and openStore, which the collector and its CLI use to open DATADIR/xdr.db.
import { join } from 'node:path';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export * from './store.js';
export { SqliteStore } from './sqlite-store.js';
export { StoreError, type StoreErrorCode, type StoreErrorContext } from './errors.js';
export { columnFor, EVENT_COLUMNS, type EventColumn } from './event-columns.js';
export { SCHEMA_VERSION } from './migrations.js';

/** The database file inside a data directory. */
export const STORE_FILE = 'xdr.db';

/** Opens (creating when needed) the embedded store at `DATADIR/xdr.db`. */
export function openStore(dataDir: string): Store {
  return SqliteStore.open(join(dataDir, STORE_FILE));
}
