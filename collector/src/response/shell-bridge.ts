// One remote shell as the collector sees it: bytes between the responder's WebSocket (the
// viewer) and the agent's terminal (ShellData frames), a bounded transcript written in batches,
// an idle timeout, and one viewer-writer at a time. Closing the viewer closes the terminal.
import type { Logger } from 'pino';
import type { xdr } from '../../../proto/index.js';
import type { CollectorMetrics } from '../metrics.js';
import type { Store, TranscriptChunk } from '../store/store.js';

/** The responder's end: the API route wraps its WebSocket in this. */
export interface ShellViewer {
  user: string;
  send(data: Buffer): void;
  close(code: number, reason: string): void;
}

export interface ShellBridgeOptions {
  actionId: string;
  agentId: string;
  idleMs: number;
  transcriptMaxBytes: number;
  store: Store;
  metrics: CollectorMetrics;
  log: Logger;
  /** sends a frame to the agent; false when the agent is not connected */
  toAgent(data: xdr.v1.IShellData): boolean;
  /** called once when the bridge is finished (terminal closed on either side) */
  onEnd(bridge: ShellBridge, why: string): void;
}

/** Output kept for a viewer that attaches after the terminal started (the prompt, a banner). */
const BACKLOG_BYTES = 64 * 1024;
const FLUSH_MS = 250;
const FLUSH_BYTES = 64 * 1024;

export class ShellBridge {
  viewer: ShellViewer | null = null;
  private backlog: Buffer[] = [];
  private backlogBytes = 0;
  private pending: TranscriptChunk[] = [];
  private pendingBytes = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private truncated = false;
  private idleTimer: NodeJS.Timeout;
  private ended = false;

  constructor(private readonly o: ShellBridgeOptions) {
    this.idleTimer = setTimeout(() => this.close(`no terminal activity for ${Math.round(o.idleMs / 1000)} s (collector idle timeout)`), o.idleMs);
    this.idleTimer.unref();
  }

  get actionId(): string {
    return this.o.actionId;
  }

  get agentId(): string {
    return this.o.agentId;
  }

  get open(): boolean {
    return !this.ended;
  }

  /** Attaches the responder; false when another viewer is attached or the shell has ended. */
  attach(viewer: ShellViewer): boolean {
    if (this.ended || this.viewer) return false;
    this.viewer = viewer;
    this.o.metrics.responseShellsOpen.inc();
    for (const b of this.backlog) viewer.send(b);
    this.backlog = [];
    this.backlogBytes = 0;
    return true;
  }

  /** The viewer went away: the terminal is closed with it. */
  detach(viewer: ShellViewer, why: string): void {
    if (this.viewer !== viewer) return;
    this.viewer = null;
    this.o.metrics.responseShellsOpen.dec();
    this.close(why);
  }

  /** Keystrokes from the viewer. */
  input(data: Buffer): void {
    if (this.ended) return;
    this.touch();
    this.record('i', data);
    if (!this.o.toAgent({ actionId: this.o.actionId, data })) this.agentGone();
  }

  resize(cols: number, rows: number): void {
    if (this.ended) return;
    this.record('r', Buffer.from(`${cols}x${rows}`));
    if (!this.o.toAgent({ actionId: this.o.actionId, cols, rows })) this.agentGone();
  }

  /** A ShellData frame from the agent. */
  fromAgent(d: xdr.v1.IShellData): void {
    if (this.ended) return;
    const data = d.data && d.data.length > 0 ? Buffer.from(d.data) : null;
    if (data) {
      this.touch();
      this.record('o', data);
      if (this.viewer) this.viewer.send(data);
      else {
        this.backlog.push(data);
        this.backlogBytes += data.length;
        while (this.backlogBytes > BACKLOG_BYTES && this.backlog.length > 1) this.backlogBytes -= this.backlog.shift()!.length;
      }
    }
    if (d.closed) this.end('the terminal closed on the host', 1000);
  }

  /** Closes the terminal from the collector's side (viewer gone, idle, cancelled). */
  close(why: string): void {
    if (this.ended) return;
    this.o.toAgent({ actionId: this.o.actionId, closed: true });
    this.end(why, why.includes('idle') ? 4408 : 1000);
  }

  /** The agent's connection went away: the terminal is gone with it. */
  agentGone(): void {
    this.end('the agent disconnected', 1011);
  }

  /** Writes what is buffered; resolves when the transcript is in the store. */
  flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.pending.length === 0) return this.flushing;
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.flushing = this.flushing.then(async () => {
      try {
        const r = await this.o.store.appendTranscript(this.o.actionId, chunks, this.o.transcriptMaxBytes);
        if (r.truncated && !this.truncated) {
          this.truncated = true;
          this.o.metrics.responseTranscriptTruncated.inc();
          this.o.log.warn({ actionId: this.o.actionId, bound: this.o.transcriptMaxBytes }, 'shell transcript reached its bound; the rest of the session is not recorded');
        }
      } catch (err) {
        this.o.log.error({ err, actionId: this.o.actionId }, 'cannot write the shell transcript');
      }
    });
    return this.flushing;
  }

  private end(why: string, code: number): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idleTimer);
    const viewer = this.viewer;
    if (viewer) {
      this.viewer = null;
      this.o.metrics.responseShellsOpen.dec();
      viewer.close(code, why.slice(0, 120));
    }
    void this.flush();
    this.o.onEnd(this, why);
  }

  private touch(): void {
    this.idleTimer.refresh();
  }

  private record(dir: TranscriptChunk['dir'], data: Buffer): void {
    if (this.truncated) return;
    this.pending.push({ at: Date.now(), dir, data });
    this.pendingBytes += data.length;
    if (this.pendingBytes >= FLUSH_BYTES) void this.flush();
    else if (!this.flushTimer) this.flushTimer = setTimeout(() => void this.flush(), FLUSH_MS);
  }
}
