// Liveness and metrics for operators and monitoring: GET /healthz (public) and GET /metrics
// (Prometheus text; open to loopback callers, a viewer token otherwise — see ../README.md).
import type { FastifyPluginAsync } from 'fastify';
import type { CollectorMetrics } from '../../metrics.js';
import type { Store } from '../../store/store.js';
import { errorResponses } from '../schemas.js';

export interface HealthRouteOptions {
  store: Store;
  metrics: CollectorMetrics;
  version: string;
  /** how long the store may take to answer before the collector is reported unhealthy */
  storeTimeoutMs?: number;
}

const STARTED = Date.now();

async function storeAnswers(store: Store, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
  try {
    return await Promise.race([store.getSetting('healthz.probe').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { store, metrics, version, storeTimeoutMs = 2000 }) => {
  const healthSchema = {
    type: 'object',
    required: ['status', 'version', 'uptime_s'],
    properties: {
      status: { type: 'string', enum: ['ok', 'unavailable'] },
      version: { type: 'string' },
      uptime_s: { type: 'integer' },
      reason: { type: 'string' },
    },
  } as const;

  app.get('/healthz', {
    config: { minRole: 'public' },
    schema: {
      summary: 'Liveness: 200 when the collector and its store answer, 503 otherwise',
      tags: ['operations'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: healthSchema, 503: healthSchema, '4xx': errorResponses['4xx'] },
    },
  }, async (request, reply) => {
    const uptime_s = Math.floor((Date.now() - STARTED) / 1000);
    if (!(await storeAnswers(store, storeTimeoutMs))) {
      request.log.warn('healthz: the store did not answer');
      return reply.code(503).send({ status: 'unavailable', version, uptime_s, reason: `the store did not answer within ${storeTimeoutMs} ms` });
    }
    return { status: 'ok', version, uptime_s };
  });

  app.get('/metrics', {
    config: { minRole: 'viewer', openOnLoopback: true },
    schema: {
      summary: 'Prometheus metrics (text exposition format); no token needed from loopback',
      tags: ['operations'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      produces: ['text/plain'],
      response: { 200: { type: 'string', description: 'Prometheus text format 0.0.4' }, ...errorResponses },
    },
  }, async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
};

export default healthRoutes;
