// POST /search, /search/export and /saved-queries against a real store through inject().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, bearer, makeFixture, seedEvents, syntheticEvents, type Fixture } from '../test/support.js';
import { EXPORT_MAX_ROWS } from './search.js';

const N = 120;
let fx: Fixture;

beforeAll(async () => {
  fx = await makeFixture();
  await seedEvents(fx.store, syntheticEvents(N));
});
afterAll(async () => { await fx.close(); });

async function post(url: string, payload: unknown, role: keyof Fixture['tokens'] = 'viewer') {
  return fx.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: bearer(fx.tokens[role]) });
}

describe('POST /api/v1/search', () => {
  it('returns events newest first, the total and a cursor', async () => {
    const res = await post('/api/v1/search', { query: 'process.name:curl and host.name:web1', limit: 10 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(N / 2);
    expect(body.total_capped).toBe(false);
    expect(body.events).toHaveLength(10);
    expect(body.events[0]['@timestamp']).toBe(new Date(T0 + (N - 2) * 1000).toISOString());
    const next = (await post('/api/v1/search', { query: 'process.name:curl and host.name:web1', limit: 100, cursor: body.next_cursor })).json();
    expect(next.events).toHaveLength(N / 2 - 10);
    expect(next.next_cursor).toBeUndefined();
  });

  it('searches command lines by substring, bare words and wildcards', async () => {
    expect((await post('/api/v1/search', { query: 'process.command_line:*example.test/42' })).json().total).toBe(1);
    expect((await post('/api/v1/search', { query: '"example.test/4"' })).json().total).toBe(6); // curl events are even: 4, 40, 42, ..., 48
    expect((await post('/api/v1/search', { query: 'bash -c' })).json().total).toBe(N / 2);
  });

  it('sorts on a field, and refuses a cursor made for another sort', async () => {
    const res = await post('/api/v1/search', { query: '', sort: { field: 'process.pid', order: 'asc' }, limit: 3 });
    const body = res.json();
    expect(body.events.map((e: Record<string, unknown>) => e['process.pid'])).toEqual([1000, 1001, 1002]);
    const wrong = await post('/api/v1/search', { query: '', limit: 3, cursor: body.next_cursor });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('XDR_BAD_CURSOR');
    const badField = await post('/api/v1/search', { query: '', sort: { field: 'host.ip' } });
    expect(badField.json().error.code).toBe('XDR_BAD_REQUEST');
  });

  it('applies from/to', async () => {
    const body = (await post('/api/v1/search', { query: '', from: new Date(T0).toISOString(), to: String(T0 + 10_000) })).json();
    expect(body.total).toBe(10);
    const bad = await post('/api/v1/search', { query: '', from: 'yesterday' });
    expect(bad.json().error.code).toBe('XDR_BAD_TIME_RANGE');
  });

  it('answers a syntax error with XDR_BAD_SEARCH, its column and what was expected', async () => {
    const res = await post('/api/v1/search', { query: 'process.name:(curl or' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'XDR_BAD_SEARCH', message: expect.stringMatching(/^query column 22: expected a value for process.name/) });
    const unknown = (await post('/api/v1/search', { query: 'proces.name:curl' })).json().error;
    expect(unknown.message).toContain('did you mean "process.name"?');
  });

  it('gives top values and a histogram', async () => {
    const body = (await post('/api/v1/search', {
      query: '', from: new Date(T0).toISOString(), to: new Date(T0 + 120_000).toISOString(), limit: 1,
      aggs: { terms: { field: 'process.name', size: 5 }, histogram: { interval: '1m' } },
    })).json();
    expect(body.aggs.terms).toEqual({ field: 'process.name', buckets: [{ value: 'bash', count: 60 }, { value: 'curl', count: 60 }], other: 0 });
    expect(body.aggs.histogram).toEqual({
      interval_ms: 60_000,
      buckets: [{ start: new Date(T0).toISOString(), count: 60 }, { start: new Date(T0 + 60_000).toISOString(), count: 60 }],
    });
    const auto = (await post('/api/v1/search', { query: 'curl', aggs: { histogram: {} } })).json();
    expect(auto.aggs.histogram.interval_ms).toBe(5000);
    const tooFine = await post('/api/v1/search', { query: '', from: String(T0), to: String(T0 + 86_400_000), aggs: { histogram: { interval: '1ms' } } });
    expect(tooFine.json().error.code).toBe('XDR_BAD_QUERY');
  });

  it('needs a token, and refuses unknown body properties', async () => {
    expect((await fx.app.inject({ method: 'POST', url: '/api/v1/search', payload: {} })).statusCode).toBe(401);
    expect((await post('/api/v1/search', { query: '', sql: 'DROP TABLE events' })).json().error.message).toContain('unknown body property "sql"');
  });
});

describe('POST /api/v1/search/export', () => {
  it('streams JSON Lines in the search order, saying how many rows and that nothing was cut', async () => {
    const res = await post('/api/v1/search/export?format=jsonl', { query: 'host.name:web2' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    expect(res.headers['x-xdr-export-rows']).toBe(String(N / 2));
    expect(res.headers['x-xdr-export-max-rows']).toBe(String(EXPORT_MAX_ROWS));
    expect(res.headers['x-xdr-export-truncated']).toBe('false');
    const lines = res.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(N / 2);
    expect(lines[0]['process.name']).toBe('bash');
    expect(lines[0]['@timestamp']).toBe(new Date(T0 + (N - 1) * 1000).toISOString());
  });

  it('writes CSV with one column per field, quoting and defusing formulas, and reports the bound', async () => {
    await fx.store.commitBatches([{ agentId: 'csv', seq: 1, events: [{ '@timestamp': T0 - 1000, 'process.name': 'evil', 'process.command_line': '=HYPERLINK("http://x","a,b")' }] }]);
    const res = await post('/api/v1/search/export?format=csv', { query: 'process.name:evil or host.name:web1', max_rows: 5, sort: { field: '@timestamp', order: 'asc' } });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['x-xdr-export-truncated']).toBe('true');
    expect(res.headers['x-xdr-export-rows']).toBe('5');
    const rows = res.body.trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[0]!.startsWith('@timestamp,event.id,')).toBe(true);
    expect(rows[1]).toContain('"\'=HYPERLINK(""http://x"",""a,b"")"');
    expect(rows[2]).toContain('"[""10.0.0.5""]"');
  });

  it('needs a format', async () => {
    expect((await post('/api/v1/search/export?format=xml', { query: '' })).json().error.code).toBe('XDR_BAD_QUERY');
  });
});

describe('saved queries', () => {
  it('belong to the token\'s user: others neither see nor delete them; create and delete are audited', async () => {
    const created = await post('/api/v1/saved-queries', { name: 'curl on web1', query: 'process.name:curl and host.name:web1' });
    expect(created.statusCode).toBe(201);
    const q = created.json();
    expect(q).toMatchObject({ id: expect.stringMatching(/^sq_/), name: 'curl on web1' });
    const mine = await fx.app.inject({ url: '/api/v1/saved-queries', headers: bearer(fx.tokens.viewer) });
    expect(mine.json().map((x: { id: string }) => x.id)).toEqual([q.id]);
    const theirs = await fx.app.inject({ url: '/api/v1/saved-queries', headers: bearer(fx.tokens.admin) });
    expect(theirs.json()).toEqual([]);
    const steal = await fx.app.inject({ method: 'DELETE', url: `/api/v1/saved-queries/${q.id}`, headers: bearer(fx.tokens.admin) });
    expect(steal.statusCode).toBe(404);
    expect(steal.json().error.code).toBe('XDR_SAVED_QUERY_NOT_FOUND');
    const del = await fx.app.inject({ method: 'DELETE', url: `/api/v1/saved-queries/${q.id}`, headers: bearer(fx.tokens.viewer) });
    expect(del.json()).toEqual({ id: q.id, deleted: true });
    const audit = await fx.store.listAudit(10);
    expect(audit.filter((e) => e.target === q.id).map((e) => [e.action, e.actor])).toEqual([
      ['saved_query.delete', 'viewer-user'], ['saved_query.create', 'viewer-user'],
    ]);
  });

  it('refuses a query that does not parse', async () => {
    const res = await post('/api/v1/saved-queries', { name: 'broken', query: 'a or' });
    expect(res.json().error.code).toBe('XDR_BAD_SEARCH');
  });
});
