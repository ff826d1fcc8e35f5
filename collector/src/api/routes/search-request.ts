// What POST /search and /search/export share: the body schema, the query text to AST (a
// SearchError becomes XDR_BAD_SEARCH with its column), time bounds, sort and the keyset cursor.
// Pure functions and schema objects, no route.
import { ECS_FIELDS } from '../../pipeline/ecs.js';
import { SearchError, parseQuery, MAX_QUERY_LENGTH, type SearchNode } from '../../search/index.js';
import type { SearchCursor, SearchFilter, SearchSort } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { parseInstant } from '../event-query.js';

/** Fields a search can be sorted on: every scalar field (array fields have no order). */
export const SORTABLE_FIELDS = ECS_FIELDS.filter((f) => !f.type.endsWith('[]')).map((f) => f.name);
export const ALL_FIELDS = ECS_FIELDS.map((f) => f.name);

export const querySchema = {
  type: 'string',
  maxLength: MAX_QUERY_LENGTH,
  default: '',
  description: 'The search language (collector/src/search/README.md), e.g. `process.name:curl and destination.port >= 1024`; empty matches everything',
} as const;

export const sortSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field'],
  properties: {
    field: { type: 'string', enum: SORTABLE_FIELDS },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
  },
  description: 'Default: `@timestamp` descending (newest first)',
} as const;

export const searchTimeProperties = {
  from: { type: 'string', maxLength: 40, description: 'Events at or after this instant: ISO 8601 with a zone, or epoch ms' },
  to: { type: 'string', maxLength: 40, description: 'Events strictly before this instant' },
} as const;

export interface SearchBodyBase {
  query: string;
  from?: string;
  to?: string;
  sort?: { field: string; order: 'asc' | 'desc' };
}

/** The query text as an AST; a syntax error says where and what was expected. */
export function parseSearch(text: string): SearchNode {
  try {
    return parseQuery(text);
  } catch (err) {
    if (err instanceof SearchError) throw new ApiError('XDR_BAD_SEARCH', `query ${err.message}`, { cause: err });
    throw err;
  }
}

function instant(name: string, text: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) throw new ApiError('XDR_BAD_TIME_RANGE', `"${name}" is "${text}": give epoch milliseconds or ISO 8601 with a zone, e.g. 2024-05-01T12:00:00Z`);
  return ms;
}

export function toSearchFilter(body: SearchBodyBase): SearchFilter {
  const filter: SearchFilter = { query: parseSearch(body.query) };
  if (body.from !== undefined) filter.from = instant('from', body.from);
  if (body.to !== undefined) filter.to = instant('to', body.to);
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    throw new ApiError('XDR_BAD_TIME_RANGE', `"from" (${new Date(filter.from).toISOString()}) must be before "to" (${new Date(filter.to).toISOString()})`);
  }
  return filter;
}

export function toSort(sort: SearchBodyBase['sort']): SearchSort {
  return { field: (sort?.field ?? '@timestamp') as SearchSort['field'], order: sort?.order ?? 'desc' };
}

// Cursor: "s1." + base64url(JSON [field, order, value, id]). It names the sort it was made
// for, so a cursor reused with another sort is refused rather than misread.
export function encodeSearchCursor(sort: SearchSort, c: SearchCursor): string {
  return `s1.${Buffer.from(JSON.stringify([sort.field, sort.order, c.value, c.id]), 'utf8').toString('base64url')}`;
}

export function decodeSearchCursor(text: string, sort: SearchSort): SearchCursor {
  const bad = (why: string) => new ApiError('XDR_BAD_CURSOR', `cursor "${text.slice(0, 60)}" ${why}: pass back the next_cursor of a previous response unchanged, with the same sort`);
  const m = /^s1\.([A-Za-z0-9_-]{1,600})$/.exec(text);
  if (!m) throw bad('is malformed');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
  } catch {
    throw bad('is malformed');
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw bad('is malformed');
  const [field, order, value, id] = parsed as unknown[];
  if (field !== sort.field || order !== sort.order) throw bad(`was made for sort ${String(field)} ${String(order)}, not ${sort.field} ${sort.order}`);
  if (!Number.isSafeInteger(id) || !(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) throw bad('is malformed');
  return { value: value as SearchCursor['value'], id: id as number };
}
