// The pipeline consumes agent batches from the bus: normalise -> commit (one durable group
// transaction for everything waiting) -> settle (ack) -> publish committed events to
// subscribers (detection). Acks never precede the fsync that makes the batch durable.
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../metrics.js';
import type { BatchToCommit, Store } from '../store/store.js';
import type { EcsEvent } from './ecs.js';
import type { BatchQueue, IncomingBatch } from './batch-queue.js';
import { normaliseEvent } from './normalise.js';

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
    while (this.running) {
      await Promise.race([this.queue.whenNotEmpty(), this.idleTick()]);
      if (this.queue.depth === 0) continue;
      const group = this.queue.take(this.options.maxGroupEvents);
      this.metrics.pipelineDepth.set(this.queue.depth);
      await this.commit(group);
    }
  }

  /** Wakes the loop periodically so `stop()` is noticed even when no batch arrives. */
  private idleTick(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 200).unref());
  }

  private async commit(group: IncomingBatch[]): Promise<void> {
    const batches: BatchToCommit[] = [];
    for (const b of group) {
      const events: EcsEvent[] = [];
      for (let i = 0; i < b.events.length; i++) {
        const ev = normaliseEvent(b.events[i], b.origin, b.seq, i);
        if (typeof ev === 'string') {
          this.metrics.eventsInvalid.inc();
          this.log.warn({ agent: b.origin.agentId, seq: b.seq, reason: ev }, 'event skipped: it cannot be normalised');
          continue;
        }
        if (ev['event.action'] === 'spool_dropped') this.metrics.spoolDropped.inc(Number(ev['event.count'] ?? 0));
        events.push(ev);
      }
      this.metrics.eventsReceived.inc(b.events.length);
      batches.push({ agentId: b.origin.agentId, seq: b.seq, events });
    }
    let outcomes;
    try {
      outcomes = await this.store.commitBatches(batches);
    } catch (err) {
      // Nothing is acked: the agents keep the batches in their spools and send them again.
      this.log.error({ err, batches: batches.length }, 'group commit failed; batches stay unacked');
      for (const b of group) b.settle({ error: err as Error });
      return;
    }
    const committed: EcsEvent[] = [];
    for (let i = 0; i < group.length; i++) {
      const outcome = outcomes[i];
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
