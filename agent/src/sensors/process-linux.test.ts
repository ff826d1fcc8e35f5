// The netlink process sensor's JS half, fed packed batches as the addon sends them (no kernel,
// no root): ordering, uid inheritance, and how starts that lost their command line are counted.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../../proto/index.js';
import { defaultSensorsConfig } from './config.js';
import type { ProcAddon } from './native-addon.js';
import { RECORD_FIELDS, decodeBatch, ExecFlags } from './native-batch.js';
import { NetlinkProcessSensor } from './process.linux.js';
import { ProcessTable } from './process-table.js';
import { UserNames } from './user-names.js';

const A = wire.ProcessEvent.Action;
// field indexes, as in proc_connector.c
const KIND = 0, PID = 1, PPID = 2, TIME = 3, TICKS = 4, UID = 5, EUID = 6, EX_A = 11, EX_B = 12, CMD = 13, EXE = 15, CWD = 17, NAME = 19, FLAGS = 21;
const kinds = { fork: 1, exec: 2, exit: 3, uid: 4, gap: 5 } as const;

interface Rec {
  kind: keyof typeof kinds;
  pid: number;
  ppid?: number;
  ticks?: number;
  uid?: number;
  cmdline?: string;
  exe?: string;
  name?: string;
  flags?: number;
  a?: number;
  b?: number;
}

function pack(recs: Rec[]): [Float64Array, Buffer] {
  const nums = new Float64Array(recs.length * RECORD_FIELDS);
  let strs = '';
  const put = (o: number, field: number, s: string | undefined) => {
    if (!s) return;
    nums[o + field] = Buffer.byteLength(strs);
    nums[o + field + 1] = Buffer.byteLength(s);
    strs += s;
  };
  recs.forEach((r, i) => {
    const o = i * RECORD_FIELDS;
    nums[o + KIND] = kinds[r.kind];
    nums[o + PID] = r.pid;
    nums[o + PPID] = r.ppid ?? 0;
    nums[o + TIME] = Date.now();
    nums[o + TICKS] = r.ticks ?? 0;
    nums[o + UID] = r.uid ?? -1;
    nums[o + EUID] = r.uid ?? -1;
    nums[o + EX_A] = r.a ?? 0;
    nums[o + EX_B] = r.b ?? 0;
    nums[o + FLAGS] = r.flags ?? 0;
    put(o, CMD, r.cmdline);
    put(o, EXE, r.exe);
    put(o, CWD, r.kind === 'exec' && !r.flags ? '/srv' : undefined);
    put(o, NAME, r.name);
  });
  return [nums, Buffer.from(strs)];
}

async function sensorWithFakeAddon() {
  let feed: (r: Float64Array, s: Buffer) => void = () => {};
  const addon = {
    open: () => { throw new Error('the packed form is expected'); },
    openPacked: (cb: typeof feed) => { feed = cb; return {} as never; },
    RECORD_FIELDS,
    close: () => {},
    stats: () => ({ received: 0, enobufs: 0, seqLost: 0, queueDropped: 0, queued: 0, rcvbuf: 0, realtime: 0, readers: 4, readsOutOfOrder: 3, execStuck: 0, pendingMax: 12 }),
    clockTicks: () => 100,
  } as unknown as ProcAddon;
  const events: xdr.v1.IEvent[] = [];
  // booted 100 s ago: a start at 10,000 ticks is now
  const table = new ProcessTable({ hostId: 'h', bootTimeMs: Date.now() - 100_000, clockTicks: 100, agentPid: process.pid });
  const ctx = { emit: (ev: xdr.v1.IEvent) => events.push(ev), log: pino({ level: 'silent' }), hostId: 'h', agentPid: process.pid, users: new UserNames(), table };
  const s = new NetlinkProcessSensor(defaultSensorsConfig().process, ctx, addon);
  await s.start();
  // a parent the table knows, with a uid of its own (pids far above pid_max: never real)
  table.fork(9_000_001, 1, 500, Date.now()).uid = 1000;
  Object.assign(table.peek(9_000_001)!, { name: 'bash', exe: '/bin/bash', args: ['bash'], commandLine: 'bash', reportExit: true });
  return { s, events, send: (recs: Rec[]) => feed(...pack(recs)) };
}

const started = (events: xdr.v1.IEvent[], pid: number) => events.find((e) => e.process?.action === A.START && e.process.process?.pid === pid);

describe('netlink process sensor (JS side, packed batches)', () => {
  it('decodes records and strings', () => {
    const [r, s] = pack([{ kind: 'exec', pid: 7, ppid: 1, ticks: 99, cmdline: 'a\0b c\0', exe: '/bin/a', name: 'a' }, { kind: 'gap', pid: 0, a: 2, b: 5 }]);
    const [exec, gap] = decodeBatch(r, s);
    expect(exec).toMatchObject({ kind: 'exec', pid: 7, ppid: 1, startTicks: 99, cmdline: 'a\0b c\0', exe: '/bin/a', name: 'a', cwd: '/srv', flags: 0 });
    expect(gap).toMatchObject({ kind: 'gap', reason: 'sequence', count: 5 });
  });

  it('reports start and exit; the uid not read at exec is the one inherited from the parent', async () => {
    const { s, events, send } = await sensorWithFakeAddon();
    send([
      { kind: 'fork', pid: 9_000_002, ppid: 9_000_001 },
      { kind: 'exec', pid: 9_000_002, ppid: 9_000_001, ticks: 1000, cmdline: '/bin/true\0x\0', exe: '/usr/bin/true', name: 'true' },
      { kind: 'exit', pid: 9_000_002, ppid: 9_000_001, a: 3 << 8 },
    ]);
    const start = started(events, 9_000_002)!.process!.process!;
    expect(start).toMatchObject({ args: ['/bin/true', 'x'], commandLine: '/bin/true x', name: 'true', userId: 1000, workingDirectory: '/srv' });
    expect(start.parent).toMatchObject({ pid: 9_000_001, name: 'bash', commandLine: 'bash' });
    const exit = events.find((e) => e.process?.action === A.EXIT)!.process!;
    expect(exit.exitCode).toBe(3);
    expect(exit.process!.entityId).toBe(start.entityId);
    await s.stop();
  });

  it('keeps an exec that arrived before its fork (the parent reported the fork late)', async () => {
    const { s, events, send } = await sensorWithFakeAddon();
    send([{ kind: 'exec', pid: 9_000_003, ppid: 9_000_001, ticks: 10_000, cmdline: '/bin/id\0', exe: '/usr/bin/id', name: 'id' }]);
    send([{ kind: 'fork', pid: 9_000_003, ppid: 9_000_001 }, { kind: 'exit', pid: 9_000_003, ppid: 9_000_001 }]);
    const exit = events.find((e) => e.process?.action === A.EXIT)!.process!.process!;
    expect(exit).toMatchObject({ pid: 9_000_003, name: 'id', commandLine: '/bin/id' });
    await s.stop();
  });

  it('reports a start whose process was gone before /proc was read, and counts it in a sensor_gap notice', async () => {
    const { s, events, send } = await sensorWithFakeAddon();
    send([
      { kind: 'fork', pid: 9_000_004, ppid: 9_000_001 },
      { kind: 'exec', pid: 9_000_004, ppid: 9_000_001, ticks: 1000, name: 'true', flags: ExecFlags.exited },
      { kind: 'fork', pid: 9_000_005, ppid: 9_000_001 },
      { kind: 'exec', pid: 9_000_005, flags: ExecFlags.reaped },
    ]);
    // neither inherits the parent's command line
    expect(started(events, 9_000_004)!.process!.process).toMatchObject({ name: 'true', args: [], commandLine: '' });
    expect(started(events, 9_000_005)!.process!.process).toMatchObject({ name: '', args: [], commandLine: '', ppid: 9_000_001 });
    await s.stop(); // flushes the pending notice
    const n = events.find((e) => e.notice)!.notice!;
    expect(n).toMatchObject({ code: 'sensor_gap', sensor: 'process', count: 2 });
    expect(n.message).toMatch(/without command line: 2 \(1 had exited, 1 were already gone/);
    expect(s.counters()).toMatchObject({ exitedBeforeRead: 1, reapedBeforeRead: 1, noCmdline: 2 });
  });

  it('counts a start whose /proc read was stuck past the bound apart from those that had exited', async () => {
    const { s, events, send } = await sensorWithFakeAddon();
    send([
      { kind: 'fork', pid: 9_000_006, ppid: 9_000_001 },
      { kind: 'exec', pid: 9_000_006, flags: ExecFlags.stuck },
      { kind: 'exec', pid: 9_000_007, ppid: 9_000_001, ticks: 1000, name: 'true', flags: ExecFlags.exited },
    ]);
    expect(started(events, 9_000_006)!.process!.process).toMatchObject({ args: [], commandLine: '', ppid: 9_000_001 });
    await s.stop();
    const n = events.find((e) => e.notice)!.notice!;
    expect(n).toMatchObject({ code: 'sensor_gap', sensor: 'process', count: 2 });
    expect(n.message).toMatch(/without command line: 2 \(1 had exited before .*; 1 whose \/proc read did not return in time\)/);
    expect(s.counters()).toMatchObject({ stuckRead: 1, exitedBeforeRead: 1, reapedBeforeRead: 0 });
  });

  it('passes the reader pool counters of the addon on', async () => {
    const { s } = await sensorWithFakeAddon();
    expect(s.counters()).toMatchObject({ readers: 4, readsOutOfOrder: 3, execStuck: 0, pendingMax: 12 });
    await s.stop();
  });

  it('turns kernel and queue losses into one counted notice', async () => {
    const { s, events, send } = await sensorWithFakeAddon();
    send([{ kind: 'gap', pid: 0, a: 2, b: 7 }, { kind: 'gap', pid: 0, a: 3, b: 5 }]);
    await s.stop();
    const n = events.find((e) => e.notice)!.notice!;
    expect(n).toMatchObject({ code: 'sensor_gap', count: 12 });
    expect(n.message).toMatch(/process events lost: 12 .*5 dropped by the agent's full queue/);
    expect(s.counters().lost).toBe(12);
  });
});
