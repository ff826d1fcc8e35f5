// GET /processes/:entityId/tree through inject(), across pid reuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EcsEvent } from '../../pipeline/ecs.js';
import { T0, bearer, makeFixture, type Fixture } from '../test/support.js';

let fx: Fixture;
const p = (t: number, entity: string, pid: number, name: string, parent?: string, extra: Partial<EcsEvent> = {}): EcsEvent => ({
  '@timestamp': T0 + t * 1000, 'event.category': 'process', 'event.type': 'start', 'process.entity_id': entity, 'process.pid': pid,
  'process.name': name, 'process.command_line': `${name} --run`, 'process.user.name': 'root',
  ...(parent ? { 'process.parent.entity_id': parent } : {}), ...extra,
} as EcsEvent);

beforeAll(async () => {
  fx = await makeFixture();
  await fx.store.commitBatches([{ agentId: 'a', seq: 1, events: [
    p(1, 'h:1:0', 1, 'systemd'),
    p(2, 'h:500:2', 500, 'nginx', 'h:1:0'),
    p(3, 'h:777:3', 777, 'sh', 'h:500:2'),
    { '@timestamp': T0 + 4000, 'event.category': 'network', 'process.entity_id': 'h:777:3', 'process.pid': 777, 'destination.ip': '203.0.113.1' },
    { '@timestamp': T0 + 5000, 'event.category': 'process', 'event.type': 'end', 'process.entity_id': 'h:777:3', 'process.pid': 777, 'process.exit_code': 2 },
    p(9, 'h:777:9', 777, 'cron', 'h:1:0'), // the same pid, reused
    p(10, 'h:800:10', 800, 'backup', 'h:777:9'),
  ] }]);
});
afterAll(async () => { await fx.close(); });

describe('GET /api/v1/processes/:entityId/tree', () => {
  it('returns ancestors, the process and descendants, by entity id', async () => {
    const res = await fx.app.inject({ url: '/api/v1/processes/h:777:3/tree', headers: bearer(fx.tokens.viewer) });
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.ancestors.map((a: { name: string }) => a.name)).toEqual(['systemd', 'nginx']);
    expect(t.process).toEqual({
      entity_id: 'h:777:3', pid: 777, name: 'sh', command_line: 'sh --run', user: 'root', parent_entity_id: 'h:500:2',
      start: new Date(T0 + 3000).toISOString(), end: new Date(T0 + 5000).toISOString(), exit_code: 2,
      file_events: 0, network_events: 1, oats: 0, children: [],
    });
    const root = (await fx.app.inject({ url: '/api/v1/processes/h:1:0/tree', headers: bearer(fx.tokens.viewer) })).json();
    expect(root.process.children.map((c: { name: string; children: Array<{ name: string }> }) => [c.name, c.children.map((g) => g.name)])).toEqual([
      ['nginx', ['sh']], ['cron', ['backup']],
    ]);
    const reused = (await fx.app.inject({ url: '/api/v1/processes/h:777:9/tree', headers: bearer(fx.tokens.viewer) })).json();
    expect(reused.process.children.map((c: { name: string }) => c.name)).toEqual(['backup']);
    expect(reused.ancestors.map((a: { name: string }) => a.name)).toEqual(['systemd']);
  });

  it('answers 404 for an unknown process and bounds the depth', async () => {
    const res = await fx.app.inject({ url: '/api/v1/processes/nope/tree', headers: bearer(fx.tokens.viewer) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('XDR_PROCESS_NOT_FOUND');
    const shallow = (await fx.app.inject({ url: '/api/v1/processes/h:1:0/tree?max_depth=1', headers: bearer(fx.tokens.viewer) })).json();
    expect(shallow.truncated.descendants).toBe(true);
    expect(shallow.process.children[0].children).toEqual([]);
    expect((await fx.app.inject({ url: '/api/v1/processes/h:1:0/tree?max_depth=99', headers: bearer(fx.tokens.viewer) })).statusCode).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await fx.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/processes/{entityId}/tree', '/api/v1/search', '/api/v1/search/export', '/api/v1/saved-queries']));
  });
});
