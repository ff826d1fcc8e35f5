// The on-disk spool: every batch is a file until the collector acks it, so neither a lost
// connection nor a killed agent loses a spooled batch. Bounded by bytes: when full, the oldest
// batches go first and the loss is never silent: the next spooled batch carries an AgentNotice
// (`spool_dropped`, count = events lost). When a batch that carried such a notice is dropped in
// turn, its count is carried into the next notice, so the counts the collector receives add up
// to exactly the events lost. Also owns the batch seq: strictly increasing, never reused, across
// restarts too.
//
// Batch file: 28-byte header (big-endian u32s: "XDRB", events, carried batches, carried events,
// carried corrupt files, payload length, crc32 of the payload), then the payload: the encoded
// AgentFrame{batch} exactly as it is sent.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Logger } from 'pino';
import { wire, type xdr } from '../../../proto/index.js';

const MAGIC = 0x58445242; // "XDRB"
const HEADER_BYTES = 28;
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

/** Losses not yet carried by a spooled notice. */
interface Losses {
  batches: number;
  events: number;
  corrupt: number;
}

const NO_LOSSES: Losses = { batches: 0, events: 0, corrupt: 0 };

/** Upper bound of the bytes the notices add to a batch; the batcher leaves this much room. */
export const NOTICE_RESERVE_BYTES = 512;

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
  /** events of the sources, not counting the notices the spool added */
  events: number;
  /** the losses this batch's notices report */
  carried: Losses;
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

/** Checks a batch file; returns its payload (the frame) and counts, or why it is unusable. */
function parseBatchFile(buf: Buffer): { frame: Buffer; events: number; carried: Losses } | string {
  if (buf.length < HEADER_BYTES) return `truncated header (${buf.length} bytes)`;
  if (buf.readUInt32BE(0) !== MAGIC) return 'not a batch file (bad magic)';
  const len = buf.readUInt32BE(20);
  if (buf.length !== HEADER_BYTES + len) return `length ${buf.length - HEADER_BYTES} does not match the header's ${len}`;
  const frame = buf.subarray(HEADER_BYTES);
  if (crc32(frame) !== buf.readUInt32BE(24)) return 'checksum mismatch';
  return {
    frame,
    events: buf.readUInt32BE(4),
    carried: { batches: buf.readUInt32BE(8), events: buf.readUInt32BE(12), corrupt: buf.readUInt32BE(16) },
  };
}

function encodeBatchFile(seq: number, events: xdr.v1.IEvent[], sourceEvents: number, carried: Losses): Buffer {
  const frame = wire.AgentFrame.encode({ batch: { seq, events } }).finish();
  const file = Buffer.allocUnsafe(HEADER_BYTES + frame.length);
  file.writeUInt32BE(MAGIC, 0);
  file.writeUInt32BE(sourceEvents, 4);
  file.writeUInt32BE(carried.batches, 8);
  file.writeUInt32BE(carried.events, 12);
  file.writeUInt32BE(carried.corrupt, 16);
  file.writeUInt32BE(frame.length, 20);
  file.writeUInt32BE(crc32(frame), 24);
  file.set(frame, HEADER_BYTES);
  return file;
}

function noticeEvents(l: Losses): xdr.v1.IEvent[] {
  const out: xdr.v1.IEvent[] = [];
  const timeMs = Date.now();
  if (l.batches || l.events) {
    out.push({ timeMs, notice: { code: 'spool_dropped', count: l.events, message: `${l.batches} batches (${l.events} events) dropped from the spool before delivery` } });
  }
  if (l.corrupt) {
    out.push({ timeMs, notice: { code: 'spool_corrupt', count: l.corrupt, message: `${l.corrupt} unreadable spool files removed; their events are lost and not counted` } });
  }
  return out;
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
  private unreported: Losses = { ...NO_LOSSES };
  private lastDropLog = 0;
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

  /**
   * The frames in a spool directory, oldest first, read without opening the spool (tests and
   * tooling use this rather than knowing the file layout). Unreadable files are skipped.
   */
  static frames(dir: string): Array<{ seq: number; frame: Buffer }> {
    const out: Array<{ seq: number; frame: Buffer }> = [];
    for (const name of readdirSync(dir).sort()) {
      const m = BATCH_FILE.exec(name);
      if (!m) continue;
      let parsed: ReturnType<typeof parseBatchFile>;
      try {
        parsed = parseBatchFile(readFileSync(join(dir, name)));
      } catch {
        continue; // acked and deleted while we looked
      }
      if (typeof parsed !== 'string') out.push({ seq: Number(m[1]), frame: parsed.frame });
    }
    return out;
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

  /** Losses that no spooled notice reports yet (see reportLosses). */
  get unreportedLosses(): boolean {
    const u = this.unreported;
    return u.batches + u.events + u.corrupt > 0;
  }

  /**
   * Spools events as the next batch and returns its seq. Makes room by dropping the oldest
   * batches; any losses not yet reported ride along as notices in this batch.
   */
  append(events: xdr.v1.IEvent[]): number {
    const seq = this.takeSeq();
    for (;;) {
      const carried = this.unreported;
      const file = encodeBatchFile(seq, [...events, ...noticeEvents(carried)], events.length, carried);
      if (this.totalBytes + file.length > this.maxBytes && this.entries.size > 0) {
        const [oldest, entry] = this.entries.entries().next().value!;
        this.lose(oldest, entry, 'spool_full');
        continue; // the notice grew: encode again
      }
      if (file.length > this.maxBytes) {
        this.unreported = { ...carried, batches: carried.batches + 1, events: carried.events + events.length };
        this.droppedBatches++;
        this.droppedEvents += events.length;
        this.report({ reason: 'spool_full', batches: 1, events: events.length, firstSeq: seq, lastSeq: seq });
        return seq;
      }
      writeDurably(join(this.dir, fileName(seq)), file, this.durable);
      this.entries.set(seq, { bytes: file.length, events: events.length, carried });
      this.totalBytes += file.length;
      this.unreported = { ...NO_LOSSES };
      return seq;
    }
  }

  /** Spools a batch holding only the notices for unreported losses, if there are any. */
  reportLosses(): number | undefined {
    return this.unreportedLosses ? this.append([]) : undefined;
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

  /** Removes a batch that cannot be delivered (counted); the next spooled batch reports the loss. */
  drop(seq: number, reason: DropReport['reason']): void {
    const entry = this.entries.get(seq);
    if (entry) this.lose(seq, entry, reason);
  }

  private lose(seq: number, entry: Entry, reason: DropReport['reason']): void {
    this.remove(seq, entry);
    const u = this.unreported;
    this.unreported = {
      batches: u.batches + 1 + entry.carried.batches,
      events: u.events + entry.events + entry.carried.events,
      corrupt: u.corrupt + entry.carried.corrupt,
    };
    this.droppedBatches++;
    this.droppedEvents += entry.events;
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

  private report(r: DropReport): void {
    // a full spool drops a batch per new batch: log the first and then once a minute, with totals
    const now = Date.now();
    if (r.reason !== 'spool_full' || now - this.lastDropLog >= 60_000) {
      this.lastDropLog = now;
      this.log.warn({ ...r, maxBytes: this.maxBytes, droppedBatches: this.droppedBatches, droppedEvents: this.droppedEvents }, `spool dropped batches: ${r.reason}`);
    }
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
      found.push([seq, { bytes: HEADER_BYTES + parsed.frame.length, events: parsed.events, carried: parsed.carried }]);
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
      // the events in those files are unknown, so only the files can be counted
      this.unreported = { ...this.unreported, corrupt: this.unreported.corrupt + corrupt.length };
      this.report({ reason: 'corrupt', batches: corrupt.length, events: 0, firstSeq: Math.min(...corrupt), lastSeq: Math.max(...corrupt) });
    }
  }
}
