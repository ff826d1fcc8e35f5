// npm run bench:search -- [--events 10000000] [--runs 25] [--keep DIR]
// (--keep DIR keeps the database; run again with the same DIR to time the queries without re-seeding)
// Seeds N synthetic events (7 days, 100 hosts, process/file/network mix) into a fresh embedded
// store through commitBatches in large groups, catches up the substring index (FTS5 trigram)
// and reports its cost, then times search pages (limit 100 + capped total) for selective
// queries (a host and a process name in an hour) and substring queries on command lines.
// Prints p50/p99 per query kind and the ingest figures with and without the substring index.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EcsEvent } from '../../collector/src/pipeline/ecs.js';
import { parseQuery } from '../../collector/src/search/index.js';
import { SqliteStore } from '../../collector/src/store/sqlite-store.js';
import type { BatchToCommit, SearchRequest } from '../../collector/src/store/store.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '25' },
    keep: { type: 'string' },
  },
});
const N = Number(values.events);
const RUNS = Number(values.runs);
const HOSTS = 100;
const DAYS = 7;
const T0 = Date.parse('2024-05-01T00:00:00Z');
const SPAN = DAYS * 86_400_000;
const BATCH = 500;
const GROUP = 40; // batches per commit: 20,000 events per transaction

const NAMES = ['bash', 'curl', 'sshd', 'python3', 'cron', 'systemd', 'nginx', 'tar', 'sh', 'git', 'node', 'java', 'perl', 'wget', 'rsync', 'sudo'];

/** Deterministic pseudo-random numbers, so that every run seeds the same data. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x1_0000_0000;
  };
}
const rand = rng(42);

/** One event: 50% process, 35% file, 15% network; 1 in 5000 command lines carries "base64 -d". */
function event(n: number): EcsEvent {
  const ts = T0 + Math.floor((n / N) * SPAN);
  const host = Math.floor(rand() * HOSTS);
  const pid = 1000 + Math.floor(rand() * 30_000);
  const name = NAMES[Math.floor(rand() * NAMES.length)]!;
  // entity ids as the agent makes them: start time first (base 36), then host and pid
  const entityId = (start: number, p: number) => `${start.toString(36).padStart(9, '0')}h${host}p${p}`;
  const entity = entityId(ts - (n % 7919), pid);
  const base: EcsEvent = {
    '@timestamp': ts,
    'event.kind': 'event',
    'host.id': `host-${host}`,
    'host.name': `web-${host}.example.internal`,
    'agent.id': `agent-${host}`,
    'process.entity_id': entity,
    'process.pid': pid,
    'process.name': name,
    'process.executable': `/usr/bin/${name}`,
  };
  const r = rand();
  if (r < 0.5) {
    const rare = n % 5000 === 17 ? ` | base64 -d > /tmp/.x${n % 13}` : '';
    return {
      ...base,
      'event.category': 'process',
      'event.type': 'start',
      'event.action': 'exec',
      'process.command_line': `/usr/bin/${name} --job ${n % 1009} --target /srv/data/item-${Math.floor(rand() * 100_000)}${rare}`,
      'process.user.name': host % 3 === 0 ? 'root' : 'www-data',
      'process.parent.entity_id': entityId(ts - 60_000, pid - 1),
      'process.parent.pid': pid - 1,
      'process.parent.name': 'bash',
    };
  }
  if (r < 0.85) {
    const file = `/var/lib/app/${Math.floor(rand() * 5000)}/data-${n % 211}.json`;
    return { ...base, 'event.category': 'file', 'event.type': 'change', 'event.action': 'modified', 'file.path': file, 'file.name': `data-${n % 211}.json` };
  }
  return {
    ...base,
    'event.category': 'network',
    'event.type': 'connection',
    'event.action': 'connect',
    'network.transport': 'tcp',
    'source.ip': `10.0.${host}.${1 + (n % 250)}`,
    'source.port': 30_000 + (n % 30_000),
    'destination.ip': `192.168.${n % 256}.${(n >> 8) % 256}`,
    'destination.port': [443, 80, 22, 5432, 8080][n % 5]!,
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'xdr-bench-search-'));
  const file = join(dir, 'xdr.db');
  console.log(`${cpus().length} x ${cpus()[0]!.model}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`seeding ${N.toLocaleString()} events into ${file} (${BATCH} per batch, ${GROUP} batches per commit)`);
  if (values.keep !== undefined) mkdirSync(dir, { recursive: true });
  const reuse = existsSync(file);
  const store = SqliteStore.open(file);
  let n = reuse ? N : 0;
  if (reuse) console.log('reusing the seeded database');
  const cpu0 = process.cpuUsage();
  let seq = 0;
  const t0 = performance.now();
  let commitMs = 0;
  let lastReport = t0;
  while (n < N) {
    const group: BatchToCommit[] = [];
    for (let g = 0; g < GROUP && n < N; g++) {
      const events: EcsEvent[] = [];
      for (let i = 0; i < BATCH && n < N; i++) events.push(event(n++));
      group.push({ agentId: 'bench', seq: seq++, events });
    }
    const c0 = performance.now();
    await store.commitBatches(group);
    commitMs += performance.now() - c0;
    if (performance.now() - lastReport > 5000 || n === N) {
      lastReport = performance.now();
      console.log(`  ${n.toLocaleString()} events, ${Math.round(n / ((lastReport - t0) / 1000)).toLocaleString()}/s overall, commit-only ${Math.round(n / (commitMs / 1000)).toLocaleString()}/s`);
    }
  }
  const seedS = (performance.now() - t0) / 1000;
  const seedCpu = process.cpuUsage(cpu0);
  if (!reuse) {
    console.log(`seeded in ${seedS.toFixed(0)} s; commitBatches alone ${Math.round(N / (commitMs / 1000)).toLocaleString()} events/s wall; `
      + `${((seedCpu.user + seedCpu.system) / 1e6).toFixed(0)} CPU-s including event generation`);
  }

  // The substring index is caught up outside the ingest transaction; its cost per row is what
  // it would add to ingest if it were maintained inline.
  const i0 = performance.now();
  const icpu0 = process.cpuUsage();
  let indexed = 0;
  let lastIdx = i0;
  for (;;) {
    const k = await store.indexSearchText(200_000);
    indexed += k;
    if (k === 0) break;
    if (performance.now() - lastIdx > 5000) {
      lastIdx = performance.now();
      console.log(`  substring index: ${indexed.toLocaleString()} rows, ${Math.round(indexed / ((lastIdx - i0) / 1000)).toLocaleString()}/s`);
    }
  }
  const idxS = (performance.now() - i0) / 1000;
  const icpu = process.cpuUsage(icpu0);
  if (indexed > 0) {
    console.log(`substring index caught up: ${indexed.toLocaleString()} rows in ${idxS.toFixed(0)} s = ${Math.round(indexed / idxS).toLocaleString()} rows/s wall, `
      + `${Math.round(indexed / ((icpu.user + icpu.system) / 1e6)).toLocaleString()} rows/CPU-s`);
  }
  console.log(`database size ${(statSync(file).size / 2 ** 30).toFixed(2)} GiB`);

  const hour = () => T0 + Math.floor(rand() * (DAYS * 24 - 1)) * 3_600_000;
  const cases: Array<{ label: string; request: () => SearchRequest }> = [
    {
      label: 'selective: host.name:X and process.name:Y, one hour',
      request: () => {
        const from = hour();
        return { query: parseQuery(`host.name:web-${Math.floor(rand() * HOSTS)}.example.internal and process.name:${NAMES[Math.floor(rand() * NAMES.length)]}`), from, to: from + 3_600_000, limit: 100 };
      },
    },
    {
      label: 'selective: host.name:X and event.category:network and destination.port >= 1024, one hour',
      request: () => {
        const from = hour();
        return { query: parseQuery(`host.name:web-${Math.floor(rand() * HOSTS)}.example.internal and event.category:network and destination.port >= 1024`), from, to: from + 3_600_000, limit: 100 };
      },
    },
    {
      label: 'substring (rare, 1 in 10,000): process.command_line:*base64*, all 7 days',
      request: () => ({ query: parseQuery('process.command_line:*base64*'), limit: 100 }),
    },
    {
      label: 'substring (rare) bare word: "base64 -d" and tmp, all 7 days',
      request: () => ({ query: parseQuery('"base64 -d" and tmp'), limit: 100 }),
    },
    {
      label: 'substring (1 in ~2,000 of rows): process.command_line:*item-4242*, all 7 days',
      request: () => ({ query: parseQuery(`process.command_line:*item-${4000 + Math.floor(rand() * 900)}*`), limit: 100 }),
    },
    {
      label: 'substring (frequent, ~1%): process.command_line:*--job 7*, all 7 days',
      request: () => ({ query: parseQuery(`process.command_line:"--job ${10 + Math.floor(rand() * 90)}"`), limit: 100 }),
    },
    {
      label: 'substring on command lines, one hour: process.command_line:*item-42*',
      request: () => {
        const from = hour();
        return { query: parseQuery(`process.command_line:*item-${10 + Math.floor(rand() * 90)}*`), from, to: from + 3_600_000, limit: 100 };
      },
    },
  ];
  for (const c of cases) {
    const times: number[] = [];
    let totals = 0;
    for (let r = 0; r < RUNS; r++) {
      const req = c.request();
      const s0 = performance.now();
      const page = await store.searchEvents(req);
      times.push(performance.now() - s0);
      totals += page.total;
    }
    console.log(`${c.label}\n    p50 ${ms(pct(times, 50))}  p99 ${ms(pct(times, 99))}  (${RUNS} runs, mean total ${Math.round(totals / RUNS)})`);
  }
  await store.close();
  if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
}

await main();
