// npm run bench:agent [-- --short]  (needs root, as the agent does in production)
//
// Measures the agent's sensors at their emit and, for exec capture, at the collector too.
//   at the emit: the sensors run in their own process (the harness, the same code the agent
//                runs), every event is encoded with the wire codec as the transport would, and
//                the processes this benchmark starts are counted when their START event carries
//                the full command line.
//   at the collector: a real collector and a real enrolled agent (test/bench/agent-collector.ts,
//                started as test/e2e/sensors.test.ts does) run the same phase again; once the
//                counts stop rising, process_started events are read back through the REST API
//                (GET /api/v1/events, cursor paging) and counted when `process.args` holds the
//                marker and the command line is the full `/bin/true MARKER-N`.
//   exec capture: a burst of 2,000 `/bin/true marker-N` from a shell loop, netlink and polling
//                 fallback side by side at the emit, netlink at the collector; then a steady
//                 1,000 execs/s for 60 s (--short: 10 s), at the emit and at the collector.
//   overhead:     CPU (% of one core) and peak RSS of the sensor process at idle and during
//                 200 execs/s for 60 s (--short: 10 s), all sensors on with default config.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { startHarness, type Harness } from '../../agent/src/sensors/testing/run-harness.js';
import { countAtCollector, settle, withCollectorStack, type CollectorCount } from './agent-collector.js';
import { packageBench } from './package-bench.js';

const argv = process.argv.slice(2);
const short = argv.includes('--short');
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
// --only burst,steady,overhead,package (default: all); --seconds N overrides the phase length;
// --no-collector skips the runs through a real agent and collector. The overhead phase's parts
// can be run alone: overhead-process, overhead-default, overhead-quiet (all sensors with private,
// empty scratch directories), overhead-notmp; --counters prints the file and network sensors'
// counters after each overhead part.
const only = new Set((opt('only') ?? 'burst,steady,overhead,package').split(','));
const withCollector = !argv.includes('--no-collector');
const showCounters = argv.includes('--counters');
const STEADY_S = Number(opt('seconds') ?? (short ? 10 : 60));
const BURST = 2000;

if (process.getuid?.() !== 0) {
  console.error('bench:agent needs root (the netlink process connector needs CAP_NET_ADMIN)');
  process.exit(1);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.on('exit', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

/** Paced exec generator (test/bench/agent-pacer.c): posix_spawn of /bin/true MARKER-N at a steady rate. */
const PACER = 'build/run/agent-pacer';
const built = await run('cc', ['-O2', '-o', PACER, 'test/bench/agent-pacer.c']);
if (built.code !== 0) {
  console.error('could not compile test/bench/agent-pacer.c with cc');
  process.exit(1);
}
function pace(marker: string, rate: number, seconds: number, pidsFile?: string): Promise<{ code: number; stdout: string }> {
  return run(PACER, [marker, String(rate), String(seconds), rate > 300 ? '2' : '1', ...(pidsFile ? [pidsFile] : [])]);
}
/** "spawned elapsed failed" from the pacer, as words. */
function pacerLine(out: string): string {
  const [spawned, secs, failed] = out.trim().split(' ');
  return `${spawned} execs in ${secs} s${Number(failed) ? `, ${failed} spawns FAILED (not execs)` : ''}`;
}
const spawnedOf = (out: string): number => Number(out.trim().split(' ')[0]);

/** Distinct markers whose START carried the exact command line `/bin/true MARKER-N`. */
function captured(h: Harness, marker: string): number {
  const seen = new Set<string>();
  for (const ev of h.events) {
    const p = ev.process?.process;
    if (ev.process?.action !== 1 || !p?.args) continue;
    const m = p.args.find((a) => a.startsWith(`${marker}-`));
    if (m && p.args.length === 2 && p.args[0] === '/bin/true') seen.add(m);
  }
  return seen.size;
}

function procCpuTicks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').slice(readFileSync(`/proc/${pid}/stat`, 'utf8').lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime
}
function procHwmMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}
function procRssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function measure(h: Harness, work: () => Promise<unknown>): Promise<{ cpuPct: number; peakRssMb: number; seconds: number }> {
  const t0 = Date.now();
  const c0 = procCpuTicks(h.pid);
  let peak = procRssMb(h.pid);
  const timer = setInterval(() => (peak = Math.max(peak, procRssMb(h.pid))), 200);
  await work();
  clearInterval(timer);
  const seconds = (Date.now() - t0) / 1000;
  const cpuPct = ((procCpuTicks(h.pid) - c0) / 100 / seconds) * 100;
  return { cpuPct, peakRssMb: peak, seconds };
}

interface Capture {
  withCmd: number;
  /** execs reported without a command line (the process had exited before it was read); includes other activity on the host */
  noCmd: number;
  lost: number;
  gaps: number;
}

async function capture(mode: 'netlink' | 'poll', work: (marker: string) => Promise<unknown>, h0?: Harness): Promise<Capture & { ms: number; counters: Record<string, number | undefined> }> {
  const marker = `xb${randomUUID().slice(0, 8)}`;
  const h = h0 ?? (await startHarness({ quiet: true, match: marker, sensors: { process: { mode }, file: { enabled: false }, network: { enabled: false }, login: { enabled: false } } }));
  const t0 = Date.now();
  await work(marker);
  const ms = Date.now() - t0;
  await sleep(mode === 'poll' ? 2500 : 1000);
  const withCmd = captured(h, marker);
  const stats = (await h.stop()).stats;
  const c = stats.sensors.process.counters;
  return { withCmd, noCmd: c.noCmdline ?? 0, lost: stats.sensors.process.lost, gaps: h.events.filter((e) => e.notice?.code === 'sensor_gap').length, ms, counters: c };
}

/** The native readers' counters (absent from builds before the reader pool). */
function readerLine(c: Record<string, number | undefined>): string {
  if (c.readers === undefined) return 'reader pool: none (single reader build)';
  return `reader pool: ${c.readers} readers (${c.realtimeReaders ?? 0} realtime), at most ${c.readersBusyMax ?? 0} reading at once, `
    + `${c.readsOutOfOrder ?? 0} reads completed past an older one still reading, read queue max ${c.readQueueMax ?? 0}, pending records max ${c.pendingMax ?? 0}; `
    + `exec event to receiver > 1 ms: ${c.receiveOver1ms ?? 0} (max ${((c.receiveMaxUs ?? 0) / 1000).toFixed(1)} ms), receiver to reader > 1 ms: ${c.handoffOver1ms ?? 0} (max ${((c.handoffMaxUs ?? 0) / 1000).toFixed(1)} ms); `
    + `committed without waiting longer: ${c.execStuck ?? 0} unread (counted at the sensor: ${c.stuckRead ?? 0}), ${c.execUnfinished ?? 0} read but unfinished; late reads ${c.lateReads ?? 0}; pending ring drops ${c.pendingDropped ?? 0}; `
    + `reads by the receiver ${c.receiverReads ?? 0}, the pool ${c.readerReads ?? 0}, `
    + (c.execThread
      ? `the exec thread ${c.execThreadReads ?? 0} (seen before the receiver) + ${c.execThreadTookQueued ?? 0} (queued, no reader yet); it skipped ${c.execThreadSkipped ?? 0} already taken, `
        + `${c.execThreadNoSlot ?? 0} for want of a slot, read ${c.orphanReads ?? 0} orphans, saw ${c.execSocketOther ?? 0} other messages, its socket overflowed ${c.execSocketEnobufs ?? 0} times`
      : 'no exec thread');
}

function pct(n: number, of: number, digits = 2): string {
  return `${((n / of) * 100).toFixed(digits)}%`;
}

function machine(): string {
  const c = cpus();
  return `${c.length} x ${c[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start`;
}

console.log(`agent sensors benchmark${short ? ' (--short)' : ''} on ${machine()}`);
console.log("measured at the sensors' emit (events encoded with the wire codec, no transport, no collector) and, for exec capture, at the collector's API (real agent, real collector)\n");

/** One exec-capture phase through a real agent and collector, counted at the API. */
async function atCollector(work: (marker: string) => Promise<unknown>, expected: number): Promise<CollectorCount & { ms: number; waitedMs: number; settled: boolean; spooled: number }> {
  return withCollectorStack(async (s) => {
    const marker = `xc${randomUUID().slice(0, 8)}`;
    const from = Date.now() - 5000;
    const t0 = Date.now();
    await work(marker);
    const ms = Date.now() - t0;
    const w = await settle(s, from, expected, 300_000);
    return { ...(await countAtCollector(s, marker, from)), ms, ...w };
  });
}
function collectorLine(r: CollectorCount & { ms: number; waitedMs: number; settled: boolean; spooled: number }, expected: number, digits: number): string {
  return `  at the collector: ${r.withCmd.toLocaleString('en-US')} / ${expected.toLocaleString('en-US')} (${pct(r.withCmd, expected, digits)}) with full command line (netlink, real agent -> collector, read back through GET /api/v1/events); `
    + `phase took ${r.ms} ms; counts stopped rising with the agent's spool empty ${(r.waitedMs / 1000).toFixed(1)} s after it${r.settled ? '' : ` (NOT settled: bounded wait ran out, ${r.spooled} batches still spooled)`}; `
    + `marker execs without the full command line ${r.partial}; execs of true without command line ${r.noCmd}; sensor_gap notices at the collector ${r.gaps} (count ${r.gapCount})`;
}

// 1. exec capture: burst
const shellBurst = (marker: string) => run('/bin/sh', ['-c', `i=0; while [ $i -lt ${BURST} ]; do /bin/true ${marker}-$i; i=$((i+1)); done`]);
if (only.has('burst')) {
  const nl = await capture('netlink', shellBurst);
  const po = await capture('poll', shellBurst);
  console.log(`exec capture, burst of ${BURST} /bin/true MARKER-N from a shell loop (target >= 99.9%)`);
  console.log(`  netlink : ${nl.withCmd}/${BURST} with full command line (${pct(nl.withCmd, BURST)}); burst took ${nl.ms} ms (${Math.round(BURST / (nl.ms / 1000))} execs/s); execs seen without command line ${nl.noCmd}; lost-and-counted ${nl.lost} in ${nl.gaps} gap notices`);
  console.log(`            ${readerLine(nl.counters)}`);
  console.log(`  polling : ${po.withCmd}/${BURST} with full command line (${pct(po.withCmd, BURST)}); burst took ${po.ms} ms`);
  if (withCollector) console.log(collectorLine(await atCollector(shellBurst, BURST), BURST, 2));
}

// 2. exec capture: steady 1,000 execs/s
if (only.has('steady')) {
  const marker = `xs${randomUUID().slice(0, 8)}`;
  const pidsFile = `build/run/agent-pacer-${marker}.pids`;
  const h = await startHarness({ quiet: true, match: marker, sensors: { file: { enabled: false }, network: { enabled: false }, login: { enabled: false } } });
  let paced = '';
  const m = await measure(h, async () => (paced = (await pace(marker, 1000, STEADY_S, pidsFile)).stdout.trim()));
  await sleep(1000);
  const withCmd = captured(h, marker);
  const expected = spawnedOf(paced);
  const st = (await h.stop()).stats;
  const c = st.sensors.process.counters;
  console.log(`\nexec capture, steady 1,000 execs/s for ${STEADY_S} s (pacer: ${pacerLine(paced)}; target: none lost)`);
  console.log(`  netlink : ${withCmd}/${expected} with full command line (${pct(withCmd, expected, 3)}); sensor CPU ${m.cpuPct.toFixed(1)}% of one core, peak RSS ${m.peakRssMb.toFixed(0)} MB`);
  console.log(`            ${traceMissed(h, marker, pidsFile)}`);
  console.log(`            counted by the sensor: starts without command line ${c.noCmdline ?? 0} (the process had exited: ${c.exitedBeforeRead ?? 0}, was reaped: ${c.reapedBeforeRead ?? 0}; cmdline read > 1 ms after exec: ${c.execReadOver1ms ?? 0}, max ${((c.execReadMaxUs ?? 0) / 1000).toFixed(1)} ms; reads that took > 1 ms: ${c.slowReads ?? 0}, max ${((c.slowReadMaxUs ?? 0) / 1000).toFixed(1)} ms), lost ${st.sensors.process.lost}, gap notices ${h.events.filter((e) => e.notice?.code === 'sensor_gap').length} (sum ${h.events.reduce((n, e) => n + (e.notice?.code === 'sensor_gap' ? Number(e.notice.count ?? 0) : 0), 0)}), kernel ENOBUFS ${c.enobufs ?? 0}, queue drops ${c.queueDropped ?? 0}, reader realtime priority ${c.realtimePriority ?? 0}`);
  console.log(`            ${readerLine(c)}`);
  const gapMessages = [...new Set(h.events.flatMap((e) => (e.notice?.code === 'sensor_gap' && e.notice.message ? [e.notice.message] : [])))];
  if (gapMessages.length) console.log(`            gap notices said: ${gapMessages.slice(0, 3).join(' | ')}`);
  rmSync(pidsFile, { force: true });
  if (withCollector) {
    let pacedC = '';
    const rc = await atCollector(async (mk) => (pacedC = (await pace(mk, 1000, STEADY_S)).stdout.trim()), expected);
    console.log(`${collectorLine(rc, spawnedOf(pacedC), 3)}; pacer: ${pacerLine(pacedC)}`);
  }
}

/**
 * For the markers that did not arrive with their command line: was a START seen for their pid
 * (without command line: the process was gone before /proc could be read), or nothing at all?
 */
function traceMissed(h: Harness, marker: string, pidsFile: string): string {
  const got = new Set<string>();
  for (const ev of h.events) for (const a of ev.process?.process?.args ?? []) if (a.startsWith(`${marker}-`)) got.add(a);
  const bare = new Map<number, number>();
  for (const ev of h.events) {
    const p = ev.process?.process;
    if (ev.process?.action === 1 && !p?.args?.length && p?.pid) bare.set(Number(p.pid), (bare.get(Number(p.pid)) ?? 0) + 1);
  }
  let missed = 0;
  let bareStart = 0;
  let examples: string[] = [];
  for (const line of readFileSync(pidsFile, 'utf8').split('\n')) {
    const [m, pid] = line.split(' ');
    if (!m || got.has(m)) continue;
    missed++;
    if (bare.has(Number(pid))) bareStart++;
    else if (examples.length < 5) examples.push(`${m} (pid ${pid})`);
  }
  return `missed ${missed}: ${bareStart} arrived as a START without command line, ${missed - bareStart} with no START for their pid${examples.length ? ` (e.g. ${examples.join(', ')})` : ''}`;
}

// 3. overhead
async function overhead(label: string, sensors: unknown, privateScratch = false): Promise<void> {
  const marker = `xo${randomUUID().slice(0, 8)}`;
  const h = await startHarness({ quiet: true, match: marker, sensors, privateScratch });
  await sleep(2000); // initial scans done
  const e0 = h.lastStats?.events ?? 0;
  const idle = await measure(h, () => sleep(STEADY_S * 1000));
  const background = ((h.lastStats?.events ?? 0) - e0) / idle.seconds;
  let paced = '';
  const load = await measure(h, async () => (paced = (await pace(marker, 200, STEADY_S)).stdout));
  await sleep(500);
  const withCmd = captured(h, marker);
  const hwm = procHwmMb(h.pid);
  const st = (await h.stop()).stats;
  const modes = Object.entries(st.sensors).map(([k, v]) => `${k}: ${v.mode || v.state}`).join(', ');
  console.log(`\noverhead, ${label} (${modes})`);
  console.log(`  idle ${STEADY_S} s        : CPU ${idle.cpuPct.toFixed(2)}% of one core, peak RSS ${idle.peakRssMb.toFixed(0)} MB (targets < 1%, < 80 MB); background activity on this host: ${background.toFixed(1)} events/s`);
  console.log(`  200 execs/s, ${STEADY_S} s : CPU ${load.cpuPct.toFixed(2)}% of one core, peak RSS ${load.peakRssMb.toFixed(0)} MB (target < 10%); ${withCmd}/${200 * STEADY_S} captured with command line (pacer: ${pacerLine(paced)}); VmHWM ${hwm.toFixed(0)} MB`);
  if (showCounters) {
    for (const name of ['file', 'network'] as const) {
      const s = st.sensors[name];
      if (s.state !== 'disabled') console.log(`  ${name} counters: ${Object.entries(s.counters).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  }
}
const off = { enabled: false };
if (only.has('overhead') || only.has('overhead-process')) await overhead('process sensor only', { file: off, network: off, login: off });
if (only.has('overhead') || only.has('overhead-default')) await overhead('all sensors, default config', {});
// The same, with empty private /tmp, /var/tmp and /dev/shm (a mount namespace): on this shared
// machine other sessions' files churn in /tmp, which is their activity, not an idle host's.
if (only.has('overhead') || only.has('overhead-quiet')) await overhead('all sensors, default config, private empty /tmp, /var/tmp, /dev/shm', {}, true);
if (only.has('overhead') || only.has('overhead-notmp')) {
  // /tmp and /var/tmp on a busy build host change constantly; the same without them shows what that costs.
  await overhead('all sensors, file paths without /tmp and /var/tmp', {
    file: { paths: ['/etc', '/root/.ssh', '/home/*/.ssh', '/dev/shm', '/var/spool/cron', '/etc/cron*', '/etc/systemd/system', '/usr/local/bin', '/var/www', '/etc/ld.so.preload'] },
  });
}
// 4. the packaged agent (dist/xdr-agent-linux-x64) next to the unpackaged one
if (only.has('package')) await packageBench({ idleS: short ? 5 : 15 });
