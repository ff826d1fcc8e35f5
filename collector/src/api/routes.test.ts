import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, enrollAgent, makeFixture, type Fixture } from './test/support.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture();
  await enrollAgent(fx.store, 'agent-1', 'web1');
  await enrollAgent(fx.store, 'agent-2', 'db1', false);
  fx.online.add('agent-1');
});
afterAll(async () => { await fx.close(); });

describe('agents', () => {
  it('GET /api/v1/agents lists agents with os, ips, presence and ISO times', async () => {
    const res = await fx.app.inject({ url: '/api/v1/agents', headers: bearer(fx.tokens.viewer) });
    expect(res.statusCode).toBe(200);
    const byId = Object.fromEntries(res.json().map((a: { id: string }) => [a.id, a]));
    expect(byId['agent-1']).toEqual({
      id: 'agent-1', hostname: 'web1', os: 'Debian GNU/Linux 12', ips: ['10.0.0.5', 'fe80::1'], version: '0.1.1',
      online: true, last_seen: '2024-05-01T12:00:01.000Z', enrolled_at: '2024-05-01T12:00:00.000Z', revoked: false, isolated: false,
    });
    expect(byId['agent-2']).toMatchObject({ os: null, ips: [], online: false, last_seen: null });
  });

  it('GET /api/v1/agents/:id has the inventory; an unknown id is XDR_AGENT_NOT_FOUND', async () => {
    const res = await fx.app.inject({ url: '/api/v1/agents/agent-1', headers: bearer(fx.tokens.viewer) });
    expect(res.json().inventory).toMatchObject({ kernel: '6.1.0', cpu_cores: 2, collected_at: '2024-05-01T12:00:01.000Z' });
    const missing = await fx.app.inject({ url: '/api/v1/agents/agent-9', headers: bearer(fx.tokens.viewer) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('XDR_AGENT_NOT_FOUND');
    const bad = await fx.app.inject({ url: '/api/v1/agents/a%20b', headers: bearer(fx.tokens.viewer) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toEqual({ code: 'XDR_BAD_REQUEST', message: expect.stringContaining('path parameter "id"') });
  });

  it('POST /api/v1/agents/:id/revoke revokes once and audits it with the user', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/api/v1/agents/agent-2/revoke', headers: bearer(fx.tokens.admin) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'agent-2', revoked: true, revoked_at: expect.any(String) });
    expect((await fx.store.getAgent('agent-2'))?.revokedAt).not.toBeNull();
    const again = await fx.app.inject({ method: 'POST', url: '/api/v1/agents/agent-2/revoke', headers: bearer(fx.tokens.admin) });
    expect(again.json().revoked_at).toBe(res.json().revoked_at);
    const entries = (await fx.store.listAudit(100)).filter((e) => e.action === 'agent.revoke');
    expect(entries).toEqual([expect.objectContaining({ actor: 'admin-user', target: 'agent-2', details: { hostname: 'db1' } })]);
  });
});

describe('tokens', () => {
  it('GET /session answers the token\'s user and role, and needs a token', async () => {
    const created = (await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(fx.tokens.admin), payload: { user: 'sam', role: 'responder' } })).json();
    const me = await fx.app.inject({ url: '/api/v1/session', headers: bearer(created.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: 'sam', role: 'responder' });
    expect((await fx.app.inject({ url: '/api/v1/session' })).statusCode).toBe(401);
  });

  it('POST creates a token shown once, audited; GET lists without secrets; DELETE revokes, audited', async () => {
    const admin = bearer(fx.tokens.admin);
    const created = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin, payload: { user: 'alice', role: 'analyst' } });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ user: 'alice', role: 'analyst', revoked: false, revoked_at: null });
    expect(body.token).toMatch(/^xdr_[A-Za-z0-9_-]{43}$/);

    const list = await fx.app.inject({ url: '/api/v1/tokens', headers: admin });
    expect(list.body).not.toContain(body.token);
    expect(list.body).not.toMatch(/hash|[0-9a-f]{64}/);
    expect(list.json().find((t: { id: string }) => t.id === body.id)).toMatchObject({ user: 'alice', role: 'analyst' });

    const del = await fx.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${body.id}`, headers: admin });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ id: body.id, revoked: true });
    const again = await fx.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${body.id}`, headers: admin });
    expect(again.json().revoked_at).toBe(del.json().revoked_at);

    const audit = (await fx.app.inject({ url: '/api/v1/audit?limit=1000', headers: admin })).json();
    const mine = audit.filter((e: { target: string }) => e.target === body.id);
    expect(mine).toEqual([
      expect.objectContaining({ at: expect.any(String), actor: 'admin-user', action: 'token.revoke', target: body.id, details: { user: 'alice', role: 'analyst' } }),
      expect.objectContaining({ at: expect.any(String), actor: 'admin-user', action: 'token.create', target: body.id, details: { user: 'alice', role: 'analyst' } }),
    ]);
    // hash-chained: each entry names the hash of the one before
    expect(mine[1].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(audit.find((e: { id: number }) => e.id === mine[0].id - 1).hash).toBe(mine[0].prev_hash);
    expect(JSON.stringify(audit)).not.toContain(body.token);
  });

  it('validates the body and names the field', async () => {
    const admin = bearer(fx.tokens.admin);
    const cases: Array<[unknown, string]> = [
      [{ user: 'bob', role: 'root' }, 'body property "role" must be one of: viewer, analyst, responder, admin'],
      [{ role: 'viewer' }, 'missing body property "user"'],
      [{ user: 'bob', role: 'viewer', extra: 1 }, 'unknown body property "extra"'],
      [{ user: 'bad name', role: 'viewer' }, 'body property "user"'],
    ];
    for (const [payload, message] of cases) {
      const res = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin, payload: payload as object });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'XDR_BAD_REQUEST', message: expect.stringContaining(message) });
    }
    const notJson = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { ...admin, 'content-type': 'application/json' }, payload: '{nope' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('XDR_BAD_REQUEST');
    const text = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { ...admin, 'content-type': 'text/plain' }, payload: 'x' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('XDR_UNSUPPORTED_MEDIA_TYPE');
    const big = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin, payload: { user: 'x', role: 'viewer', pad: 'y'.repeat(70_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('XDR_BODY_TOO_LARGE');
  });

  it('DELETE of an unknown token is XDR_TOKEN_NOT_FOUND', async () => {
    const res = await fx.app.inject({ method: 'DELETE', url: '/api/v1/tokens/tok_missing', headers: bearer(fx.tokens.admin) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('XDR_TOKEN_NOT_FOUND');
  });
});

describe('health', () => {
  it('GET /healthz is 503 when the store does not answer', async () => {
    const broken = await makeFixture();
    await broken.store.close();
    const res = await broken.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', version: '0.0.0-test' });
    await broken.close();
  });

  it('a store failure on a route is a 500 XDR_INTERNAL carrying the request id, not the cause', async () => {
    const broken = await makeFixture();
    const token = broken.tokens.viewer;
    const listAgents = broken.store.listAgents.bind(broken.store);
    broken.store.listAgents = async () => { throw new Error('disk on fire at /secret/path'); };
    const res = await broken.app.inject({ url: '/api/v1/agents', headers: bearer(token) });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('XDR_INTERNAL');
    expect(res.json().error.message).toContain('request id');
    expect(res.body).not.toContain('/secret/path');
    broken.store.listAgents = listAgents;
    await broken.close();
  });
});

describe('OpenAPI document', () => {
  it('is served without a token and lists every route with its role', async () => {
    const res = await fx.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.0.3');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${path}`));
    const expected = [
      'GET /healthz', 'GET /metrics', 'GET /api/v1/openapi.json',
      'GET /api/v1/agents', 'GET /api/v1/agents/{id}', 'POST /api/v1/agents/{id}/revoke',
      'GET /api/v1/events', 'GET /api/v1/events/count',
      'GET /api/v1/tokens', 'POST /api/v1/tokens', 'DELETE /api/v1/tokens/{id}',
      'GET /api/v1/audit', 'GET /api/v1/session',
      'GET /install.sh', 'GET /install/{file}', 'GET /api/v1/install/command',
      'POST /api/v1/search', 'POST /api/v1/search/export',
      'GET /api/v1/saved-queries', 'POST /api/v1/saved-queries', 'DELETE /api/v1/saved-queries/{id}',
      'GET /api/v1/processes/{entityId}/tree',
      'GET /api/v1/oat', 'GET /api/v1/alerts', 'GET /api/v1/alerts/{id}', 'PATCH /api/v1/alerts/{id}', 'GET /api/v1/alerts/{id}/graph', 'GET /api/v1/alerts/stream', 'GET /api/v1/attack/techniques',
      'GET /api/v1/hosts/criticality', 'PUT /api/v1/hosts/{id}/criticality',
      'GET /api/v1/detections', 'PATCH /api/v1/detections', 'GET /api/v1/detections/report', 'PATCH /api/v1/detections/{id}',
      'POST /api/v1/detections/test',
      'GET /api/v1/exceptions', 'POST /api/v1/exceptions', 'GET /api/v1/exceptions/{id}', 'PATCH /api/v1/exceptions/{id}', 'DELETE /api/v1/exceptions/{id}',
      'GET /api/v1/responses', 'POST /api/v1/responses', 'GET /api/v1/responses/{id}', 'GET /api/v1/responses/policy', 'PUT /api/v1/responses/policy',
      'POST /api/v1/responses/{id}/approve', 'POST /api/v1/responses/{id}/deny', 'POST /api/v1/responses/{id}/cancel',
      'GET /api/v1/responses/{id}/file', 'GET /api/v1/responses/{id}/transcript', 'GET /api/v1/responses/{id}/shell',
    ];
    expect(documented.filter((d) => !d.startsWith('HEAD ')).sort()).toEqual([...expected].sort());
    for (const e of expected) {
      const [method, path] = e.split(' ') as [string, string];
      expect(fx.app.hasRoute({ method: method as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }), e).toBe(true);
    }
    expect(doc.paths['/api/v1/tokens'].post['x-required-role']).toBe('admin');
    expect(doc.paths['/api/v1/tokens'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    const params = doc.paths['/api/v1/events'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['process.name', 'process.pid', 'host.ip', 'from', 'to', 'limit', 'cursor']));
    const pid = doc.paths['/api/v1/events'].get.parameters.find((p: { name: string }) => p.name === 'process.pid');
    expect(pid.schema.type).toBe('integer');
  });
});
