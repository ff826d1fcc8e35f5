// Network sensor: polls /proc/net/{tcp,tcp6,udp,udp6} every interval_ms and diffs against the
// previous snapshot. New TCP listeners are LISTEN; new connected sockets are ACCEPT when their
// local port is a listening port, else CONNECT; sockets that go away (or to TIME_WAIT) are
// CLOSE. Unconnected bound UDP sockets are LISTEN. Owners come from socket inodes in
// /proc/PID/fd. Sockets that live shorter than the interval are not seen; nothing is reported
// for the sockets open when the sensor starts. The fd scan that finds owners stops as soon as
// every new socket's owner is found, looks first at the owners of listeners (who own accepted
// sockets) and at the newest pids, and reads at most owner_scan_max_fds links per poll. A scan
// cut short by that bound is taken up on the next poll where it stopped, and the sockets whose
// owner it did not reach wait for it (their open is reported when the owner is found) for at
// most owner_retry_polls polls; so do accepted sockets, which appear before accept() hands their
// fd to the listener's process. What is reported without owner is counted (unowned).
// /proc/net/tcp{,6} walk the kernel's whole connection hash table (milliseconds per read on a big
// host): they are read again only when the TCP counters (tcpCounters) changed, or
// unchanged_reread_ms after the last read, and a family with no TCP socket in use is not read at
// all. A poll in which neither TCP nor UDP table changed and no owner is awaited stops there.
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
  /** When the socket was first seen: the time its open is reported with. */
  seenAt: number;
  /** Its open waits for its owner: the later polls spent looking so far. */
  waiting?: number;
}

export interface NetworkSensorOptions {
  /** Where procfs is (tests lay out a /proc of their own). */
  procRoot?: string;
}

const UDP_FILES = ['net/udp', 'net/udp6'];
/** Ancestors looked at for the process that really owns a socket its children inherited. */
const OWNER_CLIMB_MAX = 8;

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
  private udpRows: SocketRow[] = [];
  private udpText = '';
  /** Sockets whose open waits for its owner. */
  private waiting = 0;
  /** Where the last fd scan cut short stopped (the next pid to read); undefined: it read every pid. */
  private cursor: number | undefined;
  private readonly proc: string;
  private readonly c: SensorCounters = {
    events: 0, errors: 0, lost: 0, polls: 0, unchangedPolls: 0, tcpReads: 0, tcpReadsSkipped: 0, fdScans: 0, fdLinksRead: 0,
    fdScanCutShort: 0, ownerWaits: 0, ownerFoundLate: 0, ownerFromAncestor: 0, unowned: 0,
  };

  constructor(private readonly cfg: NetworkSensorConfig, private readonly ctx: SensorContext, opts: NetworkSensorOptions = {}) {
    this.proc = opts.procRoot ?? '/proc';
  }

  mode(): string {
    return 'procfs';
  }

  counters(): SensorCounters {
    return { ...this.c, ownerWaiting: this.waiting };
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

  /** Opens still waiting for their owner are reported without it: an open is never dropped. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const t of this.prev.values()) if (t.waiting !== undefined) this.reportOpen(t);
  }

  /** One snapshot and diff; public so tests and benchmarks can drive it. */
  poll(): void {
    this.c.polls++;
    const now = Date.now();
    const proc = this.proc;
    const tc = tcpCounters(readText(`${proc}/net/snmp`) ?? '', readText(`${proc}/net/sockstat`) ?? '', readText(`${proc}/net/sockstat6`) ?? '');
    let changed = this.first || this.waiting > 0;
    if (this.first || !tc.signature || tc.signature !== this.tcpSig || now - this.tcpReadAt >= this.cfg.unchanged_reread_ms) {
      this.c.tcpReads++;
      changed = true;
      this.tcpSig = tc.signature;
      this.tcpReadAt = now;
      this.tcpRows = [];
      for (const [file, inuse] of [['net/tcp', tc.inuse4], ['net/tcp6', tc.inuse6]] as const) {
        const text = inuse === 0 ? undefined : readText(`${proc}/${file}`);
        if (text) this.tcpRows.push(...parseProcNet(text, 'tcp'));
      }
    } else this.c.tcpReadsSkipped++;
    // The UDP tables are small hash tables (microseconds): read every poll, parsed when they changed.
    const udpText = UDP_FILES.map((f) => readText(`${proc}/${f}`) ?? '').join('\0');
    if (udpText !== this.udpText) {
      changed = true;
      this.udpText = udpText;
      this.udpRows = udpText.split('\0').flatMap((text) => (text ? parseProcNet(text, 'udp') : []));
    }
    if (!changed) {
      this.c.unchangedPolls++;
      return;
    }
    this.diff([...this.tcpRows, ...this.udpRows], now);
  }

  private diff(rows: SocketRow[], now: number): void {
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
    let cutShort = false;
    if (!this.first) {
      const wanted = new Set<number>();
      for (const [, r] of fresh) if (!this.inodeOwner.has(r.inode)) wanted.add(r.inode);
      for (const [k, t] of this.prev) if (t.waiting !== undefined && cur.has(k) && !this.inodeOwner.has(t.row.inode)) wanted.add(t.row.inode);
      if (wanted.size > 0) cutShort = this.scanFds(wanted);
    }

    const next = new Map<string, Tracked>();
    for (const [k, t] of this.prev) {
      if (cur.has(k)) {
        next.set(k, t);
        if (t.waiting !== undefined) this.settle(t, cutShort);
        continue;
      }
      // Closed while its owner was looked for: its open is still reported, then its close.
      if (t.waiting !== undefined) this.reportOpen(t);
      if (!this.first && t.action !== 0) this.emitClose(t, now);
    }
    for (const [k, r] of fresh) {
      const t: Tracked = { row: r, action: this.first ? 0 : classify(r, listening), seenAt: now };
      if (t.action !== 0) this.settle(t, cutShort);
      next.set(k, t);
    }
    const live = new Set<number>();
    for (const r of cur.values()) live.add(r.inode);
    for (const inode of this.inodeOwner.keys()) if (!live.has(inode)) this.inodeOwner.delete(inode);
    this.listenerPids.clear();
    this.waiting = 0;
    for (const t of next.values()) {
      if (t.pid !== undefined && t.row.state === TCP_LISTEN && t.row.transport === 'tcp') this.listenerPids.add(t.pid);
      if (t.waiting !== undefined) this.waiting++;
    }
    this.prev = next;
    this.first = false;
  }

  /**
   * Reports a socket's open once its owner is known, or once looking further cannot help: a
   * connected socket's fd exists before the socket shows in /proc/net, so a scan that read
   * every pid without meeting it means its owner already closed it. Looking again helps when
   * the scan was cut short (pids left unread), and for accepted sockets (accept() may not have
   * run yet), for at most owner_retry_polls polls.
   */
  private settle(t: Tracked, cutShort: boolean): void {
    const pid = this.inodeOwner.get(t.row.inode);
    if (t.waiting !== undefined) t.waiting++;
    if (pid === undefined && (cutShort || t.action === Action.ACCEPT) && (t.waiting ?? 0) < this.cfg.owner_retry_polls) {
      if (t.waiting === undefined) {
        t.waiting = 0;
        this.c.ownerWaits++;
      }
      return;
    }
    if (pid !== undefined && t.waiting !== undefined) this.c.ownerFoundLate++;
    this.reportOpen(t);
  }

  private reportOpen(t: Tracked): void {
    t.waiting = undefined;
    const pid = this.inodeOwner.get(t.row.inode);
    t.pid = pid;
    if (pid !== undefined && this.ctx.table.isSelfPid(pid)) {
      t.action = 0; // the agent's own socket: neither open nor close is reported
      return;
    }
    t.process = pid !== undefined ? this.ctx.table.ref(pid) : undefined;
    if (!t.process) this.c.unowned++;
    this.c.events++;
    this.ctx.emit({ timeMs: t.seenAt, network: toEvent(t, t.action) });
  }

  /**
   * Finds the owners of `wanted` socket inodes (and records every socket met on the way).
   * Order: listener owners, then pids from the highest down (new processes first, but for pid
   * wrap-around), starting where the last scan cut short stopped, if it did, and going round.
   * Returns whether this scan was cut short too.
   */
  private scanFds(wanted: Set<number>): boolean {
    this.c.fdScans++;
    let names: string[];
    try {
      names = readdirSync(this.proc);
    } catch {
      return false;
    }
    const pids: number[] = [];
    for (const n of names) {
      const c0 = n.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57) pids.push(Number(n));
    }
    pids.sort((a, b) => b - a);
    const from = this.cursor === undefined ? 0 : Math.max(0, pids.findIndex((p) => p <= this.cursor!));
    const ring = from === 0 ? pids : [...pids.slice(from), ...pids.slice(0, from)];
    const order = [...this.listenerPids, ...ring];
    let budget = this.cfg.owner_scan_max_fds;
    const seen = new Set<number>();
    for (let i = 0; i < order.length && wanted.size > 0; i++) {
      const pid = order[i];
      if (budget <= 0) {
        this.c.fdScanCutShort++;
        this.cursor = i < this.listenerPids.size ? ring[0] : pid;
        return true;
      }
      if (seen.has(pid)) continue;
      seen.add(pid);
      budget -= this.scanPid(pid, wanted);
    }
    this.cursor = undefined;
    return false;
  }

  /** Reads /proc/PID/fd; returns the number of links read. */
  private scanPid(pid: number, wanted: Set<number>): number {
    const fds = this.socketFds(pid);
    if (!fds) return 1;
    for (const inode of fds.sockets) {
      if (wanted.has(inode)) {
        this.inodeOwner.set(inode, this.oldestHolder(pid, inode));
        wanted.delete(inode);
      } else if (!this.inodeOwner.has(inode)) {
        this.inodeOwner.set(inode, pid);
      }
    }
    return fds.links + 1;
  }

  /**
   * The furthest ancestor of `pid` (at most OWNER_CLIMB_MAX up) that holds the socket too: children
   * inherit their parent's sockets (a reverse shell's `id` holds its connection as fds 0-2), and
   * the scan meets new, high pids first, so the first holder met is often a passing child.
   */
  private oldestHolder(pid: number, inode: number): number {
    let owner = pid;
    for (let i = 0; i < OWNER_CLIMB_MAX; i++) {
      const ppid = this.ctx.table.get(owner)?.ppid;
      if (!ppid || ppid <= 1 || !this.socketFds(ppid)?.sockets.includes(inode)) break;
      this.c.ownerFromAncestor++;
      owner = ppid;
    }
    return owner;
  }

  /** The socket inodes among a process's fds, and how many links were read (counted); undefined when it is gone. */
  private socketFds(pid: number): { sockets: number[]; links: number } | undefined {
    const dir = `${this.proc}/${pid}/fd`;
    let fds: string[];
    try {
      fds = readdirSync(dir);
    } catch {
      return undefined;
    }
    const sockets: number[] = [];
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`${dir}/${fd}`);
      } catch {
        continue; // closed meanwhile
      }
      if (link.startsWith('socket:[')) sockets.push(Number(link.slice(8, -1)));
    }
    this.c.fdLinksRead += fds.length;
    return { sockets, links: fds.length };
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
