// One agent connection: challenge -> (hello | enroll) -> online. Every frame is decoded and
// checked here; a bad one refuses the connection with a logged, counted reason and touches no
// stored data. Batches go to the bus; the ack is sent when the pipeline settles them.
import { createHash, createPublicKey, randomBytes, randomUUID, verify, type KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { WebSocket, RawData } from 'ws';
import { PROTOCOL_VERSION, authMessage, wire, type xdr } from '../../../proto/index.js';
import type { CollectorMetrics } from '../metrics.js';
import type { BatchQueue } from '../pipeline/batch-queue.js';
import type { EventOrigin } from '../pipeline/normalise.js';
import type { HostInventoryRecord, Store } from '../store/store.js';
import { readBatchFrame, type BatchFrame } from './batch-frame.js';
import { REFUSALS, type RefusalCode } from './refusals.js';

export interface SessionContext {
  store: Store;
  queue: BatchQueue;
  metrics: CollectorMetrics;
  log: Logger;
  collectorId: string;
  commandPublicKey: Buffer;
  heartbeatMs: number;
  maxFrameBytes: number;
  maxBatchEvents: number;
  handshakeTimeoutMs: number;
  /** response frames go here (set once the response service exists); absent: they are ignored */
  responses?: ResponseHooks;
  /** registers an authenticated session; returns the session it replaces, if any */
  register(session: AgentSession): void;
  unregister(session: AgentSession): void;
}

/** What the gateway tells the response service (collector/src/response). */
export interface ResponseHooks {
  agentOnline(agentId: string): void;
  agentOffline(agentId: string): void;
  commandResult(agentId: string, result: xdr.v1.ICommandResult): void;
  shellData(agentId: string, data: xdr.v1.IShellData): void;
}

type State = 'challenged' | 'busy' | 'online' | 'closed';

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function inventoryRecord(inv: xdr.v1.IHostInventory | null | undefined): HostInventoryRecord | undefined {
  if (!inv) return undefined;
  return {
    hostId: inv.hostId ?? '', hostname: inv.hostname ?? '', osName: inv.osName ?? '', osVersion: inv.osVersion ?? '',
    osPlatform: inv.osPlatform ?? '', kernel: inv.kernel ?? '', arch: inv.arch ?? '', ips: inv.ips ?? [], macs: inv.macs ?? [],
    cpuModel: inv.cpuModel ?? '', cpuCores: inv.cpuCores ?? 0, memoryBytes: Number(inv.memoryBytes ?? 0),
    collectedAt: Number(inv.collectedAtMs ?? 0) || Date.now(),
  };
}

const SEEN_WRITE_INTERVAL_MS = 30_000;

export class AgentSession {
  agentId = '';
  private state: State = 'challenged';
  private readonly nonce = randomBytes(32);
  private origin: EventOrigin | null = null;
  private log: Logger;
  private handshakeTimer: NodeJS.Timeout;
  private livenessTimer: NodeJS.Timeout | null = null;
  private lastSeenWrite = 0;
  private paused = false;

  constructor(private readonly ws: WebSocket, private readonly ctx: SessionContext, remote: string) {
    this.log = ctx.log.child({ remote });
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('error', (err: Error & { code?: string }) => this.onSocketError(err));
    ws.on('close', () => this.onClose());
    this.handshakeTimer = setTimeout(() => this.refuse('handshake_timeout'), ctx.handshakeTimeoutMs);
    this.send({ challenge: { protocolVersion: PROTOCOL_VERSION, nonce: this.nonce, collectorId: ctx.collectorId } });
  }

  /** A check TypeScript does not narrow away across awaits, where the socket may have closed. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  get online(): boolean {
    return this.state === 'online';
  }

  /** Closes this connection with a reason the agent and the log both see. */
  refuse(code: RefusalCode, detail?: string): void {
    if (this.state === 'closed') return;
    const reason = detail ? `${REFUSALS[code]}: ${detail}` : REFUSALS[code];
    this.ctx.metrics.framesRefused.inc({ reason: code });
    this.log.warn({ code, reason }, 'agent connection refused');
    this.send({ refusal: { code, reason } });
    this.state = 'closed';
    this.ws.close(1008, code);
    // a peer that never completes the close handshake does not keep the socket
    setTimeout(() => this.ws.terminate(), 2_000).unref();
  }

  private send(frame: xdr.v1.ICollectorFrame): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false;
    this.ws.send(wire.CollectorFrame.encode(frame).finish());
    return true;
  }

  /** Sends a signed command; false when this session is not online. */
  sendCommand(command: xdr.v1.ICommand): boolean {
    return this.state === 'online' && this.send({ command });
  }

  sendShellData(shellData: xdr.v1.IShellData): boolean {
    return this.state === 'online' && this.send({ shellData });
  }

  private onSocketError(err: Error & { code?: string }): void {
    if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      this.ctx.metrics.framesRefused.inc({ reason: 'frame_too_large' });
      this.log.warn({ code: 'frame_too_large', max: this.ctx.maxFrameBytes }, 'agent connection refused: frame too large');
    } else {
      this.ctx.metrics.framesRefused.inc({ reason: 'bad_frame' });
      this.log.warn({ err: err.message, code: err.code }, 'agent connection failed');
    }
    this.state = 'closed';
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.state === 'closed') return;
    this.resetLiveness();
    if (!isBinary) return this.refuse('bad_frame', 'text frame; frames are binary protobuf');
    if (this.state === 'online') {
      const batch = readBatchFrame(data as Buffer);
      if (typeof batch === 'string') return this.refuse('bad_frame', batch);
      if (batch) return this.onBatch(batch);
    }
    let frame: xdr.v1.AgentFrame;
    try {
      frame = wire.AgentFrame.decode(data as Buffer);
    } catch (err) {
      return this.refuse('bad_frame', (err as Error).message);
    }
    if (!frame.body) return this.refuse('bad_frame', 'empty frame');
    if (this.state === 'challenged') {
      if (frame.body === 'hello') return void this.onHello(frame.hello!);
      if (frame.body === 'enroll') return void this.onEnroll(frame.enroll!);
      return this.refuse('unexpected_frame', `${frame.body} before hello`);
    }
    if (this.state === 'busy') return this.refuse('unexpected_frame', `${frame.body} during the handshake`);
    switch (frame.body) {
      case 'batch': return this.refuse('bad_frame', 'a batch must be the only field of its frame');
      case 'heartbeat': return this.onHeartbeat();
      case 'inventory': return void this.onInventory(frame.inventory!);
      case 'commandResult':
        // checked by the response service: a result for an action that is not this agent's or
        // not in flight is dropped there, with a counted, logged reason
        this.ctx.responses?.commandResult(this.agentId, frame.commandResult!);
        return this.noteSeen();
      case 'shellData':
        this.ctx.responses?.shellData(this.agentId, frame.shellData!);
        return;
      default:
        return this.refuse('unexpected_frame', `${frame.body} after the handshake`);
    }
  }

  private checkVersion(v: number | null | undefined): boolean {
    if (v === PROTOCOL_VERSION) return true;
    this.refuse('protocol_version', `agent speaks ${v ?? 'none'}, collector speaks ${PROTOCOL_VERSION}`);
    return false;
  }

  private async onHello(hello: xdr.v1.IHello): Promise<void> {
    this.state = 'busy';
    if (!this.checkVersion(hello.protocolVersion)) return;
    const agentId = hello.agentId ?? '';
    const agent = agentId ? await this.ctx.store.getAgent(agentId) : undefined;
    if (this.isClosed()) return;
    this.agentId = agentId;
    this.log = this.log.child({ agent: agentId });
    if (!agent) return this.refuse('unknown_agent', agentId || 'no id');
    if (agent.revokedAt !== null) return this.refuse('revoked_agent');
    const sig = hello.signature ?? new Uint8Array();
    let valid = false;
    try {
      valid = sig.length === 64 && verify(null, authMessage(this.nonce, agentId), ed25519PublicKey(agent.publicKey), sig);
    } catch {
      valid = false;
    }
    if (!valid) return this.refuse('bad_signature');
    const inventory = inventoryRecord(hello.inventory) ?? agent.inventory ?? undefined;
    this.origin = {
      agentId,
      hostId: inventory?.hostId || agentId,
      hostName: inventory?.hostname || agent.hostname,
      hostIps: inventory?.ips ?? [],
    };
    this.log = this.log.child({ host: this.origin.hostName });
    clearTimeout(this.handshakeTimer);
    await this.ctx.store.touchAgent(agentId, { at: Date.now(), version: hello.agentVersion ?? undefined, inventory: inventoryRecord(hello.inventory) });
    if (this.isClosed()) return;
    this.lastSeenWrite = Date.now();
    this.state = 'online';
    this.ctx.register(this);
    this.send({
      welcome: { sessionId: randomUUID(), heartbeatIntervalMs: this.ctx.heartbeatMs, maxFrameBytes: this.ctx.maxFrameBytes, isolated: agent.isolated },
    });
    this.log.info({ version: hello.agentVersion }, 'agent online');
  }

  private async onEnroll(req: xdr.v1.IEnrollRequest): Promise<void> {
    this.state = 'busy';
    if (!this.checkVersion(req.protocolVersion)) return;
    const key = req.publicKey ?? new Uint8Array();
    if (key.length !== 32) return this.refuse('bad_enrollment', `public key must be 32 raw Ed25519 bytes, got ${key.length}`);
    try {
      ed25519PublicKey(key);
    } catch (err) {
      return this.refuse('bad_enrollment', `public key is not an Ed25519 key: ${(err as Error).message}`);
    }
    if (!req.token) return this.refuse('bad_enrollment', 'no token');
    const inventory = inventoryRecord(req.inventory) ?? null;
    const outcome = await this.ctx.store.enrollAgent(createHash('sha256').update(req.token).digest('hex'), {
      id: randomUUID(),
      publicKey: Buffer.from(key),
      hostname: inventory?.hostname || 'unknown',
      inventory,
      version: req.agentVersion ?? '',
      enrolledAt: Date.now(),
    }, Date.now());
    if (!outcome.ok) return this.refuse(outcome.reason);
    this.agentId = outcome.agent.id;
    await this.ctx.store.appendAudit({
      at: Date.now(), actor: 'enrollment', action: 'agent.enroll', target: outcome.agent.id,
      details: { hostname: outcome.agent.hostname, version: outcome.agent.version },
    });
    this.log.info({ agent: outcome.agent.id, hostname: outcome.agent.hostname }, 'agent enrolled');
    this.send({ enrolled: { agentId: outcome.agent.id, commandPublicKey: this.ctx.commandPublicKey } });
    this.state = 'closed';
    clearTimeout(this.handshakeTimer);
    this.ws.close(1000, 'enrolled');
  }

  private onBatch(batch: BatchFrame): void {
    const { seq, events } = batch;
    if (!Number.isSafeInteger(seq) || seq <= 0) return this.refuse('bad_frame', `batch seq must be a positive integer, got ${seq}`);
    if (events > this.ctx.maxBatchEvents) return this.refuse('bad_frame', `batch ${seq} carries ${events} events; the bound is ${this.ctx.maxBatchEvents}`);
    this.ctx.queue.push({
      origin: this.origin!,
      seq,
      events,
      bytes: batch.bytes,
      settle: (outcome) => {
        if ('error' in outcome) return; // unacked: the agent resends from its spool
        this.send({ ack: { seq, duplicate: outcome.duplicate } });
      },
    });
    this.ctx.metrics.pipelineDepth.set(this.ctx.queue.depth);
    if (this.ctx.queue.full && !this.paused) {
      // Backpressure: stop reading this socket until the pipeline has drained.
      this.paused = true;
      this.ctx.metrics.pipelinePaused.inc();
      this.ws.pause();
      this.ctx.queue.onDrain(() => {
        this.paused = false;
        if (this.state !== 'closed') this.ws.resume();
      });
    }
    this.noteSeen();
  }

  private onHeartbeat(): void {
    this.send({ heartbeat: { sentAtMs: Date.now() } });
    this.noteSeen();
    // Revocation may come from another process (the CLI): look again once per heartbeat.
    this.ctx.store.getAgent(this.agentId).then((agent) => {
      if (!agent || agent.revokedAt !== null) this.refuse(agent ? 'revoked_agent' : 'unknown_agent');
    }, (err) => this.log.error({ err }, 'cannot check whether the agent was revoked'));
  }

  private async onInventory(inv: xdr.v1.IHostInventory): Promise<void> {
    const record = inventoryRecord(inv);
    if (!record) return;
    this.origin = { ...this.origin!, hostName: record.hostname || this.origin!.hostName, hostIps: record.ips };
    await this.ctx.store.touchAgent(this.agentId, { at: Date.now(), inventory: record });
  }

  private noteSeen(): void {
    const now = Date.now();
    if (now - this.lastSeenWrite < SEEN_WRITE_INTERVAL_MS) return;
    this.lastSeenWrite = now;
    this.ctx.store.touchAgent(this.agentId, { at: now }).catch((err) => this.log.error({ err }, 'cannot record last seen'));
  }

  private resetLiveness(): void {
    if (this.state !== 'online') return;
    if (this.livenessTimer) this.livenessTimer.refresh();
    else {
      // A socket paused for backpressure sends nothing we read: that is not the agent's silence.
      this.livenessTimer = setTimeout(function expire(this: AgentSession) {
        if (this.paused) this.livenessTimer!.refresh();
        else this.refuse('heartbeat_timeout');
      }.bind(this), this.ctx.heartbeatMs * 3);
    }
  }

  private onClose(): void {
    const wasOnline = this.state === 'online';
    this.state = 'closed';
    clearTimeout(this.handshakeTimer);
    if (this.livenessTimer) clearTimeout(this.livenessTimer);
    if (wasOnline || this.agentId) this.ctx.unregister(this);
    if (wasOnline) {
      this.ctx.store.touchAgent(this.agentId, { at: Date.now() }).catch((err) => this.log.error({ err }, 'cannot record last seen'));
      this.log.info('agent offline');
    }
  }
}
