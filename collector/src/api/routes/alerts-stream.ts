// The live Workbench: GET /alerts/stream pushes a small server-sent event for every alert that
// detection creates, updates or re-scores and every change made through PATCH /alerts/:id, so the
// console refreshes the rows that changed instead of polling. Bounded: a cap on subscribers (the
// next one gets 503 XDR_STREAM_FULL), and a subscriber whose unsent bytes pass a bound is dropped
// (logged, counted) rather than buffered without end. The token stays in the Authorization header:
// the console reads the stream with fetch(), not EventSource.
import type { FastifyPluginAsync } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { DetectionStage } from '../../detection/detection-stage.js';
import type { CollectorMetrics } from '../../metrics.js';
import type { AlertRecord, AlertStatus } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';

export interface AlertChange { type: 'alert'; id: string; status: AlertStatus; score: number; updated_at: string }

/** Where alert changes are published (detection, PATCH) and heard (the stream's subscribers). */
export class AlertFeed {
  private readonly listeners = new Set<(change: AlertChange) => void>();

  subscribe(listener: (change: AlertChange) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  publish(alerts: readonly AlertRecord[]): void {
    for (const a of alerts) {
      const change: AlertChange = { type: 'alert', id: a.id, status: a.status, score: a.score, updated_at: new Date(a.updatedAt).toISOString() };
      for (const l of this.listeners) l(change);
    }
  }
}

export interface AlertStreamOptions {
  feed: AlertFeed;
  metrics: CollectorMetrics;
  detection?: DetectionStage;
  /** subscribers at once (default 100) */
  maxSubscribers?: number;
  /** unsent bytes a subscriber may hold before it is dropped (default 1 MiB) */
  maxBufferedBytes?: number;
  /** comment line that keeps proxies and the client's idle timers from closing the stream (default 15 s) */
  heartbeatMs?: number;
}

const alertsStreamRoutes: FastifyPluginAsync<AlertStreamOptions> = async (app, o) => {
  const maxSubscribers = o.maxSubscribers ?? 100;
  const maxBuffered = o.maxBufferedBytes ?? 1024 * 1024;
  const heartbeatMs = o.heartbeatMs ?? 15_000;
  const open = new Set<ServerResponse>();

  const off = o.detection?.onAlerts((alerts) => o.feed.publish(alerts));
  // an open stream would hold the server's close: end them first
  app.addHook('preClose', async () => { for (const res of open) res.end(); });
  app.addHook('onClose', async () => off?.());

  app.get('/alerts/stream', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Live alert changes as server-sent events',
      description: 'A `text/event-stream`. First `data: {"type":"ready"}`, then one `data: {"type":"alert","id","status","score","updated_at"}` '
        + 'for every alert created, updated or re-scored by detection and every change made through PATCH /alerts/{id}; a `: heartbeat` comment '
        + `every ${heartbeatMs / 1000} s. At most ${maxSubscribers} subscribers (then 503 XDR_STREAM_FULL); a subscriber that falls ${maxBuffered} bytes behind is disconnected: reconnect and reload the list.`,
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: {
        200: { description: 'server-sent events', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    if (open.size >= maxSubscribers) {
      throw new ApiError('XDR_STREAM_FULL', `the live alert stream already has ${open.size} subscribers, its bound; retry later, or poll GET /api/v1/alerts`);
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no', // a reverse proxy must not hold the events back
      'x-content-type-options': 'nosniff',
    });
    open.add(res);
    let unsubscribe = () => {};
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    };
    function write(text: string): void {
      if (res.destroyed || res.writableEnded) return;
      res.write(text);
      if (res.writableLength > maxBuffered) {
        o.metrics.alertStreamDropped.inc();
        request.log.warn({ buffered: res.writableLength, bound: maxBuffered }, 'live alert stream subscriber dropped: it fell too far behind');
        end();
        res.destroy();
      }
    }
    res.on('close', end);
    unsubscribe = o.feed.subscribe((change) => write(`data: ${JSON.stringify(change)}\n\n`));
    write('retry: 3000\ndata: {"type":"ready"}\n\n');
    return reply;
  });
};

export default alertsStreamRoutes;
