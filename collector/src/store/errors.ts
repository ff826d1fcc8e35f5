// Errors raised by the store. Each carries a stable code so callers (API, pipeline) can map it to
// a response without parsing messages; the message says what failed, with which input.

export type StoreErrorCode =
  /** an event in a batch does not fit the ECS catalogue (unknown field, wrong value type) */
  | 'STORE_BAD_EVENT'
  /** a query names a field outside the catalogue, or a value that cannot be compared with it */
  | 'STORE_BAD_QUERY'
  /** a write failed in SQLite (constraint, disk full, locked past busy_timeout); nothing was written */
  | 'STORE_WRITE_FAILED'
  /** the database schema cannot be used (newer than this build, or a catalogue/column clash) */
  | 'STORE_SCHEMA';

export interface StoreErrorContext {
  agentId?: string;
  seq?: number;
  index?: number;
  field?: string;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly context: StoreErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
