// The audit log, newest first: who changed what through the API, the CLI or the system.
import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/store.js';
import { errorResponses } from '../schemas.js';

export interface AuditRouteOptions {
  store: Store;
}

const auditRoutes: FastifyPluginAsync<AuditRouteOptions> = async (app, { store }) => {
  app.get<{ Querystring: { limit: number } }>('/audit', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Read the audit log, newest first',
      tags: ['audit'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 100 } },
      },
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            required: ['at', 'actor', 'action', 'target', 'details'],
            properties: {
              at: { type: 'string', format: 'date-time' },
              actor: { type: 'string', description: 'user name, or "cli" / "system"' },
              action: { type: 'string', description: 'e.g. token.create, token.revoke, agent.revoke' },
              target: { type: 'string' },
              details: { type: 'object', additionalProperties: true },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => (await store.listAudit(request.query.limit)).map((e) => ({ ...e, at: new Date(e.at).toISOString() })));
};

export default auditRoutes;
