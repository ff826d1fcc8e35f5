// Fallback process sensor when netlink is unavailable (not root, not Linux, no connector): lists
// the pids in /proc every poll_interval_ms and diffs the pid sets. Processes that live shorter
// than the interval (or exit before their /proc entry is read) are never seen; exit codes are
// unknown.
import { wire, type xdr } from '../../../proto/index.js';
import type { ProcessSensorConfig } from './config.js';
import { FileHasher } from './file-hasher.js';
import { OrderedQueue } from './ordered-queue.js';
import { listPids, readProcDetails } from './proc-fs.js';
import type { ProcEntry } from './process-table.js';
import type { Sensor, SensorContext, SensorCounters } from './sensor.js';
import { statSync } from 'node:fs';

const Action = wire.ProcessEvent.Action;

export class PollingProcessSensor implements Sensor {
  readonly name = 'process';
  private timer: NodeJS.Timeout | undefined;
  private known = new Set<number>();
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
    this.known = new Set(listPids());
    this.timer = setInterval(() => this.poll(), this.cfg.poll_interval_ms);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }

  private poll(): void {
    try {
      this.c.polls++;
      const now = Date.now();
      const seen = new Set<number>();
      for (const pid of listPids()) {
        if (this.known.has(pid)) {
          seen.add(pid);
          continue;
        }
        const d = readProcDetails(pid);
        if (!d) continue; // exited between the listing and the read
        seen.add(pid);
        const entry = this.ctx.table.insert(pid, d, true);
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
