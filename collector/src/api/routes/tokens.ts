// API tokens: list (never the hashes), create (the plain token is returned once), revoke.
// Every change is audited with the calling user as the actor.
import type { FastifyPluginAsync } from 'fastify';
import type { ApiTokenRecord, Role, Store } from '../../store/store.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { errorResponses, idParamsSchema, roleSchema } from '../schemas.js';
import { USER_NAME_PATTERN, createApiToken } from '../tokens.js';

export interface TokensRouteOptions {
  store: Store;
}

const tokenSchema = {
  type: 'object',
  required: ['id', 'user', 'role', 'created_at', 'revoked', 'revoked_at'],
  properties: {
    id: { type: 'string' },
    user: { type: 'string' },
    role: roleSchema,
    created_at: { type: 'string', format: 'date-time' },
    revoked: { type: 'boolean' },
    revoked_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

function tokenView(t: ApiTokenRecord) {
  return {
    id: t.id,
    user: t.user,
    role: t.role,
    created_at: new Date(t.createdAt).toISOString(),
    revoked: t.revokedAt !== null,
    revoked_at: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
  };
}

const tokensRoutes: FastifyPluginAsync<TokensRouteOptions> = async (app, { store }) => {
  app.get('/tokens', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'List API tokens (never their secrets)',
      tags: ['tokens'],
      querystring: emptyQuery,
      response: { 200: { type: 'array', items: tokenSchema }, ...errorResponses },
    },
  }, async () => (await store.listApiTokens()).map(tokenView));

  app.post<{ Body: { user: string; role: Role } }>('/tokens', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Create an API token for a user; the token is in this response only (audited)',
      tags: ['tokens'],
      querystring: emptyQuery,
      body: {
        type: 'object',
        required: ['user', 'role'],
        additionalProperties: false,
        properties: {
          user: { type: 'string', pattern: USER_NAME_PATTERN.source, description: 'Who the token belongs to: the actor in the audit log' },
          role: roleSchema,
        },
      },
      response: {
        201: {
          type: 'object',
          required: [...tokenSchema.required, 'token'],
          properties: { ...tokenSchema.properties, token: { type: 'string', description: 'The bearer token; store it now, it cannot be shown again' } },
        },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const { token, record } = await createApiToken(store, { user: request.body.user, role: request.body.role, actor: actorOf(request) });
    request.log.info({ tokenId: record.id, forUser: record.user, tokenRole: record.role }, 'api token created');
    return reply.code(201).send({ ...tokenView(record), token });
  });

  app.delete<{ Params: { id: string } }>('/tokens/:id', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Revoke an API token (audited); revoking a revoked token changes nothing',
      tags: ['tokens'],
      params: idParamsSchema,
      querystring: emptyQuery,
      response: { 200: tokenSchema, ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params;
    const find = async () => (await store.listApiTokens()).find((t) => t.id === id);
    const before = await find();
    if (!before) throw new ApiError('XDR_TOKEN_NOT_FOUND', `no API token with id "${id}" (GET /api/v1/tokens lists them)`);
    if (before.revokedAt === null) {
      const at = Date.now();
      if (!(await store.revokeApiToken(id, at))) throw new ApiError('XDR_TOKEN_NOT_FOUND', `no API token with id "${id}"`);
      await store.appendAudit({ at, actor: actorOf(request), action: 'token.revoke', target: id, details: { user: before.user, role: before.role } });
      request.log.info({ tokenId: id }, 'api token revoked');
    }
    return tokenView((await find()) ?? before);
  });
};

export default tokensRoutes;
