// Host isolation for real, in network namespaces: the collector in one, the agent in another, a
// third host beside them on a bridge. Every nft command runs inside the lab's namespaces.
//
// Two modes, chosen at start (a direct run says so on stderr):
// - api: the collector serves POST /api/v1/responses and the built agent carries the isolation
//   executor; isolate and restore go through the API to the real agent.
// - direct: until both exist, the Isolation class runs in a driver process inside the agent
//   namespace (agent/src/response/isolation/testing/driver.ts), next to the real agent, which
//   still shows that events keep streaming and that reconnects work while isolated.
// The last test (an IPv6 collector) drives the Isolation class directly in either mode.
import { type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir, waitFor } from './harness.js';
import {
  ECHO_SERVER, IsolationDriver, Lab, enrollLabAgent, firstLine, labApi, netnsSkipReason, startLabAgent, startLabCollector,
  type LabAgent, type LabCollector,
} from './netns.js';

const skip = netnsSkipReason();
const THIRD_PORT = 7000;


/** A TCP connection opened from the agent host to the third host before the isolation. */
class Chatter {
  private readonly echoed: string[] = [];
  constructor(readonly proc: ChildProcess) {
    createInterface({ input: proc.stdout! }).on('line', (l) => this.echoed.push(l));
  }

  static async open(lab: Lab): Promise<Chatter> {
    const script = `const s=require('net').connect(+process.argv[2],process.argv[1],()=>console.log('connected'));
s.on('data',(d)=>process.stdout.write(d));s.on('error',(e)=>console.log('error '+e.code));process.stdin.on('data',(d)=>s.write(d));`;
    const c = new Chatter(lab.spawn('agent', process.execPath, ['-e', script, lab.v4.third, String(THIRD_PORT)], { stdio: ['pipe', 'pipe', 'inherit'] }));
    await waitFor('the chatter to connect', async () => c.echoed.includes('connected'), 5_000, 20);
    return c;
  }

  /** Whether a line sent now comes back within timeoutMs. */
  async echoes(word: string, timeoutMs: number): Promise<boolean> {
    this.proc.stdin!.write(`${word}\n`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.echoed.includes(word)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }
}

describe.skipIf(skip !== undefined)(`host isolation in network namespaces${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let mode: 'api' | 'direct' = 'direct';
  let lab: Lab;
  let col: LabCollector;
  let agent: LabAgent;
  let agentId: string;
  let stateDir: string;
  let dataDir: string;
  let driver: IsolationDriver | undefined;
  let driverBundle: string;
  let chatter: Chatter;

  const countEvents = async () => {
    const r = await labApi<{ count: number }>(col, '/api/v1/events/count');
    if (r.status !== 200) throw new Error(`events/count: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.count;
  };
  const streams = async () => {
    const before = await countEvents();
    await waitFor('events to keep arriving', async () => (await countEvents()) > before, 15_000, 250);
  };
  const isolationTable = () => lab.hasTable('agent', 'inet', 'xdr_isolation');
  const reachesThird = async () => ({
    tcp4: await lab.tcp('agent', lab.v4.third, THIRD_PORT),
    tcp6: await lab.tcp('agent', lab.v6.third, THIRD_PORT),
    icmp4: await lab.ping('agent', lab.v4.third),
    icmp6: await lab.ping('agent', lab.v6.third),
  });
  const all = (v: boolean) => ({ tcp4: v, tcp6: v, icmp4: v, icmp6: v });
  /** api mode: the agents list shows the host's isolation as the last action left it */
  const listedIsolated = async (want: boolean) => {
    if (mode !== 'api') return;
    await waitFor(`GET /api/v1/agents to show isolated: ${want}`, async () => {
      const r = await labApi(col, '/api/v1/agents');
      const list: { id: string; isolated: boolean }[] = Array.isArray(r.body) ? r.body : r.body.items ?? r.body.agents ?? [];
      return list.find((a) => a.id === agentId)?.isolated === want;
    }, 10_000, 100);
  };

  /** Runs an action through the API (api mode) or the driver (direct mode); the outcome either way. */
  async function act(action: 'isolate' | 'restore', params: object = {}): Promise<{ ok: boolean; result?: any; error?: string }> {
    if (mode === 'direct') return driver!.call(action, params);
    const created = await labApi(col, '/api/v1/responses', { method: 'POST', body: { agent_id: agentId, action, params, reason: 'isolation e2e' } });
    if (created.status !== 201) throw new Error(`POST /api/v1/responses: ${created.status} ${JSON.stringify(created.body)}`);
    const done = await waitFor(`${action} to finish`, async () => {
      const r = await labApi(col, `/api/v1/responses/${created.body.id}`);
      return ['succeeded', 'failed', 'expired', 'cancelled'].includes(r.body.status) ? r.body : undefined;
    }, 30_000, 100);
    const ok = done.status === 'succeeded';
    return { ok, result: done.result, error: ok ? undefined : done.error ?? `status ${done.status}` };
  }

  beforeAll(async () => {
    lab = Lab.create('iso');
    dataDir = tempDir('iso-collector');
    stateDir = tempDir('iso-agent');
    col = await startLabCollector(lab, BIN.collector, dataDir);
    agentId = await enrollLabAgent(lab, col, BIN, stateDir);
    agent = await startLabAgent(lab, BIN.agent, stateDir);
    const echo = lab.spawn('third', process.execPath, ['-e', ECHO_SERVER, '::', String(THIRD_PORT)]);
    await firstLine(echo, 'the third host echo server');
    await waitFor('the agent to stream events', async () => (await countEvents()) > 0, 30_000, 250);
    const apiThere = (await labApi(col, '/api/v1/responses?limit=1')).status === 200;
    const agentThere = readFileSync(BIN.agent, 'utf8').includes('xdr_isolation');
    mode = apiThere && agentThere ? 'api' : 'direct';
    if (mode === 'direct') {
      console.warn(`isolation e2e in direct mode: the Isolation class runs in a driver in the agent namespace (API responses route ${apiThere ? 'present' : 'absent'}, isolation in the built agent ${agentThere ? 'present' : 'absent'})`);
      driverBundle = await IsolationDriver.bundle(ROOT);
      driver = await IsolationDriver.start(lab, driverBundle, stateDir, col.agentUrl);
    }
  }, 120_000);

  afterAll(() => {
    lab?.destroy();
    for (const d of [dataDir, stateDir]) if (d) rmSync(d, { recursive: true, force: true });
    if (driverBundle) rmSync(driverBundle, { force: true });
  });

  it('before: the agent host reaches the third host over TCP and ICMP, IPv4 and IPv6', async () => {
    expect(await reachesThird()).toEqual(all(true));
    chatter = await Chatter.open(lab);
    expect(await chatter.echoes('before', 2_000)).toBe(true);
  });

  it('isolate: the third host is cut off (TCP, ICMP, v4, v6, and a connection opened before), the collector is not', async () => {
    const r = await act('isolate', {});
    expect(r.error ?? null).toBeNull();
    expect(r.result).toMatchObject({ isolated: true, table: 'inet xdr_isolation', collector: `${lab.v4.collector}:${col.agentPort}` });
    expect(await isolationTable()).toBe(true);
    await listedIsolated(true);
    expect(await reachesThird()).toEqual(all(false));
    expect(await chatter.echoes('after', 2_000)).toBe(false);
    expect(await lab.tcp('agent', lab.v4.collector, col.agentPort)).toBe(true);
    await streams();
    const state = JSON.parse(readFileSync(join(stateDir, 'isolation.json'), 'utf8'));
    expect(state).toMatchObject({ isolated: true, collector: { addresses: [lab.v4.collector], port: col.agentPort } });
  });

  it('restart while isolated (and the table lost, as after a reboot): isolated again, and the agent reconnects', async () => {
    await agent.stop();
    const del = await lab.exec('agent', 'nft', ['delete', 'table', 'inet', 'xdr_isolation']);
    expect(del.stderr).toBe('');
    if (mode === 'direct') {
      await driver!.stop();
      driver = await IsolationDriver.start(lab, driverBundle, stateDir, col.agentUrl);
      const r = await driver.call('reapply');
      expect(r).toMatchObject({ ok: true, isolated: true });
    }
    agent = await startLabAgent(lab, BIN.agent, stateDir);
    await waitFor('the isolation table to be back', isolationTable, 15_000, 100);
    expect(await reachesThird()).toEqual(all(false));
    await streams(); // a new session: the reconnect went through the isolation
  });

  it('restore: the command arrives while isolated, the table goes, the third host is reachable again', async () => {
    const r = await act('restore');
    expect(r.error ?? null).toBeNull();
    expect(r.result).toEqual({ isolated: false, removed: true });
    expect(await isolationTable()).toBe(false);
    await listedIsolated(false);
    expect(await reachesThird()).toEqual(all(true));
    expect(JSON.parse(readFileSync(join(stateDir, 'isolation.json'), 'utf8'))).toMatchObject({ isolated: false, since: null });
  });

  it('a collector unreachable after applying: rolled back, failed result, the host is not stranded', async () => {
    // the collector's own firewall (in its namespace) refuses new connections from the agent;
    // the agent's established session, which carries the command, goes on
    const block = `table inet xdrt_block { chain input { type filter hook input priority 0; policy accept;
      ip saddr ${lab.v4.agent} tcp dport ${col.agentPort} ct state new drop; }; }`;
    const b = await lab.exec('collector', 'nft', ['-f', '-'], { input: block });
    expect(b.stderr).toBe('');
    try {
      const r = await act('isolate', { allow_dns: true });
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/^the collector was unreachable after applying the isolation, so the isolation was rolled back: no new TCP connection to the collector opened within 5000 ms \(10\.77\.0\.1:\d+ no answer within \d+ ms\)$/);
      expect(await isolationTable()).toBe(false);
      expect(await reachesThird()).toEqual(all(true));
      await listedIsolated(false);
    } finally {
      await lab.exec('collector', 'nft', ['delete', 'table', 'inet', 'xdrt_block']);
    }
    await streams();
  }, 60_000);

  it('an IPv6 collector: neighbour discovery passes the isolation, new IPv6 connections to it open, nothing else does', async () => {
    // the Isolation class directly (whatever the mode), with its own state, pointed at the
    // collector's IPv6 address; the real agent's IPv4 session is cut meanwhile, and comes back
    const v6State = tempDir('iso-v6');
    driverBundle ??= await IsolationDriver.bundle(ROOT);
    const v6 = await IsolationDriver.start(lab, driverBundle, v6State, `wss://[${lab.v6.collector}]:${col.agentPort}`);
    try {
      const r = await v6.call('isolate', {});
      expect(r.error ?? null).toBeNull();
      expect(r.result).toMatchObject({ collector: `[${lab.v6.collector}]:${col.agentPort}` });
      const flush = await lab.exec('agent', 'ip', ['neigh', 'flush', 'all']);
      expect(flush.stderr).toBe('');
      expect(await lab.tcp('agent', lab.v6.collector, col.agentPort)).toBe(true);
      expect(await lab.tcp('agent', lab.v4.collector, col.agentPort)).toBe(false);
      expect(await reachesThird()).toEqual(all(false));
      expect((await v6.call('restore')).result).toEqual({ isolated: false, removed: true });
    } finally {
      await v6.stop();
      rmSync(v6State, { recursive: true, force: true });
    }
    expect(await reachesThird()).toEqual(all(true));
    await streams();
  }, 60_000);
});
