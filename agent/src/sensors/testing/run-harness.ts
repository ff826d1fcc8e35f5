// Test/bench helper: bundles harness.ts into build/run/sensor-harness/ with a copy of the native
// addon beside it (so the addon is found the way it is next to build/xdr-agent.mjs, and a rebuild
// of agent/native while a test or benchmark runs does not pull it away), starts it, and collects
// its events.
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import type { xdr } from '../../../../proto/index.js';
import type { SensorStats } from '../index.js';

// This file also runs bundled (build/run/agent-bench.mjs), so the repo root is searched for.
function repoRoot(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); d !== dirname(d); d = dirname(d)) {
    if (existsSync(join(d, 'agent/src/sensors/testing/harness.ts'))) return d;
  }
  return process.cwd();
}
const root = repoRoot();
export const HARNESS_DIR = join(root, 'build/run/sensor-harness');
const ADDON = join(root, 'agent/native/build/Release/xdr_proc.node');

let bundled: Promise<string> | undefined;

export function bundleHarness(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(HARNESS_DIR, { recursive: true });
    // Test files run in parallel and each bundles: write aside, then rename (atomic) into place.
    const outfile = join(HARNESS_DIR, 'sensor-harness.mjs');
    const tmp = `${outfile}.${process.pid}.tmp`;
    await build({
      entryPoints: [join(root, 'agent/src/sensors/testing/harness.ts')], outfile: tmp, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      packages: 'external', logLevel: 'warning', absWorkingDir: root,
    });
    renameSync(tmp, outfile);
    // node-gyp rebuild removes the build dir first: give a rebuild in progress a moment to finish
    for (let i = 0; i < 120 && !existsSync(ADDON); i++) await new Promise((r) => setTimeout(r, 500));
    if (existsSync(ADDON)) {
      const addonTmp = join(HARNESS_DIR, `xdr_proc.node.${process.pid}.tmp`);
      copyFileSync(ADDON, addonTmp);
      renameSync(addonTmp, join(HARNESS_DIR, 'xdr_proc.node'));
    }
    return outfile;
  })();
  return bundled;
}

export interface Harness {
  pid: number;
  events: xdr.v1.IEvent[];
  lastStats?: SensorStats;
  lastRss?: number;
  child: ChildProcess;
  waitFor(pred: (ev: xdr.v1.IEvent) => boolean, timeoutMs?: number, what?: string): Promise<xdr.v1.IEvent>;
  stop(): Promise<{ stats: SensorStats; cpu: NodeJS.CpuUsage; maxRssKb: number }>;
  onEvent?: (ev: xdr.v1.IEvent) => void;
}

export interface HarnessOptions {
  hostId?: string;
  sensors: unknown;
  stateDir?: string;
  quiet?: boolean;
  match?: string;
  /**
   * Runs the harness in a user namespace of its own whose inotify watch limit is this
   * (user.max_inotify_watches is per user namespace): a real ENOSPC without touching the host's sysctls.
   */
  inotifyWatchLimit?: number;
  /**
   * Runs the harness in a mount namespace of its own with empty tmpfs on /tmp, /var/tmp and
   * /dev/shm: the sensors' own idle cost on a shared machine, where other sessions' files churn.
   */
  privateScratch?: boolean;
}

function spawnArgs(argv: string[], inotifyWatchLimit: number | undefined, privateScratch: boolean | undefined): [string, string[]] {
  if (inotifyWatchLimit !== undefined) {
    return ['unshare', ['--user', '--map-root-user', '/bin/sh', '-c', `echo ${Math.floor(inotifyWatchLimit)} > /proc/sys/user/max_inotify_watches && exec "$0" "$@"`, process.execPath, ...argv]];
  }
  if (privateScratch) {
    // unshare without --fork execs, so the measured pid is the harness's
    return ['unshare', ['--mount', '--propagation', 'private', '/bin/sh', '-c',
      'mount -t tmpfs xdr-tmp /tmp && mount -t tmpfs xdr-var-tmp /var/tmp && mount -t tmpfs xdr-shm /dev/shm && exec "$0" "$@"', process.execPath, ...argv]];
  }
  return [process.execPath, argv];
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const file = await bundleHarness();
  const { inotifyWatchLimit, privateScratch, ...config } = opts;
  const [cmd, args] = spawnArgs([file, JSON.stringify(config)], inotifyWatchLimit, privateScratch);
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'], cwd: root });
  const h: Harness = {
    pid: child.pid!,
    events: [],
    child,
    waitFor(pred, timeoutMs = 5000, what = 'event') {
      const found = h.events.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const w = (ev: xdr.v1.IEvent): void => {
          if (!pred(ev)) return;
          clearTimeout(t);
          waiters.delete(w);
          resolve(ev);
        };
        waiters.add(w);
      });
    },
    stop() {
      stopping ??= new Promise((resolve, reject) => {
        stopResolve = resolve;
        child.stdin!.end();
        setTimeout(() => reject(new Error('harness did not stop')), 10_000).unref();
      });
      return stopping;
    },
  };
  const waiters = new Set<(ev: xdr.v1.IEvent) => void>();
  let stopping: ReturnType<Harness['stop']> | undefined;
  let stopResolve: ((v: { stats: SensorStats; cpu: NodeJS.CpuUsage; maxRssKb: number }) => void) | undefined;
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const msg = JSON.parse(line);
    if (msg.ev) {
      h.events.push(msg.ev);
      h.onEvent?.(msg.ev);
      for (const w of [...waiters]) w(msg.ev);
    } else if (msg.ready) {
      h.lastStats = msg.stats;
      readyResolve();
    } else if (msg.stopped) {
      stopResolve?.(msg);
    } else if (msg.stats) {
      h.lastStats = msg.stats;
      h.lastRss = msg.rss;
    }
  });
  await Promise.race([
    ready,
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`harness exited with ${code} before it was ready`)))),
  ]);
  return h;
}
