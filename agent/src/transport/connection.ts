// The agent's one connection to its collector: a single reconnect loop (exponential backoff with
// full jitter), the authenticated handshake, and the delivery of spooled batches with a bounded
// in-flight window. A batch leaves the spool only on the collector's BatchAck; everything unacked
// is sent again on the next session. Status is a tagged union that callers can watch. Response
// frames (Command, ShellData) are handed to the caller; send() carries its answers.
import { sign, type KeyObject } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { PROTOCOL_VERSION, authMessage, type xdr } from '../../../proto/index.js';
import { backoffDelay, RECONNECT_BACKOFF, REFUSED_BACKOFF, type BackoffPolicy } from './backoff.js';
import { decodeCollectorFrame, encodeAgentFrame, openCollectorSocket } from './collector-socket.js';
import { describeTlsError } from './tls-pin.js';
import type { Spool } from './spool.js';

export type ConnectionStatus =
  | { state: 'connecting'; attempt: number }
  | { state: 'authenticating'; collectorId: string }
  | { state: 'online'; sessionId: string; heartbeatMs: number; maxFrameBytes: number; isolated: boolean }
  | { state: 'backoff'; attempt: number; delayMs: number; error: string }
  | { state: 'refused'; code: string; reason: string; delayMs: number }
  | { state: 'closed' };

/** Refusals that retrying soon will not fix: retry slowly (capped at 5 min) rather than spin. */
export const SLOW_RETRY_REFUSALS: ReadonlySet<string> = new Set(['unknown_agent', 'revoked_agent', 'bad_signature', 'protocol_version']);

export interface SessionParams {
  heartbeatMs: number;
  maxFrameBytes: number;
}

export interface ConnectionOptions {
  url: string;
  agentId: string;
  privateKey: KeyObject;
  certPem: string;
  fingerprint: string;
  agentVersion: string;
  bootTimeMs: number;
  spool: Spool;
  log: Logger;
  inventory: (refresh: boolean) => Promise<xdr.v1.IHostInventory>;
  stats: () => xdr.v1.IAgentStats;
  /** called on every Welcome, before any batch is sent */
  onSession?: (params: SessionParams) => void;
  /** response frames from the collector (after Welcome); without these they are logged and ignored */
  onCommand?: (cmd: xdr.v1.ICommand) => void;
  onShellData?: (data: xdr.v1.IShellData) => void;
  window?: number;
  handshakeTimeoutMs?: number;
  ackTimeoutMs?: number;
  inventoryIntervalMs?: number;
  /** a session that stayed online this long resets the backoff */
  healthyAfterMs?: number;
  backoff?: BackoffPolicy;
  refusedBackoff?: BackoffPolicy;
  random?: () => number;
  /** resolves the collector's host name (the isolation answers while DNS is blocked) */
  lookup?: LookupFunction;
}

interface SessionEnd {
  error: string;
  refusal?: { code: string; reason: string };
  healthy: boolean;
}

const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

export class Connection {
  private _status: ConnectionStatus = { state: 'closed' };
  private readonly listeners = new Set<(s: ConnectionStatus) => void>();
  private readonly log: Logger;
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeSleep: (() => void) | null = null;
  private ws: WebSocket | null = null;
  /** set while online: sends what the window allows */
  private pump: (() => void) | null = null;
  private frameBound = DEFAULT_MAX_FRAME_BYTES;

  constructor(private readonly opts: ConnectionOptions) {
    this.log = opts.log.child({ collector: opts.url });
  }

  get status(): ConnectionStatus {
    return this._status;
  }

  /** Calls listener on every status change; returns the unsubscribe function. */
  onStatus(listener: (s: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  /** The frame bound of the current (or last) session. */
  get maxFrameBytes(): number {
    return this.frameBound;
  }

  /**
   * Sends one frame (a command result, shell data) on the current session. Resolves once the
   * frame is written to the socket, so a caller that awaits bounds what it queues; rejects when
   * offline, when the frame exceeds the session's bound, or when the write fails.
   */
  send(frame: xdr.v1.IAgentFrame): Promise<void> {
    const ws = this.ws;
    if (!ws || this._status.state !== 'online' || ws.readyState !== ws.OPEN) return Promise.reject(new Error('not connected to the collector'));
    const data = encodeAgentFrame(frame);
    if (data.length > this.frameBound) return Promise.reject(new Error(`a frame of ${data.length} bytes exceeds the collector's bound of ${this.frameBound} bytes`));
    return new Promise((resolve, reject) => ws.send(data, (err) => (err ? reject(err) : resolve())));
  }

  /** New batches are in the spool. */
  kick(): void {
    this.pump?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeSleep?.();
    this.ws?.close(1000, 'agent stopping');
    await this.loopDone;
  }

  private setStatus(s: ConnectionStatus): void {
    this._status = s;
    for (const l of this.listeners) l(s);
  }

  private async loop(): Promise<void> {
    const policy = this.opts.backoff ?? RECONNECT_BACKOFF;
    const refusedPolicy = this.opts.refusedBackoff ?? REFUSED_BACKOFF;
    let attempt = 0;
    let refusedAttempt = 0;
    while (!this.stopped) {
      this.setStatus({ state: 'connecting', attempt });
      const end = await this.session();
      if (this.stopped) break;
      if (end.healthy) {
        attempt = 0;
        refusedAttempt = 0;
      }
      if (end.refusal && SLOW_RETRY_REFUSALS.has(end.refusal.code)) {
        const delayMs = backoffDelay(refusedAttempt++, refusedPolicy, this.opts.random);
        this.log.error({ code: end.refusal.code, reason: end.refusal.reason, retryInMs: delayMs }, 'collector refused this agent');
        this.setStatus({ state: 'refused', ...end.refusal, delayMs });
        await this.sleep(delayMs);
      } else {
        const delayMs = backoffDelay(attempt++, policy, this.opts.random);
        this.log.warn({ err: end.error, retryInMs: delayMs }, 'collector connection lost');
        this.setStatus({ state: 'backoff', attempt, delayMs, error: end.error });
        await this.sleep(delayMs);
      }
    }
    this.setStatus({ state: 'closed' });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleep = done;
    });
  }

  /** One connection, from open to close. Never rejects. */
  private async session(): Promise<SessionEnd> {
    const o = this.opts;
    const inventory = await o.inventory(false).catch((err: Error) => {
      this.log.warn({ err }, 'host inventory unavailable; sending Hello without it');
      return undefined;
    });
    if (this.stopped) return { error: 'stopped', healthy: false };
    const handshakeTimeoutMs = o.handshakeTimeoutMs ?? 10_000;
    const ws = openCollectorSocket(o.url, o.certPem, o.fingerprint, handshakeTimeoutMs, o.lookup);
    this.ws = ws;
    const timers: NodeJS.Timeout[] = [];
    const inFlight = new Map<number, number>(); // seq -> sent at
    let lastSent = 0;
    let onlineAt = 0;
    let end: SessionEnd = { error: 'connection closed', healthy: false };

    const fail = (error: string) => {
      end = { ...end, error };
      ws.terminate();
    };
    const send = (frame: Uint8Array) => ws.send(frame);

    timers.push(setTimeout(() => fail(`no Welcome within ${handshakeTimeoutMs} ms`), handshakeTimeoutMs));

    const goOnline = (welcome: xdr.v1.IWelcome) => {
      clearTimeout(timers[0]);
      onlineAt = Date.now();
      const heartbeatMs = welcome.heartbeatIntervalMs || DEFAULT_HEARTBEAT_MS;
      const maxFrameBytes = welcome.maxFrameBytes || DEFAULT_MAX_FRAME_BYTES;
      this.frameBound = maxFrameBytes;
      const windowSize = o.window ?? 64;
      const ackTimeoutMs = o.ackTimeoutMs ?? Math.max(60_000, 4 * heartbeatMs);
      o.onSession?.({ heartbeatMs, maxFrameBytes });

      this.pump = () => {
        for (const seq of o.spool.seqs()) {
          if (inFlight.size >= windowSize) return;
          if (seq <= lastSent) continue;
          lastSent = seq;
          const frame = o.spool.read(seq);
          if (!frame) continue;
          if (frame.length > maxFrameBytes) {
            this.log.error({ seq, bytes: frame.length, maxFrameBytes }, 'spooled batch exceeds the collector frame limit');
            o.spool.drop(seq, 'frame_too_large');
            continue;
          }
          inFlight.set(seq, Date.now());
          send(frame);
        }
      };

      const liveness = setTimeout(() => fail(`nothing received for ${3 * heartbeatMs} ms (3 heartbeat intervals)`), 3 * heartbeatMs);
      timers.push(liveness);
      ws.on('message', () => liveness.refresh());
      timers.push(setInterval(() => {
        send(encodeAgentFrame({ heartbeat: { sentAtMs: Date.now(), stats: o.stats() } }));
        const oldest = inFlight.values().next();
        if (!oldest.done && Date.now() - oldest.value > ackTimeoutMs) fail(`no ack for a batch within ${ackTimeoutMs} ms`);
      }, heartbeatMs));
      timers.push(setInterval(() => {
        o.inventory(true).then(
          (inv) => ws.readyState === ws.OPEN && send(encodeAgentFrame({ inventory: inv })),
          (err: Error) => this.log.warn({ err }, 'host inventory refresh failed'),
        );
      }, o.inventoryIntervalMs ?? 3_600_000));

      this.log.info({ sessionId: welcome.sessionId, heartbeatMs, maxFrameBytes, unacked: o.spool.batches }, 'online');
      this.setStatus({ state: 'online', sessionId: welcome.sessionId ?? '', heartbeatMs, maxFrameBytes, isolated: !!welcome.isolated });
      this.pump();
    };

    ws.on('message', (data, isBinary) => {
      let frame: xdr.v1.CollectorFrame;
      try {
        frame = decodeCollectorFrame(data, isBinary);
      } catch (err) {
        return fail((err as Error).message);
      }
      switch (frame.body) {
        case 'challenge': {
          if (this._status.state !== 'connecting') return fail('a second Challenge');
          const c = frame.challenge!;
          if (c.protocolVersion !== PROTOCOL_VERSION) {
            end.refusal = { code: 'protocol_version', reason: `collector speaks protocol ${c.protocolVersion}, agent speaks ${PROTOCOL_VERSION}` };
            return fail(end.refusal.reason);
          }
          this.setStatus({ state: 'authenticating', collectorId: c.collectorId ?? '' });
          const signature = sign(null, authMessage(c.nonce ?? new Uint8Array(), o.agentId), o.privateKey);
          send(encodeAgentFrame({
            hello: { protocolVersion: PROTOCOL_VERSION, agentId: o.agentId, agentVersion: o.agentVersion, inventory, signature, bootTimeMs: o.bootTimeMs },
          }));
          return;
        }
        case 'welcome':
          if (this._status.state !== 'authenticating') return fail('Welcome before Hello');
          return goOnline(frame.welcome!);
        case 'refusal':
          end.refusal = { code: frame.refusal!.code ?? '', reason: frame.refusal!.reason ?? '' };
          return fail(`refused: ${end.refusal.code}: ${end.refusal.reason}`);
        case 'ack': {
          const seq = Number(frame.ack!.seq);
          inFlight.delete(seq);
          o.spool.ack(seq);
          this.pump?.();
          return;
        }
        case 'heartbeat':
          return;
        case 'command':
        case 'shellData':
          if (this._status.state !== 'online') return fail(`${frame.body} before Welcome`);
          if (frame.body === 'command' && o.onCommand) return o.onCommand(frame.command!);
          if (frame.body === 'shellData' && o.onShellData) return o.onShellData(frame.shellData!);
          this.log.warn({ frame: frame.body }, 'response frames are not handled by this agent; ignored');
          return;
        default:
          return fail(`unexpected ${frame.body} frame`);
      }
    });

    await new Promise<void>((resolve) => {
      ws.on('error', (err) => {
        if (end.error === 'connection closed') end.error = describeTlsError(err, o.fingerprint);
      });
      ws.on('close', (code, reason) => {
        if (end.error === 'connection closed') end.error = `connection closed by the collector (${code}${reason.length ? ` ${reason}` : ''})`;
        resolve();
      });
    });
    for (const t of timers) clearTimeout(t);
    this.pump = null;
    this.ws = null;
    end.healthy = onlineAt > 0 && Date.now() - onlineAt >= (o.healthyAfterMs ?? 10_000);
    return end;
  }
}
