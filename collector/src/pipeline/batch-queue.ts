// The in-process bus between the gateway and the pipeline: a FIFO of agent batches bounded by
// the events it holds (decoded events are what costs memory). When it reaches its high-water mark the gateway pauses the sockets that feed it (backpressure)
// and resumes them when it drains below half, so memory stays flat under any load. A NATS
// JetStream bus replaces this class when collectors scale out (ARCHITECTURE.md, Scale).
import type { EventOrigin } from './normalise.js';

export interface IncomingBatch {
  origin: EventOrigin;
  seq: number;
  /** number of events in `bytes` */
  events: number;
  /** the encoded EventBatch, decoded when it is committed */
  bytes: Uint8Array;
  /** called exactly once: after the batch is committed (durable) or when it could not be. */
  settle(outcome: { duplicate: boolean } | { error: Error }): void;
}

export class BatchQueue {
  private items: IncomingBatch[] = [];
  private head = 0;
  private drainWaiters: Array<() => void> = [];
  private itemWaiter: (() => void) | null = null;
  private events = 0;

  /** `highWater`: events held at which the gateway pauses its sockets. */
  constructor(readonly highWater: number) {
    if (!(highWater >= 1)) throw new Error(`pipeline queue bound must be at least 1 event, got ${highWater}`);
  }

  /** batches waiting */
  get depth(): number {
    return this.items.length - this.head;
  }

  get full(): boolean {
    return this.events >= this.highWater;
  }

  push(batch: IncomingBatch): void {
    this.items.push(batch);
    this.events += batch.events;
    this.itemWaiter?.();
    this.itemWaiter = null;
  }

  /** Takes batches from the front until `maxEvents` would be exceeded (at least one). */
  take(maxEvents: number): IncomingBatch[] {
    const out: IncomingBatch[] = [];
    let events = 0;
    while (this.head < this.items.length) {
      const next = this.items[this.head];
      if (out.length > 0 && events + next.events > maxEvents) break;
      out.push(next);
      events += next.events;
      this.head++;
    }
    this.events -= events;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (this.events <= this.highWater / 2 && this.drainWaiters.length > 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
    return out;
  }

  /** Resolves when a batch is available. */
  whenNotEmpty(): Promise<void> {
    if (this.depth > 0) return Promise.resolve();
    return new Promise((resolve) => { this.itemWaiter = resolve; });
  }

  /** Calls `cb` once, when the queue has drained to half its bound. */
  onDrain(cb: () => void): void {
    this.drainWaiters.push(cb);
  }
}
