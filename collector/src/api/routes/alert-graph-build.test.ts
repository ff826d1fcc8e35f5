// buildAlertGraph on hand-made events: logins, inbound connections, bounds, pivots that parse.
import { describe, expect, it } from 'vitest';
import type { EcsEvent } from '../../pipeline/ecs.js';
import { parseQuery } from '../../search/parser.js';
import { buildAlertGraph } from './alert-graph-build.js';

const T0 = 1_700_000_000_000;
const host = { 'host.id': 'h"1', 'host.name': 'web (1)' };
const events = [
  { ...host, '@timestamp': T0, 'event.id': 'l1', 'event.category': 'authentication', 'event.outcome': 'failure', 'user.name': 'root', 'source.ip': '203.0.113.9' },
  { ...host, '@timestamp': T0 + 1, 'event.id': 'l2', 'event.category': 'authentication', 'event.outcome': 'success', 'user.name': 'root', 'source.ip': '203.0.113.9' },
  { ...host, '@timestamp': T0 + 2, 'event.id': 'l3', 'event.category': 'authentication', 'event.outcome': 'success', 'user.name': 'root', 'source.ip': '203.0.113.9' },
  { ...host, '@timestamp': T0 + 3, 'event.id': 'n1', 'event.category': 'network', 'network.direction': 'ingress', 'source.ip': '2001:db8::7', 'destination.ip': '10.0.0.1', 'process.entity_id': 'h:10:1', 'process.pid': 10 },
  { ...host, '@timestamp': T0 + 4, 'event.id': 'p1', 'event.category': 'process', 'event.type': 'start', 'process.entity_id': 'h:10:1', 'process.pid': 10, 'process.name': 'nc', 'process.executable': '/usr/bin/nc' },
] as EcsEvent[];

describe('buildAlertGraph', () => {
  it('draws logins (ip -> user -> host, by outcome) and the remote end of inbound connections', () => {
    const g = buildAlertGraph(events, new Set(['l1']), { maxNodes: 100, maxEdges: 100 });
    expect(g.truncated).toBe(false);
    const e = (type: string, source: string, target: string) => g.edges.filter((x) => x.type === type && x.source === source && x.target === target);
    expect(e('logged_in', 'ip:203.0.113.9', 'user:h%221:root').map((x) => [x.outcome, x.count])).toEqual([['failure', 1], ['success', 2]]);
    expect(e('logged_in', 'user:h%221:root', 'host:h%221')).toHaveLength(2);
    expect(e('connected', 'process:h:10:1', 'ip:2001:db8::7')).toHaveLength(1);
    expect(g.nodes.find((n) => n.id === 'process:h:10:1')).toMatchObject({ label: 'nc (10)', fields: { 'process.name': 'nc', 'process.executable': '/usr/bin/nc' } });
    expect(g.nodes.find((n) => n.id === 'host:h%221')).toMatchObject({ label: 'web (1)', evidence: true });
    expect(g.nodes.find((n) => n.id === 'user:h%221:root')!.evidence).toBe(true);
    for (const n of g.nodes) expect(() => parseQuery(n.pivot), n.pivot).not.toThrow();
  });

  it('stops at the node and edge bounds and says so, never leaving an edge without its nodes', () => {
    for (const bounds of [{ maxNodes: 2, maxEdges: 100 }, { maxNodes: 100, maxEdges: 1 }]) {
      const g = buildAlertGraph(events, new Set(), bounds);
      expect(g.truncated).toBe(true);
      expect(g.nodes.length).toBeLessThanOrEqual(bounds.maxNodes);
      expect(g.edges.length).toBeLessThanOrEqual(bounds.maxEdges);
      const ids = new Set(g.nodes.map((n) => n.id));
      for (const x of g.edges) expect(ids.has(x.source) && ids.has(x.target)).toBe(true);
    }
  });
});
