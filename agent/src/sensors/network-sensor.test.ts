// The network sensor driven poll by poll over a /proc laid out by the test: socket tables, TCP
// counters and fd links are what the test says, so budgets, cut-short scans and owners that
// appear late are exact. Owners are real pids (this process), so the process table can name them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../../proto/index.js';
import { defaultSensorsConfig, type NetworkSensorConfig } from './config.js';
import { NetworkSensor } from './network-sensor.js';
import { readBootTimeMs } from './proc-fs.js';
import { ProcessTable } from './process-table.js';
import { UserNames } from './user-names.js';

const A = wire.NetworkEvent.Action;
/** Above any pid this process can have (pid_max is at most 2^22), so a scan from the top reads it first. */
const BUSY_PID = 4_194_300;
const NOT_A_PID = 4_194_305;

const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const LISTEN = '0A';
const ESTABLISHED = '01';

interface Row {
  local: string;
  remote: string;
  state: string;
  inode: number;
}

class FakeProc {
  readonly root = mkdtempSync(join(tmpdir(), 'xdr-fake-proc-'));
  private opens = 0;

  constructor() {
    mkdirSync(join(this.root, 'net'));
    writeFileSync(join(this.root, 'net/udp'), `${HEADER}\n`);
    writeFileSync(join(this.root, 'net/udp6'), `${HEADER}\n`);
    this.tcp([]);
  }

  /** Writes the IPv4 TCP table and moves the counters on, as a real open would. */
  tcp(rows: Row[]): void {
    this.opens++;
    const lines = rows.map((r, i) => `   ${i}: ${r.local} ${r.remote} ${r.state} 00000000:00000000 00:00000000 00000000     0        0 ${r.inode} 1 0000000000000000 100 0 0 10 0`);
    writeFileSync(join(this.root, 'net/tcp'), `${[HEADER, ...lines].join('\n')}\n`);
    writeFileSync(join(this.root, 'net/snmp'), `Tcp: RtoAlgorithm ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab\nTcp: 1 ${this.opens} 0 0 0 ${rows.length}\n`);
    writeFileSync(join(this.root, 'net/sockstat'), `TCP: inuse ${rows.length} orphan 0 tw 0 alloc ${rows.length} mem 1\n`);
    writeFileSync(join(this.root, 'net/sockstat6'), 'TCP6: inuse 0\n');
  }

  /** /proc/PID/fd/N -> target, for each target. */
  fds(pid: number, targets: string[]): void {
    const dir = join(this.root, String(pid), 'fd');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    targets.forEach((t, i) => symlinkSync(t, join(dir, String(i))));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

const LISTENER: Row = { local: '0100007F:1F90', remote: '00000000:0000', state: LISTEN, inode: 500 };
/** An outbound connection from 127.0.0.1:50000 to 10.9.9.9:4444 (a reverse shell's shape). */
const OUTBOUND: Row = { local: '0100007F:C350', remote: '0909090A:115C', state: ESTABLISHED, inode: 777 };
/** A connection accepted on LISTENER's port 8080. */
const INBOUND: Row = { local: '0100007F:1F90', remote: '0100007F:C351', state: ESTABLISHED, inode: 778 };

describe('network sensor owners (fake /proc)', () => {
  let proc: FakeProc;
  let events: xdr.v1.IEvent[];

  beforeEach(() => {
    proc = new FakeProc();
    events = [];
  });
  afterEach(() => proc.remove());

  function sensor(cfg: Partial<NetworkSensorConfig>): NetworkSensor {
    const table = new ProcessTable({ hostId: 'test-host', bootTimeMs: readBootTimeMs(), clockTicks: 100, agentPid: NOT_A_PID });
    const ctx = { emit: (ev: xdr.v1.IEvent) => events.push(ev), log: pino({ level: 'silent' }), table, users: new UserNames(), hostId: 'test-host', agentPid: NOT_A_PID };
    return new NetworkSensor({ ...defaultSensorsConfig().network, ...cfg }, ctx, { procRoot: proc.root });
  }
  const opens = () => events.filter((e) => e.network?.action !== A.CLOSE);

  it('takes a scan cut short by its budget up on the next poll, and reports the open with its owner', () => {
    // The busy process's 10 links spend the whole budget before this process's fds are read.
    proc.fds(BUSY_PID, Array.from({ length: 10 }, (_, i) => `pipe:[${i + 1}]`));
    proc.fds(process.pid, [`socket:[${OUTBOUND.inode}]`]);
    const s = sensor({ owner_scan_max_fds: 5 });
    s.poll(); // baseline
    proc.tcp([OUTBOUND]);
    s.poll();
    expect(s.counters()).toMatchObject({ fdScanCutShort: 1, ownerWaits: 1, ownerWaiting: 1 });
    expect(opens()).toEqual([]); // not reported without its owner yet
    s.poll();
    expect(opens()).toHaveLength(1);
    expect(opens()[0].network).toMatchObject({ action: A.CONNECT, destinationIp: '10.9.9.9', destinationPort: 4444 });
    expect(opens()[0].network!.process).toMatchObject({ pid: process.pid });
    expect(s.counters()).toMatchObject({ ownerFoundLate: 1, unowned: 0, ownerWaiting: 0 });
  });

  it('names the ancestor that holds a socket, not the child that inherited it', async () => {
    // a reverse shell's commands hold its connection as fds 0-2, and the scan meets their (newer) pids first
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((r) => child.once('spawn', r));
      proc.fds(child.pid!, [`socket:[${OUTBOUND.inode}]`]);
      proc.fds(process.pid, ['pipe:[1]', `socket:[${OUTBOUND.inode}]`]);
      const s = sensor({});
      s.poll();
      proc.tcp([OUTBOUND]);
      s.poll();
      expect(opens()).toHaveLength(1);
      expect(opens()[0].network!.process).toMatchObject({ pid: process.pid });
      expect(s.counters()).toMatchObject({ ownerFromAncestor: 1 });
      // without the parent holding it, the child is the owner
      proc.fds(process.pid, ['pipe:[1]']);
      const other = { ...OUTBOUND, remote: '0909090A:115D', inode: 780 };
      proc.fds(child.pid!, [`socket:[${other.inode}]`]);
      proc.tcp([OUTBOUND, other]);
      s.poll();
      expect(opens()[1].network!.process).toMatchObject({ pid: child.pid });
    } finally {
      child.kill();
    }
  });

  it('reports a connection at once, without owner, when a full scan did not meet it (its owner closed it)', () => {
    proc.fds(process.pid, ['pipe:[1]']);
    const s = sensor({});
    s.poll();
    proc.tcp([OUTBOUND]);
    s.poll();
    expect(opens()).toHaveLength(1);
    expect(opens()[0].network!.process).toBeFalsy();
    expect(s.counters()).toMatchObject({ fdScanCutShort: 0, ownerWaits: 0, unowned: 1 });
  });

  it('lets an accepted socket wait for accept(), at most owner_retry_polls polls', () => {
    proc.fds(process.pid, [`socket:[${LISTENER.inode}]`]);
    proc.tcp([LISTENER]);
    const s = sensor({ owner_retry_polls: 2 });
    s.poll();
    proc.tcp([LISTENER, INBOUND]);
    s.poll();
    s.poll();
    expect(opens()).toEqual([]);
    s.poll(); // the second later poll: no owner yet, reported without it
    expect(opens()).toHaveLength(1);
    expect(opens()[0].network).toMatchObject({ action: A.ACCEPT, destinationPort: 8080 });
    expect(opens()[0].network!.process).toBeFalsy();
    expect(s.counters()).toMatchObject({ ownerWaits: 1, ownerFoundLate: 0, unowned: 1, ownerWaiting: 0 });

    // accept() ran between two polls: the next accepted socket is reported with its owner
    const second = { ...INBOUND, remote: '0100007F:C352', inode: 779 };
    proc.tcp([LISTENER, INBOUND, second]);
    s.poll();
    expect(opens()).toHaveLength(1);
    proc.fds(process.pid, [`socket:[${LISTENER.inode}]`, `socket:[${second.inode}]`]);
    s.poll();
    expect(opens()).toHaveLength(2);
    expect(opens()[1].network!.process).toMatchObject({ pid: process.pid });
  });

  it('never drops an open that waits: closed meanwhile it is reported, then its close; on stop it is reported', async () => {
    proc.fds(process.pid, [`socket:[${LISTENER.inode}]`]);
    proc.tcp([LISTENER]);
    const s = sensor({ owner_retry_polls: 3 });
    s.poll();
    proc.tcp([LISTENER, INBOUND]);
    s.poll();
    expect(events).toEqual([]);
    proc.tcp([LISTENER]);
    s.poll();
    expect(events.map((e) => e.network!.action)).toEqual([A.ACCEPT, A.CLOSE]);

    proc.tcp([LISTENER, INBOUND]);
    s.poll();
    expect(events).toHaveLength(2);
    await s.stop();
    expect(events.map((e) => e.network!.action)).toEqual([A.ACCEPT, A.CLOSE, A.ACCEPT]);
    expect(s.counters().unowned).toBe(2);
  });

  it('stops early when neither socket table changed and no owner is awaited', () => {
    proc.tcp([LISTENER]);
    const s = sensor({});
    s.poll();
    s.poll();
    s.poll();
    expect(s.counters()).toMatchObject({ polls: 3, tcpReads: 1, tcpReadsSkipped: 2, unchangedPolls: 2 });
  });
});
