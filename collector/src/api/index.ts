// The REST API (ARCHITECTURE.md, contract 5): a fastify instance with every feature as a plugin.
// buildApi assembles it without listening; the collector's `serve` command calls listen(). The
// console and xdrctl use nothing but this API.
import fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import type { Logger } from 'pino';
import type { DetectionStage } from '../detection/detection-stage.js';
import type { CollectorMetrics } from '../metrics.js';
import type { ResponseService } from '../response/index.js';
import type { Store } from '../store/store.js';
import authPlugin, { type Access } from './auth.js';
import errorHandlerPlugin from './error-handler.js';
import agentsRoutes from './routes/agents.js';
import alertsRoutes from './routes/alerts.js';
import alertsStreamRoutes, { AlertFeed, type AlertStreamOptions } from './routes/alerts-stream.js';
import attackRoutes from './routes/attack.js';
import alertGraphRoutes from './routes/alert-graph.js';
import alertsHostsRoutes from './routes/alerts-hosts.js';
import auditRoutes from './routes/audit.js';
import sessionRoutes from './routes/session.js';
import detectionsRoutes from './routes/detections.js';
import eventsRoutes from './routes/events.js';
import exceptionsRoutes from './routes/exceptions.js';
import healthRoutes from './routes/health.js';
import oatRoutes from './routes/oat.js';
import processesRoutes from './routes/processes.js';
import responsesRoutes from './routes/responses.js';
import { bearerFromSubprotocol, registerWebsocket } from './routes/responses-shell.js';
import searchRoutes from './routes/search.js';
import savedQueriesRoutes from './routes/search-saved-queries.js';
import tokensRoutes from './routes/tokens.js';

export { ApiError, API_ERRORS, type ApiErrorCode } from './errors.js';
export { createApiToken, generateApiToken, hashToken, type CreatedApiToken } from './tokens.js';

export interface ApiDeps {
  store: Store;
  metrics: CollectorMetrics;
  presence: { isOnline(agentId: string): boolean };
  log: Logger;
  version: string;
  /** the running detection stage (tuning, dry runs); alerts and OATs are read from the store without it */
  detection?: DetectionStage;
  /** serve HTTPS with this key and certificate (PEM); omitted means plain HTTP (loopback only, the caller's rule) */
  https?: { key: string | Buffer; cert: string | Buffer };
  /** the response service (actions, evidence, shells); absent: the response routes answer 503 */
  responses?: ResponseService;
  /** the port agents connect to (the one-line install names it); known once the gateway listens */
  agentPort?: () => number | undefined;
  /** bound on a request body; 64 KiB by default (the API takes small JSON only) */
  bodyLimit?: number;
  /** the live alert stream's feed and bounds (GET /alerts/stream); defaults in routes/alerts-stream.ts */
  alertStream?: Partial<Pick<AlertStreamOptions, 'feed' | 'maxSubscribers' | 'maxBufferedBytes' | 'heartbeatMs'>>;
}

export const API_PREFIX = '/api/v1';
export const BODY_LIMIT = 64 * 1024;

function describeAccess(access: Access | undefined, openOnLoopback: boolean | undefined): string {
  if (access === undefined || access === 'public') return 'No token needed.';
  return `Requires role \`${access}\` or higher${openOnLoopback ? ' (no token needed from a loopback address)' : ''}.`;
}

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const options: FastifyServerOptions & { https?: ApiDeps['https'] } = {
    loggerInstance: deps.log,
    bodyLimit: deps.bodyLimit ?? BODY_LIMIT,
    // Bounded by default: a client that trickles its request is cut off.
    requestTimeout: 30_000,
    // Unknown parameters are refused (400 naming them) rather than silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    ...(deps.https ? { https: deps.https } : {}),
  };
  const app = fastify(options) as unknown as FastifyInstance;
  // JSON in, JSON out: any other body is a 415, not a string that fails validation later.
  app.removeContentTypeParser('text/plain');

  await app.register(errorHandlerPlugin);
  // WebSockets (the remote shell): the plugin's hooks go first; browsers carry the token as a
  // subprotocol, which becomes the Authorization header before authentication
  await registerWebsocket(app);
  app.addHook('onRequest', bearerFromSubprotocol);
  await app.register(authPlugin, { store: deps.store });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Open XDR collector API',
        version: deps.version,
        description: 'Bearer tokens with roles viewer < analyst < responder < admin. Every error body is `{ "error": { "code", "message" } }`.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    // The access rule of each route (its config.minRole) is written into the document.
    transform: ({ schema, url, route }) => {
      const access = route.config?.minRole as Access | undefined;
      const note = describeAccess(access, route.config?.openOnLoopback as boolean | undefined);
      const s = (schema ?? {}) as Record<string, unknown>;
      return {
        url,
        schema: {
          ...s,
          description: [s.description, note].filter(Boolean).join('\n\n'),
          security: access === undefined || access === 'public' ? [] : [{ bearerAuth: [] }],
          'x-required-role': access ?? 'public',
        } as typeof schema,
      };
    },
  });

  await app.register(healthRoutes, { store: deps.store, metrics: deps.metrics, version: deps.version });
  await app.register((await import('./console-static.js')).default); // the web console at / (collector/console)
  await app.register((await import('./routes/install.js')).default, { store: deps.store, version: deps.version, https: deps.https, agentPort: deps.agentPort }); // /install.sh, /install/FILE, /api/v1/install/command
  await app.register(async (v1) => {
    v1.get('/openapi.json', {
      config: { minRole: 'public' },
      schema: {
        summary: 'This OpenAPI 3 document',
        tags: ['operations'],
        querystring: { type: 'object', additionalProperties: false, properties: {} },
        response: { 200: { type: 'object', additionalProperties: true } },
      },
    }, async () => app.swagger());
    await v1.register(agentsRoutes, { store: deps.store, presence: deps.presence });
    await v1.register(eventsRoutes, { store: deps.store });
    await v1.register(tokensRoutes, { store: deps.store });
    await v1.register(sessionRoutes);
    await v1.register(auditRoutes, { store: deps.store });
    await v1.register(searchRoutes, { store: deps.store });
    await v1.register(savedQueriesRoutes, { store: deps.store });
    await v1.register(processesRoutes, { store: deps.store });
    await v1.register(oatRoutes, { store: deps.store });
    const feed = deps.alertStream?.feed ?? new AlertFeed();
    await v1.register(alertsStreamRoutes, { ...deps.alertStream, feed, metrics: deps.metrics, detection: deps.detection });
    await v1.register(alertsRoutes, { store: deps.store, detection: deps.detection, feed });
    await v1.register(attackRoutes);
    await v1.register(alertGraphRoutes, { store: deps.store });
    await v1.register(alertsHostsRoutes, { store: deps.store, detection: deps.detection });
    await v1.register(detectionsRoutes, { store: deps.store, detection: deps.detection });
    await v1.register(exceptionsRoutes, { store: deps.store, detection: deps.detection });
    await v1.register(responsesRoutes, { store: deps.store, responses: deps.responses });
  }, { prefix: API_PREFIX });

  return app;
}
