import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { wire, type xdr } from '../../../proto/index.js';
import { defaultSensorsConfig, type FileSensorConfig } from './config.js';
import { FileSensor } from './file-sensor.js';
import type { SensorContext } from './sensor.js';
import { UserNames } from './user-names.js';

const A = wire.FileEvent.Action;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('FileSensor in a scratch directory', () => {
  let dir = '';
  let s: FileSensor | undefined;
  afterEach(async () => {
    await s?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function start(cfg: Partial<FileSensorConfig>): Promise<xdr.v1.IEvent[]> {
    dir = mkdtempSync(join(tmpdir(), 'xdr-fsensor-'));
    const events: xdr.v1.IEvent[] = [];
    const ctx = { emit: (ev: xdr.v1.IEvent) => events.push(ev), log: pino({ level: 'silent' }), users: new UserNames(), hostId: 'h', agentPid: process.pid } as unknown as SensorContext;
    s = new FileSensor({ ...defaultSensorsConfig().file, paths: [dir], ignore: [], volatile_paths: [dir], ...cfg }, ctx);
    await s.start();
    return events;
  }

  it('hashes executables and small files only, within the per-second budget, and counts what the budget refused', async () => {
    const events = await start({ volatile_hash_max_bytes: 10, hash_budget_files_per_s: 1 });
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(100));
    writeFileSync(join(dir, 'tool'), 'y'.repeat(100), { mode: 0o755 });
    writeFileSync(join(dir, 'a'), 'a');
    writeFileSync(join(dir, 'b'), 'b');
    await sleep(400);
    const created = new Map(events.filter((e) => e.file?.action === A.CREATE).map((e) => [e.file!.path!, e.file!]));
    expect([...created.keys()].sort()).toEqual(['a', 'b', 'big.txt', 'tool'].map((n) => join(dir, n)));
    expect(created.get(join(dir, 'big.txt'))!.hashSha256 ?? '').toBe('');
    // tool is the first candidate, so the budget is not yet spent for it
    expect(created.get(join(dir, 'tool'))!.hashSha256).toMatch(/^[0-9a-f]{64}$/);
    const c = s!.counters();
    // 3 candidates (tool, a, b) for a budget of 1 a second: even if the writes straddle a second, one is refused
    expect(c.hashed + c.hashBudgetSkipped).toBe(3);
    expect(c.hashBudgetSkipped).toBeGreaterThanOrEqual(1);
  });

  it('reports a file deleted after it was seen with its last size and mode', async () => {
    const events = await start({});
    const f = join(dir, 'drop');
    writeFileSync(f, 'hello', { mode: 0o700 });
    await sleep(250);
    rmSync(f);
    await sleep(400);
    const del = events.find((e) => e.file?.action === A.DELETE && e.file.path === f);
    expect(del?.file).toMatchObject({ size: 5, mode: 0o700, modeSet: true });
    expect(s!.counters().volatileDirs).toBe(1);
  });
});
