// The agent never reports its own activity: here the sensors run inside this test process, so
// everything this process does (its children, its sockets, its state dir) is the agent's own.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { xdr } from '../../../proto/index.js';
import { parseSensorsConfig, startSensors } from './index.js';

const isRoot = process.getuid?.() === 0;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!isRoot)('self filter', () => {
  it('does not report the agent\'s children, sockets or state dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xdr-self-'));
    const stateDir = join(dir, 'state');
    mkdirSync(stateDir);
    const events: xdr.v1.IEvent[] = [];
    const running = await startSensors(
      parseSensorsConfig({ process: { mode: 'netlink' }, network: { interval_ms: 100 }, login: { enabled: false }, file: { paths: [dir], ignore: [] } }),
      (ev) => events.push(ev),
      pino({ level: 'silent' }),
      { hostId: 'self-test', stateDir },
    );
    try {
      const marker = `xdr-self-${randomUUID()}`;
      await new Promise((r) => spawn('/bin/sh', ['-c', 'sleep 0.1; /bin/true x', marker], { stdio: 'ignore' }).on('exit', r));
      const server = createServer((s) => s.destroy());
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as { port: number }).port;
      const client = connect(port, '127.0.0.1');
      await new Promise((r) => client.once('connect', r));
      writeFileSync(join(stateDir, 'spool-0001.bin'), 'agent data');
      writeFileSync(join(dir, 'control.txt'), 'someone else'); // positive control: the file sensor works
      await wait(600);
      client.destroy();
      server.close();
      await wait(300);

      const st = running.stats();
      expect(st.sensors.process.mode).toBe('netlink');
      expect(st.sensors.process.counters.kernelEvents).toBeGreaterThan(0); // it saw the fork/exec/exit...
      expect(events.some((ev) => ev.process?.process?.args?.includes(marker))).toBe(false); // ...and reported none
      expect(events.some((ev) => ev.process?.process?.parent?.pid === process.pid)).toBe(false);
      expect(events.some((ev) => ev.network && (ev.network.sourcePort === port || ev.network.destinationPort === port))).toBe(false);
      expect(events.some((ev) => ev.file?.path === join(dir, 'control.txt'))).toBe(true);
      expect(events.some((ev) => ev.file?.path?.startsWith(stateDir))).toBe(false);
    } finally {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
