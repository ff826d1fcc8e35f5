// Final results (succeeded, failed, refused) wait here, on disk, until a session carries them to
// the collector: a result of an action that finished while offline, or just before the agent
// stopped, is sent on the next session. Bounded in count and bytes; beyond, the oldest result is
// dropped with an error log line (the collector then sees the action expire).
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { wire, type xdr } from '../../../proto/index.js';
import { writeFileAtomic } from '../state-dir.js';

export const OUTBOX_MAX_RESULTS = 256;
export const OUTBOX_MAX_BYTES = 64 * 1024 * 1024;

export interface OutboxEntry {
  name: string;
  result: xdr.v1.ICommandResult;
}

export class Outbox {
  private seq = 0;
  private bytes = 0;
  private readonly sizes = new Map<string, number>();
  dropped = 0;

  constructor(
    private readonly dir: string,
    private readonly log: Logger,
    private readonly maxResults = OUTBOX_MAX_RESULTS,
    private readonly maxBytes = OUTBOX_MAX_BYTES,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of this.names()) {
      const size = statSync(join(dir, name)).size;
      this.sizes.set(name, size);
      this.bytes += size;
      this.seq = Math.max(this.seq, Number(name.split('.')[0]) || 0);
    }
  }

  get size(): number {
    return this.sizes.size;
  }

  /** Stores a final result; returns its entry name. */
  put(result: xdr.v1.ICommandResult): string {
    const data = wire.CommandResult.encode(result).finish();
    const name = `${String(++this.seq).padStart(12, '0')}.result`;
    writeFileAtomic(join(this.dir, name), data);
    this.sizes.set(name, data.length);
    this.bytes += data.length;
    while (this.sizes.size > this.maxResults || (this.bytes > this.maxBytes && this.sizes.size > 1)) {
      const oldest = this.names()[0];
      const old = this.read(oldest);
      this.dropped++;
      this.log.error({ actionId: old?.actionId, dropped: this.dropped, results: this.sizes.size, bytes: this.bytes }, 'response outbox full: the oldest undelivered result was dropped');
      this.remove(oldest);
    }
    return name;
  }

  /** The stored results, oldest first. */
  list(): OutboxEntry[] {
    const out: OutboxEntry[] = [];
    for (const name of this.names()) {
      const result = this.read(name);
      if (result) out.push({ name, result });
    }
    return out;
  }

  remove(name: string): void {
    const size = this.sizes.get(name);
    if (size === undefined) return;
    this.sizes.delete(name);
    this.bytes -= size;
    try {
      unlinkSync(join(this.dir, name));
    } catch {
      // already gone
    }
  }

  has(name: string): boolean {
    return this.sizes.has(name);
  }

  private names(): string[] {
    return readdirSync(this.dir).filter((n) => n.endsWith('.result')).sort();
  }

  private read(name: string): xdr.v1.ICommandResult | undefined {
    try {
      return wire.CommandResult.decode(readFileSync(join(this.dir, name)));
    } catch (err) {
      this.log.error({ err, file: join(this.dir, name) }, 'unreadable result in the response outbox: removed');
      this.remove(name);
      return undefined;
    }
  }
}
