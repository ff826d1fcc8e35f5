// Live tests: the sensors run in a process of their own (as the agent does), this test process
// starts real processes, writes real files and opens real TCP connections, and the events that
// come out are checked field by field.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { availableParallelism, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../../proto/index.js';
import { readBootTimeMs } from './proc-fs.js';
import { ProcessTable } from './process-table.js';
import { startHarness, type Harness } from './testing/run-harness.js';

const isRoot = process.getuid?.() === 0;
const HOST = 'test-host-sensors';
const off = { enabled: false };

function myEntityId(): string {
  const t = new ProcessTable({ hostId: HOST, bootTimeMs: readBootTimeMs(), clockTicks: 100, agentPid: -1 });
  return t.get(process.pid)!.entityId;
}

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => spawn(cmd, args, { stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1)));
}

describe.skipIf(!isRoot)('process sensor (netlink)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hostId: HOST, quiet: true, sensors: { process: { mode: 'netlink' }, file: off, network: off, login: off } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('reports start with the full command line and parent linkage, and exit with the exit code', async () => {
    const marker = `xdr-test-${randomUUID()}`;
    const code = await run('/bin/sh', ['-c', 'sleep 0.2; exit 3', marker]);
    expect(code).toBe(3);
    const isSh = (ev: xdr.v1.IEvent) => !!ev.process?.process?.args?.includes(marker);
    const start = await h.waitFor((ev) => isSh(ev) && ev.process!.action === wire.ProcessEvent.Action.START, 5000, 'sh start');
    const p = start.process!.process!;
    expect(p.args).toEqual(['/bin/sh', '-c', 'sleep 0.2; exit 3', marker]);
    expect(p.commandLine).toBe(`/bin/sh -c 'sleep 0.2; exit 3' ${marker}`);
    expect(p.ppid).toBe(process.pid);
    expect(p.parent?.pid).toBe(process.pid);
    expect(p.parent?.entityId).toBe(myEntityId());
    expect(p.parent?.executable).toBe(process.execPath);
    expect(p.userName).toBe('root');
    expect(p.userIdSet).toBe(true);
    expect(p.workingDirectory).toBe(process.cwd());
    expect(p.hashSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.executable).toMatch(/\/(dash|bash|sh)$/);
    expect(Math.abs(Number(p.startTimeMs) - Date.now())).toBeLessThan(10_000);
    expect(Number(start.timeMs)).toBeGreaterThanOrEqual(Number(p.startTimeMs) - 1000);

    const sleep = await h.waitFor((ev) => ev.process?.process?.parent?.entityId === p.entityId && ev.process?.process?.name === 'sleep', 5000, 'sleep start');
    expect(sleep.process!.process!.args).toEqual(['sleep', '0.2']);
    expect(sleep.process!.process!.parent!.commandLine).toContain(marker);

    const exit = await h.waitFor((ev) => ev.process?.action === wire.ProcessEvent.Action.EXIT && ev.process.process?.entityId === p.entityId, 5000, 'sh exit');
    expect(exit.process!.exitCode).toBe(3);
    expect(exit.process!.exitCodeSet).toBe(true);
    // exit comes after start in the stream
    expect(h.events.indexOf(exit)).toBeGreaterThan(h.events.indexOf(start));
  });

  it('reports a process killed by a signal with minus the signal number', async () => {
    const marker = `xdr-test-${randomUUID()}`;
    await run('/bin/sh', ['-c', 'kill -9 $$', marker]);
    const exit = await h.waitFor((ev) => ev.process?.action === wire.ProcessEvent.Action.EXIT && !!ev.process.process?.args?.includes(marker), 5000, 'killed exit');
    expect(exit.process!.exitCode).toBe(-9);
  });

  it('captures a burst of short-lived processes with their command lines', async () => {
    const marker = `burst-${randomUUID().slice(0, 8)}`;
    await run('/bin/sh', ['-c', `i=0; while [ $i -lt 200 ]; do /bin/true ${marker}-$i; i=$((i+1)); done`]);
    await new Promise((r) => setTimeout(r, 500));
    const seen = new Set(h.events.flatMap((ev) => ev.process?.process?.args?.[1]?.startsWith(marker) ? [ev.process.process.args[1]] : []));
    expect(seen.size).toBeGreaterThanOrEqual(190);
  });

  it('does not count another listener subscribing and leaving as lost events', async () => {
    // The kernel acknowledges each (un)subscription to every listener with a number of the
    // sequence the sensor checks for losses.
    const lostBefore = h.lastStats!.sensors.process.lost;
    const other = await startHarness({ quiet: true, sensors: { process: { mode: 'netlink' }, file: off, network: off, login: off } });
    await other.stop();
    for (let i = 0; i < 20; i++) await run('/bin/true', []); // events on every CPU after the acknowledgements
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.lastStats!.sensors.process.lost).toBe(lostBefore);
    expect(h.events.filter((e) => e.notice?.code === 'sensor_gap' && /events lost/.test(e.notice.message ?? ''))).toEqual([]);
  });

  it('reads each exec once, whichever of its threads gets there first', async () => {
    const marker = `once-${randomUUID().slice(0, 8)}`;
    await run('/bin/sh', ['-c', `i=0; while [ $i -lt 100 ]; do /bin/true ${marker}-$i; i=$((i+1)); done`]);
    await new Promise((r) => setTimeout(r, 1500)); // a stats message after the last of them
    const c = h.lastStats!.sensors.process.counters as Record<string, number>;
    const reads = c.receiverReads + c.execThreadReads + c.execThreadTookQueued + c.readerReads;
    // every committed exec was read, unless it was given up on (stuck) ...
    expect(reads).toBeGreaterThanOrEqual(c.execs - c.execStuck);
    // ... and none twice: reads beyond the committed ones are the ones still in flight, or read by
    // the exec thread for an exec the receiver never saw
    expect(reads).toBeLessThanOrEqual(c.execs + c.execsInFlight + c.orphanReads);
    if (availableParallelism() >= 2) {
      expect(c.execThread).toBe(1);
      expect(c.execThreadReads + c.execThreadTookQueued).toBeGreaterThan(0);
      // since Linux 6.6 the kernel filters the exec thread's socket to exec events
      const [major, minor] = release().split('.').map(Number);
      if (major > 6 || (major === 6 && minor >= 6)) expect(c.execSocketOther).toBe(0);
    }
  });
});

describe.skipIf(!isRoot)('process sensor overflow', () => {
  it('reports kernel losses (tiny receive buffer) as a counted sensor_gap notice and keeps going', async () => {
    const h = await startHarness({
      hostId: HOST, quiet: true,
      sensors: { process: { mode: 'netlink', rcvbuf_bytes: 1, realtime_priority: 0 }, file: off, network: off, login: off },
    });
    try {
      // Fill the socket while the reader thread is busy: many short processes at once from several shells.
      await Promise.all([0, 1, 2, 3].map(() => run('/bin/sh', ['-c', 'i=0; while [ $i -lt 150 ]; do /bin/true; i=$((i+1)); done'])));
      const gap = await h.waitFor((ev) => ev.notice?.code === 'sensor_gap', 5000, 'sensor_gap notice');
      expect(gap.notice!.sensor).toBe('process');
      expect(gap.notice!.message).toMatch(/process events lost/);
      // With a receive buffer this small a single start can still be lost when the machine is
      // busy: the sensor keeps going if one of a few later starts arrives.
      const markers = Array.from({ length: 5 }, () => `xdr-after-gap-${randomUUID()}`);
      for (const marker of markers) await run('/bin/sh', ['-c', 'sleep 0.2', marker]);
      await h.waitFor((ev) => markers.some((m) => ev.process?.process?.args?.includes(m)), 5000, 'a start after the gap');
      const { stats } = await h.stop();
      expect(stats.sensors.process.lost).toBeGreaterThan(0);
      expect(stats.sensors.process.counters.rescans).toBeGreaterThan(0);
    } finally {
      await h.stop();
    }
  });
});

describe('process sensor (polling fallback)', () => {
  it('sees a process that lives longer than the interval', async () => {
    const h = await startHarness({ hostId: HOST, quiet: true, sensors: { process: { mode: 'poll', poll_interval_ms: 300 }, file: off, network: off, login: off } });
    try {
      expect(h.lastStats?.sensors.process.mode).toBe('poll');
      const marker = `xdr-poll-${randomUUID()}`;
      const done = run('/bin/sh', ['-c', 'sleep 1.5', marker]);
      const start = await h.waitFor((ev) => ev.process?.action === wire.ProcessEvent.Action.START && !!ev.process.process?.args?.includes(marker), 5000, 'polled start');
      expect(start.process!.process!.parent!.entityId).toBe(myEntityId());
      await done;
      const exit = await h.waitFor((ev) => ev.process?.action === wire.ProcessEvent.Action.EXIT && ev.process.process?.entityId === start.process!.process!.entityId, 5000, 'polled exit');
      expect(exit.process!.exitCodeSet).toBe(false);
    } finally {
      await h.stop();
    }
  });
});

describe('file sensor', () => {
  let h: Harness;
  let dir: string;
  let stateDir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xdr-file-'));
    stateDir = join(dir, 'state');
    writeFileSync(join(dir, 'existing.txt'), 'before');
    h = await startHarness({ hostId: HOST, quiet: true, stateDir, sensors: { process: off, network: off, login: off, file: { paths: [dir], ignore: [] } } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const A = wire.FileEvent.Action;
  const at = (action: number, path: string) => (ev: xdr.v1.IEvent) => ev.file?.action === action && ev.file.path === path;

  it('reports create with size, mode, owner and hash; modify; chmod; rename; delete', async () => {
    const f = join(dir, 'payload.sh');
    writeFileSync(f, '#!/bin/sh\necho hi\n', { mode: 0o644 });
    const created = await h.waitFor(at(A.CREATE, f), 5000, 'create');
    expect(created.file).toMatchObject({ size: 18, mode: 0o644, owner: 'root', modeSet: true });
    expect(created.file!.hashSha256).toBe(createHash('sha256').update('#!/bin/sh\necho hi\n').digest('hex'));

    await new Promise((r) => setTimeout(r, 100));
    appendFileSync(f, 'id\n');
    const modified = await h.waitFor(at(A.MODIFY, f), 5000, 'modify');
    expect(modified.file!.size).toBe(21);
    expect(modified.file!.hashSha256).toBe(createHash('sha256').update('#!/bin/sh\necho hi\nid\n').digest('hex'));

    chmodSync(f, 0o4755);
    const chmod = await h.waitFor(at(A.CHMOD, f), 5000, 'chmod');
    expect(chmod.file!.mode).toBe(0o4755);

    const g = join(dir, 'renamed.sh');
    renameSync(f, g);
    const renamed = await h.waitFor(at(A.RENAME, g), 5000, 'rename');
    expect(renamed.file!.oldPath).toBe(f);

    unlinkSync(g);
    const deleted = await h.waitFor(at(A.DELETE, g), 5000, 'delete');
    expect(deleted.file!.size).toBe(21);
    // the rename was not also reported as delete + create
    expect(h.events.some(at(A.DELETE, f))).toBe(false);
    expect(h.events.some(at(A.CREATE, g))).toBe(false);
  });

  it('reports chmod of a file that existed before the sensor started', async () => {
    const f = join(dir, 'existing.txt');
    chmodSync(f, 0o600);
    const ev = await h.waitFor(at(A.CHMOD, f), 5000, 'chmod of existing');
    expect(ev.file!.mode).toBe(0o600);
  });

  it('does not report the agent state dir', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'spool.bin'), 'x');
    const marker = join(dir, 'after-state.txt');
    writeFileSync(marker, 'y');
    await h.waitFor(at(A.CREATE, marker), 5000, 'marker create');
    expect(h.events.some((ev) => ev.file?.path?.startsWith(stateDir))).toBe(false);
  });
});

// A real ENOSPC: the harness runs in a user namespace whose inotify watch limit is tiny (the
// limit is per user namespace, so the host's fs.inotify.max_user_watches is not touched).
const canUnshare = isRoot && spawnSync('unshare', ['--user', '--map-root-user', 'true']).status === 0;
describe.skipIf(!canUnshare)('file sensor over the inotify watch limit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xdr-enospc-'));
  for (let i = 0; i < 40; i++) mkdirSync(join(dir, `d${String(i).padStart(2, '0')}`));
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hostId: HOST, quiet: true, inotifyWatchLimit: 8, sensors: { process: off, network: off, login: off, file: { paths: [dir] } } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says once, clearly, that watches ran out, and keeps reporting what it watches', async () => {
    const ev = await h.waitFor((e) => e.notice?.sensor === 'file', 10_000, 'file sensor notice');
    expect(ev.notice!.code).toBe('sensor_degraded');
    expect(ev.notice!.message).toMatch(/ENOSPC/);
    expect(ev.notice!.message).toMatch(/fs\.inotify\.max_user_watches/);
    expect(ev.notice!.message).toContain(dir);
    // the root is watched first: a file created there is still reported
    const f = join(dir, 'still-watched.txt');
    writeFileSync(f, 'x');
    await h.waitFor((e) => e.file?.action === wire.FileEvent.Action.CREATE && e.file.path === f, 5000, 'create under the root');
    const st = (await h.stop()).stats.sensors.file;
    expect(st.state).toBe('stopped');
    expect(st.counters.watchLimit).toBeGreaterThan(0);
    expect(h.events.filter((e) => e.notice?.sensor === 'file')).toHaveLength(1);
  });
});

describe('network sensor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hostId: HOST, quiet: true, sensors: { process: off, file: off, login: off, network: { interval_ms: 100 } } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('reports listen, connect, accept and close on loopback with the owning process', async () => {
    const A = wire.NetworkEvent.Action;
    const D = wire.NetworkEvent.Direction;
    const accepted: Socket[] = [];
    const server = createServer((s) => accepted.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const listen = await h.waitFor((ev) => ev.network?.action === A.LISTEN && ev.network.sourcePort === port, 5000, 'listen');
    expect(listen.network).toMatchObject({ transport: 'tcp', sourceIp: '127.0.0.1' });
    expect(listen.network!.process).toMatchObject({ pid: process.pid, entityId: myEntityId() });

    const client = connect(port, '127.0.0.1');
    await new Promise<void>((r) => client.once('connect', () => r()));
    const cport = client.localPort!;
    const conn = await h.waitFor((ev) => ev.network?.action === A.CONNECT && ev.network.sourcePort === cport, 5000, 'connect');
    expect(conn.network).toMatchObject({ transport: 'tcp', direction: D.OUTBOUND, sourceIp: '127.0.0.1', destinationIp: '127.0.0.1', destinationPort: port });
    expect(conn.network!.process!.entityId).toBe(myEntityId());
    const acc = await h.waitFor((ev) => ev.network?.action === A.ACCEPT && ev.network.sourcePort === cport, 5000, 'accept');
    expect(acc.network).toMatchObject({ direction: D.INBOUND, sourceIp: '127.0.0.1', destinationPort: port });
    expect(acc.network!.process!.pid).toBe(process.pid);

    client.destroy();
    for (const s of accepted) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
    await h.waitFor((ev) => ev.network?.action === A.CLOSE && ev.network.sourcePort === cport && ev.network.direction === D.OUTBOUND, 5000, 'close of the client');
    await h.waitFor((ev) => ev.network?.action === A.CLOSE && ev.network.sourcePort === port && ev.network.direction === D.DIRECTION_UNSPECIFIED, 5000, 'close of the listener');
  });

  it('decodes IPv6 loopback', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '::1', r));
    const port = (server.address() as { port: number }).port;
    const ev = await h.waitFor((e) => e.network?.action === wire.NetworkEvent.Action.LISTEN && e.network.sourcePort === port, 5000, 'v6 listen');
    expect(ev.network!.sourceIp).toBe('::1');
    server.close();
  });
});
