// Runs the sensors in a process of their own, as the agent does, and prints every event as a
// JSON line on stdout. Tests and the benchmark start it so that what they do (spawn, connect) is
// not the agent's own activity. argv[2]: JSON { hostId, sensors, stateDir? }. Closing stdin stops it.
import pino from 'pino';
import { getHeapSpaceStatistics } from 'node:v8';
import { wire } from '../../../../proto/index.js';
import { parseSensorsConfig, startSensors } from '../index.js';
import { pinYoungGeneration } from '../../young-generation.js';

// The sensors' heap as in the agent (xdr-agent run does the same first).
pinYoungGeneration();

// match: encode every event with the wire codec (the transport's cost) but print only process
// events whose arguments contain this string, and notices (the benchmark's mode).
const arg = JSON.parse(process.argv[2] ?? '{}') as { hostId?: string; sensors?: unknown; stateDir?: string; quiet?: boolean; match?: string };
const match = arg.match;
let encodedBytes = 0;
const log = pino({ level: arg.quiet ? 'error' : 'info' }, pino.destination(2));
const out: string[] = [];
let flushTimer: NodeJS.Timeout | undefined;
const flush = (): void => {
  flushTimer = undefined;
  if (out.length) process.stdout.write(out.splice(0).join(''));
};
const running = await startSensors(
  parseSensorsConfig(arg.sensors),
  (ev) => {
    if (match !== undefined) {
      encodedBytes += wire.Event.encode(ev).finish().length;
      if (ev.notice) out.push(`${JSON.stringify({ ev: { timeMs: ev.timeMs, notice: ev.notice } })}\n`);
      else if (ev.process?.process?.args?.some((a) => a.includes(match))) {
        // only what the benchmark counts, so printing does not weigh on the figures
        out.push(`${JSON.stringify({ ev: { process: { action: ev.process.action, process: { args: ev.process.process.args } } } })}\n`);
      } else if (ev.process?.action === 1 && !ev.process.process?.args?.length) {
        // a start without command line: pid and name let the benchmark trace a missed marker
        const p = ev.process.process;
        out.push(`${JSON.stringify({ ev: { process: { action: 1, process: { pid: p?.pid, name: p?.name, executable: p?.executable } } } })}\n`);
      } else return;
      // the agent's batcher sends at most once a second; printing more often would be the harness's cost, not the agent's
      if (!flushTimer) flushTimer = setTimeout(flush, 250);
      return;
    }
    out.push(`${JSON.stringify({ ev })}\n`);
    if (!flushTimer) flushTimer = setTimeout(flush, 5);
  },
  log,
  { hostId: arg.hostId ?? 'test-host', stateDir: arg.stateDir },
);
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, stats: running.stats() })}\n`);
const statsTimer = setInterval(() => process.stdout.write(`${JSON.stringify({ stats: running.stats(), rss: process.memoryUsage().rss, encodedBytes })}\n`), 1000);
/** Committed and used bytes of each V8 heap space, for finding where the memory of the sensor process goes. */
function heapSpaces(): Record<string, [number, number]> {
  return Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, [s.space_size, s.space_used_size]]));
}
process.stdin.resume();
process.stdin.on('end', async () => {
  clearInterval(statsTimer);
  await running.stop();
  flush();
  process.stdout.write(`${JSON.stringify({ stopped: true, stats: running.stats(), cpu: process.cpuUsage(), maxRssKb: process.resourceUsage().maxRSS, mem: process.memoryUsage(), heapSpaces: heapSpaces() })}\n`);
  process.exit(0);
});
