import { readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { startHarness } from '../../agent/src/sensors/testing/run-harness.js';
const off = { enabled: false };
const h = await startHarness({ quiet: true, match: process.argv[2] ?? 'zz', sensors: { file: off, network: off, login: off } });
await new Promise((r) => setTimeout(r, 1000));
const threads = () => Object.fromEntries(readdirSync(`/proc/${h.pid}/task`).map((t) => {
  const s = readFileSync(`/proc/${h.pid}/task/${t}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return [`${t}:${s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'))}`, Number(f[11]) + Number(f[12])];
}));
const a = threads();
await new Promise((r) => spawn('build/run/agent-pacer', ['zz', '200', '5'], { stdio: 'inherit' }).on('exit', r));
const b = threads();
for (const k of Object.keys(b)) if (b[k] - (a[k] ?? 0) > 0) console.log(k, ((b[k] - (a[k] ?? 0)) / 5).toFixed(1), '% of a core');
console.log(JSON.stringify(h.lastStats?.sensors.process.counters));
await h.stop();
