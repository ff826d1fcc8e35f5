// The audit log, newest first: who changed what through the API, the CLI or the system. Entries
// are hash-chained (store/audit-chain.ts); `xdr-collector audit verify` walks the chain.
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
            required: ['id', 'at', 'actor', 'action', 'target', 'details', 'prev_hash', 'hash'],
            properties: {
              id: { type: 'integer', description: 'position in the log, from 1' },
              at: { type: 'string', format: 'date-time' },
              actor: { type: 'string', description: 'user name, or "cli" / "system"' },
              action: { type: 'string', description: 'e.g. token.create, token.revoke, agent.revoke' },
              target: { type: 'string' },
              details: { type: 'object', additionalProperties: true },
              prev_hash: { type: 'string', description: 'hash of the entry before (64 zeros for the first)' },
              hash: { type: 'string', description: 'sha256(prev_hash || canonical JSON of {id, at, actor, action, target, details}), hex' },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => (await store.listAudit(request.query.limit)).map((e) => ({
    id: e.id, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, target: e.target, details: e.details, prev_hash: e.prevHash, hash: e.hash,
  })));
};

export default auditRoutes;
