// Insert rate of commitBatches, the collector's hot path: batches of 500 events with ~20 populated
// fields, on a real file (WAL, synchronous=FULL). A quick sanity floor runs with the suite; the full
// measurement (3 runs, median) runs with XDR_BENCH=1:
//   XDR_BENCH=1 npx vitest run collector/src/store/insert-rate.test.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.js';
import type { BatchToCommit } from './store.js';
import { BATCH_EVENTS, syntheticBatches } from './synthetic-events.js';

const FULL = process.env.XDR_BENCH === '1';
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Rate {
  /** events per wall-clock second */
  wall: number;
  /** events per second of this process's CPU time (less sensitive to other load on the box) */
  cpu: number;
}

/** Commits `all` in groups of `group` batches. */
async function run(all: BatchToCommit[], group: number): Promise<Rate> {
  const dir = mkdtempSync(join(tmpdir(), 'xdr-store-bench-'));
  dirs.push(dir);
  const store = SqliteStore.open(join(dir, 'xdr.db'));
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += group) await store.commitBatches(all.slice(i, i + group));
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const total = await store.countEvents({});
  await store.close();
  expect(total).toBe(all.length * BATCH_EVENTS);
  return { wall: total / secs, cpu: total / ((cpu.user + cpu.system) / 1e6) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('commitBatches insert rate', () => {
  it('sanity: a group commit of 40 batches x 500 events runs far above the per-event-fsync regime', async () => {
    const { wall: rate } = await run(syntheticBatches(10, 4, Date.now()), 10);
    // A loose floor that a loaded CI box still clears; an fsync per event or a missing
    // transaction would land two orders of magnitude below it.
    expect(rate).toBeGreaterThan(10_000);
  });

  it.runIf(FULL)('full measurement: 200 batches x 500 events (100,000 events), 3 runs per grouping', async () => {
    const all = syntheticBatches(20, 10, Date.now());
    const lines = [`${cpus().length} x ${cpus()[0].model}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`];
    for (const group of [1, 10, 50]) {
      const rates: Rate[] = [];
      for (let r = 0; r < 3; r++) rates.push(await run(all, group));
      const wall = rates.map((r) => Math.round(r.wall));
      const cpu = rates.map((r) => Math.round(r.cpu));
      lines.push(`${group} batch(es)/commit: median ${median(wall)} events/s wall (runs ${wall.join(', ')}), ${median(cpu)} events/CPU-s`);
    }
    console.log(lines.join('\n'));
  }, 600_000);
});
