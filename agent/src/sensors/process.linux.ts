// Process sensor over the kernel's process connector: every fork, exec and exit, read by the
// native addon's thread. Exec becomes START (with the command line read at exec time), exit
// becomes EXIT for processes whose start was reported or that were running when the agent
// started. A fork without exec is tracked (entity id, parent) but not reported on its own.
// What the sensor misses is said in sensor_gap notices: events the kernel or the queue dropped,
// and starts whose process had exited before the native thread could read its command line.
import { wire, type xdr } from '../../../proto/index.js';
import type { ProcessSensorConfig } from './config.js';
import { FileHasher } from './file-hasher.js';
import type { NativeHandle, ProcAddon } from './native-addon.js';
import { ExecFlags, decodeBatch, hasPacked, type ProcEvent } from './native-batch.js';
import { OrderedQueue } from './ordered-queue.js';
import { joinCommandLine, splitCmdline } from './proc-fs.js';
import { processName, type ProcEntry } from './process-table.js';
import { NOTICE_CODES, notice, type Sensor, type SensorContext, type SensorCounters } from './sensor.js';

const Action = wire.ProcessEvent.Action;

/** The addon's reader counters passed on as they are (an older build has only some of them). */
const READER_COUNTERS = [
  'execs', 'execReadOver1ms', 'execReadMaxUs', 'slowReads', 'slowReadMaxUs', 'readers', 'realtimeReaders', 'readersBusyMax',
  'readsOutOfOrder', 'execStuck', 'execUnfinished', 'lateReads', 'pendingMax', 'readQueueMax', 'pendingDropped',
  'receiveOver1ms', 'receiveMaxUs', 'handoffOver1ms', 'handoffMaxUs',
  // who read each exec: the receiver, the exec thread (opened or taken from the queue), the pool
  'execThread', 'receiverReads', 'execThreadReads', 'execThreadTookQueued', 'readerReads', 'execsInFlight',
  'execThreadSkipped', 'execThreadNoSlot', 'orphanReads', 'execSocketOther', 'execSocketEnobufs',
] as const;

export class NetlinkProcessSensor implements Sensor {
  readonly name = 'process';
  private handle: NativeHandle | undefined;
  private readonly out: OrderedQueue<xdr.v1.IEvent>;
  private readonly hasher: FileHasher;
  private readonly c: SensorCounters = {
    events: 0, errors: 0, lost: 0, gaps: 0, rescans: 0, starts: 0, exits: 0, noCmdline: 0,
    exitedBeforeRead: 0, reapedBeforeRead: 0, stuckRead: 0, emptyArgs: 0, incompleteNotices: 0,
  };
  private gapTimer: NodeJS.Timeout | undefined;
  private gapPending = { count: 0, enobufs: 0, queue: 0, timeMs: 0, errors: 0 };
  private incompletePending = { exited: 0, reaped: 0, stuck: 0, timeMs: 0 };
  private lastRescan = 0;
  private readonly execTicks = new Map<number, number>();

  constructor(private readonly cfg: ProcessSensorConfig, private readonly ctx: SensorContext, private readonly addon: ProcAddon) {
    this.hasher = new FileHasher(cfg.hash_max_bytes);
    this.out = new OrderedQueue((ev) => {
      this.c.events++;
      ctx.emit(ev);
    });
  }

  mode(): string {
    return 'netlink';
  }

  counters(): SensorCounters {
    if (this.handle) {
      const s = this.addon.stats(this.handle);
      this.c.kernelEvents = s.received;
      this.c.enobufs = s.enobufs;
      this.c.queueDropped = s.queueDropped;
      this.c.realtimePriority = s.realtime;
      this.c.rcvbufBytes = s.rcvbuf;
      for (const k of READER_COUNTERS) if (s[k] !== undefined) this.c[k] = s[k];
    }
    this.c.hashed = this.hasher.hashed;
    this.c.hashCacheHits = this.hasher.hits;
    this.c.tableSize = this.ctx.table.size;
    return { ...this.c };
  }

  /** Opens the socket first (throws when netlink is unavailable), then fills the table from /proc. */
  async start(): Promise<void> {
    const { queue_max: q, rcvbuf_bytes: rcvbuf, realtime_priority: rt } = this.cfg;
    const addon = this.addon;
    // The packed form (one Float64Array and one Buffer per batch) costs a fraction of one object per event.
    this.handle = hasPacked(addon)
      ? addon.openPacked((records, strings) => this.onBatch(decodeBatch(records, strings)), q, rcvbuf, rt)
      : addon.open((batch) => this.onBatch(batch), q, rcvbuf, rt);
    this.ctx.table.scan();
  }

  async stop(): Promise<void> {
    if (this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.flushGap();
    }
    if (this.handle) {
      this.counters();
      this.addon.close(this.handle);
      this.handle = undefined;
    }
  }

  private onBatch(batch: ProcEvent[]): void {
    // A fork is usually followed by its exec in the same batch, which carries the start time:
    // no need to read /proc/PID/stat for it.
    this.execTicks.clear();
    for (const e of batch) if (e.kind === 'exec' && e.startTicks) this.execTicks.set(e.pid, e.startTicks);
    for (const e of batch) {
      try {
        this.onEvent(e);
      } catch (err) {
        // contained, but an event that was not handled is a loss like any other: counted and said
        this.c.errors++;
        this.ctx.log.error({ err, sensor: 'process', pid: e.pid, kind: e.kind }, 'process event could not be handled');
        this.onGap({ kind: 'gap', pid: 0, timeMs: e.timeMs, reason: 'queue', count: 0 }, 1);
      }
    }
  }

  private onEvent(e: ProcEvent): void {
    const table = this.ctx.table;
    switch (e.kind) {
      case 'fork': {
        // The parent reports a fork after the child is already running: on a busy host the
        // child's exec can come first. Its entry must not be replaced by a copy of the parent.
        const cur = table.peek(e.pid);
        if (cur && cur.reportExit && cur.ppid === e.ppid && cur.startTicks > 0 && Math.abs(cur.startTimeMs - e.timeMs) < 2000) return;
        table.fork(e.pid, e.ppid ?? 0, e.startTicks || this.execTicks.get(e.pid) || 0, e.timeMs);
        return;
      }
      case 'exec':
        this.onExec(e);
        return;
      case 'exit': {
        const entry = table.remove(e.pid);
        if (!entry || entry.self || !entry.reportExit) return;
        table.identify(entry);
        this.c.exits++;
        const status = e.exitStatus ?? 0;
        this.out.push({
          timeMs: Math.round(e.timeMs),
          process: { action: Action.EXIT, process: this.toProcess(entry), exitCode: exitCode(status), exitCodeSet: true },
        });
        return;
      }
      case 'uid': {
        const entry = table.peek(e.pid);
        if (entry && e.uid !== undefined && e.uid >= 0) entry.uid = e.uid;
        return;
      }
      case 'gap':
        this.onGap(e);
        return;
    }
  }

  private onExec(e: ProcEvent): void {
    const table = this.ctx.table;
    const prev = table.peek(e.pid);
    const args = splitCmdline(e.cmdline ?? '');
    if (args.length === 0) this.c.noCmdline++;
    const flags = e.flags ?? 0;
    const gone = flags & (ExecFlags.exited | ExecFlags.reaped | ExecFlags.stuck);
    if (flags & ExecFlags.emptyArgs) this.c.emptyArgs++;
    const startTicks = e.startTicks || 0;
    const ppid = e.ppid || prev?.ppid || 0;
    let entry: ProcEntry;
    if (prev && (prev.startTicks === startTicks || !startTicks || !prev.entityId)) {
      entry = prev; // the fork this exec follows
      if (startTicks && prev.startTicks !== startTicks) table.setStart(prev, startTicks);
    } else {
      entry = table.fork(e.pid, ppid, startTicks, e.timeMs);
    }
    table.identify(entry);
    entry.ppid = ppid;
    entry.exe = e.exe ?? '';
    entry.name = processName(e.name ?? '', entry.exe);
    entry.args = args;
    entry.commandLine = joinCommandLine(args);
    entry.cwd = e.cwd ?? '';
    // uid is read only for set-id executables; otherwise it is the one inherited at fork (or
    // changed by a uid event since), which the entry already holds
    if (e.uid !== undefined && e.uid >= 0) entry.uid = e.uid;
    else if (entry.uid === undefined && ppid > 0) entry.uid = table.get(ppid)?.uid;
    entry.reportExit = true;
    if (entry.self) return;
    this.c.starts++;
    if (gone) this.onIncomplete(flags, e.timeMs);

    // The process and its parent are read now: by the time the hash is ready either may have
    // exited and left the table.
    const proc = this.toProcess(entry);
    const build = (hash: string): xdr.v1.IEvent => ({
      timeMs: Math.round(e.timeMs),
      process: { action: Action.START, process: { ...proc, hashSha256: hash } },
    });
    if (!e.exeIno || !e.exe) {
      this.out.push(build(''));
      return;
    }
    const key = { dev: e.exeDev ?? 0, ino: e.exeIno, size: e.exeSize ?? 0, mtimeMs: e.exeMtimeMs ?? 0 };
    const cached = this.hasher.cached(key);
    if (cached !== undefined) {
      this.out.push(build(cached));
      return;
    }
    const fill = this.out.reserve();
    // /proc/PID/exe still opens the image if the path was replaced; fall back to the path once the process is gone.
    this.hasher
      .hash(`/proc/${e.pid}/exe`, key)
      .then((h) => h || this.hasher.hash(e.exe!, key))
      .then((h) => fill(build(h)), () => fill(build('')));
  }

  private toProcess(entry: ProcEntry): xdr.v1.IProcess {
    const parent = entry.ppid > 0 ? this.ctx.table.get(entry.ppid) : undefined;
    return {
      entityId: entry.entityId,
      pid: entry.pid,
      ppid: entry.ppid,
      name: entry.name,
      executable: entry.exe,
      commandLine: entry.commandLine,
      args: entry.args,
      workingDirectory: entry.cwd,
      userId: entry.uid ?? 0,
      userIdSet: entry.uid !== undefined,
      userName: this.ctx.users.name(entry.uid),
      startTimeMs: entry.startTimeMs,
      parent: parent
        ? { entityId: parent.entityId, pid: parent.pid, name: parent.name, executable: parent.exe, commandLine: parent.commandLine }
        : entry.ppid > 0 ? { pid: entry.ppid } : undefined,
    };
  }

  /** Gaps are gathered for a moment so a burst of losses becomes one notice with a total. */
  private onGap(e: ProcEvent, handlerErrors = 0): void {
    this.c.gaps++;
    const g = this.gapPending;
    if (!g.timeMs) g.timeMs = Math.round(e.timeMs);
    if (e.reason === 'enobufs') g.enobufs++;
    else g.count += (e.count ?? 0) + handlerErrors;
    if (e.reason === 'queue') g.queue += e.count ?? 0;
    g.errors += handlerErrors;
    this.c.lost += (e.count ?? 0) + handlerErrors;
    this.armGapTimer();
  }

  /**
   * A start whose process had exited (or was even reaped) before a native reader read /proc, or
   * whose read was stuck past the addon's bound: it is reported with what was left (pid, parent,
   * and for a zombie its name), and counted in a notice, because its command line is lost.
   */
  private onIncomplete(flags: number, timeMs: number): void {
    const p = this.incompletePending;
    if (!p.timeMs) p.timeMs = Math.round(timeMs);
    if (flags & ExecFlags.stuck) {
      p.stuck++;
      this.c.stuckRead++;
    } else if (flags & ExecFlags.reaped) {
      p.reaped++;
      this.c.reapedBeforeRead++;
    } else {
      p.exited++;
      this.c.exitedBeforeRead++;
    }
    this.armGapTimer();
  }

  private armGapTimer(): void {
    if (!this.gapTimer) this.gapTimer = setTimeout(() => this.flushGap(), 250);
  }

  private flushGap(): void {
    this.gapTimer = undefined;
    const g = this.gapPending;
    this.gapPending = { count: 0, enobufs: 0, queue: 0, timeMs: 0, errors: 0 };
    if (g.timeMs) {
      const why = [
        g.enobufs ? `kernel socket overflow (ENOBUFS) x${g.enobufs}` : '',
        g.queue ? `${g.queue} dropped by the agent's full queue (sensors.process.queue_max)` : '',
        g.errors ? `${g.errors} that the sensor failed to handle (see the agent log)` : '',
      ].filter(Boolean).join('; ');
      const message = `process events lost: ${g.count || 'unknown number'}${why ? ` (${why})` : ''}; rescanned /proc`;
      this.ctx.log.warn({ sensor: 'process', lost: g.count, enobufs: g.enobufs, queueDropped: g.queue }, message);
      this.out.push(notice(NOTICE_CODES.sensorGap, 'process', message, g.count, g.timeMs));
      const now = Date.now();
      if (now - this.lastRescan > 1000) {
        this.lastRescan = now;
        this.c.rescans++;
        this.ctx.table.scan();
      }
    }
    const p = this.incompletePending;
    this.incompletePending = { exited: 0, reaped: 0, stuck: 0, timeMs: 0 };
    const n = p.exited + p.reaped + p.stuck;
    if (n) {
      this.c.incompleteNotices++;
      const gone = [p.exited ? `${p.exited} had exited` : '', p.reaped ? `${p.reaped} were already gone from /proc` : ''].filter(Boolean).join(', ');
      const parts = [
        gone ? `${gone} before the sensor could read them at exec` : '',
        p.stuck ? `${p.stuck} whose /proc read did not return in time` : '',
      ].filter(Boolean).join('; ');
      const message = `process starts without command line: ${n} (${parts}); they are reported with pid and parent only`;
      this.ctx.log.warn({ sensor: 'process', incomplete: n, exited: p.exited, reaped: p.reaped, stuck: p.stuck }, message);
      this.out.push(notice(NOTICE_CODES.sensorGap, 'process', message, n, p.timeMs));
    }
  }
}

/** Exit status as a shell shows it for a normal exit; minus the signal number when killed by a signal. */
export function exitCode(status: number): number {
  const sig = status & 0x7f;
  return sig === 0 ? (status >> 8) & 0xff : -sig;
}
