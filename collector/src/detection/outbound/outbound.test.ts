// Outbound delivery to real local receivers: a webhook HTTP server that checks the HMAC and
// fails the first attempt (retry), a UDP and a TCP syslog socket; a full queue drops and counts.
import { createSocket } from 'node:dgram';
import { createServer, type IncomingMessage } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CollectorMetrics } from '../../metrics.js';
import type { RenderedAlert } from '../alerts/render.js';
import { createOutbound, parseOutboundConfig } from './config.js';
import { backoffMs, Outbound, type AlertNotification, type Sink } from './outbound.js';
import { formatSyslog } from './syslog-sink.js';
import { verifyWebhook } from './webhook-sink.js';

const log = pino({ level: 'silent' });
const SECRET = 'a-secret-of-enough-length';

function note(id = '11111111-1111-4111-8111-111111111111'): AlertNotification {
  const alert = {
    id, model_id: 'm1', title: 'Dropper', level: 'critical', score: 91, status: 'new', event_ids: ['e1'],
    scope: { hosts: [{ id: 'h1', name: 'web1' }] }, highlights: { commands: [{ value: 'curl x', count: 1, event_ids: ['e1'] }] },
  } as unknown as RenderedAlert;
  return { type: 'alert.created', deliveryId: 'd-1', alert };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((ok) => { const c: Buffer[] = []; req.on('data', (d) => c.push(d)); req.on('end', () => ok(Buffer.concat(c).toString())); });
}

describe('outbound', () => {
  it('webhook: signed JSON, retried with backoff after a 503, delivered once', async () => {
    const got: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    let calls = 0;
    const server = createServer(async (req, res) => {
      const b = await body(req);
      calls++;
      if (calls === 1) { res.statusCode = 503; res.end(); return; }
      got.push({ headers: req.headers, body: b });
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const metrics = new CollectorMetrics();
    const config = parseOutboundConfig({ webhooks: [{ url, secret: SECRET }], delivery: { base_delay_ms: 20, max_attempts: 3 } }, 'test');
    const out = createOutbound(config, '0.0.0', metrics, log);
    out.notify(note());
    await waitUntil(() => got.length === 1);
    const { headers, body: text } = got[0];
    expect(verifyWebhook(SECRET, String(headers['x-xdr-timestamp']), text, String(headers['x-xdr-signature']))).toBe(true);
    expect(verifyWebhook('another-secret-entirely', String(headers['x-xdr-timestamp']), text, String(headers['x-xdr-signature']))).toBe(false);
    expect(headers['x-xdr-event']).toBe('alert.created');
    expect(JSON.parse(text)).toMatchObject({ type: 'alert.created', delivery_id: 'd-1', alert: { id: note().alert.id, score: 91 } });
    expect(calls).toBe(2);
    expect(await metrics.registry.getSingleMetricAsString('xdr_outbound_retries_total')).toContain(`sink="webhook:http://127.0.0.1`);
    await out.close();
    expect(await metrics.registry.getSingleMetricAsString('xdr_outbound_delivered_total')).toMatch(/} 1$/m);
    server.close();
  });

  it('syslog over UDP: one RFC 5424 datagram per notification', async () => {
    const sock = createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    const received = new Promise<string>((ok) => sock.once('message', (m) => ok(m.toString())));
    const out = createOutbound(parseOutboundConfig({ syslog: [{ url: `udp://127.0.0.1:${sock.address().port}` }] }, 'test'), '0.0.0', undefined, log);
    out.notify(note());
    const msg = await received;
    // <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG; local0 (16) × 8 + crit (2) = 130
    expect(msg).toMatch(/^<130>1 \d{4}-\d\d-\d\dT\S+Z \S+ xdr-collector \d+ alert\.created \[xdr@32473 id="11111111-1111-4111-8111-111111111111" score="91" level="critical" status="new" model="m1" hosts="web1"\] \{/);
    expect(JSON.parse(msg.slice(msg.indexOf('] {') + 2))).toMatchObject({ type: 'alert.created', alert: { score: 91 } });
    await out.close();
    sock.close();
  });

  it('syslog over TCP uses octet counting', async () => {
    let data = '';
    const server = createTcpServer((s) => s.on('data', (d) => { data += d.toString(); }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const out = createOutbound(parseOutboundConfig({ syslog: [{ url: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}` }] }, 'test'), '0.0.0', undefined, log);
    out.notify(note());
    out.notify(note('22222222-2222-4222-8222-222222222222'));
    await waitUntil(() => (data.match(/alert\.created/g) ?? []).length >= 2);
    const m = /^(\d+) (<130>1 [^]*)$/.exec(data)!;
    expect(Buffer.byteLength(m[2].slice(0, Number(m[1])))).toBe(Number(m[1]));
    await out.close();
    server.close();
  });

  it('a full queue drops the oldest and counts it; backoff grows and is capped', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((r) => { release = r; });
    const sent: string[] = [];
    const sink: Sink = { name: 'slow', async send(n) { await blocked; sent.push(n.alert.id); }, async close() {} };
    const metrics = new CollectorMetrics();
    const out = new Outbound([sink], { maxQueue: 2 }, metrics, log);
    for (const id of ['a', 'b', 'c', 'd']) out.notify(note(id));
    release();
    await waitUntil(() => sent.length === 3);
    // 'a' was in flight; 'b' was the oldest waiting when 'd' came
    expect(sent).toEqual(['a', 'c', 'd']);
    expect(await metrics.registry.getSingleMetricAsString('xdr_outbound_dropped_total')).toContain('{sink="slow"} 1');
    expect(backoffMs(1, { baseDelayMs: 100, maxDelayMs: 1000 }, () => 1)).toBe(100);
    expect(backoffMs(3, { baseDelayMs: 100, maxDelayMs: 1000 }, () => 0)).toBe(200);
    expect(backoffMs(10, { baseDelayMs: 100, maxDelayMs: 1000 }, () => 1)).toBe(1000);
    await out.close();
  });

  it('config errors name the entry', () => {
    expect(() => parseOutboundConfig({ webhooks: [{ url: 'ftp://x' }] }, 'f.yml')).toThrow('f.yml webhooks[0]: "ftp://x" must be http:// or https://');
    expect(() => parseOutboundConfig({ syslog: [{ url: 'udp://h:99999' }] }, 'f.yml')).toThrow('port 99999 is out of range');
    expect(() => parseOutboundConfig({ webhooks: [{ url: 'https://x', secret: 'short' }] }, 'f.yml')).toThrow('at least 16');
    expect(formatSyslog(note(), { facility: 16, appName: 'xdr collector', hostname: 'h', pid: 1 }, true)).toContain(' xdrcollector 1 alert.created ');
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
