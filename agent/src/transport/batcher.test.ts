import { describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../../proto/index.js';
import { Batcher } from './batcher.js';
import { NOTICE_RESERVE_BYTES } from './spool.js';

function event(n: number, padding = 0): xdr.v1.IEvent {
  return { timeMs: 1_700_000_000_000 + n, process: { action: 1, process: { pid: n, commandLine: `cmd ${n} ${'x'.repeat(padding)}` } } };
}

function collect(opts: { maxEvents?: number; maxBytes?: number; maxAgeMs?: number }) {
  const flushed: xdr.v1.IEvent[][] = [];
  const oversize: number[] = [];
  const b = new Batcher({ maxEvents: 2_000, maxBytes: 512 * 1024, maxAgeMs: 1_000, ...opts, onFlush: (e) => flushed.push(e), onOversize: (n) => oversize.push(n) });
  return { b, flushed, oversize };
}

describe('Batcher', () => {
  it('flushes at the count bound', () => {
    const { b, flushed } = collect({ maxEvents: 10 });
    for (let i = 0; i < 25; i++) b.push(event(i));
    expect(flushed.map((f) => f.length)).toEqual([10, 10]);
    b.close();
    expect(flushed.map((f) => f.length)).toEqual([10, 10, 5]);
    expect(flushed.flat().map((e) => e.timeMs)).toEqual(Array.from({ length: 25 }, (_, i) => 1_700_000_000_000 + i));
  });

  it('keeps every encoded batch frame within the byte bound, filling it closely', () => {
    const maxBytes = 4_096;
    const { b, flushed } = collect({ maxBytes });
    for (let i = 0; i < 500; i++) b.push(event(i, i % 97));
    b.close();
    const sizes = flushed.map((events) => wire.AgentFrame.encode({ batch: { seq: Number.MAX_SAFE_INTEGER, events } }).finish().length);
    // room is left for the loss notices the spool may add
    expect(Math.max(...sizes)).toBeLessThanOrEqual(maxBytes - NOTICE_RESERVE_BYTES);
    expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThan(maxBytes - NOTICE_RESERVE_BYTES - 250);
    expect(flushed.flat()).toHaveLength(500);
  });

  it('flushes by age', async () => {
    const { b, flushed } = collect({ maxAgeMs: 50 });
    b.push(event(1));
    b.push(event(2));
    expect(flushed).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 120));
    expect(flushed.map((f) => f.length)).toEqual([2]);
  });

  it('refuses a single event larger than the bound, and says so', () => {
    const { b, flushed, oversize } = collect({ maxBytes: 2_048 });
    b.push(event(1, 2_000));
    b.close();
    expect(flushed).toHaveLength(0);
    expect(oversize).toHaveLength(1);
    expect(oversize[0]).toBeGreaterThan(2_000);
  });

  it('lowers the bound to the collector frame limit', () => {
    const { b, flushed } = collect({});
    for (let i = 0; i < 100; i++) b.push(event(i, 50));
    b.setMaxBytes(1_500);
    expect(flushed).toHaveLength(1);
    for (let i = 0; i < 100; i++) b.push(event(i, 50));
    b.close();
    for (const events of flushed.slice(1)) expect(wire.AgentFrame.encode({ batch: { seq: 1, events } }).finish().length).toBeLessThanOrEqual(1_500 - NOTICE_RESERVE_BYTES);
  });
});
