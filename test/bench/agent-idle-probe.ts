import { startHarness } from '../../agent/src/sensors/testing/run-harness.js';
const which = process.argv[2] ?? 'all';
const sensors: Record<string, unknown> = which === 'all' ? {} : { process: { enabled: which === 'process' }, file: { enabled: which === 'file' }, network: { enabled: which === 'network' }, login: { enabled: which === 'login' } };
const h = await startHarness({ quiet: false, match: 'nomatch', sensors });
const t = Date.now();
const read = () => { const f = (require_stat(h.pid)); return f; };
function require_stat(pid: number) { const s = (globalThis as any).fs.readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return Number(f[11]) + Number(f[12]); }
(globalThis as any).fs = await import('node:fs');
await new Promise((r) => setTimeout(r, 3000));
const c0 = read();
await new Promise((r) => setTimeout(r, 8000));
const c1 = read();
console.log(which, 'cpu%', (c1 - c0) / 8, 'rss', h.lastRss! / 1e6, JSON.stringify(h.lastStats!.sensors));
await h.stop();
