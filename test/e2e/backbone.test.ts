// The backbone as an admin and an analyst meet it: real collector and agent processes, the
// CLIs as documented, the API over pinned HTTPS.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, api, countEvents, enrollAgent, run, runOk, startAgent, startCollector, tempDir, waitFor, type AgentProcess, type CollectorProcess } from './harness.js';

let c: CollectorProcess;
let agent: AgentProcess;
let agentId: string;
let stateDir: string;

beforeAll(async () => {
  c = await startCollector(tempDir('backbone'));
  stateDir = tempDir('backbone-agent');
  agentId = await enrollAgent(c, stateDir);
  agent = startAgent(stateDir, ['--no-sensors', '--synthetic', '500', '--synthetic-count', '1500', '--log-level', 'warn']);
});

afterAll(async () => {
  await agent?.stop();
  await c?.stop();
});

const ctl = (args: string[], token = c.adminToken!) => run(BIN.xdrctl, args, { XDR_URL: c.apiUrl, XDR_TOKEN: token, XDR_FINGERPRINT: c.fingerprint });

describe('backbone end to end', () => {
  it('streams an enrolled agent\'s events into the store, queryable through the API', async () => {
    await waitFor('1,500 events', async () => (await countEvents(c, `agent.id=${agentId}`)) === 1500, 30_000);
    const page = await api(c, `/api/v1/events?agent.id=${agentId}&event.category=process&limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.events).toHaveLength(2);
    expect(page.body.next_cursor).toBeTruthy();
    expect(page.body.events[0]['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.body.events[0]['process.command_line']).toMatch(/^synthetic /);
  });

  it('finds the events with the search language, also once the substring index has caught up', async () => {
    const search = async () => (await api(c, '/api/v1/search', { method: 'POST', body: { query: `agent.id:${agentId} and process.command_line:*synthetic*`, limit: 5 } })).body;
    const first = await search();
    expect(first.total).toBe(1500);
    await new Promise((r) => setTimeout(r, 2500)); // the commit worker indexes when ingest is idle
    expect((await search()).total).toBe(1500);
    expect((await api<string>(c, '/metrics')).body).toMatch(/xdr_search_index_lag_rows 0\b/);
    const bad = await api(c, '/api/v1/search', { method: 'POST', body: { query: 'process.name:(curl or' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/column/);
  });

  it('xdrctl lists the agent online and its events, pinned to the fingerprint', async () => {
    const agents = await ctl(['agents', '--json']);
    expect(agents.code).toBe(0);
    const me = JSON.parse(agents.stdout).find((a: { id: string }) => a.id === agentId);
    expect(me).toMatchObject({ online: true, revoked: false });
    expect(me.hostname).toBeTruthy();
    const events = await ctl(['events', '--agent.id', agentId, '--limit', '3', '--json']);
    expect(events.code).toBe(0);
    expect(JSON.stringify(JSON.parse(events.stdout))).toContain(agentId);
    const wrong = await run(BIN.xdrctl, ['agents'], { XDR_URL: c.apiUrl, XDR_TOKEN: c.adminToken!, XDR_FINGERPRINT: 'ab'.repeat(32) });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/fingerprint/i);
  });

  it('tokens made by the CLI while the server runs carry their role', async () => {
    const analyst = JSON.parse(await runOk(BIN.collector, ['token', 'create', '--role', 'analyst', '--user', 'alice', '--data', c.dataDir, '--json'])).token;
    expect((await api(c, '/api/v1/events/count', { token: analyst })).status).toBe(200);
    const denied = await api(c, '/api/v1/tokens', { token: analyst, method: 'POST', body: { user: 'mallory', role: 'admin' } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('XDR_FORBIDDEN');
    expect((await api(c, '/api/v1/agents', { token: 'xdr_not-a-real-token' })).status).toBe(401);
  });

  it('refuses malformed API parameters with a clear error, and keeps serving', async () => {
    for (const bad of ['limit=0', 'limit=abc', 'from=yesterday', 'cursor=%%%', 'no.such.field=1', 'process.pid=notanumber']) {
      const r = await api(c, `/api/v1/events?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.message.length, bad).toBeGreaterThan(5);
    }
    expect((await api(c, '/healthz')).status).toBe(200);
  });

  it('the agent reports its status and the collector serves its OpenAPI document and metrics', async () => {
    const status = JSON.parse(await runOk(BIN.agent, ['status', '--state', stateDir, '--json']));
    expect(status).toMatchObject({ enrolled: true, agentId });
    const doc = await api(c, '/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/agents', '/api/v1/events', '/api/v1/events/count']));
    const metrics = await api<string>(c, '/metrics');
    expect(metrics.body).toMatch(/xdr_events_committed_total 1500/);
    expect(metrics.body).toMatch(/xdr_agents_online 1/);
  });

  it('serves plain HTTP only on loopback, and says why it refuses otherwise', async () => {
    const r = await run(BIN.collector, ['serve', '--data', tempDir('http'), '--api-http', '--api-host', '0.0.0.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only allowed on loopback/);
    const bad = await run(BIN.collector, ['serve', '--data', tempDir('http'), '--agent-port', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--agent-port must be an integer/);
  });

  it('uses a configured certificate instead of generating one, and token commands work with the server stopped', async () => {
    const dir = tempDir('own-cert');
    const own = await runOk(BIN.collector, ['fingerprint', '--data', dir, '--json']); // generates one in dir/tls
    const { fingerprint } = JSON.parse(own);
    const other = await startCollector(tempDir('configured'), ['--tls-cert', join(dir, 'tls', 'collector.crt'), '--tls-key', join(dir, 'tls', 'collector.key')]);
    try {
      expect(other.fingerprint).toBe(fingerprint);
    } finally {
      await other.stop();
    }
    const stopped = JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', other.dataDir, '--uses', '3', '--ttl', '2h', '--json']));
    expect(stopped).toMatchObject({ uses: 3 });
    expect(stopped.token).toMatch(/^xdrenroll_/);
    const t = JSON.parse(await runOk(BIN.collector, ['token', 'create', '--role', 'viewer', '--user', 'bob', '--data', other.dataDir, '--json']));
    expect(t).toMatchObject({ user: 'bob', role: 'viewer' });
  });

  it('an agent that gives the wrong fingerprint at enrollment does not enroll', async () => {
    const token = JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--json'])).token;
    const r = await run(BIN.agent, ['enroll', '--collector', c.agentUrl, '--token', token, '--fingerprint', '00'.repeat(32), '--state', tempDir('wrong-fp')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/fingerprint/i);
  });
});
