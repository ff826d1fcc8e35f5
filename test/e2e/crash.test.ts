// Delivery and durability (ARCHITECTURE.md): kill -9 either side in the middle of a stream and
// every event arrives exactly once. The collector acks only fsynced commits; the agent deletes
// a spooled batch only after its ack, and the store ignores a batch it already has.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { wire } from '../../proto/index.js';
import { Spool } from '../../agent/src/transport/spool.js';
import {
  allCommandLines, countEvents, enrollAgent, freePort, startAgent, startCollector, tempDir, waitFor,
  type AgentProcess, type CollectorProcess,
} from './harness.js';

const running: Array<AgentProcess | CollectorProcess> = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.kill9();
});

async function collectorOn(dataDir: string, ports: { agent: number; api: number }): Promise<CollectorProcess> {
  const c = await startCollector(dataDir, [], ports);
  running.push(c);
  return c;
}

function agent(stateDir: string, extra: string[] = []): AgentProcess {
  const a = startAgent(stateDir, ['--no-sensors', '--log-level', 'warn', ...extra]);
  running.push(a);
  return a;
}

/** The command lines held in the agent's spool. */
function spooledCommandLines(stateDir: string): string[] {
  const out: string[] = [];
  for (const { frame } of Spool.frames(join(stateDir, 'spool'))) {
    for (const ev of wire.AgentFrame.decode(frame).batch!.events!) if (ev.process) out.push(ev.process.process!.commandLine!);
  }
  return out;
}

function expectExactlyOnce(lines: string[], expected: number): void {
  expect(lines.length).toBe(expected);
  expect(new Set(lines).size).toBe(expected);
}

describe('crash safety', () => {
  it('kill -9 of the collector mid-stream of 100,000 events: exactly 100,000 arrive', async () => {
    const ports = { agent: await freePort(), api: await freePort() };
    const dataDir = tempDir('crash-collector');
    let c = await collectorOn(dataDir, ports);
    const stateDir = tempDir('crash-collector-agent');
    const agentId = await enrollAgent(c, stateDir);
    agent(stateDir, ['--synthetic', '25000', '--synthetic-count', '100000']);
    await waitFor('the stream to be under way', async () => (await countEvents(c, `agent.id=${agentId}`)) >= 20_000, 60_000);
    await c.kill9();
    running.splice(running.indexOf(c), 1);
    await new Promise((r) => setTimeout(r, 1500));
    c = await collectorOn(dataDir, ports);
    const before = await countEvents(c, `agent.id=${agentId}`);
    expect(before).toBeLessThan(100_000);
    await waitFor('all 100,000 events', async () => (await countEvents(c, `agent.id=${agentId}`)) >= 100_000, 120_000, 500);
    await new Promise((r) => setTimeout(r, 2000)); // anything resent late would show up now
    expectExactlyOnce(await allCommandLines(c, `agent.id=${agentId}`), 100_000);
  }, 240_000);

  it('kill -9 of the agent with a full spool: every spooled batch is delivered exactly once after restart', async () => {
    const ports = { agent: await freePort(), api: await freePort() };
    const dataDir = tempDir('crash-agent');
    let c = await collectorOn(dataDir, ports);
    const stateDir = tempDir('crash-agent-state');
    const agentId = await enrollAgent(c, stateDir);
    await c.stop();
    running.splice(running.indexOf(c), 1);
    // collector down: everything the agent generates stays in its spool
    const a = agent(stateDir, ['--synthetic', '20000', '--synthetic-count', '40000']);
    await waitFor('40,000 events spooled', async () => spooledCommandLines(stateDir).length === 40_000, 60_000, 300);
    await a.kill9();
    const spooled = spooledCommandLines(stateDir);
    c = await collectorOn(dataDir, ports);
    agent(stateDir);
    await waitFor('the spool to be delivered', async () => (await countEvents(c, `agent.id=${agentId}`)) >= spooled.length, 60_000, 300);
    await new Promise((r) => setTimeout(r, 1500));
    const delivered = await allCommandLines(c, `agent.id=${agentId}`);
    expectExactlyOnce(delivered, 40_000);
    expect(new Set(delivered)).toEqual(new Set(spooled));
    await waitFor('the spool to empty after the acks', async () => spooledCommandLines(stateDir).length === 0, 10_000);
  }, 180_000);

  it('kill -9 of the agent mid-stream: what it had spooled arrives, nothing twice', async () => {
    const ports = { agent: await freePort(), api: await freePort() };
    const c = await collectorOn(tempDir('crash-mid'), ports);
    const stateDir = tempDir('crash-mid-state');
    const agentId = await enrollAgent(c, stateDir);
    const a = agent(stateDir, ['--synthetic', '25000', '--synthetic-count', '100000']);
    await waitFor('the stream to be under way', async () => (await countEvents(c, `agent.id=${agentId}`)) >= 20_000, 60_000);
    await a.kill9();
    const spooled = spooledCommandLines(stateDir);
    expect(spooled.length).toBeGreaterThan(0);
    agent(stateDir);
    // a spool file goes only when its batch is acked, i.e. committed
    await waitFor('the spool to empty after the acks', async () => spooledCommandLines(stateDir).length === 0, 90_000, 300);
    const delivered = await allCommandLines(c, `agent.id=${agentId}`);
    expect(new Set(delivered).size).toBe(delivered.length);
    const have = new Set(delivered);
    expect(spooled.filter((l) => !have.has(l))).toEqual([]);
  }, 180_000);
});
