// xdrctl's commands against a real API listener (plain http on loopback; the HTTPS pinning is
// client.test.ts's job).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollAgent, makeFixture, seedEvents, syntheticEvents, type Fixture } from '../api/test/support.js';
import { runXdrctl } from './commands.js';

let fx: Fixture;
let env: Record<string, string>;

beforeAll(async () => {
  fx = await makeFixture();
  await enrollAgent(fx.store, 'agent-1', 'web1');
  fx.online.add('agent-1');
  await seedEvents(fx.store, syntheticEvents(30));
  await fx.app.listen({ host: '127.0.0.1', port: 0 });
  env = { XDR_URL: `http://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`, XDR_TOKEN: fx.tokens.admin };
});
afterAll(async () => { await fx.close(); });

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runXdrctl(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('xdrctl', () => {
  it('agents prints a table, --json the API objects', async () => {
    const table = await run('agents');
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^ID\s+HOSTNAME\s+OS\s+IPS\s+VERSION\s+STATUS\s+LAST SEEN$/);
    expect(table.out).toContain('Debian GNU/Linux 12');
    expect(table.out).toContain('online');
    const json = await run('agents', '--json');
    expect(JSON.parse(json.out)[0]).toMatchObject({ id: 'agent-1', online: true });
  });

  it('events filters with --FIELD VALUE and pages up to --limit', async () => {
    const r = await run('events', '--process.name', 'curl', '--limit', '4', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.events).toHaveLength(4);
    expect(body.events.every((e: Record<string, unknown>) => e['process.name'] === 'curl')).toBe(true);
    expect(body.next_cursor).toEqual(expect.any(String));
    const all = JSON.parse((await run('events', '--host.name=web2', '--all', '--json')).out);
    expect(all.events).toHaveLength(15);
    expect(all.next_cursor).toBeUndefined();
  });

  it('events prints a table with the command line, and says when more match', async () => {
    const r = await run('events', '--limit', '2');
    expect(r.out.split('\n')).toHaveLength(3);
    expect(r.out).toMatch(/TIME\s+HOST\s+ACTION\s+PID\s+PROCESS\s+USER\s+DETAIL/);
    expect(r.out).toContain('bash -c id');
    expect(r.err).toContain('more match: add --cursor');
  });

  it('events count and --since', async () => {
    expect((await run('events', 'count', '--process.pid', '1003')).out).toBe('1');
    expect((await run('events', 'count', '--since', '1h')).out).toBe('0'); // the fixture's events are from 2024
  });

  it('passes the API\'s error through, naming the bad filter, with exit status 1', async () => {
    const r = await run('events', '--process.nam', 'curl');
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown query parameter "process.nam"');
    expect(r.err).toContain('XDR_BAD_QUERY');
  });

  it('tokens create, list and revoke', async () => {
    const created = JSON.parse((await run('tokens', 'create', '--user', 'dave', '--role', 'analyst', '--json')).out);
    expect(created.token).toMatch(/^xdr_/);
    expect((await run('tokens')).out).toMatch(new RegExp(`${created.id}\\s+dave\\s+analyst`));
    expect((await run('tokens', 'revoke', created.id)).out).toContain('revoked');
  });

  it('agent show and revoke', async () => {
    expect((await run('agent', 'show', 'agent-1')).out).toContain('kernel     6.1.0');
    expect((await run('agent', 'revoke', 'agent-1')).out).toContain('is revoked');
    expect((await run('audit', '--json')).out).toContain('agent.revoke');
  });

  it('refuses bad usage and a bad environment with exit status 2', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('events', '--since', 'yesterday')).err).toContain('is not a duration');
    expect((await run('agents', '--limit', '3')).err).toContain('takes no option --limit');
    const noEnv = await runXdrctl(['agents'], {}, { out: () => {}, err: (t) => expect(t).toContain('XDR_URL is not set') });
    expect(noEnv).toBe(2);
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('XDR_FINGERPRINT');
  });
});
