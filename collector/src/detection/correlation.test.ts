import { describe, expect, it } from 'vitest';
import type { CorrelationHit } from './types.js';
import { file, load, net, proc } from './test-helpers.js';

const T0 = 1_700_000_000_000;
const S = 1000;

const curl = { title: 'curl', id: 'f-curl', logsource: { product: 'linux', category: 'process_creation' }, detection: { s: { 'Image|endswith': '/curl' }, condition: 's' }, level: 'low', tags: ['attack.command-and-control', 'attack.t1105'] };
const chmod = { title: 'chmod', id: 'f-chmod', logsource: { product: 'linux', category: 'process_creation' }, detection: { s: { 'Image|endswith': '/chmod' }, condition: 's' }, level: 'low', tags: ['attack.t1222.002'] };
const exec = { title: 'exec tmp', id: 'f-exec', name: 'exec_from_tmp', logsource: { product: 'linux', category: 'process_creation' }, detection: { s: { 'Image|startswith': '/tmp/' }, condition: 's' }, level: 'medium' };
const conn = { title: 'conn', id: 'f-conn', logsource: { product: 'linux', category: 'network_connection' }, detection: { s: { 'DestinationPort|gt': 0 }, condition: 's' }, level: 'low' };

const corr = (id: string, correlation: object, extra: object = {}) => ({ title: id, id, correlation, level: 'high', ...extra });
const fired = (hits: { kind: string }[]) => hits.filter((h): h is CorrelationHit => h.kind === 'correlation');

describe('event_count', () => {
  it('fires at the threshold per group, resets, and expires by event time', () => {
    const { engine, report } = load([curl, corr('c1', { type: 'event_count', rules: ['f-curl'], 'group-by': ['host.id'], timespan: '1m', condition: { gte: 3 } })]);
    expect(report.loaded).toEqual({ filter: 1, rule: 1, model: 0 });
    const ev = (host: string, t: number) => proc({ 'process.executable': '/usr/bin/curl', 'host.id': host }, T0 + t);
    expect(fired(engine.process(ev('a', 0)))).toEqual([]);
    expect(fired(engine.process(ev('b', 1 * S)))).toEqual([]);
    expect(fired(engine.process(ev('a', 2 * S)))).toEqual([]);
    const hits = fired(engine.process(ev('a', 3 * S)));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ id: 'c1', layer: 'rule', type: 'event_count', groupKey: 'host.id=a', group: { 'host.id': 'a' }, firstSeen: T0, lastSeen: T0 + 3 * S, matchedRules: ['f-curl'], techniques: ['T1105'], tactics: ['TA0011'] });
    expect(hits[0].eventIds).toHaveLength(3);
    // the group was reset by the firing
    expect(fired(engine.process(ev('a', 4 * S)))).toEqual([]);
    // b's first match is 70 s old: out of the window, so two more do not reach 3
    expect(fired(engine.process(ev('b', 71 * S)))).toEqual([]);
    expect(fired(engine.process(ev('b', 72 * S)))).toEqual([]);
    expect(fired(engine.process(ev('b', 73 * S)))).toHaveLength(1);
  });
  it('counts matches that arrive older than the window as late', () => {
    const { engine } = load([curl, corr('c1', { type: 'event_count', rules: ['f-curl'], timespan: '10s', condition: { gte: 2 } })]);
    engine.process(proc({ 'process.executable': '/usr/bin/curl' }, T0 + 100 * S));
    engine.process(proc({ 'process.executable': '/usr/bin/curl' }, T0));
    expect(engine.stats().correlation.lateDropped).toBe(1);
  });
});

describe('value_count', () => {
  it('counts distinct values of a field per group', () => {
    const { engine } = load([conn, corr('scan', { type: 'value_count', rules: ['f-conn'], 'group-by': ['SourceIp'], timespan: '30s', condition: { field: 'DestinationPort', gte: 3 } })]);
    const c = (src: string, port: number, t: number) => fired(engine.process(net({ 'source.ip': src, 'destination.port': port }, T0 + t)));
    expect(c('10.0.0.1', 22, 0)).toEqual([]);
    expect(c('10.0.0.1', 22, 1 * S)).toEqual([]); // same value again
    expect(c('10.0.0.2', 80, 2 * S)).toEqual([]); // other group
    expect(c('10.0.0.1', 80, 3 * S)).toEqual([]);
    const h = c('10.0.0.1', 443, 4 * S);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ groupKey: 'SourceIp=10.0.0.1', type: 'value_count' });
    expect(h[0].eventIds).toHaveLength(4);
    // window expiry removes old values
    expect(c('10.0.0.2', 443, 40 * S)).toEqual([]);
    expect(c('10.0.0.2', 8080, 41 * S)).toEqual([]);
  });
  it('refuses value_count without a field and absence-only conditions', () => {
    const r = load([conn, corr('x', { type: 'value_count', rules: ['f-conn'], timespan: '30s', condition: { gte: 3 } }), corr('y', { type: 'event_count', rules: ['f-conn'], timespan: '30s', condition: { lt: 3 } })], {}, true);
    expect(r.report.unsupported.map((u) => [u.id, u.code])).toEqual([['x', 'E_CORRELATION'], ['y', 'E_CORRELATION']]);
  });
});

describe('temporal and temporal_ordered', () => {
  const steps = (engine: ReturnType<typeof load>['engine'], order: string[], user = 'bob', t0 = 0) => {
    const exe: Record<string, string> = { curl: '/usr/bin/curl', chmod: '/bin/chmod', exec: '/tmp/x' };
    return order.flatMap((s, i) => fired(engine.process(proc({ 'process.executable': exe[s], 'process.user.name': user }, T0 + t0 + i * S))));
  };
  it('temporal: all rules in the window, any order, per group; names work as references', () => {
    const { engine } = load([curl, chmod, exec, corr('t', { type: 'temporal', rules: ['f-curl', 'f-chmod', 'exec_from_tmp'], 'group-by': ['User'], timespan: '5m' })]);
    expect(steps(engine, ['exec', 'curl'], 'bob')).toEqual([]);
    expect(steps(engine, ['chmod'], 'alice')).toEqual([]);
    const h = steps(engine, ['chmod'], 'bob', 5 * S);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ id: 't', groupKey: 'User=bob', type: 'temporal' });
    expect(h[0].matchedRules.sort()).toEqual(['f-chmod', 'f-curl', 'f-exec']);
  });
  it('temporal: expired steps do not count', () => {
    const { engine } = load([curl, chmod, corr('t', { type: 'temporal', rules: ['f-curl', 'f-chmod'], timespan: '1m' })]);
    expect(steps(engine, ['curl'])).toEqual([]);
    expect(steps(engine, ['chmod'], 'bob', 61 * S)).toEqual([]);
    expect(steps(engine, ['curl'], 'bob', 62 * S)).toHaveLength(1);
  });
  it('temporal_ordered: only in the written order', () => {
    const { engine } = load([curl, chmod, exec, corr('o', { type: 'temporal_ordered', rules: ['f-curl', 'f-chmod', 'f-exec'], 'group-by': ['User'], timespan: '10m' })]);
    expect(steps(engine, ['exec', 'chmod', 'curl'], 'u1')).toEqual([]);
    expect(steps(engine, ['curl', 'exec', 'chmod'], 'u2')).toEqual([]);
    expect(steps(engine, ['exec'], 'u2', 10 * S)).toHaveLength(1); // curl, (exec), chmod, exec
    expect(steps(engine, ['curl', 'chmod', 'exec'], 'u3')).toHaveLength(1);
  });
});

describe('models over rules', () => {
  it('a correlation naming a correlation is a model, fed by the rule firings', () => {
    const { engine, report } = load([
      curl, conn,
      corr('r-dl', { type: 'event_count', rules: ['f-curl'], 'group-by': ['host.id'], timespan: '1m', condition: { gte: 2 } }),
      corr('r-conn', { type: 'event_count', rules: ['f-conn'], 'group-by': ['host.id'], timespan: '1m', condition: { gte: 1 } }),
      corr('m', { type: 'temporal', rules: ['r-dl', 'r-conn'], 'group-by': ['host.id'], timespan: '10m' }, { xdr: { score: 70 } }),
    ]);
    expect(report.loaded).toEqual({ filter: 2, rule: 2, model: 1 });
    expect(fired(engine.process(net({ 'destination.port': 4444, 'host.id': 'h9' }, T0)))).toHaveLength(1);
    engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': 'h9' }, T0 + S));
    const hits = fired(engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': 'h9' }, T0 + 2 * S)));
    expect(hits.map((h) => [h.id, h.layer])).toEqual([['r-dl', 'rule'], ['m', 'model']]);
    expect(hits[1]).toMatchObject({ score: 70, groupKey: 'host.id=h9' });
    expect(hits[1].eventIds).toHaveLength(3);
  });
  it('explicit xdr.layer, unknown references, cascades and cycles', () => {
    const r = load([
      curl,
      corr('m1', { type: 'event_count', rules: ['f-curl'], timespan: '1m', condition: { gte: 1 } }, { xdr: { layer: 'model' } }),
      corr('bad', { type: 'event_count', rules: ['nope'], timespan: '1m', condition: { gte: 1 } }),
      corr('uses-bad', { type: 'temporal', rules: ['bad', 'f-curl'], timespan: '1m' }),
      corr('a', { type: 'temporal', rules: ['b', 'f-curl'], timespan: '1m' }),
      corr('b', { type: 'temporal', rules: ['a', 'f-curl'], timespan: '1m' }),
    ], {}, true);
    expect(r.report.loaded).toEqual({ filter: 1, rule: 0, model: 1 });
    const why = Object.fromEntries(r.report.unsupported.map((u) => [u.id, u.reason]));
    expect(why.bad).toMatch(/'nope', which is not loaded/);
    expect(why['uses-bad']).toMatch(/'bad', which is unsupported/);
    expect(why.a ?? why.b).toMatch(/cycle/);
    expect(Object.keys(why).sort()).toEqual(['a', 'b', 'bad', 'uses-bad']);
  });
});

describe('lineage grouping', () => {
  it('groups by the root-most known ancestor below a boundary (one ssh session)', () => {
    const { engine } = load([curl, chmod, corr('l', { type: 'temporal', rules: ['f-curl', 'f-chmod'], 'group-by': ['xdr.lineage'], timespan: '5m' })]);
    const p = (id: string, parent: string, exe: string, parentExe: string, t: number) =>
      fired(engine.process(proc({ 'process.entity_id': id, 'process.parent.entity_id': parent, 'process.executable': exe, 'process.parent.executable': parentExe }, T0 + t)));
    // sshd(1) -> bash(2) -> sh(3) -> curl(4);  sshd(1) -> bash(5) -> chmod(6): two sessions
    p('2', '1', '/bin/bash', '/usr/sbin/sshd', 0);
    p('3', '2', '/bin/sh', '/bin/bash', 1);
    expect(p('4', '3', '/usr/bin/curl', '/bin/sh', 2)).toEqual([]);
    p('5', '1', '/bin/bash', '/usr/sbin/sshd', 3);
    expect(p('6', '5', '/bin/chmod', '/bin/bash', 4)).toEqual([]); // other session
    const h = p('7', '3', '/bin/chmod', '/bin/sh', 5); // same session as curl
    expect(h).toHaveLength(1);
    expect(h[0].group).toEqual({ 'xdr.lineage': '2' });
  });
  it('is bounded, and evictions are counted', () => {
    const { engine } = load([curl], { lineage: { maxEntities: 10 } });
    for (let i = 0; i < 20; i++) engine.process(proc({ 'process.entity_id': `p${i}`, 'process.parent.entity_id': `p${i - 1}` }));
    expect(engine.stats().lineage.entities).toBeLessThanOrEqual(10);
    expect(engine.stats().lineage.evicted).toBeGreaterThan(0);
  });
});

describe('bounds', () => {
  it('sheds the least recently updated group at maxGroups and counts it', () => {
    const { engine } = load([curl, corr('c', { type: 'event_count', rules: ['f-curl'], 'group-by': ['host.id'], timespan: '1h', condition: { gte: 2 } })], { correlation: { maxGroups: 3 } });
    for (const h of ['a', 'b', 'c', 'd']) engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': h }, T0));
    const s = engine.stats().correlation;
    expect(s).toMatchObject({ groups: 3, groupsShed: 1 });
    // 'a' was shed: its second match starts over
    expect(fired(engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': 'a' }, T0 + S)))).toEqual([]);
    expect(fired(engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': 'c' }, T0 + S)))).toHaveLength(1);
  });
  it('sheds the oldest entries at maxEntriesPerGroup and counts them', () => {
    const { engine } = load([curl, corr('c', { type: 'event_count', rules: ['f-curl'], timespan: '1h', condition: { gte: 100 } })], { correlation: { maxEntriesPerGroup: 5 } });
    for (let i = 0; i < 12; i++) engine.process(proc({ 'process.executable': '/usr/bin/curl' }, T0 + i));
    expect(engine.stats().correlation.entriesShed).toBe(7);
  });
  it('expired groups are swept (counted) before shedding live ones', () => {
    const { engine } = load([curl, corr('c', { type: 'event_count', rules: ['f-curl'], 'group-by': ['host.id'], timespan: '10s', condition: { gte: 5 } })], { correlation: { maxGroups: 2 } });
    engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': 'a' }, T0));
    engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': 'b' }, T0));
    engine.process(proc({ 'process.executable': '/usr/bin/curl', 'host.id': 'c' }, T0 + 60 * S));
    expect(engine.stats().correlation).toMatchObject({ groups: 1, windowsExpired: 2, groupsShed: 0 });
  });
});

describe('file events reach file rules only', () => {
  it('indexes by logsource', () => {
    const f = { title: 'f', id: 'ff', logsource: { product: 'linux', category: 'file_event' }, detection: { s: { 'TargetFilename|endswith': '/authorized_keys' }, condition: 's' } };
    const { engine } = load([f]);
    expect(engine.process(file({ 'file.path': '/root/.ssh/authorized_keys' }))).toHaveLength(1);
    expect(engine.process(file({ 'file.path': '/root/.ssh/authorized_keys', 'event.action': 'file_deleted' }))).toHaveLength(0);
    expect(engine.process(proc({ 'file.path': '/root/.ssh/authorized_keys' }))).toHaveLength(0);
  });
});
