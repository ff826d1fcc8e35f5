// bench:agent, measured at the collector: a real collector (`xdr-collector serve`, its normal
// detection content) and a real enrolled agent (`xdr-agent run`) started exactly as
// test/e2e/sensors.test.ts does; the processes a phase starts are counted at the REST API.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, enrollAgent, startAgent, startCollector, tempDir, waitFor, type AgentProcess, type CollectorProcess } from '../e2e/harness.js';

export interface CollectorStack {
  c: CollectorProcess;
  agent: AgentProcess;
  agentId: string;
  /** the agent's state dir: its spool (stateDir/spool) holds the batches not yet acked */
  stateDir: string;
}

/** Everything started here, killed on the way out even if the benchmark throws or is interrupted. */
const live = new Set<{ proc: import('node:child_process').ChildProcess }>();
process.once('exit', () => {
  for (const p of live) if (p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => process.exit(130));
}

/**
 * Runs `work` against a fresh collector and an enrolled agent whose only event source that matters
 * is the process sensor (netlink): the file sensor is restricted to an empty temp dir, the login sensor is
 * off (the network sensor stays on, as in the e2e test). Both are stopped afterwards, on errors too.
 */
export async function withCollectorStack<T>(work: (s: CollectorStack) => Promise<T>): Promise<T> {
  let c: CollectorProcess | undefined;
  let agent: AgentProcess | undefined;
  const dirs = [tempDir('bench-agent-collector'), tempDir('bench-agent-state'), tempDir('bench-agent-watched')];
  const [dataDir, stateDir, watched] = dirs as [string, string, string];
  let ok = false;
  try {
    c = await startCollector(dataDir);
    live.add(c);
    const agentId = await enrollAgent(c, stateDir);
    const config = join(stateDir, 'agent.yaml');
    writeFileSync(config, [
      'sensors:',
      '  process:',
      '    mode: netlink',
      '  file:',
      `    paths: [${watched}]`,
      '  login:',
      '    enabled: false',
    ].join('\n'));
    agent = startAgent(stateDir, ['--config', config, '--log-level', 'warn']);
    live.add(agent);
    const cc = c;
    await waitFor('the agent online', async () => (await api(cc, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 30_000);
    await new Promise((r) => setTimeout(r, 1500)); // sensors started
    const out = await work({ c, agent, agentId, stateDir });
    ok = true;
    return out;
  } finally {
    if (agent) { await agent.stop(); live.delete(agent); }
    if (c) { await c.stop(); live.delete(c); }
    // kept when the phase failed, for the collector's and agent's logs
    if (ok) for (const d of dirs) rmSync(d, { recursive: true, force: true });
    else console.error(`collector-side phase failed; logs kept in ${dataDir} and ${stateDir}`);
  }
}

async function count(s: CollectorStack, query: string): Promise<number> {
  const r = await api<{ count: number }>(s.c, `/api/v1/events/count?agent.id=${s.agentId}&${query}`);
  if (r.status !== 200) throw new Error(`count failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.count;
}

/** Batches the agent has spooled and the collector has not acked yet. */
export function spooledBatches(s: CollectorStack): number {
  try {
    return readdirSync(`${s.stateDir}/spool`).filter((n) => n.endsWith('.batch')).length;
  } catch {
    return 0;
  }
}

/**
 * Waits until the agent's spool is empty (every batch acked, so committed) and its
 * process_started events for `true` since `from` stop rising (unchanged for `quietMs`), or
 * `expected` of them are in, bounded by `maxMs`. On a saturated host the collector can pause for
 * seconds while the agent still holds a backlog: a count that stopped rising alone is not the end.
 */
export async function settle(s: CollectorStack, from: number, expected: number, maxMs: number, quietMs = 3000): Promise<{ waitedMs: number; settled: boolean; spooled: number }> {
  const t0 = Date.now();
  const q = `process.name=true&event.action=process_started&from=${from}`;
  let last = -1;
  let stableSince = Date.now();
  let spooled = spooledBatches(s);
  while (Date.now() - t0 < maxMs) {
    const n = await count(s, q);
    spooled = spooledBatches(s);
    if (n !== last) { last = n; stableSince = Date.now(); }
    if (n >= expected && Date.now() - stableSince >= 1000) return { waitedMs: Date.now() - t0, settled: true, spooled };
    if (spooled === 0 && Date.now() - stableSince >= quietMs) return { waitedMs: Date.now() - t0, settled: true, spooled };
    await new Promise((r) => setTimeout(r, 500));
  }
  return { waitedMs: Date.now() - t0, settled: false, spooled };
}

export interface CollectorCount {
  /** distinct markers whose process_started carried the full command line `/bin/true MARKER-N` */
  withCmd: number;
  /** process_started events of `true` with one of the markers in the args but not the full command line */
  partial: number;
  /** process_started events of `true` in the window with no args / command line (exited before /proc was read; marker unknown) */
  noCmd: number;
  /** sensor_gap notices that reached the collector, and the sum of their counts */
  gaps: number;
  gapCount: number;
}

/** Pages through GET /api/v1/events (cursor) and counts the markers in `process.args`. */
export async function countAtCollector(s: CollectorStack, marker: string, from: number): Promise<CollectorCount> {
  const seen = new Set<string>();
  let partial = 0;
  let noCmd = 0;
  let cursor: string | undefined;
  do {
    const r: { status: number; body: any } = await api(s.c, `/api/v1/events?agent.id=${s.agentId}&process.name=true&event.action=process_started&from=${from}&limit=10000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200) throw new Error(`events page failed: ${r.status} ${JSON.stringify(r.body)}`);
    for (const e of r.body.events as Record<string, unknown>[]) {
      const args = e['process.args'];
      if (!Array.isArray(args) || args.length === 0) {
        if (!e['process.command_line']) noCmd++;
        continue;
      }
      const m = args.find((a): a is string => typeof a === 'string' && a.startsWith(`${marker}-`));
      if (!m) continue;
      if (args.length === 2 && args[0] === '/bin/true' && e['process.command_line'] === `/bin/true ${m}`) seen.add(m);
      else partial++;
    }
    cursor = r.body.next_cursor;
  } while (cursor);
  let gaps = 0;
  let gapCount = 0;
  cursor = undefined;
  do {
    const r: { status: number; body: any } = await api(s.c, `/api/v1/events?agent.id=${s.agentId}&event.action=sensor_gap&from=${from}&limit=10000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200) throw new Error(`events page failed: ${r.status} ${JSON.stringify(r.body)}`);
    for (const e of r.body.events as Record<string, unknown>[]) {
      gaps++;
      gapCount += Number(e['event.count'] ?? 0);
    }
    cursor = r.body.next_cursor;
  } while (cursor);
  return { withCmd: seen.size, partial, noCmd, gaps, gapCount };
}
