// xdrctl search and tree against a real API listener.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, makeFixture, seedEvents, syntheticEvents, type Fixture } from '../api/test/support.js';
import { runXdrctl } from './commands.js';

let fx: Fixture;
let env: Record<string, string>;

beforeAll(async () => {
  fx = await makeFixture();
  await seedEvents(fx.store, syntheticEvents(30));
  await fx.store.commitBatches([{ agentId: 'tree', seq: 1, events: [
    { '@timestamp': T0, 'event.category': 'process', 'event.type': 'start', 'process.entity_id': 'h:1:0', 'process.pid': 1, 'process.name': 'systemd', 'process.command_line': '/sbin/init' },
    { '@timestamp': T0 + 1, 'event.category': 'process', 'event.type': 'start', 'process.entity_id': 'h:9:1', 'process.pid': 9, 'process.name': 'sshd', 'process.command_line': 'sshd: root', 'process.parent.entity_id': 'h:1:0', 'process.user.name': 'root' },
    { '@timestamp': T0 + 2, 'event.category': 'process', 'event.type': 'start', 'process.entity_id': 'h:10:2', 'process.pid': 10, 'process.name': 'bash', 'process.command_line': '-bash', 'process.parent.entity_id': 'h:9:1' },
  ] }]);
  await fx.app.listen({ host: '127.0.0.1', port: 0 });
  env = { XDR_URL: `http://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`, XDR_TOKEN: fx.tokens.viewer };
});
afterAll(async () => { await fx.close(); });

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runXdrctl(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('xdrctl search', () => {
  it('prints a table and how many matched', async () => {
    const r = await run('search', 'process.name:curl and host.name:web1', '--limit', '3');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(4);
    expect(r.out).toMatch(/TIME\s+HOST\s+ACTION\s+PID\s+PROCESS\s+USER\s+DETAIL/);
    expect(r.out).toContain('curl -s http://example.test/28');
    expect(r.err).toBe('3 of 15 matching events shown');
  });

  it('prints JSON and CSV', async () => {
    const json = JSON.parse((await run('search', 'bash', '--format', 'json', '--limit', '100')).out);
    expect(json.total).toBe(16);
    expect(json.events).toHaveLength(16);
    const csv = (await run('search', 'process.pid:1003', '--format', 'csv')).out.split('\n');
    expect(csv[0]).toBe('@timestamp,host.name,event.category,event.action,process.pid,process.name,process.user.name,process.command_line,file.path,source.ip,destination.ip,destination.port,process.entity_id');
    expect(csv[1]).toContain(',1003,bash,,bash -c id,');
  });

  it('passes a syntax error through with its column, exit status 1; bad usage is 2', async () => {
    const r = await run('search', 'process.name:(curl');
    expect(r.code).toBe(1);
    expect(r.err).toContain('column 19: expected ")"');
    expect(r.err).toContain('XDR_BAD_SEARCH');
    expect((await run('search')).code).toBe(2);
    expect((await run('search', 'x', '--format', 'xml')).err).toContain('--format must be table, json or csv');
    expect((await run('search', 'x', '--since', '1h')).out).toBe('no events match');
  });
});

describe('xdrctl tree', () => {
  it('prints an indented tree with the process marked', async () => {
    const r = await run('tree', 'h:9:1');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '[1] /sbin/init  (started 2024-05-01T12:00:00.000Z)  h:1:0',
      expect.stringMatching(/^ {2}└─ > \[9\] sshd: root {2}\(user root, started .*\) {2}h:9:1$/),
      expect.stringMatching(/^ {4}└─ \[10\] -bash .* h:10:2$/),
    ]);
    expect((await run('tree', 'nope')).err).toContain('XDR_PROCESS_NOT_FOUND');
  });
});
