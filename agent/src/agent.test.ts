// The agent against a collector stand-in over real TLS WebSockets on loopback: handshake,
// ordered delivery, resend after a dropped connection, seq across restarts, spool bound, pinning.
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, authMessage } from '../../proto/index.js';
import { Agent, type AgentConfig } from './agent.js';
import { enroll } from './enroll.js';
import { FakeCollector, selfSignedCert, type ReceivedBatch } from './testing/fake-collector.js';
import type { ConnectionStatus } from './transport/connection.js';

const log = pino({ level: 'silent' });
let fc: FakeCollector;
let root: string;
let state: string;
let agentId: string;
const running: Agent[] = [];

async function start(extra: Partial<AgentConfig> = {}): Promise<Agent> {
  const agent = await Agent.start({
    stateDir: state,
    log,
    durable: false,
    batch: { maxEvents: 50, maxAgeMs: 50 },
    connection: { backoff: { baseMs: 20, capMs: 100, jitter: 'full' }, refusedBackoff: { baseMs: 400, capMs: 400, jitter: 'equal' }, healthyAfterMs: 0 },
    ...extra,
  });
  running.push(agent);
  return agent;
}

async function stop(agent: Agent): Promise<void> {
  running.splice(running.indexOf(agent), 1);
  await agent.stop();
}

const commandLines = (batches: ReceivedBatch[]) =>
  batches.flatMap((b) => b.events).filter((e) => e.process).map((e) => e.process!.process!.commandLine!);
const spoolFiles = () => readdirSync(join(state, 'spool')).filter((f) => f.endsWith('.batch'));

beforeEach(async () => {
  fc = await FakeCollector.start();
  root = mkdtempSync(join(tmpdir(), 'xdr-agent-'));
  state = join(root, 'state');
  ({ identity: { agentId } } = await enroll({ collector: fc.url, token: 'good-token', fingerprint: fc.cert.fingerprint, stateDir: state }));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop()));
  await fc.close();
  rmSync(root, { recursive: true, force: true });
});

describe('agent transport', () => {
  it('proves its key: the Hello signature verifies with the stored public key', async () => {
    const agent = await start();
    await fc.until(() => agent.connection.status.state === 'online', 5_000, 'online');
    const { hello, nonce } = fc.hellos[0];
    expect(hello).toMatchObject({ protocolVersion: PROTOCOL_VERSION, agentId, agentVersion: expect.any(String) });
    expect(Number(hello.bootTimeMs)).toBeGreaterThan(Date.now() - 60_000);
    expect(hello.inventory?.hostId).toMatch(/^[0-9a-f]{32}$/);
    const publicKey = createPublicKey(createPrivateKey(readFileSync(join(state, 'agent.key'), 'utf8')));
    expect(verify(null, authMessage(nonce, agentId), publicKey, hello.signature!)).toBe(true);
    expect(verify(null, authMessage(Buffer.alloc(32), agentId), publicKey, hello.signature!)).toBe(false);
  });

  it('delivers batches in order with increasing seq and forgets each one on its ack', async () => {
    const agent = await start({ synthetic: { rate: 5_000, count: 600 } });
    await fc.until(() => commandLines(fc.batches).length >= 600, 5_000, '600 events');
    const seqs = fc.batches.map((b) => b.seq);
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1])).toBe(true);
    const boot = (agent.sources[0] as unknown as { bootId: string }).bootId;
    expect(commandLines(fc.batches)).toEqual(Array.from({ length: 600 }, (_, i) => `synthetic ${boot} ${i + 1}`));
    await fc.until(() => agent.spool.batches === 0 && spoolFiles().length === 0, 2_000, 'empty spool');
    // heartbeats carry the agent's counters
    await fc.until(() => fc.heartbeats.length > 0, 3_000, 'a heartbeat');
    expect(Number(fc.heartbeats.at(-1)!.stats!.eventsGenerated)).toBe(600);
  });

  it('resends every unacked batch after the collector drops the connection, deleting only on ack', async () => {
    fc.shouldAck = () => false;
    const agent = await start({ synthetic: { rate: 10_000, count: 200 } });
    await fc.until(() => commandLines(fc.batches).length === 200, 5_000, '200 events');
    const firstSeqs = fc.batches.map((b) => b.seq);
    expect(firstSeqs).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(agent.spool.batches).toBe(4);
    expect(spoolFiles()).toHaveLength(4);

    fc.shouldAck = () => true;
    fc.dropAll();
    await fc.until(() => agent.spool.batches === 0, 5_000, 'acks after reconnect');
    const resent = fc.batches.filter((b) => b.connection !== fc.batches[0].connection);
    expect(resent.map((b) => b.seq)).toEqual(firstSeqs);
    expect(commandLines(resent)).toEqual(commandLines(fc.batches.slice(0, 4)));
    expect(spoolFiles()).toHaveLength(0);
  });

  it('continues the seq after a restart with an empty spool', async () => {
    let agent = await start({ synthetic: { rate: 5_000, count: 100 } });
    await fc.until(() => commandLines(fc.batches).length === 100 && agent.spool.batches === 0, 5_000, 'first run delivered');
    await stop(agent);
    const lastSeq = Math.max(...fc.batches.map((b) => b.seq));
    expect(spoolFiles()).toHaveLength(0);
    const before = fc.batches.length;
    agent = await start({ synthetic: { rate: 5_000, count: 100 } });
    await fc.until(() => commandLines(fc.batches).length === 200, 5_000, 'second run delivered');
    const after = fc.batches.slice(before).map((b) => b.seq);
    expect(Math.min(...after)).toBeGreaterThan(lastSeq);
  });

  it('drops the oldest batches when the spool is full and tells the collector how many', async () => {
    fc.shouldAck = () => false;
    const agent = await start({ synthetic: { rate: 20_000, count: 1_000 }, spoolMaxBytes: 16 * 1024, batch: { maxEvents: 20, maxAgeMs: 20 } });
    await fc.until(() => agent.generated === 1_000 && agent.batcher.pending === 0, 5_000, 'all generated');
    expect(agent.spool.droppedBatches).toBeGreaterThan(0);
    expect(agent.spool.bytes).toBeLessThanOrEqual(16 * 1024);

    fc.shouldAck = () => true;
    fc.dropAll();
    await fc.until(() => agent.spool.batches === 0 && !agent.spool.unreportedLosses, 5_000, 'spool drained');
    // what the collector committed: each acked seq once
    const delivered = [...new Map(fc.batches.filter((b) => b.acked).map((b) => [b.seq, b])).values()];
    const notices = delivered.flatMap((b) => b.events).filter((e) => e.notice?.code === 'spool_dropped');
    expect(notices.length).toBeGreaterThan(0);
    // the counts add up to exactly the events lost, also when a batch carrying a notice was dropped
    expect(notices.reduce((s, e) => s + Number(e.notice!.count), 0)).toBe(agent.spool.droppedEvents);
    const survivors = commandLines(delivered).map((c) => Number(c.split(' ')[2]));
    expect(survivors.length + agent.spool.droppedEvents).toBe(1_000);
    // the oldest went first: what survived is the newest events, the last one included
    expect(Math.min(...survivors)).toBeGreaterThan(1);
    expect(Math.max(...survivors)).toBe(1_000);
  });

  it('refuses to talk to a collector whose certificate does not match the pin', async () => {
    const impostor = await FakeCollector.start(await selfSignedCert());
    try {
      const file = join(state, 'identity.json');
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), collectorUrl: impostor.url }));
      const seen: ConnectionStatus[] = [];
      const agent = await start();
      agent.connection.onStatus((s) => seen.push(s));
      await fc.until(() => seen.some((s) => s.state === 'backoff'), 5_000, 'a failed attempt');
      const failed = seen.find((s) => s.state === 'backoff') as Extract<ConnectionStatus, { state: 'backoff' }>;
      expect(failed.error).toMatch(/fingerprint/);
      expect(impostor.upgrades).toBe(0);
    } finally {
      await impostor.close();
    }
  });

  it('retries slowly after a refusal that will not fix itself (revoked)', async () => {
    fc.revoked.add(agentId);
    const agent = await start();
    await fc.until(() => agent.connection.status.state === 'refused', 5_000, 'refused');
    expect(agent.connection.status).toMatchObject({ state: 'refused', code: 'revoked_agent', delayMs: expect.any(Number) });
    const hellos = fc.hellos.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(fc.hellos.length).toBe(hellos); // not spinning at the 20 ms reconnect pace
  });

  it('drops a connection on which nothing arrives for three heartbeat intervals', async () => {
    fc.heartbeatMs = 100;
    fc.silent = true;
    const seen: ConnectionStatus[] = [];
    const agent = await start();
    agent.connection.onStatus((s) => seen.push(s));
    await fc.until(() => seen.some((s) => s.state === 'backoff'), 3_000, 'liveness timeout');
    expect((seen.find((s) => s.state === 'backoff') as { error: string }).error).toMatch(/3 heartbeat intervals/);
  });
});
