// From an /events querystring (already schema-validated) to the store's EventFilter, and back:
// instants, the opaque pagination cursor, and events rendered for JSON. Pure functions, so the
// rules are tested without a server.
import { isIP } from 'node:net';
import { ECS_FIELD_NAMES, ECS_FIELD_TYPES, type EcsEvent, type EcsField } from '../pipeline/ecs.js';
import type { EventCursor, EventFilter } from '../store/store.js';
import { ApiError } from './errors.js';

/** Query parameters of /events that are not ECS field filters. */
export const CONTROL_PARAMS = ['from', 'to', 'limit', 'cursor'] as const;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const EPOCH_MS = /^-?\d{1,16}$/;

/**
 * An instant given as epoch milliseconds or ISO 8601. A time of day must carry its zone (`Z` or
 * an offset): a zoneless time would be read in the collector's zone, which the caller cannot see.
 * Returns undefined when the text is neither.
 */
export function parseInstant(text: string): number | undefined {
  if (EPOCH_MS.test(text)) {
    const ms = Number(text);
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  if (!ISO_8601.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function instant(name: string, text: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) {
    throw new ApiError('XDR_BAD_TIME_RANGE', `"${name}" is "${text}": give epoch milliseconds or ISO 8601 with a zone, e.g. 2024-05-01T12:00:00Z`);
  }
  return ms;
}

// Cursor: "1.<ts>.<rowid>" in base64url. The version prefix lets the format change later
// without old cursors being misread.
export function encodeCursor(c: EventCursor): string {
  return Buffer.from(`1.${c.ts}.${c.rowid}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): EventCursor {
  const bad = () => new ApiError('XDR_BAD_CURSOR', `cursor "${text.slice(0, 80)}" is malformed: pass back the next_cursor of a previous response unchanged`);
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(text)) throw bad();
  const m = /^1\.(-?\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!m) throw bad();
  const ts = Number(m[1]);
  const rowid = Number(m[2]);
  if (!Number.isSafeInteger(ts) || !Number.isSafeInteger(rowid)) throw bad();
  return { ts, rowid };
}

/**
 * The raw querystring, before validation: rejects names outside the catalogue (naming every one
 * of them), repeated and empty parameters. Schema validation reports only the first failure and
 * would coerce an empty value to 0 for an integer field; this says exactly what is wrong.
 */
export function checkRawEventQuery(raw: Record<string, unknown>, control: readonly string[]): void {
  const unknown = Object.keys(raw).filter((k) => !ECS_FIELD_NAMES.has(k) && !control.includes(k));
  if (unknown.length > 0) {
    const list = unknown.map((k) => `"${k}"`).join(', ');
    throw new ApiError('XDR_BAD_QUERY', `unknown query parameter${unknown.length > 1 ? 's' : ''} ${list}: filters are ECS field names (e.g. process.name, host.name), plus ${control.join(', ')}`);
  }
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) throw new ApiError('XDR_BAD_QUERY', `query parameter "${k}" is given ${v.length} times: give each filter once (filters are ANDed equality)`);
    if (v === '') throw new ApiError('XDR_BAD_QUERY', `query parameter "${k}" is empty`);
  }
}

/** The store filter of a validated querystring. */
export function toEventFilter(query: Record<string, unknown>): EventFilter {
  const equals: NonNullable<EventFilter['equals']> = [];
  for (const [name, value] of Object.entries(query)) {
    const type = ECS_FIELD_TYPES.get(name);
    if (type === undefined || value === undefined) continue;
    let v = value as string | number;
    if (type === 'date') v = instant(name, String(value));
    if ((type === 'ip' || type === 'ip[]') && isIP(String(value)) === 0) {
      throw new ApiError('XDR_BAD_QUERY', `query parameter "${name}" is "${String(value)}", which is not an IPv4 or IPv6 address`);
    }
    equals.push({ field: name as EcsField, value: v });
  }
  const filter: EventFilter = {};
  if (equals.length > 0) filter.equals = equals;
  if (typeof query.from === 'string') filter.from = instant('from', query.from);
  if (typeof query.to === 'string') filter.to = instant('to', query.to);
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    throw new ApiError('XDR_BAD_TIME_RANGE', `"from" (${new Date(filter.from).toISOString()}) must be before "to" (${new Date(filter.to).toISOString()})`);
  }
  return filter;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

/** An event for the API: dates as ISO 8601, absent (null) fields left out. */
export function renderEvent(e: EcsEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === null || v === undefined) continue;
    out[k] = ECS_FIELD_TYPES.get(k) === 'date' && typeof v === 'number' ? iso(v) : v;
  }
  return out;
}
