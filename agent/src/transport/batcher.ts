// Accumulates events into batches bounded by count, encoded bytes and age. A flushed batch is
// handed to `onFlush`, which gives it the next seq and spools it; the bounds keep every batch
// frame under the collector's frame limit.
import { wire, type xdr } from '../../../proto/index.js';
import { NOTICE_RESERVE_BYTES } from './spool.js';

export interface BatchLimits {
  maxEvents: number;
  /** bound on the encoded AgentFrame carrying the batch */
  maxBytes: number;
  maxAgeMs: number;
}

export interface BatcherOptions extends BatchLimits {
  onFlush: (events: xdr.v1.IEvent[]) => void;
  /** an event that alone exceeds maxBytes cannot be sent: it is dropped and reported here */
  onOversize: (bytes: number) => void;
}

export const BATCH_DEFAULTS: Readonly<BatchLimits> = { maxEvents: 2_000, maxBytes: 512 * 1024, maxAgeMs: 1_000 };

/** Bytes of a length-delimited field (tag, length varint, body) holding `len` bytes. */
function fieldBytes(len: number): number {
  let varint = 1;
  for (let v = len; v >= 0x80; v >>>= 7) varint++;
  return 1 + varint + len;
}

// AgentFrame{batch: EventBatch{seq, events}}: the seq field (tag + up to 10-byte varint), the
// frame's own tag and length (a varint of at most 5 bytes for any frame we allow), and room for
// the loss notices the spool may add.
const FRAME_OVERHEAD = 11 + 6 + NOTICE_RESERVE_BYTES;

export class Batcher {
  private events: xdr.v1.IEvent[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private maxBytes: number;

  constructor(private readonly opts: BatcherOptions) {
    this.maxBytes = opts.maxBytes;
  }

  get pending(): number {
    return this.events.length;
  }

  /** Lowers the byte bound, e.g. to the frame limit the collector announced in Welcome. */
  setMaxBytes(maxBytes: number): void {
    this.maxBytes = Math.min(this.opts.maxBytes, maxBytes);
    if (this.bytes + FRAME_OVERHEAD > this.maxBytes) this.flush();
  }

  push(ev: xdr.v1.IEvent): void {
    const size = fieldBytes(wire.Event.encode(ev).len);
    if (size + FRAME_OVERHEAD > this.maxBytes) {
      this.opts.onOversize(size);
      return;
    }
    if (this.bytes + size + FRAME_OVERHEAD > this.maxBytes) this.flush();
    this.events.push(ev);
    this.bytes += size;
    if (this.events.length >= this.opts.maxEvents) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.opts.maxAgeMs);
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.events.length === 0) return;
    const events = this.events;
    this.events = [];
    this.bytes = 0;
    this.opts.onFlush(events);
  }

  /** Flushes what is pending and stops the age timer. */
  close(): void {
    this.flush();
  }
}
