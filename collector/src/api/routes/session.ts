// Who the caller is: the user and role of the bearer token. The console asks it at sign-in to
// decide which buttons exist; the API itself still checks the role on every route.
import type { FastifyPluginAsync } from 'fastify';
import { ROLES } from '../../store/store.js';
import { errorResponses } from '../schemas.js';

const sessionRoutes: FastifyPluginAsync = async (app) => {
  app.get('/session', {
    config: { minRole: 'viewer' },
    schema: {
      summary: "The caller's user and role",
      tags: ['auth'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: {
        200: {
          type: 'object',
          required: ['user', 'role'],
          additionalProperties: false,
          properties: { user: { type: 'string' }, role: { type: 'string', enum: [...ROLES] } },
        },
        ...errorResponses,
      },
    },
  }, async (request) => ({ user: request.who!.user, role: request.who!.role }));
};

export default sessionRoutes;
