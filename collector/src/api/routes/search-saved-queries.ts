// Saved queries, per user: the owner is the token's user, and nobody else sees or deletes them
// (another user's id answers 404, so ids do not leak). Creating and deleting are audited.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { SavedQueryRecord, Store } from '../../store/store.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { parseSearch, querySchema } from './search-request.js';

export interface SavedQueriesRouteOptions {
  store: Store;
}

/** Saved queries one user may keep. */
export const MAX_SAVED_QUERIES = 200;

const savedQuerySchema = {
  type: 'object',
  required: ['id', 'name', 'query', 'created_at'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    query: { type: 'string' },
    description: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
  },
} as const;

function render(r: SavedQueryRecord) {
  return {
    id: r.id, name: r.name, query: r.query,
    ...(r.description === null ? {} : { description: r.description }),
    created_at: new Date(r.createdAt).toISOString(),
  };
}

const savedQueriesRoutes: FastifyPluginAsync<SavedQueriesRouteOptions> = async (app, { store }) => {
  app.get('/saved-queries', {
    config: { minRole: 'viewer' },
    schema: {
      summary: "The caller's saved queries, oldest first",
      tags: ['search'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: { type: 'array', items: savedQuerySchema }, ...errorResponses },
    },
  }, async (request) => (await store.listSavedQueries(actorOf(request))).map(render));

  app.post<{ Body: { name: string; query: string; description?: string } }>('/saved-queries', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Save a search query for the caller',
      description: `The query must parse. A user keeps at most ${MAX_SAVED_QUERIES} queries.`,
      tags: ['search'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'query'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          query: { ...querySchema, minLength: 1 },
          description: { type: 'string', maxLength: 2000 },
        },
      },
      response: { 201: savedQuerySchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const owner = actorOf(request);
    const { name, query, description } = request.body;
    parseSearch(query);
    if ((await store.listSavedQueries(owner)).length >= MAX_SAVED_QUERIES) {
      throw new ApiError('XDR_BAD_REQUEST', `user "${owner}" already has ${MAX_SAVED_QUERIES} saved queries, the limit: delete some first`);
    }
    const record: SavedQueryRecord = {
      id: `sq_${randomBytes(9).toString('base64url')}`, owner, name, query, description: description ?? null, createdAt: Date.now(),
    };
    await store.createSavedQuery(record);
    await store.appendAudit({ at: record.createdAt, actor: owner, action: 'saved_query.create', target: record.id, details: { name, query } });
    return reply.code(201).send(render(record));
  });

  app.delete<{ Params: { id: string } }>('/saved-queries/:id', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Delete one of the caller\'s saved queries',
      tags: ['search'],
      params: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } },
      },
      response: { 200: { type: 'object', required: ['id', 'deleted'], properties: { id: { type: 'string' }, deleted: { type: 'boolean' } } }, ...errorResponses },
    },
  }, async (request) => {
    const owner = actorOf(request);
    const { id } = request.params;
    if (!(await store.deleteSavedQuery(owner, id))) {
      throw new ApiError('XDR_SAVED_QUERY_NOT_FOUND', `user "${owner}" has no saved query "${id}"`);
    }
    await store.appendAudit({ at: Date.now(), actor: owner, action: 'saved_query.delete', target: id, details: {} });
    return { id, deleted: true };
  });
};

export default savedQueriesRoutes;
