import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeFixture, type Fixture } from './test/support.js';
import { generateApiToken, hashToken } from './tokens.js';

let fx: Fixture;
beforeAll(async () => { fx = await makeFixture(); });
afterAll(async () => { await fx.close(); });

describe('authentication', () => {
  it('refuses a request without a token with 401 and a clear JSON error', async () => {
    const res = await fx.app.inject({ url: '/api/v1/agents' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ error: { code: 'XDR_UNAUTHORIZED', message: expect.stringContaining('missing Authorization header') } });
  });

  it('refuses a malformed header, a malformed token and an unknown token', async () => {
    for (const [authorization, words] of [
      ['Basic abc', 'not "Bearer <token>"'],
      ['Bearer nope', 'malformed'],
      [`Bearer ${generateApiToken()}`, 'not known'],
    ] as const) {
      const res = await fx.app.inject({ url: '/api/v1/agents', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('XDR_UNAUTHORIZED');
      expect(res.json().error.message).toContain(words);
    }
  });

  it('refuses a revoked token with XDR_TOKEN_REVOKED', async () => {
    const created = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(fx.tokens.admin), payload: { user: 'temp', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect((await fx.app.inject({ url: '/api/v1/agents', headers: bearer(token) })).statusCode).toBe(200);
    expect((await fx.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer(fx.tokens.admin) })).statusCode).toBe(200);
    const res = await fx.app.inject({ url: '/api/v1/agents', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('XDR_TOKEN_REVOKED');
    expect(res.json().error.message).toContain('temp');
  });

  it('stores only the hash of a token', async () => {
    const created = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(fx.tokens.admin), payload: { user: 'hash-check', role: 'analyst' } });
    const { token } = created.json();
    const rec = await fx.store.findApiToken(hashToken(token));
    expect(rec?.user).toBe('hash-check');
    expect(JSON.stringify(await fx.store.listApiTokens())).not.toContain(token);
  });
});

describe('authorisation by role', () => {
  const cases = [
    // [method, url, minimum role]
    ['GET', '/api/v1/agents', 'viewer'],
    ['GET', '/api/v1/events', 'viewer'],
    ['GET', '/api/v1/events/count', 'viewer'],
    ['GET', '/api/v1/tokens', 'admin'],
    ['GET', '/api/v1/audit', 'admin'],
    ['POST', '/api/v1/agents/no-such-agent/revoke', 'admin'],
    ['DELETE', '/api/v1/tokens/tok_none', 'admin'],
  ] as const;
  const roles = ['viewer', 'analyst', 'responder', 'admin'] as const;

  for (const [method, url, need] of cases) {
    it(`${method} ${url} needs ${need}`, async () => {
      for (const role of roles) {
        const res = await fx.app.inject({ method, url, headers: bearer(fx.tokens[role]) });
        if (roles.indexOf(role) < roles.indexOf(need)) {
          expect(res.statusCode, role).toBe(403);
          expect(res.json().error.code).toBe('XDR_FORBIDDEN');
          expect(res.json().error.message).toContain(`needs role "${need}"`);
          expect(res.json().error.message).toContain(`has role "${role}"`);
        } else {
          expect([200, 404], role).toContain(res.statusCode); // 404: the revoke/delete targets do not exist
        }
      }
    });
  }

  it('checks the role before validating the body, so a viewer learns nothing about the schema', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(fx.tokens.viewer), payload: { bogus: 1 } });
    expect(res.statusCode).toBe(403);
  });

  it('every route declares its access, or the API refuses to start', async () => {
    const { default: Fastify } = await import('fastify');
    const { default: auth } = await import('./auth.js');
    const app = Fastify();
    await app.register(auth, { store: fx.store });
    expect(() => app.get('/x', async () => 'x')).toThrow(/declares no config.minRole/);
    await app.close();
  });
});

describe('public routes', () => {
  it('GET /healthz needs no token', async () => {
    const res = await fx.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: '0.0.0-test' });
    expect(Number.isInteger(res.json().uptime_s)).toBe(true);
  });

  it('GET /metrics is open on loopback and needs a viewer token from elsewhere', async () => {
    const local = await fx.app.inject({ url: '/metrics' });
    expect(local.statusCode).toBe(200);
    expect(local.headers['content-type']).toContain('text/plain');
    expect(local.body).toContain('xdr_events_committed_total');
    const remote = await fx.app.inject({ url: '/metrics', remoteAddress: '192.0.2.7' });
    expect(remote.statusCode).toBe(401);
    const remoteWithToken = await fx.app.inject({ url: '/metrics', remoteAddress: '192.0.2.7', headers: bearer(fx.tokens.viewer) });
    expect(remoteWithToken.statusCode).toBe(200);
  });

  it('an unknown route is a JSON 404 with XDR_NOT_FOUND', async () => {
    const res = await fx.app.inject({ url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('XDR_NOT_FOUND');
  });
});
