// bench:agent, the packaged agent next to the unpackaged one: size on disk, cold start of
// `--version`, time from start to the first connection (the agent's status file says online),
// and idle RSS with the process sensor (netlink) on. The packaged agent is dist/xdr-agent-linux-x64
// from `npm run package`; the unpackaged one is build/xdr-agent.mjs on the Node running this.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, runOk, startCollector, tempDir, type CollectorProcess } from '../e2e/harness.js';

interface Variant {
  label: string;
  cmd: string;
  prefix: string[];
  env: NodeJS.ProcessEnv;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) if (d.isFile()) n += statSync(join(d.parentPath, d.name)).size;
  return n;
}

/** The project's production node_modules, which an unpackaged agent install carries (the collector's among them). */
function prodNodeModulesBytes(): number {
  const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
  const dirs = r.stdout.split('\n').filter((l) => l.startsWith(join(ROOT, 'node_modules/')));
  return dirs.reduce((n, d) => n + dirBytes(d) - (existsSync(join(d, 'node_modules')) ? dirBytes(join(d, 'node_modules')) : 0), 0);
}

function coldVersionMs(v: Variant, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(v.cmd, [...v.prefix, '--version'], { env: v.env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${v.label} --version failed: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Starts `run`, waits until its status file says online; then idles and reads RSS. */
async function connectAndIdle(v: Variant, c: CollectorProcess, idleS: number): Promise<{ connectMs: number; rssMb: number }> {
  const state = tempDir('bench-pkg-state');
  const token = JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--json'])).token;
  const enrolled = spawnSync(v.cmd, [...v.prefix, 'enroll', '--collector', c.agentUrl, '--token', token, '--fingerprint', c.fingerprint, '--state', state, '--json'], { env: v.env, encoding: 'utf8' });
  if (enrolled.status !== 0) throw new Error(`${v.label} enroll failed: ${enrolled.stderr}`);
  const config = join(state, 'agent.yaml');
  writeFileSync(config, 'sensors:\n  file: { enabled: false }\n  network: { enabled: false }\n  login: { enabled: false }\n');
  const t0 = Date.now();
  const agent: ChildProcess = spawn(v.cmd, [...v.prefix, 'run', '--state', state, '--config', config, '--log-level', 'warn'], { env: v.env, stdio: 'ignore' });
  try {
    let connectMs = NaN;
    while (Date.now() - t0 < 30_000) {
      try {
        if (JSON.parse(readFileSync(join(state, 'status.json'), 'utf8')).connection === 'online') {
          connectMs = Date.now() - t0;
          break;
        }
      } catch {
        // not written yet
      }
      await sleep(5);
    }
    await sleep(idleS * 1000);
    return { connectMs, rssMb: rssMb(agent.pid!) };
  } finally {
    agent.kill('SIGTERM');
    await new Promise((r) => agent.once('exit', r));
    rmSync(state, { recursive: true, force: true });
  }
}

export async function packageBench(opts: { idleS: number; runs?: number }): Promise<void> {
  const binary = join(ROOT, 'dist/xdr-agent-linux-x64');
  console.log('\npackaged agent (dist/xdr-agent-linux-x64) next to the unpackaged one (build/xdr-agent.mjs on this Node)');
  if (!existsSync(binary)) {
    console.log('  skipped: dist/xdr-agent-linux-x64 is missing; run npm run package first');
    return;
  }
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const deb = join(ROOT, `dist/xdr-agent_${version}_amd64.deb`);
  const packaged: Variant = { label: 'packaged', cmd: binary, prefix: [], env: {} };
  const unpackaged: Variant = { label: 'unpackaged', cmd: process.execPath, prefix: [BIN.agent], env: { PATH: process.env.PATH } };
  const runs = opts.runs ?? 10;

  console.log(`  size           : packaged ${mb(statSync(binary).size)} one file${existsSync(deb) ? ` (.deb ${mb(statSync(deb).size)})` : ''}; unpackaged ${mb(statSync(BIN.agent).size)} bundle + ${mb(prodNodeModulesBytes())} production node_modules + Node ${process.version} ${mb(statSync(process.execPath).size)}`);
  const vp = coldVersionMs(packaged, runs);
  const vu = coldVersionMs(unpackaged, runs);
  console.log(`  --version      : packaged ${vp.toFixed(0)} ms, unpackaged ${vu.toFixed(0)} ms (median of ${runs} cold starts)`);
  const c = await startCollector(tempDir('bench-pkg-collector'));
  try {
    const p = await connectAndIdle(packaged, c, opts.idleS);
    const u = await connectAndIdle(unpackaged, c, opts.idleS);
    console.log(`  first connection: packaged ${p.connectMs} ms, unpackaged ${u.connectMs} ms (start to online, process sensor on)`);
    console.log(`  idle RSS       : packaged ${p.rssMb.toFixed(0)} MB, unpackaged ${u.rssMb.toFixed(0)} MB (after ${opts.idleS} s connected, process sensor on)`);
  } finally {
    await c.stop();
    rmSync(c.dataDir, { recursive: true, force: true });
  }
}
