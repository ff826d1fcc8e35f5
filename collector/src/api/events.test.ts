import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from './event-query.js';
import { T0, bearer, makeFixture, seedEvents, syntheticEvents, type Fixture } from './test/support.js';

const N = 250;
let fx: Fixture;
let auth: { authorization: string };

beforeAll(async () => {
  fx = await makeFixture();
  auth = bearer(fx.tokens.viewer);
  await seedEvents(fx.store, syntheticEvents(N));
});
afterAll(async () => { await fx.close(); });

async function get(url: string) {
  return fx.app.inject({ url, headers: auth });
}

describe('GET /api/v1/events', () => {
  it('returns flat ECS events, newest first, @timestamp in ISO 8601, 100 by default', async () => {
    const res = await get('/api/v1/events');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.events).toHaveLength(100);
    expect(body.next_cursor).toEqual(expect.any(String));
    const first = body.events[0];
    expect(first['@timestamp']).toBe(new Date(T0 + (N - 1) * 1000).toISOString());
    expect(first['process.pid']).toBe(1000 + N - 1);
    expect(first['host.ip']).toEqual(['10.0.0.5']);
  });

  it('filters on a keyword field', async () => {
    const body = (await get('/api/v1/events?process.name=curl&limit=1000')).json();
    expect(body.events).toHaveLength(Math.ceil(N / 2));
    expect(body.events.every((e: Record<string, unknown>) => e['process.name'] === 'curl')).toBe(true);
    expect(body.next_cursor).toBeUndefined();
  });

  it('ANDs several filters', async () => {
    const body = (await get('/api/v1/events?process.name=curl&host.name=web2')).json();
    expect(body.events).toHaveLength(0);
    const both = (await get('/api/v1/events?process.name=bash&host.name=web2&limit=1000')).json();
    expect(both.events).toHaveLength(Math.floor(N / 2));
  });

  it('filters on a numeric field, and validates it as an integer', async () => {
    const body = (await get('/api/v1/events?process.pid=1007')).json();
    expect(body.events).toHaveLength(1);
    expect(body.events[0]['process.pid']).toBe(1007);
    for (const bad of ['abc', '1.5']) {
      const res = await get(`/api/v1/events?process.pid=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'XDR_BAD_QUERY', message: expect.stringContaining('"process.pid" must be integer') });
    }
  });

  it('filters on an array field by containment', async () => {
    const body = (await get('/api/v1/events?process.args=http://example.test/42')).json();
    expect(body.events).toHaveLength(1);
    expect(body.events[0]['process.pid']).toBe(1042);
    expect((await get('/api/v1/events?process.args=-c&limit=1000')).json().events).toHaveLength(Math.floor(N / 2));
    expect((await get('/api/v1/events?host.ip=10.0.0.5&limit=1')).json().events).toHaveLength(1);
    expect((await get('/api/v1/events?host.ip=not-an-ip')).json().error.code).toBe('XDR_BAD_QUERY');
  });

  it('refuses unknown parameters, naming every one of them', async () => {
    const res = await get('/api/v1/events?process.nme=curl&colour=red&host.name=web1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('XDR_BAD_QUERY');
    expect(res.json().error.message).toContain('"process.nme"');
    expect(res.json().error.message).toContain('"colour"');
    expect(res.json().error.message).not.toContain('"host.name"');
  });

  it('refuses empty and repeated parameters', async () => {
    expect((await get('/api/v1/events?process.pid=')).json().error.message).toContain('"process.pid" is empty');
    expect((await get('/api/v1/events?process.name=a&process.name=b')).json().error.message).toContain('given 2 times');
  });

  it('applies from (inclusive) and to (exclusive) as ISO 8601 or epoch ms', async () => {
    const from = new Date(T0 + 10_000).toISOString();
    const body = (await get(`/api/v1/events?from=${from}&to=${T0 + 20_000}`)).json();
    expect(body.events).toHaveLength(10);
    expect(body.events.at(-1)['@timestamp']).toBe(from);
    const count = (await get(`/api/v1/events/count?from=${encodeURIComponent('2024-05-01T12:00:10+00:00')}&to=${T0 + 20_000}`)).json();
    expect(count).toEqual({ count: 10 });
  });

  it('refuses a bad from/to with XDR_BAD_TIME_RANGE', async () => {
    for (const q of ['from=yesterday', 'to=2024-05-01T12:00:00', 'from=2024-13-45', `from=${T0 + 5}&to=${T0}`, `from=${T0}&to=${T0}`]) {
      const res = await get(`/api/v1/events?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code, q).toBe('XDR_BAD_TIME_RANGE');
    }
  });

  it('validates limit', async () => {
    for (const q of ['limit=0', 'limit=10001', 'limit=ten']) {
      const res = await get(`/api/v1/events?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.message, q).toContain('"limit"');
    }
  });

  it('refuses a malformed cursor and says so', async () => {
    for (const cursor of ['%%%', 'bm90IGEgY3Vyc29y', Buffer.from('1.abc.5').toString('base64url'), 'x'.repeat(81)]) {
      const res = await get(`/api/v1/events?cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(['XDR_BAD_CURSOR', 'XDR_BAD_QUERY'], cursor).toContain(res.json().error.code);
      expect(res.json().error.message, cursor).toMatch(/cursor/);
    }
    expect((await get('/api/v1/events?cursor=bm90IGEgY3Vyc29y')).json().error.message).toContain('malformed');
  });

  it('pagination visits every matching row exactly once', async () => {
    for (const filter of ['', 'process.name=curl&']) {
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const body = (await get(`/api/v1/events?${filter}limit=17${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen.push(...body.events.map((e: Record<string, number>) => e['process.pid']));
        cursor = body.next_cursor;
        pages++;
      } while (cursor && pages < 100);
      const expected = filter === '' ? N : Math.ceil(N / 2);
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);
      expect([...seen].sort((a, b) => b - a)).toEqual(seen); // newest first throughout
    }
  });

  it('a cursor from a valid position continues after it', async () => {
    const body = (await get(`/api/v1/events?limit=5&cursor=${encodeCursor({ ts: T0 + 10_000, rowid: 11 })}`)).json();
    expect(body.events.map((e: Record<string, number>) => e['process.pid'])).toEqual([1009, 1008, 1007, 1006, 1005]);
  });
});

describe('GET /api/v1/events/count', () => {
  it('counts with the same filters', async () => {
    expect((await get('/api/v1/events/count')).json()).toEqual({ count: N });
    expect((await get('/api/v1/events/count?process.name=curl')).json()).toEqual({ count: Math.ceil(N / 2) });
    expect((await get('/api/v1/events/count?process.pid=1001')).json()).toEqual({ count: 1 });
  });

  it('has no limit or cursor', async () => {
    const res = await get('/api/v1/events/count?limit=5');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('"limit"');
  });
});
