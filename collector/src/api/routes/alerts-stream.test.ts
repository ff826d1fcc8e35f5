// The live alert stream over a real socket, with a real store and detection stage: detection's new
// alerts and PATCH changes arrive as events, heartbeats flow, the token is needed, the subscriber
// cap answers 503 XDR_STREAM_FULL, a subscriber that stops reading is dropped and counted, and the
// ATT&CK names route serves the data file.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackEvents, GOLDEN_RULES } from '../../detection/alerts/test-attack.js';
import { DetectionStage } from '../../detection/detection-stage.js';
import { CollectorMetrics } from '../../metrics.js';
import { openStore, type AlertRecord, type Store } from '../../store/index.js';
import { buildApi } from '../index.js';
import { bearer } from '../test/support.js';
import { createApiToken } from '../tokens.js';
import { AlertFeed } from './alerts-stream.js';

const T0 = 1_700_000_000_000;
let dir: string;
let store: Store;
let app: FastifyInstance;
let stage: DetectionStage;
let base: string;
const feed = new AlertFeed();
const metrics = new CollectorMetrics();
let viewer: string;
let analyst: string;

interface Sub { res: IncomingMessage; text: () => string; events: () => Array<Record<string, unknown>>; close(): void }

/** Opens the stream; resolves with the response once headers arrived (any status). */
function subscribe(token?: string, paused = false): Promise<Sub> {
  return new Promise((ok, fail) => {
    const req = httpRequest(`${base}/api/v1/alerts/stream`, { headers: token ? bearer(token) : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      if (paused) res.pause(); else res.on('data', (d: string) => { text += d; });
      res.on('error', () => {});
      ok({
        res, text: () => text,
        events: () => text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6))),
        close: () => req.destroy(),
      });
    });
    req.on('error', fail);
    req.end();
  });
}

async function until<T>(what: string, fn: () => T | undefined | false, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-api-stream-'));
  store = openStore(dir);
  viewer = (await createApiToken(store, { user: 'vera', role: 'viewer', actor: 'test' })).token;
  analyst = (await createApiToken(store, { user: 'ann', role: 'analyst', actor: 'test' })).token;
  stage = new DetectionStage({ dirs: [GOLDEN_RULES], store, log: pino({ level: 'silent' }) });
  await stage.reloadTuning();
  app = await buildApi({
    store, metrics, presence: { isOnline: () => false }, log: pino({ level: 'silent' }), version: '0.0.0-test', detection: stage,
    alertStream: { feed, maxSubscribers: 3, maxBufferedBytes: 64 * 1024, heartbeatMs: 150 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/v1/alerts/stream', () => {
  it('pushes alerts detection creates and PATCH changes, with heartbeats; needs a token', async () => {
    const anon = await subscribe();
    expect(anon.res.statusCode).toBe(401);
    anon.close();

    const s = await subscribe(viewer);
    expect(s.res.statusCode).toBe(200);
    expect(s.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await until('ready', () => s.events().some((e) => e.type === 'ready'));

    stage.enqueue(attackEvents({ session: 200, t0: T0 }));
    await stage.idle();
    const [created] = (await app.inject({ url: '/api/v1/alerts', headers: bearer(viewer) })).json().alerts;
    const pushed = await until('the new alert', () => s.events().find((e) => e.id === created.id));
    expect(pushed).toEqual({ type: 'alert', id: created.id, status: 'new', score: created.score, updated_at: created.updated_at });

    const r = await app.inject({ method: 'PATCH', url: `/api/v1/alerts/${created.id}`, headers: bearer(analyst), payload: { status: 'in_progress' } });
    expect(r.statusCode).toBe(200);
    await until('the status change', () => s.events().find((e) => e.id === created.id && e.status === 'in_progress'));

    await until('a heartbeat', () => s.text().includes(': heartbeat\n\n'));
    s.close();
  });

  it('refuses a subscriber past the bound with 503 XDR_STREAM_FULL', async () => {
    const open = [await subscribe(viewer), await subscribe(viewer), await subscribe(viewer)];
    expect(open.map((s) => s.res.statusCode)).toEqual([200, 200, 200]);
    const extra = await subscribe(viewer);
    expect(extra.res.statusCode).toBe(503);
    const body = await until('the error body', () => extra.text() || undefined);
    expect(JSON.parse(body).error.code).toBe('XDR_STREAM_FULL');
    await Promise.all(open.map((s) => new Promise((ok) => { s.res.socket.once('close', ok); s.close(); })));
    // the places are free again once the subscribers left
    await new Promise((r) => setTimeout(r, 50));
    const again = await subscribe(viewer);
    expect(again.res.statusCode).toBe(200);
    again.close();
  });

  it('drops a subscriber that stops reading, and counts it', async () => {
    await new Promise((r) => setTimeout(r, 50)); // the previous subscriber's socket has closed
    const slow = await subscribe(viewer, true);
    expect(slow.res.statusCode).toBe(200);
    const closed = new Promise<void>((ok) => slow.res.socket.once('close', () => ok()));
    const fake = { id: '00000000-0000-4000-8000-000000000000', status: 'new', score: 50, updatedAt: T0 } as AlertRecord;
    // far more than the socket buffers and the 64 KiB bound hold
    for (let i = 0; i < 200 && !slow.res.socket.destroyed; i++) {
      feed.publish(Array.from({ length: 1000 }, () => fake));
      await new Promise((r) => setImmediate(r));
    }
    await closed;
    expect((await metrics.registry.getSingleMetricAsString('xdr_api_stream_dropped_total'))).toMatch(/xdr_api_stream_dropped_total 1$/m);
  });
});

describe('GET /api/v1/attack/techniques', () => {
  it('names techniques and sub-techniques with their tactics', async () => {
    const r = await app.inject({ url: '/api/v1/attack/techniques', headers: bearer(viewer) });
    expect(r.statusCode).toBe(200);
    const { tactics, techniques } = r.json();
    expect(tactics).toContainEqual({ id: 'TA0002', shortname: 'execution', name: 'Execution' });
    const byId = new Map(techniques.map((t: { id: string }) => [t.id, t]));
    expect(byId.get('T1105')).toEqual({ id: 'T1105', name: 'Ingress Tool Transfer', full_name: 'Ingress Tool Transfer', tactics: ['TA0011'] });
    expect(byId.get('T1059.004')).toEqual({ id: 'T1059.004', name: 'Unix Shell', full_name: 'Command and Scripting Interpreter: Unix Shell', tactics: ['TA0002'] });
    expect((await app.inject({ url: '/api/v1/attack/techniques' })).statusCode).toBe(401);
  });
});
