// Network sensor: polls /proc/net/{tcp,tcp6,udp,udp6} every interval_ms and diffs against the
// previous snapshot. New TCP listeners are LISTEN; new connected sockets are ACCEPT when their
// local port is a listening port, else CONNECT; sockets that go away (or to TIME_WAIT) are
// CLOSE. Unconnected bound UDP sockets are LISTEN. Owners come from socket inodes in
// /proc/PID/fd. Sockets that live shorter than the interval are not seen; nothing is reported
// for the sockets open when the sensor starts. The fd scan that finds owners stops as soon as
// every new socket's owner is found, looks first at the owners of listeners (who own accepted
// sockets) and at the newest pids, and reads at most owner_scan_max_fds links per poll (the
// sockets left unowned are counted). /proc/net/tcp{,6} walk the kernel's whole connection hash
// table (milliseconds per read on a big host): they are read again only when the TCP counters
// (tcpCounters) changed, or unchanged_reread_ms after the last read, and a family with no TCP
// socket in use is not read at all.
import { readdirSync, readlinkSync } from 'node:fs';
import { wire, type xdr } from '../../../proto/index.js';
import type { NetworkSensorConfig } from './config.js';
import { readText } from './proc-fs.js';
import { parseProcNet, isUnspecified, tcpCounters, TCP_CLOSE, TCP_LISTEN, TCP_TIME_WAIT, type SocketRow } from './proc-net.js';
import type { Sensor, SensorContext, SensorCounters } from './sensor.js';

const Action = wire.NetworkEvent.Action;
const Direction = wire.NetworkEvent.Direction;

interface Tracked {
  row: SocketRow;
  action: number;
  process?: xdr.v1.IProcessRef;
  pid?: number;
}

const UDP_FILES = ['/proc/net/udp', '/proc/net/udp6'];

export class NetworkSensor implements Sensor {
  readonly name = 'network';
  private timer: NodeJS.Timeout | undefined;
  private prev = new Map<string, Tracked>();
  private inodeOwner = new Map<number, number>();
  /** Pids that own a listening socket: the likely owners of sockets accepted on it. */
  private listenerPids = new Set<number>();
  private first = true;
  private tcpRows: SocketRow[] = [];
  private tcpSig = '';
  private tcpReadAt = 0;
  private readonly c: SensorCounters = {
    events: 0, errors: 0, lost: 0, polls: 0, tcpReads: 0, tcpReadsSkipped: 0, fdScans: 0, fdLinksRead: 0, fdScanCutShort: 0, unowned: 0,
  };

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
    const tc = tcpCounters(readText('/proc/net/snmp') ?? '', readText('/proc/net/sockstat') ?? '', readText('/proc/net/sockstat6') ?? '');
    if (this.first || !tc.signature || tc.signature !== this.tcpSig || now - this.tcpReadAt >= this.cfg.unchanged_reread_ms) {
      this.c.tcpReads++;
      this.tcpSig = tc.signature;
      this.tcpReadAt = now;
      this.tcpRows = [];
      for (const [path, inuse] of [['/proc/net/tcp', tc.inuse4], ['/proc/net/tcp6', tc.inuse6]] as const) {
        const text = inuse === 0 ? undefined : readText(path);
        if (text) this.tcpRows.push(...parseProcNet(text, 'tcp'));
      }
    } else this.c.tcpReadsSkipped++;
    const rows: SocketRow[] = [...this.tcpRows];
    for (const path of UDP_FILES) {
      const text = readText(path);
      if (text) rows.push(...parseProcNet(text, 'udp'));
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
    if (fresh.length > 0 && !this.first) {
      const wanted = new Set<number>();
      for (const [, r] of fresh) if (!this.inodeOwner.has(r.inode)) wanted.add(r.inode);
      if (wanted.size > 0) this.scanFds(wanted);
    }

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
    this.listenerPids.clear();
    for (const t of next.values()) if (t.pid !== undefined && t.row.state === TCP_LISTEN && t.row.transport === 'tcp') this.listenerPids.add(t.pid);
    this.prev = next;
    this.first = false;
  }

  /**
   * Finds the owners of `wanted` socket inodes (and records every socket met on the way).
   * Order: listener owners, then pids from the highest down (new processes first, but for pid
   * wrap-around).
   */
  private scanFds(wanted: Set<number>): void {
    this.c.fdScans++;
    let names: string[];
    try {
      names = readdirSync('/proc');
    } catch {
      return;
    }
    const pids: number[] = [];
    for (const n of names) {
      const c0 = n.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57) pids.push(Number(n));
    }
    pids.sort((a, b) => b - a);
    const order = [...this.listenerPids, ...pids];
    let budget = this.cfg.owner_scan_max_fds;
    const seen = new Set<number>();
    for (const pid of order) {
      if (wanted.size === 0) break;
      if (budget <= 0) {
        this.c.fdScanCutShort++;
        return;
      }
      if (seen.has(pid)) continue;
      seen.add(pid);
      budget -= this.scanPid(pid, wanted);
    }
  }

  /** Reads /proc/PID/fd; returns the number of links read. */
  private scanPid(pid: number, wanted: Set<number>): number {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      return 1;
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (link.startsWith('socket:[')) {
        const inode = Number(link.slice(8, -1));
        if (!this.inodeOwner.has(inode)) this.inodeOwner.set(inode, pid);
        wanted.delete(inode);
      }
    }
    this.c.fdLinksRead += fds.length;
    return fds.length + 1;
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
