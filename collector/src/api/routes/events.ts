// Raw activity: equality filters on any ECS field, a time range, keyset pagination (newest
// first) and counts. The filters are the ECS catalogue itself, so the querystring schema, the
// OpenAPI document and the store agree by construction.
import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/store.js';
import { CONTROL_PARAMS, checkRawEventQuery, decodeCursor, encodeCursor, renderEvent, toEventFilter } from '../event-query.js';
import { ecsEventSchema, ecsFilterProperties, errorResponses, timeRangeProperties } from '../schemas.js';

export interface EventsRouteOptions {
  store: Store;
}

export const MAX_LIMIT = 10_000;

const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...ecsFilterProperties,
    ...timeRangeProperties,
    limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 100, description: 'Events per page' },
    cursor: { type: 'string', maxLength: 80, description: 'The next_cursor of the previous page' },
  },
};

const countQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...ecsFilterProperties, ...timeRangeProperties },
};

const COUNT_CONTROL = ['from', 'to'] as const;

const eventsRoutes: FastifyPluginAsync<EventsRouteOptions> = async (app, { store }) => {
  app.get<{ Querystring: Record<string, unknown> & { limit: number; cursor?: string } }>('/events', {
    config: { minRole: 'viewer' },
    // Before validation: name every unknown parameter, refuse repeated and empty ones.
    preValidation: async (request) => checkRawEventQuery(request.query as Record<string, unknown>, CONTROL_PARAMS),
    schema: {
      summary: 'Search raw activity, newest first',
      description: 'Each query parameter named like an ECS field is an equality filter (`?process.name=curl&host.name=web1`); '
        + 'for array fields (process.args, host.ip) the event matches when the array contains the value. Filters are ANDed. '
        + 'Follow `next_cursor` to read the next page; it is absent on the last page.',
      tags: ['events'],
      querystring: listQuerySchema,
      response: {
        200: {
          type: 'object',
          required: ['events'],
          properties: {
            events: { type: 'array', items: ecsEventSchema },
            next_cursor: { type: 'string', description: 'Pass as `cursor` to read the next page' },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const q = request.query;
    const filter = toEventFilter(q);
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    const page = await store.queryEvents({ ...filter, limit: q.limit, ...(after ? { after } : {}) });
    return {
      events: page.events.map(renderEvent),
      ...(page.next ? { next_cursor: encodeCursor(page.next) } : {}),
    };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/events/count', {
    config: { minRole: 'viewer' },
    preValidation: async (request) => checkRawEventQuery(request.query as Record<string, unknown>, COUNT_CONTROL),
    schema: {
      summary: 'Count raw activity matching the same filters as GET /events',
      tags: ['events'],
      querystring: countQuerySchema,
      response: {
        200: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } },
        ...errorResponses,
      },
    },
  }, async (request) => ({ count: await store.countEvents(toEventFilter(request.query)) }));
};

export default eventsRoutes;
