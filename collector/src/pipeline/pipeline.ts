// The pipeline consumes agent batches from the bus: normalise -> commit (one durable group
// transaction for everything waiting) -> settle (ack) -> publish committed events to
// subscribers (detection). Acks never precede the fsync that makes the batch durable.
import type { Logger } from 'pino';
import { wire } from '../../../proto/index.js';
import type { CollectorMetrics } from '../metrics.js';
import { StoreError } from '../store/errors.js';
import type { BatchToCommit, CommitOutcome, Store } from '../store/store.js';
import type { EcsEvent } from './ecs.js';
import type { BatchQueue, IncomingBatch } from './batch-queue.js';
import { normaliseEvent } from './normalise.js';

const MAX_COMMITS_IN_FLIGHT = 2;

export type CommittedListener = (events: EcsEvent[]) => void;

export interface PipelineOptions {
  /** upper bound of events in one group commit */
  maxGroupEvents: number;
}

export class Pipeline {
  private running = false;
  private loop: Promise<void> | null = null;
  private listeners: CommittedListener[] = [];

  constructor(
    private readonly queue: BatchQueue,
    private readonly store: Store,
    private readonly metrics: CollectorMetrics,
    private readonly log: Logger,
    private readonly options: PipelineOptions,
  ) {}

  subscribe(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batches already taken are committed and settled. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    // Two group commits may be outstanding: while the store makes one durable, the next is
    // normalised and handed over, so the writer never waits for this thread.
    const inFlight = new Set<Promise<void>>();
    while (this.running) {
      if (inFlight.size >= MAX_COMMITS_IN_FLIGHT) {
        await Promise.race(inFlight);
        continue;
      }
      await Promise.race([this.queue.whenNotEmpty(), this.idleTick()]);
      if (this.queue.depth === 0) continue;
      // Let every socket that is ready deliver its frames first, so the group is as large as
      // what is waiting: one fsync is amortised over all of it.
      await new Promise((resolve) => setImmediate(resolve));
      const group = this.queue.take(this.options.maxGroupEvents);
      this.metrics.pipelineDepth.set(this.queue.depth);
      const commit: Promise<void> = this.commit(group).finally(() => inFlight.delete(commit));
      inFlight.add(commit);
    }
    await Promise.all(inFlight);
  }

  /** Wakes the loop periodically so `stop()` is noticed even when no batch arrives. */
  private idleTick(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 200).unref());
  }

  /**
   * Commits the group in one transaction. If that fails, the batches are committed one by one so
   * that one bad batch cannot stop every agent's acks: an event the store rejects
   * (STORE_BAD_EVENT) is set aside, counted and logged, and its batch committed without it. A
   * batch that still fails (disk full, I/O) stays unacked; its agent keeps it and sends it again.
   * Returns undefined when not even that works, per batch undefined when that batch failed.
   */
  private async commitOrIsolate(batches: BatchToCommit[]): Promise<Array<CommitOutcome | undefined> | undefined> {
    try {
      return await this.store.commitBatches(batches);
    } catch (err) {
      this.log.error({ err, batches: batches.length }, 'group commit failed; committing batch by batch');
    }
    const outcomes: Array<CommitOutcome | undefined> = [];
    for (const batch of batches) {
      let events = batch.events;
      let outcome: CommitOutcome | undefined;
      for (let attempt = 0; attempt <= batch.events.length && !outcome; attempt++) {
        try {
          outcome = (await this.store.commitBatches([{ ...batch, events }]))[0];
        } catch (err) {
          const index = err instanceof StoreError && err.code === 'STORE_BAD_EVENT' ? err.context.index : undefined;
          if (index === undefined || index >= events.length) {
            this.log.error({ err, agent: batch.agentId, seq: batch.seq }, 'batch not committed; it stays unacked');
            break;
          }
          this.metrics.eventsInvalid.inc();
          this.log.warn({ agent: batch.agentId, seq: batch.seq, index, reason: (err as Error).message }, 'event rejected by the store and skipped');
          events = events.filter((_, i) => i !== index);
        }
      }
      outcomes.push(outcome);
    }
    return outcomes.some(Boolean) ? outcomes : undefined;
  }

  private async commit(group: IncomingBatch[]): Promise<void> {
    const batches: BatchToCommit[] = [];
    for (const b of group) {
      const events: EcsEvent[] = [];
      const decoded = wire.EventBatch.decode(b.bytes).events;
      for (let i = 0; i < decoded.length; i++) {
        const ev = normaliseEvent(decoded[i], b.origin, b.seq, i);
        if (typeof ev === 'string') {
          this.metrics.eventsInvalid.inc();
          this.log.warn({ agent: b.origin.agentId, seq: b.seq, reason: ev }, 'event skipped: it cannot be normalised');
          continue;
        }
        if (ev['event.action'] === 'spool_dropped') this.metrics.spoolDropped.inc(Number(ev['event.count'] ?? 0));
        events.push(ev);
      }
      this.metrics.eventsReceived.inc(decoded.length);
      batches.push({ agentId: b.origin.agentId, seq: b.seq, events });
    }
    const outcomes = await this.commitOrIsolate(batches);
    if (!outcomes) {
      for (const b of group) b.settle({ error: new Error('the store cannot commit') });
      return;
    }
    const committed: EcsEvent[] = [];
    for (let i = 0; i < group.length; i++) {
      const outcome = outcomes[i];
      if (!outcome) {
        group[i].settle({ error: new Error('batch could not be committed') });
        continue;
      }
      if (outcome.duplicate) this.metrics.duplicatesIgnored.inc();
      else {
        this.metrics.batchesCommitted.inc();
        this.metrics.eventsCommitted.inc(outcome.written);
        for (const ev of batches[i].events) committed.push(ev);
      }
      group[i].settle({ duplicate: outcome.duplicate });
    }
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (err) {
        this.log.error({ err }, 'a pipeline subscriber failed; the events are stored and acked');
      }
    }
  }
}
