// Fallback process sensor when netlink is unavailable (not root, not Linux, no connector): lists
// processes with systeminformation every poll_interval_ms and diffs the pid sets. Processes that
// live shorter than the interval are never seen; exit codes are unknown.
import si from 'systeminformation';
import { wire, type xdr } from '../../../proto/index.js';
import type { ProcessSensorConfig } from './config.js';
import { FileHasher } from './file-hasher.js';
import { OrderedQueue } from './ordered-queue.js';
import { readProcDetails, type ProcDetails } from './proc-fs.js';
import type { ProcEntry } from './process-table.js';
import type { Sensor, SensorContext, SensorCounters } from './sensor.js';
import { statSync } from 'node:fs';

const Action = wire.ProcessEvent.Action;

export class PollingProcessSensor implements Sensor {
  readonly name = 'process';
  private timer: NodeJS.Timeout | undefined;
  private known = new Set<number>();
  private running = false;
  private stopped = false;
  private readonly out: OrderedQueue<xdr.v1.IEvent>;
  private readonly hasher: FileHasher;
  private readonly c: SensorCounters = { events: 0, errors: 0, lost: 0, polls: 0, starts: 0, exits: 0 };

  constructor(private readonly cfg: ProcessSensorConfig, private readonly ctx: SensorContext, readonly reason: string) {
    this.hasher = new FileHasher(cfg.hash_max_bytes);
    this.out = new OrderedQueue((ev) => {
      this.c.events++;
      ctx.emit(ev);
    });
  }

  mode(): string {
    return 'poll';
  }

  counters(): SensorCounters {
    return { ...this.c, tableSize: this.ctx.table.size };
  }

  async start(): Promise<void> {
    this.ctx.table.scan();
    const first = await si.processes();
    for (const p of first.list) this.known.add(p.pid);
    this.timer = setInterval(() => void this.poll(), this.cfg.poll_interval_ms);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      const list = (await si.processes()).list;
      if (this.stopped) return;
      this.c.polls++;
      const now = Date.now();
      const seen = new Set<number>();
      for (const p of list) {
        seen.add(p.pid);
        if (this.known.has(p.pid)) continue;
        const d: ProcDetails = readProcDetails(p.pid) ?? {
          ppid: p.parentPid, name: p.name, startTicks: 0, exe: p.path ? `${p.path}/${p.name}` : '',
          args: [p.command, ...(p.params ? p.params.split(' ') : [])].filter(Boolean), cwd: '', uid: undefined,
        };
        const entry = this.ctx.table.insert(p.pid, d, true);
        if (!d.startTicks && p.started) entry.startTimeMs = Date.parse(p.started) || now;
        if (entry.self) continue;
        this.c.starts++;
        this.emitStart(entry);
      }
      for (const pid of this.known) {
        if (seen.has(pid)) continue;
        const entry = this.ctx.table.remove(pid);
        if (!entry || entry.self) continue;
        this.c.exits++;
        this.out.push({ timeMs: now, process: { action: Action.EXIT, process: this.toProcess(entry), exitCodeSet: false } });
      }
      this.known = seen;
    } catch (err) {
      this.c.errors++;
      this.ctx.log.error({ err, sensor: 'process' }, 'process poll failed');
    } finally {
      this.running = false;
    }
  }

  private emitStart(entry: ProcEntry): void {
    const fill = this.out.reserve();
    let key;
    try {
      const st = statSync(`/proc/${entry.pid}/exe`);
      key = { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      key = undefined;
    }
    const hash = key ? this.hasher.hash(`/proc/${entry.pid}/exe`, key) : Promise.resolve('');
    void hash.then((h) =>
      fill({ timeMs: entry.startTimeMs, process: { action: Action.START, process: { ...this.toProcess(entry), hashSha256: h } } }),
    );
  }

  private toProcess(entry: ProcEntry): xdr.v1.IProcess {
    const parent = entry.ppid > 0 ? this.ctx.table.ref(entry.ppid) : undefined;
    return {
      entityId: entry.entityId, pid: entry.pid, ppid: entry.ppid, name: entry.name, executable: entry.exe,
      commandLine: entry.commandLine, args: entry.args, workingDirectory: entry.cwd, userId: entry.uid ?? 0,
      userIdSet: entry.uid !== undefined, userName: this.ctx.users.name(entry.uid), startTimeMs: entry.startTimeMs,
      parent: parent ?? (entry.ppid > 0 ? { pid: entry.ppid } : undefined),
    };
  }
}
