// npm run bench:agent [-- --short]  (needs root, as the agent does in production)
//
// Measures the agent's sensors at their emit (the collector side is measured separately): the
// sensors run in their own process (the harness, the same code the agent runs), every event is
// encoded with the wire codec as the transport would, and the processes this benchmark starts
// are counted when their START event carries the full command line.
//   exec capture: a burst of 2,000 `/bin/true marker-N` from a shell loop, netlink and polling
//                 fallback side by side; then a steady 1,000 execs/s for 60 s (--short: 10 s).
//   overhead:     CPU (% of one core) and peak RSS of the sensor process at idle and during
//                 200 execs/s for 60 s (--short: 10 s), all sensors on with default config.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem, release } from 'node:os';
import { readFileSync } from 'node:fs';
import { startHarness, type Harness } from '../../agent/src/sensors/testing/run-harness.js';

const short = process.argv.includes('--short');
const STEADY_S = short ? 10 : 60;
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

/** Paced exec generator: posix_spawn of /bin/true MARKER-N at `rate` per second for `seconds`. */
const PACER = String.raw`
import os, sys, time
marker, rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
n, t0, live = 0, time.monotonic(), 0
total = int(rate * seconds)
while n < total:
    due = int((time.monotonic() - t0) * rate) + 1
    while n < min(due, total):
        os.posix_spawn('/bin/true', ['/bin/true', '%s-%d' % (marker, n)], os.environ)
        n += 1; live += 1
    while live:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            live = 0; break
        if pid == 0: break
        live -= 1
    time.sleep(0.002)
while live:
    os.waitpid(-1, 0); live -= 1
print(n, round(time.monotonic() - t0, 3))
`;

function captured(h: Harness, marker: string): { withCmd: number; total: number } {
  const seen = new Set<string>();
  const any = new Set<string>();
  for (const ev of h.events) {
    const args = ev.process?.process?.args;
    if (ev.process?.action !== 1 || !args) continue;
    const m = args.find((a) => a.startsWith(`${marker}-`));
    if (!m) continue;
    any.add(m);
    if (args.length === 2 && args[0] === '/bin/true') seen.add(m);
  }
  return { withCmd: seen.size, total: any.size };
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

async function burst(mode: 'netlink' | 'poll'): Promise<{ withCmd: number; total: number; ms: number; lost: number; gaps: number }> {
  const marker = `xb${randomUUID().slice(0, 8)}`;
  const h = await startHarness({ quiet: true, match: marker, sensors: { process: { mode }, file: { enabled: false }, network: { enabled: false }, login: { enabled: false } } });
  const t0 = Date.now();
  await run('/bin/sh', ['-c', `i=0; while [ $i -lt ${BURST} ]; do /bin/true ${marker}-$i; i=$((i+1)); done`]);
  const ms = Date.now() - t0;
  await sleep(mode === 'poll' ? 2500 : 1000);
  const r = captured(h, marker);
  const stats = (await h.stop()).stats;
  const gaps = h.events.filter((e) => e.notice?.code === 'sensor_gap').length;
  return { ...r, ms, lost: stats.sensors.process.lost, gaps };
}

function machine(): string {
  const c = cpus();
  return `${c.length} x ${c[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}, Node ${process.version}`;
}

console.log(`agent sensors benchmark${short ? ' (--short)' : ''} on ${machine()}`);
console.log('measured at the sensors\' emit (events encoded with the wire codec; no transport, no collector)\n');

// 1. exec capture, burst
const nl = await burst('netlink');
const po = await burst('poll');
console.log(`exec capture, burst of ${BURST} /bin/true from a shell loop`);
console.log(`  netlink : ${nl.withCmd}/${BURST} with full command line (${((nl.withCmd / BURST) * 100).toFixed(2)}%), ${nl.total} seen at all, burst took ${nl.ms} ms (${Math.round(BURST / (nl.ms / 1000))} execs/s), lost-and-counted ${nl.lost}, gap notices ${nl.gaps}`);
console.log(`  polling : ${po.withCmd}/${BURST} with full command line (${((po.withCmd / BURST) * 100).toFixed(2)}%), burst took ${po.ms} ms`);

// 2. steady 1,000 execs/s
{
  const marker = `xs${randomUUID().slice(0, 8)}`;
  const h = await startHarness({ quiet: true, match: marker, sensors: { file: { enabled: false }, network: { enabled: false }, login: { enabled: false } } });
  const m = await measure(h, () => run('python3', ['-c', PACER, marker, '1000', String(STEADY_S)]).then((r) => console.log(`\nsteady: pacer ran ${r.stdout.trim().replace(' ', ' execs in ')} s`)));
  await sleep(1000);
  const r = captured(h, marker);
  const expected = 1000 * STEADY_S;
  const stats = (await h.stop()).stats;
  console.log(`exec capture, steady 1,000 execs/s for ${STEADY_S} s: ${r.withCmd}/${expected} with full command line (${((r.withCmd / expected) * 100).toFixed(3)}%), ${expected - r.total} missing entirely, lost-and-counted ${stats.sensors.process.lost}; sensor CPU ${m.cpuPct.toFixed(1)}% of one core, peak RSS ${m.peakRssMb.toFixed(0)} MB`);
}

// 3. overhead, all sensors with default config
{
  const marker = `xo${randomUUID().slice(0, 8)}`;
  const h = await startHarness({ quiet: true, match: marker, sensors: {} });
  await sleep(2000); // initial scans done
  const idle = await measure(h, () => sleep(STEADY_S * 1000));
  const load = await measure(h, () => run('python3', ['-c', PACER, marker, '200', String(STEADY_S)]));
  await sleep(500);
  const r = captured(h, marker);
  const hwm = procHwmMb(h.pid);
  const st = (await h.stop()).stats;
  console.log(`\noverhead, all sensors on (process: ${st.sensors.process.mode}, file: ${st.sensors.file.mode} on the default paths, network: ${st.sensors.network.mode}, login: ${st.sensors.login.mode})`);
  console.log(`  idle ${STEADY_S} s        : CPU ${idle.cpuPct.toFixed(2)}% of one core, peak RSS ${idle.peakRssMb.toFixed(0)} MB   (targets: < 1%, < 80 MB)`);
  console.log(`  200 execs/s ${STEADY_S} s : CPU ${load.cpuPct.toFixed(2)}% of one core, peak RSS ${load.peakRssMb.toFixed(0)} MB   (target: < 10%); ${r.withCmd}/${200 * STEADY_S} captured with command line`);
  console.log(`  VmHWM over the whole run: ${hwm.toFixed(0)} MB`);
}
