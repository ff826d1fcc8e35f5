// npm run bench:detect -- [--events 300000] [--attacks 200] [--background 2000] [--only throughput|latency]
// 1. Events/s through the detection stage on one core (this process, one thread): built-in
//    content + ../shared/sigma + the golden rules loaded, a real SQLite store for the OATs and
//    alerts, a mix of ordinary process, file and network events (normalised by the pipeline's
//    own function) with an attack every 5,000.
//    The engine alone (engine.process) is measured too, to show what the stage adds.
// 2. Event-to-alert latency through the whole collector process: a raw agent sends an attack
//    batch (with background batches from a second agent); the time until the collector's
//    webhook delivers the alert (created or updated) for it. p50/p99 over --attacks.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { attackEvents } from '../../collector/src/detection/alerts/test-attack.js';
import { DetectionStage } from '../../collector/src/detection/detection-stage.js';
import type { EcsEvent } from '../../collector/src/pipeline/ecs.js';
import { normaliseEvent } from '../../collector/src/pipeline/normalise.js';
import { wire, type xdr } from '../../proto/index.js';
import { SqliteStore } from '../../collector/src/store/sqlite-store.js';
import { attackWireEvents } from '../e2e/attack-events.js';
import { BIN, runOk, startCollector, tempDir } from '../e2e/harness.js';
import { enrollRaw, helloRaw, syntheticEvent, type RawAgent } from '../e2e/raw-agent.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '300000' }, attacks: { type: 'string', default: '200' }, background: { type: 'string', default: '2000' }, only: { type: 'string' } } });
const EVENTS = Number(values.events), ATTACKS = Number(values.attacks), BACKGROUND = Number(values.background);
// run from the repository root (npm run); bundled code cannot find these from its own URL
const ROOT = process.cwd();
const GOLDEN = resolve(ROOT, 'test/golden/rules');
const BUILTIN = resolve(ROOT, 'collector/content');
const SIGMA = resolve(ROOT, '../shared/sigma');

function cpuSecs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const CMDS = [
  ['/usr/bin/ls', 'ls -la /var/www'], ['/usr/bin/grep', 'grep -r error /var/log/app'], ['/usr/bin/python3', 'python3 /opt/app/worker.py --queue jobs'],
  ['/usr/sbin/nginx', 'nginx -g daemon off;'], ['/usr/bin/git', 'git pull origin main'], ['/usr/bin/du', 'du -sh /var/lib/db'], ['/usr/bin/cat', 'cat /etc/hostname'],
  ['/usr/bin/node', 'node /srv/api/server.js'], ['/usr/bin/tar', 'tar czf /backup/db.tgz /var/lib/db'], ['/usr/bin/systemctl', 'systemctl status nginx'],
];

// Ordinary events are built as the agent sends them and normalised by the pipeline's own
// function, so that they have the object shapes the detection stage meets in the collector.
// (Built with object spread instead, every event gets a hidden class of its own, and a field read
// costs ~50 times more than on pipeline events: the engine then measures V8's slow path.)
function mix(n: number): EcsEvent[] {
  const out: EcsEvent[] = [];
  const t0 = 1_700_000_000_000;
  const origins = Array.from({ length: 50 }, (_, h) => ({ agentId: `h${h}`, hostId: `h${h}`, hostName: `h${h}`, hostIps: ['10.0.0.5'] }));
  for (let i = 0; i < n; i++) {
    if (i % 5000 === 4999) {
      for (const e of attackEvents({ session: 100_000 + i, t0: t0 + i, host: `h${i % 50}`, idPrefix: `atk${i}` })) out.push(e);
      continue;
    }
    const host = `h${i % 50}`;
    const proc = { entityId: `${host}:${i % 3000}:1`, pid: 1000 + (i % 3000), userName: 'app' };
    const k = i % 10;
    let ev: xdr.v1.IEvent;
    if (k < 6) {
      const [exe, cmd] = CMDS[i % CMDS.length];
      ev = { timeMs: t0 + i, process: { action: wire.ProcessEvent.Action.START, process: {
        ...proc, ppid: 1, name: exe.slice(exe.lastIndexOf('/') + 1), executable: exe, commandLine: `${cmd} ${i % 97}`, args: cmd.split(' '),
        parent: { entityId: `${host}:1:1`, pid: 1, executable: '/bin/bash' },
      } } };
    } else if (k < 8) {
      ev = { timeMs: t0 + i, file: { action: wire.FileEvent.Action.MODIFY, path: `/var/log/app/app-${i % 13}.log`, process: { ...proc, executable: '/usr/bin/node' } } };
    } else {
      ev = { timeMs: t0 + i, network: { action: wire.NetworkEvent.Action.CONNECT, transport: 'tcp', direction: wire.NetworkEvent.Direction.OUTBOUND,
        sourceIp: '10.0.0.5', sourcePort: 40000 + (i % 2000), destinationIp: `10.1.${i % 200}.${i % 250}`, destinationPort: 5432,
        process: { ...proc, executable: '/usr/bin/python3' } } };
    }
    const e = normaliseEvent(ev, origins[i % 50], Math.floor(i / 1000), i % 1000);
    if (typeof e === 'string') throw new Error(e);
    out.push(e);
  }
  return out;
}

async function throughput(): Promise<void> {
  const dirs = [BUILTIN, SIGMA, GOLDEN].filter((d) => existsSync(d));
  const dir = mkdtempSync(join(tmpdir(), 'xdr-bench-detect-'));
  const store = SqliteStore.open(join(dir, 'xdr.db'));
  const t = Date.now();
  const stage = new DetectionStage({ dirs, store, log: pino({ level: 'warn' }), maxQueue: EVENTS * 2 });
  await stage.reloadTuning();
  const r = stage.report;
  console.log(`loaded ${dirs.map((d) => d.replace(ROOT, '.')).join(' + ')}: ${r.loaded.filter} filters, ${r.loaded.rule} rules, ${r.loaded.model} models (${r.unsupported.length} unsupported) in ${Date.now() - t} ms`);
  if (!existsSync(BUILTIN)) console.log('  (collector/content not present yet: built-in content not loaded)');
  const events = mix(EVENTS);

  // warm-up, then the engine alone on a fresh stage (no store writes). CPU time (user + system,
  // all threads of this process) is shown beside wall time: on a shared, busy machine wall time
  // also counts the time other processes held the core.
  const engineOnly = new DetectionStage({ dirs, store, log: pino({ level: 'warn' }) }).engine;
  for (let i = 0; i < 20_000; i++) engineOnly.process(events[i]);
  let c = process.cpuUsage();
  let s = process.hrtime.bigint();
  for (const e of events) engineOnly.process(e);
  const engineRate = events.length / (Number(process.hrtime.bigint() - s) / 1e9);
  const engineCpu = cpuSecs(process.cpuUsage(c));

  c = process.cpuUsage();
  s = process.hrtime.bigint();
  for (let i = 0; i < events.length; i += 1000) stage.enqueue(events.slice(i, i + 1000));
  await stage.idle();
  const secs = Number(process.hrtime.bigint() - s) / 1e9;
  const stageCpu = cpuSecs(process.cpuUsage(c));
  const st = stage.stats();
  const rate = (x: number) => Math.round(events.length / x).toLocaleString('en');
  console.log(`detection stage: ${events.length} events in ${secs.toFixed(2)} s = ${rate(secs)} events/s (one core); per CPU-second ${rate(stageCpu)}`);
  console.log(`  engine alone: ${Math.round(engineRate).toLocaleString('en')} events/s; per CPU-second ${rate(engineCpu)}`);
  console.log(`  OATs ${st.oats}, alerts created ${st.alertsCreated}, updated ${st.alertsUpdated}, shed ${st.shed}, rule errors ${st.engine.ruleErrors}, store writes ${st.writes} (${Math.round(st.writeMs)} ms)`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

async function latency(): Promise<void> {
  const received: Array<{ at: number; firings: number }> = [];
  let notify: (() => void) | undefined;
  const hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      received.push({ at: performance.now(), firings: JSON.parse(Buffer.concat(chunks).toString()).alert.firings });
      res.end();
      notify?.();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const data = tempDir('bench-detect');
  const secret = join(data, 'hook.secret');
  writeFileSync(secret, 'bench-secret-0123456789abcdef');
  const dirs = [SIGMA, GOLDEN].filter((d) => existsSync(d)).flatMap((d) => ['--rules', d]);
  const c = await startCollector(data, ['--log-level', 'warn', ...dirs, '--webhook', `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`, '--webhook-secret-file', secret]);
  const cert = readFileSync(join(c.dataDir, 'tls', 'collector.crt'), 'utf8');
  const token = JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--uses', '2', '--json'])).token;
  const attacker = await helloRaw(c.agentUrl, cert, await enrollRaw(c.agentUrl, cert, token, 'victim'), 'victim');
  const noisy = await helloRaw(c.agentUrl, cert, await enrollRaw(c.agentUrl, cert, token, 'busy'), 'busy');

  // background: BACKGROUND events every 100 ms from another agent, acks drained
  let bgSeq = 0;
  let stop = false;
  const bg = (async (agent: RawAgent) => {
    while (!stop) {
      agent.send({ batch: { seq: ++bgSeq, events: Array.from({ length: BACKGROUND }, (_, n) => syntheticEvent(n, `bg${bgSeq}`)) } });
      await agent.next(30_000);
      await new Promise((r) => setTimeout(r, 100));
    }
  })(noisy);

  const lat: number[] = [];
  for (let i = 0; i < ATTACKS; i++) {
    const events = attackWireEvents(10_000 + i * 10, Date.now());
    const sent = performance.now();
    attacker.send({ batch: { seq: i + 1, events } });
    const deadline = Date.now() + 10_000;
    while (!received.some((x) => x.firings === i + 1)) {
      if (Date.now() > deadline) throw new Error(`no alert for attack ${i + 1} within 10 s`);
      await new Promise<void>((r) => { notify = r; setTimeout(r, 50); });
    }
    lat.push(received.find((x) => x.firings === i + 1)!.at - sent);
    await attacker.next(5_000); // its ack
  }
  stop = true;
  await bg;
  lat.sort((a, b) => a - b);
  console.log(`event-to-alert through the collector (batch sent -> webhook received), ${ATTACKS} attacks with ${BACKGROUND * 10} background events/s:`);
  console.log(`  p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms`);
  attacker.close();
  noisy.close();
  await c.stop();
  hook.close();
}

// --only throughput | latency runs one half (profiling, quick checks)
if (values.only !== 'latency') await throughput();
if (values.only !== 'throughput') await latency();
