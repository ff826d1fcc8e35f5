// Pushes new and updated alerts to the configured sinks (webhooks, syslog). Each sink has its
// own bounded queue and one delivery loop, so a slow or dead receiver delays only itself. A
// failed delivery is retried with exponential backoff and jitter up to `maxAttempts`; a full
// queue drops its oldest notification (a newer update of the same alert supersedes it). Both
// are counted in /metrics, and logged.
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../../metrics.js';
import type { RenderedAlert } from '../alerts/render.js';

export interface AlertNotification {
  type: 'alert.created' | 'alert.updated';
  /** unique per notification, the same across retries (receivers dedupe on it) */
  deliveryId: string;
  alert: RenderedAlert;
}

export interface Sink {
  /** stable label for metrics and logs, e.g. `webhook:https://siem.example/hook` */
  readonly name: string;
  send(n: AlertNotification): Promise<void>;
  close(): Promise<void>;
}

/** A failure that retrying cannot fix (e.g. HTTP 400): given up at once. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

export interface DeliveryOptions {
  /** notifications waiting per sink (default 1,000) */
  maxQueue: number;
  /** attempts per notification, the first included (default 6) */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { maxQueue: 1000, maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Delay before retry `attempt` (1-based): exponential with full jitter in its upper half. */
export function backoffMs(attempt: number, o: Pick<DeliveryOptions, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const cap = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

class SinkQueue {
  private readonly queue: AlertNotification[] = [];
  private running = false;
  private closed = false;
  private wake: (() => void) | undefined;
  private idle: Promise<void> = Promise.resolve();
  private sleeping: { timer: NodeJS.Timeout; done: () => void } | undefined;

  constructor(
    readonly sink: Sink,
    private readonly o: DeliveryOptions,
    private readonly metrics: CollectorMetrics | undefined,
    private readonly log: Logger,
  ) {}

  get depth(): number {
    return this.queue.length;
  }

  push(n: AlertNotification): void {
    if (this.closed) return;
    if (this.queue.length >= this.o.maxQueue) {
      const dropped = this.queue.shift()!;
      this.metrics?.outboundDropped.inc({ sink: this.sink.name });
      this.log.warn({ sink: this.sink.name, alert: dropped.alert.id, type: dropped.type, maxQueue: this.o.maxQueue }, 'outbound queue full: oldest notification dropped');
    }
    this.queue.push(n);
    if (!this.running) {
      this.running = true;
      this.idle = this.run();
    }
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.closed && this.queue.length > 0) {
      // taken out while in flight: the bound counts only notifications waiting
      await this.deliver(this.queue.shift()!);
    }
    this.running = false;
  }

  private async deliver(n: AlertNotification): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.sink.send(n);
        this.metrics?.outboundDelivered.inc({ sink: this.sink.name });
        return;
      } catch (err) {
        const permanent = err instanceof PermanentDeliveryError;
        if (permanent || attempt >= this.o.maxAttempts || this.closed) {
          this.metrics?.outboundFailed.inc({ sink: this.sink.name });
          this.log.error({ sink: this.sink.name, alert: n.alert.id, attempts: attempt, err: (err as Error).message }, 'alert notification not delivered; giving up');
          return;
        }
        this.metrics?.outboundRetries.inc({ sink: this.sink.name });
        const delay = backoffMs(attempt, this.o);
        this.log.warn({ sink: this.sink.name, alert: n.alert.id, attempt, retryInMs: delay, err: (err as Error).message }, 'alert notification failed; retrying');
        await this.sleep(delay);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(() => { this.sleeping = undefined; done(); }, ms);
      timer.unref();
      this.sleeping = { timer, done };
    });
  }

  /** Stops retrying; waits at most `graceMs` for the queue to drain. */
  async close(graceMs: number): Promise<void> {
    const drained = this.idle;
    await Promise.race([drained, new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.closed = true;
    if (this.sleeping) { clearTimeout(this.sleeping.timer); this.sleeping.done(); }
    await this.sink.close();
  }
}

export class Outbound {
  private readonly queues: SinkQueue[];

  constructor(sinks: readonly Sink[], options: Partial<DeliveryOptions>, metrics: CollectorMetrics | undefined, log: Logger) {
    const o = { ...DEFAULT_DELIVERY, ...options };
    this.queues = sinks.map((s) => new SinkQueue(s, o, metrics, log));
  }

  get sinks(): string[] {
    return this.queues.map((q) => q.sink.name);
  }

  notify(n: AlertNotification): void {
    for (const q of this.queues) q.push(n);
  }

  depth(): Record<string, number> {
    return Object.fromEntries(this.queues.map((q) => [q.sink.name, q.depth]));
  }

  async close(graceMs = 2000): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close(graceMs)));
  }
}
