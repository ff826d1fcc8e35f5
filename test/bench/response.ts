// npm run bench:response -- [--runs 50] [--only isolate[,...]] [--direct]
// Response latency with real processes: a collector and an agent, each in a network namespace of
// its own (test/e2e/netns.ts; root, ip and nft needed), set up once and shared by every
// measurement. Measurements are entries of MEASUREMENTS: add one by writing a function of the
// BenchEnv that returns its rows.
//
// isolate: from the isolate request to the rules in effect, i.e. the kernel's commit of the table
// `inet xdr_isolation` in the agent's namespace as `nft monitor tables` (started there before
// the runs) reports it, and to the end of the isolate (the action `succeeded` through the API, or
// Isolation.isolate() returning in direct mode), over N runs, each followed by a restore.
// Through the API when the collector serves /api/v1/responses and the built agent carries
// isolation; otherwise directly with the Isolation class in a driver process in the agent's
// namespace, and the output says so (--direct forces that, to separate the agent's share).
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { BIN, ROOT, tempDir, waitFor } from '../e2e/harness.js';
import { runShellBench } from './response-shell.js';
import {
  IsolationDriver, Lab, enrollLabAgent, labApi, netnsSkipReason, startLabAgent, startLabCollector,
  type LabAgent, type LabCollector,
} from '../e2e/netns.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, only: { type: 'string' }, direct: { type: 'boolean' } } });
const RUNS = Number(values.runs);

export interface BenchEnv {
  lab: Lab;
  collector: LabCollector;
  agent: LabAgent;
  agentId: string;
  stateDir: string;
  /** true when POST /api/v1/responses is served and the built agent executes isolate */
  apiMode: boolean;
  runs: number;
}

export interface Row {
  what: string;
  /** milliseconds, one per run */
  samples: number[];
  target?: string;
  note?: string;
}

interface Measurement {
  name: string;
  run(env: BenchEnv): Promise<Row[]>;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Watches table changes in the agent's namespace (`nft monitor tables`, event-driven: the kernel
 * reports the commit) and resolves next() at the next creation of the isolation table.
 */
async function watchTables(lab: Lab): Promise<{ next: () => Promise<number>; stop: () => void }> {
  const proc = lab.spawn('agent', 'nft', ['monitor', 'tables']);
  let waiter: ((at: number) => void) | null = null;
  let seen!: () => void;
  const readyP = new Promise<void>((r) => { seen = r; });
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    const at = performance.now();
    if (line.startsWith('add table inet xdrt_monitor_ready')) seen();
    if (line.startsWith('add table inet xdr_isolation') && waiter) {
      waiter(at);
      waiter = null;
    }
  });
  // the monitor is listening once it reports a table made after it started
  const ready = (table: string) => lab.exec('agent', 'nft', ['-f', '-'], { input: `add table inet ${table}\ndelete table inet ${table}\n` });
  for (let tries = 0; ; tries++) {
    if (tries === 50) throw new Error('nft monitor in the agent namespace reported nothing within 5 s');
    await ready('xdrt_monitor_ready');
    if (await Promise.race([readyP.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 100))])) break;
  }
  return {
    next: () => new Promise<number>((r) => { waiter = r; }),
    stop: () => proc.kill('SIGKILL'),
  };
}

async function apiAction(env: BenchEnv, action: 'isolate' | 'restore'): Promise<{ id: string; done: Promise<number> }> {
  const created = await labApi(env.collector, '/api/v1/responses', { method: 'POST', body: { agent_id: env.agentId, action, params: {}, reason: 'bench' } });
  if (created.status !== 201) throw new Error(`POST /api/v1/responses ${action}: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const done = (async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const r = await labApi(env.collector, `/api/v1/responses/${id}`);
      if (r.body.status === 'succeeded') return performance.now();
      if (['failed', 'expired', 'cancelled'].includes(r.body.status)) throw new Error(`${action} ${id} ${r.body.status}: ${r.body.error}`);
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error(`${action} ${id} did not finish within 30 s`);
  })();
  return { id, done };
}

const isolate: Measurement = {
  name: 'isolate',
  async run(env) {
    const toRules: number[] = [];
    const toDone: number[] = [];
    let driver: IsolationDriver | undefined;
    let bundle: string | undefined;
    if (!env.apiMode) {
      bundle = await IsolationDriver.bundle(ROOT);
      driver = await IsolationDriver.start(env.lab, bundle, env.stateDir, env.collector.agentUrl);
    }
    const monitor = await watchTables(env.lab);
    try {
      for (let i = 0; i < env.runs; i++) {
        const created = monitor.next();
        const t0 = performance.now();
        let done: number;
        if (driver) {
          const r = await driver.call('isolate', {});
          if (!r.ok) throw new Error(`isolate failed: ${r.error}`);
          done = performance.now();
        } else {
          done = await (await apiAction(env, 'isolate')).done;
        }
        const inEffect = await created;
        toRules.push(inEffect - t0);
        toDone.push(done - t0);
        if (driver) {
          const r = await driver.call('restore');
          if (!r.ok) throw new Error(`restore failed: ${r.error}`);
        } else {
          await (await apiAction(env, 'restore')).done;
        }
        await waitFor('the table to go', async () => !(await env.lab.hasTable('agent', 'inet', 'xdr_isolation')), 10_000, 20);
      }
    } finally {
      monitor.stop();
      await driver?.stop();
      if (bundle) rmSync(bundle, { force: true });
    }
    const how = env.apiMode ? 'POST /api/v1/responses' : 'Isolation.isolate() in a driver process in the agent namespace (NOT end to end)';
    return [
      { what: 'isolate: request to rules in effect (nft monitor reports the table)', samples: toRules, target: 'p99 < 1000 ms', note: how },
      { what: env.apiMode ? 'isolate: request to action succeeded (collector verified)' : 'isolate: call to isolate() returned (applied and verified)', samples: toDone, note: how },
    ];
  },
};

// shell: test/bench/response-shell.ts, on loopback with a collector and agent of its own (the target is a loopback figure)
const shell: Measurement = {
  name: 'shell',
  async run() {
    const r = await runShellBench(200);
    return [{ what: 'shell keystroke round trip: one byte in, its echo out (WebSocket -> collector -> agent pty and back)', samples: r.times_ms, target: 'p50 < 50 ms', note: 'loopback, own collector and agent' }];
  },
};

const MEASUREMENTS: Measurement[] = [isolate, shell];

async function main(): Promise<void> {
  const skip = netnsSkipReason();
  if (skip) throw new Error(`bench:response needs network namespaces: ${skip}`);
  const only = values.only?.split(',');
  const chosen = MEASUREMENTS.filter((m) => !only || only.includes(m.name));
  const lab = Lab.create('bench');
  const dataDir = tempDir('bench-resp-collector');
  const stateDir = tempDir('bench-resp-agent');
  try {
    const collector = await startLabCollector(lab, BIN.collector, dataDir);
    const agentId = await enrollLabAgent(lab, collector, BIN, stateDir);
    const agent = await startLabAgent(lab, BIN.agent, stateDir);
    await waitFor('the agent to connect', async () => {
      const r = await labApi(collector, '/api/v1/events/count');
      return r.status === 200 && r.body.count > 0;
    }, 30_000, 200);
    const apiMode = !values.direct && (await labApi(collector, '/api/v1/responses?limit=1')).status === 200 && readFileSync(BIN.agent, 'utf8').includes('xdr_isolation');
    const env: BenchEnv = { lab, collector, agent, agentId, stateDir, apiMode, runs: RUNS };
    console.log(`bench:response: ${RUNS} runs, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, mode: ${apiMode ? 'through the API' : values.direct ? 'direct (--direct)' : 'direct (API not available)'}`);
    console.log('| measurement | runs | p50 ms | p99 ms | max ms | target | how |');
    console.log('|---|---|---|---|---|---|---|');
    for (const m of chosen) {
      for (const row of await m.run(env)) {
        const s = [...row.samples].sort((a, b) => a - b);
        console.log(`| ${row.what} | ${s.length} | ${pct(s, 50).toFixed(1)} | ${pct(s, 99).toFixed(1)} | ${s.at(-1)!.toFixed(1)} | ${row.target ?? ''} | ${row.note ?? ''} |`);
      }
    }
    await agent.stop();
  } finally {
    lab.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

await main();
