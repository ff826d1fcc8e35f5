// The on-disk spool: every batch is a file until the collector acks it, so neither a lost
// connection nor a killed agent loses a spooled batch. Bounded by bytes: when full, the oldest
// batches go first and the loss is reported (onDrop), never silent. Also owns the batch seq,
// which is strictly increasing and never reused, across restarts too.
//
// Batch file: 16-byte header ("XDRB", u32 event count, u32 payload length, u32 crc32 of the
// payload, big-endian) then the payload, the encoded AgentFrame{batch} exactly as it is sent.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Logger } from 'pino';
import { wire, type xdr } from '../../../proto/index.js';

const MAGIC = 0x58445242; // "XDRB"
const HEADER_BYTES = 16;
const SEQ_DIGITS = 16; // 2^53 has 16 decimal digits
const BATCH_FILE = /^(\d{16})\.batch$/;

export const SPOOL_DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface DropReport {
  reason: 'spool_full' | 'frame_too_large' | 'corrupt';
  batches: number;
  events: number;
  firstSeq: number;
  lastSeq: number;
}

export interface SpoolOptions {
  dir: string;
  maxBytes?: number;
  /** how many seqs one write of the high-water mark reserves */
  seqBlock?: number;
  /** fsync batch files before they count as spooled (off only in tests) */
  durable?: boolean;
  log: Logger;
  onDrop?: (report: DropReport) => void;
}

interface Entry {
  bytes: number;
  events: number;
}

export interface SpoolUsage {
  batches: number;
  bytes: number;
}

function fileName(seq: number): string {
  return `${String(seq).padStart(SEQ_DIGITS, '0')}.batch`;
}

function writeDurably(path: string, data: Uint8Array, durable: boolean): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Checks a batch file; returns its payload (the frame) and event count, or why it is unusable. */
function parseBatchFile(buf: Buffer): { frame: Buffer; events: number } | string {
  if (buf.length < HEADER_BYTES) return `truncated header (${buf.length} bytes)`;
  if (buf.readUInt32BE(0) !== MAGIC) return 'not a batch file (bad magic)';
  const events = buf.readUInt32BE(4);
  const len = buf.readUInt32BE(8);
  if (buf.length !== HEADER_BYTES + len) return `length ${buf.length - HEADER_BYTES} does not match the header's ${len}`;
  const frame = buf.subarray(HEADER_BYTES);
  if (crc32(frame) !== buf.readUInt32BE(12)) return 'checksum mismatch';
  return { frame, events };
}

export class Spool {
  readonly dir: string;
  readonly maxBytes: number;
  private readonly seqBlock: number;
  private readonly durable: boolean;
  private readonly log: Logger;
  private readonly onDrop: (report: DropReport) => void;
  /** unacked batches in seq order (appends are monotonic; the load sorts) */
  private readonly entries = new Map<number, Entry>();
  private totalBytes = 0;
  private nextSeq = 1;
  private reservedUntil = 0;
  droppedBatches = 0;
  droppedEvents = 0;

  constructor(opts: SpoolOptions) {
    this.dir = opts.dir;
    this.maxBytes = opts.maxBytes ?? SPOOL_DEFAULT_MAX_BYTES;
    this.seqBlock = opts.seqBlock ?? 1_000;
    this.durable = opts.durable ?? true;
    this.log = opts.log;
    this.onDrop = opts.onDrop ?? (() => {});
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.load();
  }

  /** Size of a spool directory without opening it (for `xdr-agent status`). */
  static usage(dir: string): SpoolUsage {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return { batches: 0, bytes: 0 };
    }
    let batches = 0;
    let bytes = 0;
    for (const name of names) {
      if (!BATCH_FILE.test(name)) continue;
      try {
        bytes += statSync(join(dir, name)).size;
        batches++;
      } catch {
        // acked and deleted while we looked
      }
    }
    return { batches, bytes };
  }

  get batches(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** Unacked seqs, oldest first. */
  seqs(): IterableIterator<number> {
    return this.entries.keys();
  }

  has(seq: number): boolean {
    return this.entries.has(seq);
  }

  /** Spools events as the next batch; returns its seq. May drop the oldest batches to make room. */
  append(events: xdr.v1.IEvent[]): number {
    const seq = this.takeSeq();
    const frame = wire.AgentFrame.encode({ batch: { seq, events } }).finish();
    const file = Buffer.allocUnsafe(HEADER_BYTES + frame.length);
    file.writeUInt32BE(MAGIC, 0);
    file.writeUInt32BE(events.length, 4);
    file.writeUInt32BE(frame.length, 8);
    file.writeUInt32BE(crc32(frame), 12);
    file.set(frame, HEADER_BYTES);
    if (file.length > this.maxBytes) {
      this.report({ reason: 'spool_full', batches: 1, events: events.length, firstSeq: seq, lastSeq: seq });
      return seq;
    }
    this.makeRoom(file.length);
    writeDurably(join(this.dir, fileName(seq)), file, this.durable);
    this.entries.set(seq, { bytes: file.length, events: events.length });
    this.totalBytes += file.length;
    return seq;
  }

  /** The frame to send for seq, or undefined when it is gone (acked, dropped or unreadable). */
  read(seq: number): Buffer | undefined {
    if (!this.entries.has(seq)) return undefined;
    let parsed: ReturnType<typeof parseBatchFile>;
    try {
      parsed = parseBatchFile(readFileSync(join(this.dir, fileName(seq))));
    } catch (err) {
      parsed = (err as Error).message;
    }
    if (typeof parsed === 'string') {
      this.log.error({ seq, problem: parsed }, 'spooled batch is unreadable: dropped');
      this.drop(seq, 'corrupt');
      return undefined;
    }
    return parsed.frame;
  }

  /** The collector committed seq: forget it. */
  ack(seq: number): boolean {
    const entry = this.entries.get(seq);
    if (!entry) return false;
    this.remove(seq, entry);
    return true;
  }

  /** Removes a batch that cannot be delivered and reports the loss. */
  drop(seq: number, reason: DropReport['reason']): void {
    const entry = this.entries.get(seq);
    if (!entry) return;
    this.remove(seq, entry);
    this.report({ reason, batches: 1, events: entry.events, firstSeq: seq, lastSeq: seq });
  }

  private remove(seq: number, entry: Entry): void {
    this.entries.delete(seq);
    this.totalBytes -= entry.bytes;
    try {
      unlinkSync(join(this.dir, fileName(seq)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log.error({ err, seq }, 'cannot delete spooled batch');
    }
  }

  private makeRoom(needed: number): void {
    if (this.totalBytes + needed <= this.maxBytes) return;
    let batches = 0;
    let events = 0;
    let firstSeq = 0;
    let lastSeq = 0;
    for (const [seq, entry] of this.entries) {
      if (this.totalBytes + needed <= this.maxBytes) break;
      this.remove(seq, entry);
      if (!firstSeq) firstSeq = seq;
      lastSeq = seq;
      batches++;
      events += entry.events;
    }
    this.report({ reason: 'spool_full', batches, events, firstSeq, lastSeq });
  }

  private report(r: DropReport): void {
    this.droppedBatches += r.batches;
    this.droppedEvents += r.events;
    this.log.warn({ ...r, maxBytes: this.maxBytes }, 'spool dropped batches');
    this.onDrop(r);
  }

  private takeSeq(): number {
    if (this.nextSeq >= this.reservedUntil) this.reserve(this.nextSeq + this.seqBlock);
    return this.nextSeq++;
  }

  /** Persists the high-water mark first, so no seq below it is ever handed out again. */
  private reserve(until: number): void {
    writeDurably(join(this.dir, 'seq'), Buffer.from(`${until}\n`), true);
    fsyncDir(this.dir);
    this.reservedUntil = until;
  }

  private load(): void {
    let highWater = 1;
    const seqPath = join(this.dir, 'seq');
    try {
      const text = readFileSync(seqPath, 'utf8').trim();
      const n = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw new Error(`"${text.slice(0, 40)}" is not a sequence number`);
      highWater = n;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        // Reusing a seq would make the collector discard new batches as duplicates. Seqs grow by
        // at most a few per second, so the clock in ms is far above any seq handed out before.
        highWater = Date.now();
        this.log.error({ err, seqPath, restartAt: highWater }, 'seq high-water mark unreadable: continuing from the clock');
      }
    }
    const found: Array<[number, Entry]> = [];
    const corrupt: number[] = [];
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (name.endsWith('.tmp')) {
        this.log.warn({ file: name }, 'removing a partial spool write left by a crash');
        unlinkSync(path);
        continue;
      }
      const m = BATCH_FILE.exec(name);
      if (!m) continue;
      const seq = Number(m[1]);
      let parsed: ReturnType<typeof parseBatchFile>;
      try {
        parsed = parseBatchFile(readFileSync(path));
      } catch (err) {
        parsed = (err as Error).message;
      }
      if (typeof parsed === 'string') {
        this.log.error({ file: name, problem: parsed }, 'corrupt spool file removed');
        try {
          unlinkSync(path);
        } catch (err) {
          this.log.error({ err, file: name }, 'cannot remove corrupt spool file');
        }
        corrupt.push(seq);
        continue;
      }
      found.push([seq, { bytes: HEADER_BYTES + parsed.frame.length, events: parsed.events }]);
    }
    found.sort((a, b) => a[0] - b[0]);
    for (const [seq, entry] of found) {
      this.entries.set(seq, entry);
      this.totalBytes += entry.bytes;
    }
    const last = Math.max(0, ...found.map(([seq]) => seq), ...corrupt);
    this.nextSeq = Math.max(highWater, last + 1);
    this.reservedUntil = this.nextSeq;
    if (corrupt.length) {
      // the events in those files are unknown, so only the batches can be counted
      this.report({ reason: 'corrupt', batches: corrupt.length, events: 0, firstSeq: Math.min(...corrupt), lastSeq: Math.max(...corrupt) });
    }
  }
}
