// How the ECS catalogue (pipeline/ecs.ts) maps onto the SQL `events` table: one column per field,
// derived from the catalogue so that a field added there becomes a column here. Pure data, no SQL
// execution; the SQLite store and its migrations read it.
import { ECS_FIELDS, type EcsEvent, type EcsField, type EcsType } from '../pipeline/ecs.js';
import { StoreError } from './errors.js';

/** How a value of an ECS type is kept in SQLite. */
export type ColumnKind = 'integer' | 'text' | 'json';

export interface EventColumn {
  field: EcsField;
  column: string;
  type: EcsType;
  kind: ColumnKind;
  sqlType: 'INTEGER' | 'TEXT';
  /** index in EVENT_COLUMNS (catalogue order) */
  position: number;
}

/** Columns of `events` that are not ECS fields: the row id and the batch provenance. */
export const RESERVED_EVENT_COLUMNS: readonly string[] = ['id', 'batch_agent_id', 'seq', 'idx'];

/** The SQL column of an ECS field: `process.command_line` -> `process_command_line`, `@timestamp` -> `ts`. */
export function columnFor(field: string): string {
  if (field === '@timestamp') return 'ts';
  return field.replace(/\./g, '_');
}

function kindOf(type: EcsType): ColumnKind {
  switch (type) {
    case 'date':
    case 'long':
      return 'integer';
    case 'keyword[]':
    case 'ip[]':
      return 'json';
    default:
      return 'text';
  }
}

function buildColumns(): EventColumn[] {
  const seen = new Set<string>(RESERVED_EVENT_COLUMNS);
  return ECS_FIELDS.map(({ name, type }, position) => {
    const column = columnFor(name);
    // Start-up check: two fields (or a field and a reserved column) must never share a column.
    if (seen.has(column) || !/^[a-z][a-z0-9_]*$/.test(column)) {
      throw new StoreError('STORE_SCHEMA', `ECS field "${name}" maps to column "${column}", which is taken or not a plain SQL name; rename the field in pipeline/ecs.ts`);
    }
    seen.add(column);
    const kind = kindOf(type);
    return { field: name, column, type, kind, sqlType: kind === 'integer' ? 'INTEGER' : 'TEXT', position };
  });
}

/** Every ECS column, in catalogue order (`@timestamp`/`ts` first). */
export const EVENT_COLUMNS: readonly EventColumn[] = buildColumns();

export const EVENT_COLUMN_BY_FIELD: ReadonlyMap<string, EventColumn> = new Map(EVENT_COLUMNS.map((c) => [c.field, c]));

/** Rebuilds the event from a raw row (`id` then the ECS columns in catalogue order); NULL means absent. */
export function rowToEvent(row: unknown[]): EcsEvent {
  const ev: Record<string, unknown> = {};
  for (let i = 0; i < EVENT_COLUMNS.length; i++) {
    const v = row[i + 1];
    if (v === null) continue;
    const c = EVENT_COLUMNS[i];
    ev[c.field] = c.kind === 'json' ? JSON.parse(v as string) : v;
  }
  return ev as EcsEvent;
}
