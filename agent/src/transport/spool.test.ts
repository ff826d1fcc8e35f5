import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../../proto/index.js';
import { Spool, type DropReport } from './spool.js';

const log = pino({ level: 'silent' });
const events = (n: number, pad = 0): xdr.v1.IEvent[] =>
  Array.from({ length: n }, (_, i) => ({ timeMs: 1_700_000_000_000 + i, process: { action: 1, process: { pid: i, commandLine: 'x'.repeat(pad) } } }));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-spool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Spool', () => {
  it('keeps each batch in its own zero-padded file until acked, and returns the exact frame', () => {
    const spool = new Spool({ dir, log, durable: false });
    const a = spool.append(events(3));
    const b = spool.append(events(2));
    expect([a, b]).toEqual([1, 2]);
    expect(readdirSync(dir).sort()).toEqual(['0000000000000001.batch', '0000000000000002.batch', 'seq']);
    const frame = wire.AgentFrame.decode(spool.read(a)!);
    expect(frame.batch!.seq).toBe(1);
    expect(frame.batch!.events).toHaveLength(3);
    expect(spool.ack(a)).toBe(true);
    expect(spool.ack(a)).toBe(false);
    expect([...spool.seqs()]).toEqual([2]);
    expect(readdirSync(dir)).not.toContain('0000000000000001.batch');
  });

  it('reloads unacked batches after a restart and never reuses a seq, even when empty', () => {
    const first = new Spool({ dir, log, durable: false });
    first.append(events(1));
    first.append(events(1));
    first.ack(1);
    const second = new Spool({ dir, log, durable: false });
    expect([...second.seqs()]).toEqual([2]);
    const next = second.append(events(1));
    expect(next).toBeGreaterThan(2);
    second.ack(2);
    second.ack(next);
    expect(second.batches).toBe(0);
    const third = new Spool({ dir, log, durable: false });
    expect(third.append(events(1))).toBeGreaterThan(next);
    // the high-water mark is reserved in blocks, not written per batch
    expect(Number(readFileSync(join(dir, 'seq'), 'utf8'))).toBeGreaterThan(next + 1);
  });

  it('drops the oldest batches when full and reports what it dropped', () => {
    const reports: DropReport[] = [];
    const spool = new Spool({ dir, log, durable: false, maxBytes: 10_000, onDrop: (r) => reports.push(r) });
    for (let i = 0; i < 10; i++) spool.append(events(10, 80)); // ~1 KiB each
    expect(spool.bytes).toBeLessThanOrEqual(10_000);
    const kept = [...spool.seqs()];
    expect(kept[kept.length - 1]).toBe(10);
    expect(kept[0]).toBeGreaterThan(1);
    const dropped = reports.reduce((s, r) => s + r.batches, 0);
    expect(dropped).toBe(kept[0] - 1);
    expect(reports.every((r) => r.reason === 'spool_full')).toBe(true);
    expect(reports[0].firstSeq).toBe(1);
    expect(spool.droppedBatches).toBe(dropped);
    expect(spool.droppedEvents).toBe(dropped * 10);
    expect(readdirSync(dir).filter((f) => f.endsWith('.batch'))).toHaveLength(kept.length);
  });

  it('removes corrupt and partial files at start instead of crashing', () => {
    const first = new Spool({ dir, log, durable: false });
    for (let i = 0; i < 4; i++) first.append(events(2));
    const file = (seq: number) => join(dir, `${String(seq).padStart(16, '0')}.batch`);
    const bytes = readFileSync(file(2));
    writeFileSync(file(2), bytes.subarray(0, bytes.length - 3)); // truncated
    const flipped = readFileSync(file(3));
    flipped[flipped.length - 1] ^= 0xff;
    writeFileSync(file(3), flipped); // bit rot
    writeFileSync(join(dir, '0000000000000009.batch.tmp'), 'half a write');
    const reports: DropReport[] = [];
    const second = new Spool({ dir, log, durable: false, onDrop: (r) => reports.push(r) });
    expect([...second.seqs()]).toEqual([1, 4]);
    expect(readdirSync(dir).sort()).toEqual(['0000000000000001.batch', '0000000000000004.batch', 'seq']);
    expect(reports).toEqual([{ reason: 'corrupt', batches: 2, events: 0, firstSeq: 2, lastSeq: 3 }]);
    expect(wire.AgentFrame.decode(second.read(4)!).batch!.seq).toBe(4);
  });

  it('continues from the clock when the seq file is unreadable, so no seq is reused', () => {
    const first = new Spool({ dir, log, durable: false });
    first.append(events(1));
    writeFileSync(join(dir, 'seq'), 'garbage');
    const before = Date.now();
    const second = new Spool({ dir, log, durable: false });
    expect(second.append(events(1))).toBeGreaterThanOrEqual(before);
  });

  it('counts spool usage without opening the spool', () => {
    const spool = new Spool({ dir, log, durable: false });
    spool.append(events(5));
    spool.append(events(5));
    expect(Spool.usage(dir)).toEqual({ batches: 2, bytes: spool.bytes });
    expect(Spool.usage(join(dir, 'missing'))).toEqual({ batches: 0, bytes: 0 });
    expect(Spool.frames(dir).map(({ seq, frame }) => [seq, wire.AgentFrame.decode(frame).batch!.events!.length])).toEqual([[1, 5], [2, 5]]);
  });
});
