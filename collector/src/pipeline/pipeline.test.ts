import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../../proto/index.js';
import { CollectorMetrics } from '../metrics.js';
import { StoreError } from '../store/errors.js';
import { SqliteStore } from '../store/sqlite-store.js';
import type { BatchToCommit, Store } from '../store/store.js';
import { BatchQueue, type IncomingBatch } from './batch-queue.js';
import type { EcsEvent } from './ecs.js';
import { Pipeline } from './pipeline.js';

const log = pino({ level: 'silent' });
const stores: SqliteStore[] = [];
afterEach(async () => { for (const s of stores.splice(0)) await s.close(); });

function realStore(): SqliteStore {
  const s = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'xdr-pipeline-')), 'xdr.db'));
  stores.push(s);
  return s;
}

function proc(cmd: string): xdr.v1.IEvent {
  return { timeMs: 1_700_000_000_000, process: { action: wire.ProcessEvent.Action.START, process: { pid: 7, name: 'sh', commandLine: cmd } } };
}

type Outcome = { duplicate: boolean } | { error: Error };

function batch(agentId: string, seq: number, events: xdr.v1.IEvent[], outcomes: Outcome[]): IncomingBatch {
  return {
    origin: { agentId, hostId: `h-${agentId}`, hostName: agentId, hostIps: [] },
    seq,
    events: events.length,
    bytes: wire.EventBatch.encode({ seq, events }).finish(),
    settle: (o) => outcomes.push(o),
  };
}

async function settled(outcomes: Outcome[], n: number): Promise<void> {
  for (let i = 0; i < 200 && outcomes.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(outcomes).toHaveLength(n);
}

function counting(store: Store, onCommit?: (batches: BatchToCommit[]) => void): Store & { calls: number } {
  const wrapped = Object.create(store) as Store & { calls: number };
  wrapped.calls = 0;
  wrapped.commitBatches = async (batches) => {
    wrapped.calls++;
    onCommit?.(batches);
    return store.commitBatches(batches);
  };
  return wrapped;
}

describe('Pipeline', () => {
  it('commits what is waiting in one group, acks after the commit and publishes only new events', async () => {
    const store = counting(realStore());
    const queue = new BatchQueue(10_000);
    const metrics = new CollectorMetrics();
    const pipeline = new Pipeline(queue, store, metrics, log, { maxGroupEvents: 10_000 });
    const published: EcsEvent[] = [];
    pipeline.subscribe((evs) => published.push(...evs));
    const outcomes: Outcome[] = [];
    queue.push(batch('a', 1, [proc('one'), proc('two')], outcomes));
    queue.push(batch('b', 1, [proc('three')], outcomes));
    queue.push(batch('a', 1, [proc('one'), proc('two')], outcomes));
    pipeline.start();
    await settled(outcomes, 3);
    await pipeline.stop();
    expect(store.calls).toBe(1);
    expect(outcomes).toEqual([{ duplicate: false }, { duplicate: false }, { duplicate: true }]);
    expect(published.map((e) => e['process.command_line'])).toEqual(['one', 'two', 'three']);
    expect(published[0]['event.id']).toBe('a:1:0');
    expect(await store.countEvents({})).toBe(3);
    expect((await metrics.registry.getSingleMetricAsString('xdr_batches_duplicate_total'))).toMatch(/ 1$/);
  });

  it('sets aside an event the store rejects and still commits the rest of every batch', async () => {
    const real = realStore();
    const poisoned: Store = Object.create(real);
    poisoned.commitBatches = async (batches) => {
      for (const b of batches) {
        const i = b.events.findIndex((e) => e['process.command_line'] === 'poison');
        if (i >= 0) throw new StoreError('STORE_BAD_EVENT', 'rejected', { agentId: b.agentId, seq: b.seq, index: i });
      }
      return real.commitBatches(batches);
    };
    const queue = new BatchQueue(10_000);
    const metrics = new CollectorMetrics();
    const pipeline = new Pipeline(queue, poisoned, metrics, log, { maxGroupEvents: 10_000 });
    const outcomes: Outcome[] = [];
    queue.push(batch('a', 1, [proc('ok-1'), proc('poison'), proc('ok-2')], outcomes));
    queue.push(batch('b', 1, [proc('ok-3')], outcomes));
    pipeline.start();
    await settled(outcomes, 2);
    await pipeline.stop();
    expect(outcomes).toEqual([{ duplicate: false }, { duplicate: false }]);
    const stored = (await real.queryEvents({ limit: 10 })).events.map((e) => e['process.command_line']).sort();
    expect(stored).toEqual(['ok-1', 'ok-2', 'ok-3']);
    expect(await metrics.registry.getSingleMetricAsString('xdr_events_invalid_total')).toMatch(/ 1$/);
  });

  it('acks nothing when the store cannot commit, so agents keep their batches', async () => {
    const real = realStore();
    const broken: Store = Object.create(real);
    broken.commitBatches = async () => { throw new StoreError('STORE_WRITE_FAILED', 'disk full'); };
    const queue = new BatchQueue(10_000);
    const pipeline = new Pipeline(queue, broken, new CollectorMetrics(), log, { maxGroupEvents: 10_000 });
    const outcomes: Outcome[] = [];
    queue.push(batch('a', 1, [proc('x')], outcomes));
    pipeline.start();
    await settled(outcomes, 1);
    await pipeline.stop();
    expect('error' in outcomes[0]).toBe(true);
    expect(await real.countEvents({})).toBe(0);
  });

  it('skips events it cannot normalise and counts them', async () => {
    const store = realStore();
    const queue = new BatchQueue(10_000);
    const metrics = new CollectorMetrics();
    const pipeline = new Pipeline(queue, store, metrics, log, { maxGroupEvents: 10_000 });
    const outcomes: Outcome[] = [];
    queue.push(batch('a', 1, [proc('fine'), { timeMs: 1 }], outcomes));
    pipeline.start();
    await settled(outcomes, 1);
    await pipeline.stop();
    expect(await store.countEvents({})).toBe(1);
    expect(await metrics.registry.getSingleMetricAsString('xdr_events_invalid_total')).toMatch(/ 1$/);
  });
});

describe('BatchQueue', () => {
  it('is full at its bound in events and calls drain waiters at half', () => {
    const q = new BatchQueue(10);
    const outcomes: Outcome[] = [];
    const six = Array.from({ length: 6 }, () => proc('x'));
    q.push(batch('a', 1, six, outcomes));
    expect(q.full).toBe(false);
    q.push(batch('a', 2, six, outcomes));
    expect(q.full).toBe(true);
    let drained = 0;
    q.onDrain(() => drained++);
    expect(q.take(6)).toHaveLength(1);
    expect(drained).toBe(0); // 6 events left, above half
    expect(q.take(6)).toHaveLength(1);
    expect(drained).toBe(1);
    expect(q.full).toBe(false);
  });

  it('takes at least one batch even when it alone exceeds the group bound', () => {
    const q = new BatchQueue(100);
    q.push(batch('a', 1, Array.from({ length: 50 }, () => proc('x')), []));
    expect(q.take(10)).toHaveLength(1);
  });
});
