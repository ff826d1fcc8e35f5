// Network sensor: polls /proc/net/{tcp,tcp6,udp,udp6} every interval_ms and diffs against the
// previous snapshot. New TCP listeners are LISTEN; new connected sockets are ACCEPT when their
// local port is a listening port, else CONNECT; sockets that go away (or to TIME_WAIT) are
// CLOSE. Unconnected bound UDP sockets are LISTEN. Owners come from socket inodes in
// /proc/PID/fd. Sockets that live shorter than the interval are not seen; nothing is reported
// for the sockets open when the sensor starts.
import { readdirSync, readlinkSync } from 'node:fs';
import { wire, type xdr } from '../../../proto/index.js';
import type { NetworkSensorConfig } from './config.js';
import { readText } from './proc-fs.js';
import { parseProcNet, isUnspecified, TCP_CLOSE, TCP_LISTEN, TCP_TIME_WAIT, type SocketRow } from './proc-net.js';
import type { Sensor, SensorContext, SensorCounters } from './sensor.js';

const Action = wire.NetworkEvent.Action;
const Direction = wire.NetworkEvent.Direction;

interface Tracked {
  row: SocketRow;
  action: number;
  process?: xdr.v1.IProcessRef;
  pid?: number;
}

const FILES: Array<[string, 'tcp' | 'udp']> = [
  ['/proc/net/tcp', 'tcp'], ['/proc/net/tcp6', 'tcp'], ['/proc/net/udp', 'udp'], ['/proc/net/udp6', 'udp'],
];

export class NetworkSensor implements Sensor {
  readonly name = 'network';
  private timer: NodeJS.Timeout | undefined;
  private prev = new Map<string, Tracked>();
  private inodeOwner = new Map<number, number>();
  private first = true;
  private readonly c: SensorCounters = { events: 0, errors: 0, lost: 0, polls: 0, fdScans: 0, unowned: 0 };

  constructor(private readonly cfg: NetworkSensorConfig, private readonly ctx: SensorContext) {}

  mode(): string {
    return 'procfs';
  }

  counters(): SensorCounters {
    return { ...this.c };
  }

  async start(): Promise<void> {
    this.poll();
    this.timer = setInterval(() => {
      try {
        this.poll();
      } catch (err) {
        this.c.errors++;
        this.ctx.log.error({ err, sensor: 'network' }, 'network poll failed');
      }
    }, this.cfg.interval_ms);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }

  /** One snapshot and diff; public so tests and benchmarks can drive it. */
  poll(): void {
    this.c.polls++;
    const now = Date.now();
    const rows: SocketRow[] = [];
    for (const [path, transport] of FILES) {
      const text = readText(path);
      if (text) rows.push(...parseProcNet(text, transport));
    }
    const listening = new Set<string>();
    for (const r of rows) {
      if (r.transport === 'tcp' && r.state === TCP_LISTEN) listening.add(`tcp:${r.localPort}`);
      if (r.transport === 'udp' && isUnspecified(r.remoteIp) && r.remotePort === 0) listening.add(`udp:${r.localPort}`);
    }
    const cur = new Map<string, SocketRow>();
    for (const r of rows) {
      if (r.inode === 0 || (r.transport === 'tcp' && (r.state === TCP_TIME_WAIT || r.state === TCP_CLOSE))) continue;
      cur.set(`${r.transport}|${r.localIp}|${r.localPort}|${r.remoteIp}|${r.remotePort}|${r.inode}`, r);
    }
    const fresh: Array<[string, SocketRow]> = [];
    for (const [k, r] of cur) if (!this.prev.has(k)) fresh.push([k, r]);
    if (fresh.length > 0 && !this.first && fresh.some(([, r]) => !this.inodeOwner.has(r.inode))) this.scanFds();

    const next = new Map<string, Tracked>();
    for (const [k, t] of this.prev) {
      if (cur.has(k)) next.set(k, t);
      else if (!this.first && t.action !== 0) this.emitClose(t, now);
    }
    for (const [k, r] of fresh) {
      const action = this.first ? 0 : classify(r, listening);
      const pid = this.inodeOwner.get(r.inode);
      const t: Tracked = { row: r, action, pid };
      if (action !== 0) {
        if (pid !== undefined && this.ctx.table.isSelfPid(pid)) {
          t.action = 0; // the agent's own socket: neither open nor close is reported
        } else {
          t.process = pid !== undefined ? this.ctx.table.ref(pid) : undefined;
          if (!t.process) this.c.unowned++;
          this.emitOpen(t, now);
        }
      }
      next.set(k, t);
    }
    const live = new Set<number>();
    for (const r of cur.values()) live.add(r.inode);
    for (const inode of this.inodeOwner.keys()) if (!live.has(inode)) this.inodeOwner.delete(inode);
    this.prev = next;
    this.first = false;
  }

  private scanFds(): void {
    this.c.fdScans++;
    let pids: string[];
    try {
      pids = readdirSync('/proc');
    } catch {
      return;
    }
    for (const p of pids) {
      const c0 = p.charCodeAt(0);
      if (c0 < 48 || c0 > 57) continue;
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${p}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let link: string;
        try {
          link = readlinkSync(`/proc/${p}/fd/${fd}`);
        } catch {
          continue;
        }
        if (link.startsWith('socket:[')) {
          const inode = Number(link.slice(8, -1));
          if (!this.inodeOwner.has(inode)) this.inodeOwner.set(inode, Number(p));
        }
      }
    }
  }

  private emitOpen(t: Tracked, timeMs: number): void {
    this.c.events++;
    this.ctx.emit({ timeMs: timeMs, network: toEvent(t, t.action) });
  }

  private emitClose(t: Tracked, timeMs: number): void {
    this.c.events++;
    this.ctx.emit({ timeMs: timeMs, network: toEvent(t, Action.CLOSE) });
  }
}

function classify(r: SocketRow, listening: Set<string>): number {
  const unconnected = isUnspecified(r.remoteIp) && r.remotePort === 0;
  if (r.transport === 'tcp') {
    if (r.state === TCP_LISTEN) return Action.LISTEN;
    return listening.has(`tcp:${r.localPort}`) ? Action.ACCEPT : Action.CONNECT;
  }
  return unconnected ? Action.LISTEN : Action.CONNECT;
}

/** CONNECT: source = local. ACCEPT: source = the remote peer, destination = local. LISTEN: source = the bound address. */
function toEvent(t: Tracked, action: number): xdr.v1.INetworkEvent {
  const r = t.row;
  const inbound = t.action === Action.ACCEPT;
  const listen = t.action === Action.LISTEN;
  return {
    action,
    transport: r.transport,
    direction: listen ? Direction.DIRECTION_UNSPECIFIED : inbound ? Direction.INBOUND : Direction.OUTBOUND,
    sourceIp: inbound ? r.remoteIp : r.localIp,
    sourcePort: inbound ? r.remotePort : r.localPort,
    destinationIp: listen ? '' : inbound ? r.localIp : r.remoteIp,
    destinationPort: listen ? 0 : inbound ? r.localPort : r.remotePort,
    process: t.process,
  };
}
