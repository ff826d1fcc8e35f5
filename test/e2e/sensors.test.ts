// The agent's sensors through the whole product: real processes, files, TCP connections and
// sshd log lines on this host, found at the collector's API with their fields and linkage.
// Needs root (netlink process connector), as the agent does in production.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, chmodSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enrollAgent, startAgent, startCollector, tempDir, waitFor, type AgentProcess, type CollectorProcess } from './harness.js';

let c: CollectorProcess;
let agent: AgentProcess;
let agentId: string;
const watched = tempDir('sensors-watched');
const authLog = join(tempDir('sensors-log'), 'auth.log');

async function find(query: string, timeoutMs = 20_000): Promise<Record<string, any>[]> {
  return waitFor(`events matching ${query}`, async () => {
    const r = await api(c, `/api/v1/events?agent.id=${agentId}&${query}&limit=50`);
    return r.status === 200 && r.body.events.length > 0 ? r.body.events : undefined;
  }, timeoutMs, 300);
}

beforeAll(async () => {
  c = await startCollector(tempDir('sensors'));
  const stateDir = tempDir('sensors-agent');
  agentId = await enrollAgent(c, stateDir);
  writeFileSync(authLog, '');
  const config = join(stateDir, 'agent.yaml');
  writeFileSync(config, [
    'sensors:',
    '  file:',
    `    paths: [${watched}]`,
    '  login:',
    '    source: file',
    `    auth_log_paths: [${authLog}]`,
  ].join('\n'));
  agent = startAgent(stateDir, ['--config', config, '--log-level', 'warn']);
  await waitFor('the agent online', async () => (await api(c, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 20_000);
  await new Promise((r) => setTimeout(r, 1500)); // sensors started
});

afterAll(async () => {
  await agent?.stop();
  await c?.stop();
});

describe('sensors end to end', { skip: process.getuid?.() !== 0 }, () => {
  it('a short-lived process arrives with its full command line, parent linkage and exit code', async () => {
    const marker = `marker-${randomUUID()}`;
    spawnSync('/bin/sh', ['-c', `/bin/true ${marker}; exit 3`, marker]);
    const [child] = await find(`process.args=${marker}&process.name=true&event.action=process_started`);
    expect(child).toMatchObject({ 'event.action': 'process_started', 'process.executable': '/usr/bin/true', 'process.command_line': `/bin/true ${marker}`, 'process.parent.name': 'sh', 'process.user.name': 'root' });
    expect(child['process.hash.sha256']).toMatch(/^[0-9a-f]{64}$/);
    const [shell] = await find(`process.entity_id=${child['process.parent.entity_id']}&event.action=process_started`);
    expect(shell['process.command_line']).toContain(marker);
    const [exit] = await find(`process.entity_id=${shell['process.entity_id']}&event.action=process_exited`);
    expect(exit['process.exit_code']).toBe(3);
  });

  it('a burst of short-lived processes: each arrives with its command line, or is counted in a sensor_gap notice', async () => {
    const marker = `burst-${randomUUID().slice(0, 8)}`;
    const N = 300;
    const from = Date.now() - 2000;
    spawnSync('/bin/sh', ['-c', `i=0; while [ $i -lt ${N} ]; do /bin/true ${marker}-$i; i=$((i+1)); done`]);
    const pages = async (query: string, each: (e: Record<string, any>) => void) => {
      let cursor: string | undefined;
      do {
        const r = await api(c, `/api/v1/events?agent.id=${agentId}&${query}&from=${from}&limit=10000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(r.status).toBe(200);
        for (const e of r.body.events) each(e);
        cursor = r.body.next_cursor;
      } while (cursor);
    };
    const tally = async () => {
      const complete = new Set<string>();
      await pages('process.name=true&event.action=process_started', (e) => {
        const m = (e['process.args'] ?? []).find((a: string) => a.startsWith(`${marker}-`));
        if (m && e['process.command_line'] === `/bin/true ${m}`) complete.add(m);
      });
      let announced = 0;
      await pages('event.action=sensor_gap', (e) => (announced += Number(e['event.count'] ?? 0)));
      return { complete: complete.size, announced };
    };
    // every marker is either there complete or its loss is announced (the notice also counts other processes on this host)
    const t = await waitFor('every start arrived or announced', async () => {
      const x = await tally();
      return x.complete + x.announced >= N ? x : undefined;
    }, 30_000, 1000);
    expect(t.complete).toBeGreaterThanOrEqual(N * 0.98);
  });

  it('file creation, change of mode, rename and deletion arrive with path, mode and hash', async () => {
    const file = join(watched, `drop-${randomUUID()}.sh`);
    writeFileSync(file, '#!/bin/sh\necho pwned\n');
    await find(`file.path=${encodeURIComponent(file)}&event.action=file_created`);
    chmodSync(file, 0o755);
    const [chmod] = await find(`file.path=${encodeURIComponent(file)}&event.action=file_mode_changed`);
    expect(chmod['file.mode']).toBe('0755');
    appendFileSync(file, 'id\n');
    const [mod] = await find(`file.path=${encodeURIComponent(file)}&event.action=file_modified`);
    expect(mod['file.hash.sha256']).toMatch(/^[0-9a-f]{64}$/);
    const moved = `${file}.moved`;
    renameSync(file, moved);
    const [ren] = await find(`file.path=${encodeURIComponent(moved)}&event.action=file_renamed`);
    expect(ren['file.original.path']).toBe(file);
    unlinkSync(moved);
    await find(`file.path=${encodeURIComponent(moved)}&event.action=file_deleted`);
  });

  it('a TCP listener and a connection on loopback arrive with ports, direction and the owning process', async () => {
    // the server holds the connection open: the sensor reports connections that live at least one poll
    const held: Array<import('node:net').Socket> = [];
    const server = createServer((s) => held.push(s)).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const [listen] = await find(`event.action=socket_listening&source.port=${port}`);
    expect(listen['process.pid']).toBe(process.pid);
    const sock = connect(port, '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    await new Promise((r) => setTimeout(r, 2500));
    const [out] = await find(`event.action=connection_attempted&destination.port=${port}`);
    expect(out).toMatchObject({ 'network.transport': 'tcp', 'network.direction': 'egress', 'destination.ip': '127.0.0.1', 'process.pid': process.pid });
    expect(out['process.entity_id']).toBeTruthy();
    const [accepted] = await find(`event.action=connection_accepted&destination.port=${port}`);
    expect(accepted['network.direction']).toBe('ingress');
    sock.destroy();
    for (const s of held) s.destroy();
    server.close();
    await find(`event.action=disconnect_received&destination.port=${port}`);
  });

  it('sshd logins, failed and accepted, from the auth log', async () => {
    const user = `u${randomUUID().slice(0, 8)}`;
    const now = new Date().toLocaleString('en-US', { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).replace(',', '');
    appendFileSync(authLog, `${now} vm sshd[4242]: Failed password for ${user} from 203.0.113.9 port 50022 ssh2\n`);
    appendFileSync(authLog, `${now} vm sshd[4242]: Accepted publickey for ${user} from 203.0.113.9 port 50023 ssh2: ED25519 SHA256:abc\n`);
    const events = await find(`user.name=${user}`);
    await waitFor('both logins', async () => (await find(`user.name=${user}`)).length >= 2 || undefined);
    const all = (await find(`user.name=${user}`)).map((e) => [e['event.outcome'], e['event.reason'], e['source.ip']]);
    expect(all).toEqual(expect.arrayContaining([['failure', 'password', '203.0.113.9'], ['success', 'publickey', '203.0.113.9']]));
    expect(events.length).toBeGreaterThan(0);
  });
});
