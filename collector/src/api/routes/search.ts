// Search over raw activity with the search language: a page of events with a capped total,
// aggregations (top values of a field, a time histogram), and the whole result exported as
// JSON Lines or CSV, streamed page by page and bounded by EXPORT_MAX_ROWS.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { ECS_FIELDS } from '../../pipeline/ecs.js';
import type { EcsEvent } from '../../pipeline/ecs.js';
import type { SearchAggRequest, SearchCursor, Store } from '../../store/store.js';
import { renderEvent } from '../event-query.js';
import { ecsEventSchema, errorResponses } from '../schemas.js';
import {
  ALL_FIELDS, decodeSearchCursor, encodeSearchCursor, querySchema, searchTimeProperties, sortSchema, toSearchFilter, toSort,
  type SearchBodyBase,
} from './search-request.js';

export interface SearchRouteOptions {
  store: Store;
}

export const SEARCH_MAX_LIMIT = 10_000;
/** An export stops after this many rows and says so in its headers. */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_PAGE = 1000;
const DURATION = /^(\d{1,9})(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

interface SearchBody extends SearchBodyBase {
  limit: number;
  cursor?: string;
  aggs?: { terms?: { field: string; size: number }; histogram?: { interval: string } };
}

interface ExportBody extends SearchBodyBase {
  max_rows?: number;
}

const searchBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    query: querySchema,
    ...searchTimeProperties,
    limit: { type: 'integer', minimum: 1, maximum: SEARCH_MAX_LIMIT, default: 100 },
    cursor: { type: 'string', maxLength: 700, description: 'The next_cursor of the previous page (same query and sort)' },
    sort: sortSchema,
    aggs: {
      type: 'object',
      additionalProperties: false,
      properties: {
        terms: {
          type: 'object',
          additionalProperties: false,
          required: ['field'],
          properties: { field: { type: 'string', enum: ALL_FIELDS }, size: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
          description: 'Top values of a field among the matches',
        },
        histogram: {
          type: 'object',
          additionalProperties: false,
          properties: { interval: { type: 'string', pattern: '^(auto|\\d{1,9}(ms|s|m|h|d))$', default: 'auto' } },
          description: 'Matches per time bucket; `auto` picks a width giving at most ~60 buckets',
        },
      },
    },
  },
} as const;

const exportBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    query: querySchema,
    ...searchTimeProperties,
    sort: sortSchema,
    max_rows: { type: 'integer', minimum: 1, maximum: EXPORT_MAX_ROWS, description: `At most this many rows (and never more than ${EXPORT_MAX_ROWS})` },
  },
} as const;

function interval(text: string | undefined): number | undefined {
  const m = text === undefined ? null : DURATION.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : undefined;
}

/** One CSV cell. Cells a spreadsheet would run as a formula (=, +, -, @) get a leading `'`: exported command lines are attacker-controlled. */
function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let text = Array.isArray(v) ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_HEADER = ECS_FIELDS.map((f) => f.name);

const searchRoutes: FastifyPluginAsync<SearchRouteOptions> = async (app, { store }) => {
  app.post<{ Body: SearchBody }>('/search', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Search raw activity with the search language',
      description: 'Returns a page of events (newest first unless `sort` says otherwise), `total` (counted up to a cap; '
        + '`total_capped` says when more match), `next_cursor` when more follow, and `aggs` when asked.',
      tags: ['search'],
      body: searchBodySchema,
      response: {
        200: {
          type: 'object',
          required: ['events', 'total', 'total_capped'],
          properties: {
            events: { type: 'array', items: ecsEventSchema },
            total: { type: 'integer' },
            total_capped: { type: 'boolean', description: 'true when more than `total` events match' },
            next_cursor: { type: 'string' },
            aggs: {
              type: 'object',
              properties: {
                terms: {
                  type: 'object',
                  properties: {
                    field: { type: 'string' },
                    buckets: { type: 'array', items: { type: 'object', properties: { value: { type: ['string', 'integer'] }, count: { type: 'integer' } } } },
                    other: { type: 'integer', description: 'matches whose value is not among the buckets' },
                  },
                },
                histogram: {
                  type: 'object',
                  properties: {
                    interval_ms: { type: 'integer' },
                    buckets: { type: 'array', items: { type: 'object', properties: { start: { type: 'string', format: 'date-time' }, count: { type: 'integer' } } } },
                  },
                },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const body = request.body;
    const filter = toSearchFilter(body);
    const sort = toSort(body.sort);
    const after = body.cursor === undefined ? undefined : decodeSearchCursor(body.cursor, sort);
    const page = await store.searchEvents({ ...filter, limit: body.limit, sort, ...(after ? { after } : {}) });
    const out: Record<string, unknown> = {
      events: page.events.map(renderEvent),
      total: page.total,
      total_capped: page.totalCapped,
      ...(page.next ? { next_cursor: encodeSearchCursor(sort, page.next) } : {}),
    };
    if (body.aggs?.terms || body.aggs?.histogram) {
      const req: SearchAggRequest = { ...filter };
      if (body.aggs.terms) req.terms = { field: body.aggs.terms.field as NonNullable<SearchAggRequest['terms']>['field'], size: body.aggs.terms.size };
      if (body.aggs.histogram) req.histogram = { interval: interval(body.aggs.histogram.interval) };
      const aggs = await store.aggregateEvents(req);
      out.aggs = {
        ...(aggs.terms ? { terms: aggs.terms } : {}),
        ...(aggs.histogram ? {
          histogram: {
            interval_ms: aggs.histogram.interval,
            buckets: aggs.histogram.buckets.map((b) => ({ start: new Date(b.start).toISOString(), count: b.count })),
          },
        } : {}),
      };
    }
    return out;
  });

  app.post<{ Body: ExportBody; Querystring: { format: 'jsonl' | 'csv' } }>('/search/export', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Export every event a search matches, as JSON Lines or CSV',
      description: `Streamed in the search's order. At most ${EXPORT_MAX_ROWS} rows (or \`max_rows\`): the header `
        + '`x-xdr-export-rows` says how many rows follow and `x-xdr-export-truncated: true` that the bound cut the result. '
        + 'CSV has one column per ECS field in catalogue order; lists are JSON; a cell starting with = + - @ gets a leading \' so '
        + 'that spreadsheets do not run it.',
      tags: ['search'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['format'],
        properties: { format: { type: 'string', enum: ['jsonl', 'csv'] } },
      },
      body: exportBodySchema,
      response: { 200: { type: 'string', description: 'application/x-ndjson or text/csv' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body;
    const filter = toSearchFilter(body);
    const sort = toSort(body.sort);
    const max = Math.min(body.max_rows ?? EXPORT_MAX_ROWS, EXPORT_MAX_ROWS);
    // The first page also counts the matches (up to the bound), so the headers can say whether
    // the export is complete before the body starts.
    const first = await store.searchEvents({ ...filter, sort, limit: Math.min(EXPORT_PAGE, max), countUpTo: max });
    const rows = Math.min(first.total, max);
    const truncated = first.totalCapped || first.total > max;
    if (truncated) request.log.info({ max, query: body.query }, 'search export cut at its row bound');
    const csv = request.query.format === 'csv';
    const line = csv
      ? (e: EcsEvent) => `${CSV_HEADER.map((f) => csvCell(renderEvent(e)[f])).join(',')}\r\n`
      : (e: EcsEvent) => `${JSON.stringify(renderEvent(e))}\n`;
    async function* lines(): AsyncGenerator<string> {
      if (csv) yield `${CSV_HEADER.join(',')}\r\n`;
      let sent = 0;
      let page = first;
      for (;;) {
        let chunk = '';
        for (const e of page.events) {
          if (sent >= max) break;
          chunk += line(e);
          sent++;
        }
        if (chunk) yield chunk;
        if (sent >= max || page.next === undefined) return;
        // A turn of the event loop between pages, so that ingest commits interleave with a long export.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const after: SearchCursor = page.next;
        page = await store.searchEvents({ ...filter, sort, after, limit: Math.min(EXPORT_PAGE, max - sent), count: false });
      }
    }
    return reply
      .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="xdr-search.${csv ? 'csv' : 'jsonl'}"`)
      .header('x-xdr-export-rows', String(rows))
      .header('x-xdr-export-max-rows', String(max))
      .header('x-xdr-export-truncated', String(truncated))
      .send(Readable.from(lines()));
  });
};

export default searchRoutes;
