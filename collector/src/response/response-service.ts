// The collector side of response: validates and records actions, applies the approval policy,
// signs and sends commands to online agents (queued ones when the agent connects), follows the
// agent's results, writes collected files to the evidence store, bridges remote shells and
// expires what is left too long. Every transition is written with its audit entry.
import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import { ACTIONS, LIMITS, isAction, parseActionParams, type ActionKind } from '../../../proto/command.js';
import { wire, type xdr } from '../../../proto/index.js';
import type { CollectorMetrics } from '../metrics.js';
import {
  LIVE_RESPONSE_STATUSES,
  type AgentRecord,
  type ResponsePatch,
  type ResponsePage,
  type ResponseQuery,
  type ResponseRecord,
  type ResponseStatus,
  type Role,
  type Store,
} from '../store/store.js';
import type { CommandKey } from '../trust/command-key.js';
import { signCommand } from './command-signer.js';
import { ResponseError } from './errors.js';
import { EvidenceError, EvidenceWriter, evidenceFile } from './evidence.js';
import { ShellBridge, type ShellViewer } from './shell-bridge.js';

/** How the service reaches agents: implemented by the gateway. */
export interface AgentChannel {
  isOnline(agentId: string): boolean;
  /** false when the agent has no open connection */
  sendCommand(agentId: string, command: xdr.v1.ICommand): boolean;
  sendShellData(agentId: string, data: xdr.v1.IShellData): boolean;
}

export interface Caller {
  user: string;
  role: Role;
}

export interface CreateActionInput {
  /** an agent id or a hostname */
  agent: string;
  action: ActionKind;
  params?: unknown;
  reason?: string;
  /** seconds */
  expiresIn?: number;
}

export interface ResponsePolicy {
  approvalRequired: ActionKind[];
}

export interface ResponseServiceOptions {
  store: Store;
  channel: AgentChannel;
  commandKey: Pick<CommandKey, 'privateKey'>;
  dataDir: string;
  metrics: CollectorMetrics;
  log: Logger;
  /** how often expiry is checked (ms) */
  sweepMs?: number;
  transcriptMaxBytes?: number;
}

export const EXPIRES_IN = { default: 3600, min: 10, max: 7 * 86_400 } as const;
/** Bound on one shell's stored transcript (output, keystrokes, resizes). */
export const TRANSCRIPT_MAX_BYTES = 8 * 1024 * 1024;
const POLICY_KEY = 'response.approval_required';
/** Bound on collected-file chunks waiting to be written, per action. */
const EVIDENCE_BACKLOG_BYTES = 64 * 1024 * 1024;
/** How long after a script's timeout its result is still awaited. */
const RESULT_GRACE_MS = 60_000;
const FINAL: readonly ResponseStatus[] = ['succeeded', 'failed', 'expired', 'cancelled'];

type DropReason =
  | 'no_action_id' | 'unknown_action' | 'other_agent' | 'not_in_flight' | 'bad_status' | 'unexpected_chunk'
  | 'not_a_shell' | 'bad_result_json' | 'evidence_backlog';

const STATUS = wire.CommandResult.Status;

/** What goes into the audit log for the parameters: a script is summarised by its hash. */
function auditParams(action: ActionKind, params: Record<string, unknown>): Record<string, unknown> {
  if (action !== 'run_script' || typeof params.script !== 'string') return params;
  const { script, ...rest } = params;
  return { ...rest, script_sha256: createHash('sha256').update(script as string).digest('hex'), script_bytes: Buffer.byteLength(script as string) };
}

function parseResultJson(bytes: Uint8Array | null | undefined): Record<string, unknown> | null | 'bad' {
  if (!bytes || bytes.length === 0) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : 'bad';
  } catch {
    return 'bad';
  }
}

export class ResponseService {
  private readonly store: Store;
  private readonly log: Logger;
  private readonly metrics: CollectorMetrics;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly writers = new Map<string, EvidenceWriter>();
  private readonly shells = new Map<string, ShellBridge>();
  /** bytes of collect_file chunks received and not yet written, per action */
  private readonly chunkBacklog = new Map<string, number>();
  private readonly backlogFailed = new Set<string>();
  private readonly sweepTimer: NodeJS.Timeout;
  private readonly transcriptMaxBytes: number;
  private sweeping = false;
  private closed = false;

  constructor(private readonly o: ResponseServiceOptions) {
    this.store = o.store;
    this.log = o.log;
    this.metrics = o.metrics;
    this.transcriptMaxBytes = o.transcriptMaxBytes ?? TRANSCRIPT_MAX_BYTES;
    this.sweepTimer = setInterval(() => void this.sweep(), o.sweepMs ?? 1000);
    this.sweepTimer.unref();
  }

  // ---- requests from the API ----

  async create(input: CreateActionInput, who: Caller): Promise<ResponseRecord> {
    if (!isAction(input.action)) throw new ResponseError('XDR_BAD_ACTION', `action "${String(input.action)}" is not one of ${ACTIONS.join(', ')}`);
    const parsed = parseActionParams(input.action, input.params ?? {});
    if (!parsed.ok) throw new ResponseError('XDR_BAD_ACTION', parsed.error);
    const agent = await this.resolveAgent(input.agent);
    const expiresIn = input.expiresIn ?? EXPIRES_IN.default;
    if (!Number.isSafeInteger(expiresIn) || expiresIn < EXPIRES_IN.min || expiresIn > EXPIRES_IN.max) {
      throw new ResponseError('XDR_BAD_ACTION', `expires_in must be ${EXPIRES_IN.min}-${EXPIRES_IN.max} seconds, got ${expiresIn}`);
    }
    const policy = await this.policy();
    const now = Date.now();
    const params = parsed.params as Record<string, unknown>;
    const record: ResponseRecord = {
      id: randomUUID(), agentId: agent.id, hostname: agent.hostname, action: input.action, params,
      status: policy.approvalRequired.includes(input.action) ? 'pending_approval' : 'queued',
      reason: input.reason ?? null, requestedBy: who.user, requestedAt: now, approvedBy: null, approvedAt: null,
      sentAt: null, startedAt: null, finishedAt: null, expiresAt: now + expiresIn * 1000,
      result: null, error: null, refused: false, file: null, transcript: { bytes: 0, truncated: false },
    };
    await this.store.createResponse(record, {
      at: now, actor: who.user, action: 'response.create', target: record.id,
      details: {
        agent_id: agent.id, hostname: agent.hostname, action: record.action, params: auditParams(record.action, params),
        reason: record.reason, from: null, to: record.status, expires_at: record.expiresAt,
      },
    });
    this.log.info({ actionId: record.id, agentId: agent.id, action: record.action, status: record.status, user: who.user }, 'response action requested');
    if (record.status === 'queued') await this.dispatch(record);
    return (await this.store.getResponse(record.id))!;
  }

  async get(id: string): Promise<ResponseRecord> {
    const r = await this.store.getResponse(id);
    if (!r) throw new ResponseError('XDR_RESPONSE_NOT_FOUND', `no response action with id "${id}" (GET /api/v1/responses lists them)`);
    return r;
  }

  list(query: ResponseQuery): Promise<ResponsePage> {
    return this.store.listResponses(query);
  }

  async approve(id: string, who: Caller): Promise<ResponseRecord> {
    const r = await this.get(id);
    if (r.requestedBy === who.user) {
      throw new ResponseError('XDR_SELF_APPROVAL', `user "${who.user}" requested action ${id} and cannot approve it: a second responder or admin must`);
    }
    if (r.status === 'pending_approval' && r.expiresAt <= Date.now()) {
      await this.expire(r);
      throw new ResponseError('XDR_ACTION_CONFLICT', `action ${id} expired at ${new Date(r.expiresAt).toISOString()} before it was approved`);
    }
    const now = Date.now();
    const after = await this.move(r, ['pending_approval'], 'queued', who.user, 'response.approve', { approvedBy: who.user, approvedAt: now });
    if (!after) throw this.conflict(id, 'approved', ['pending_approval']);
    await this.dispatch(after);
    return (await this.store.getResponse(id))!;
  }

  async deny(id: string, who: Caller, reason?: string): Promise<ResponseRecord> {
    const r = await this.get(id);
    const after = await this.move(r, ['pending_approval'], 'cancelled', who.user, 'response.deny', {
      finishedAt: Date.now(), error: `denied by ${who.user}${reason ? `: ${reason}` : ''}`,
    }, { reason: reason ?? null });
    if (!after) throw this.conflict(id, 'denied', ['pending_approval']);
    return after;
  }

  /** pending_approval or queued -> cancelled; a shell that is open (or about to be) is closed. */
  async cancel(id: string, who: Caller): Promise<ResponseRecord> {
    const r = await this.get(id);
    if (r.action === 'shell' && (r.status === 'sent' || r.status === 'running')) {
      const bridge = this.shells.get(id);
      await this.store.appendAudit({ at: Date.now(), actor: who.user, action: 'response.cancel', target: id, details: { status: r.status, shell: 'closed' } });
      if (bridge) bridge.close(`cancelled by ${who.user}`);
      else this.o.channel.sendShellData(r.agentId, { actionId: id, closed: true });
      return (await this.store.getResponse(id))!;
    }
    const after = await this.move(r, ['pending_approval', 'queued'], 'cancelled', who.user, 'response.cancel', {
      finishedAt: Date.now(), error: `cancelled by ${who.user}`,
    });
    if (!after) throw this.conflict(id, 'cancelled', ['pending_approval', 'queued'], r.status === 'sent' || r.status === 'running' ? 'it is already on the agent' : undefined);
    return after;
  }

  async policy(): Promise<ResponsePolicy> {
    const raw = await this.store.getSetting(POLICY_KEY);
    if (!raw) return { approvalRequired: [] };
    try {
      const v = JSON.parse(raw) as unknown;
      return { approvalRequired: Array.isArray(v) ? v.filter(isAction) : [] };
    } catch {
      this.log.error({ key: POLICY_KEY }, 'the stored approval policy is not JSON; treating it as empty');
      return { approvalRequired: [] };
    }
  }

  async setPolicy(policy: ResponsePolicy, who: Caller): Promise<ResponsePolicy> {
    const before = await this.policy();
    const after = { approvalRequired: ACTIONS.filter((a) => policy.approvalRequired.includes(a)) };
    await this.store.setSetting(POLICY_KEY, JSON.stringify(after.approvalRequired));
    await this.store.appendAudit({
      at: Date.now(), actor: who.user, action: 'response.policy', target: 'approval_required',
      details: { before: before.approvalRequired, after: after.approvalRequired },
    });
    return after;
  }

  /** The stored evidence file of a succeeded collect_file action. */
  async evidence(id: string): Promise<{ record: ResponseRecord; file: string }> {
    const r = await this.get(id);
    if (r.action !== 'collect_file') throw new ResponseError('XDR_EVIDENCE_NOT_FOUND', `action ${id} is ${r.action}, not collect_file: it has no file`);
    if (r.status !== 'succeeded' || !r.file) throw new ResponseError('XDR_EVIDENCE_NOT_FOUND', `action ${id} is ${r.status}: only a succeeded collect_file has a file`);
    return { record: r, file: evidenceFile(this.o.dataDir, id) };
  }

  async transcript(id: string): Promise<{ record: ResponseRecord; chunks: Awaited<ReturnType<Store['readTranscript']>> }> {
    const r = await this.get(id);
    if (r.action !== 'shell') throw new ResponseError('XDR_TRANSCRIPT_NOT_FOUND', `action ${id} is ${r.action}, not shell: it has no transcript`);
    await this.shells.get(id)?.flush();
    return { record: (await this.store.getResponse(id))!, chunks: await this.store.readTranscript(id) };
  }

  /** Checks that `who` may attach to the shell of action `id` now (before the WebSocket upgrade). */
  async checkShellAttach(id: string, who: Caller): Promise<ResponseRecord> {
    const r = await this.get(id);
    if (r.action !== 'shell') throw new ResponseError('XDR_ACTION_CONFLICT', `action ${id} is ${r.action}, not shell`);
    if (r.requestedBy !== who.user && who.role !== 'admin') {
      throw new ResponseError('XDR_FORBIDDEN', `the shell of action ${id} belongs to "${r.requestedBy}"; only they or an admin may attach to it`);
    }
    if (r.status !== 'sent' && r.status !== 'running') {
      throw new ResponseError('XDR_ACTION_CONFLICT', `the shell of action ${id} is ${r.status}; it can be attached while sent or running${r.status === 'queued' ? ' (the agent is offline)' : ''}`);
    }
    if (this.shells.get(id)?.viewer) throw new ResponseError('XDR_SHELL_BUSY', `user "${this.shells.get(id)!.viewer!.user}" is attached to the shell of action ${id}; one viewer at a time`);
    return r;
  }

  /** Attaches a viewer; returns the bridge, or throws when the shell is not attachable any more. */
  async attachShell(id: string, who: Caller, viewer: ShellViewer): Promise<ShellBridge> {
    const r = await this.checkShellAttach(id, who);
    const bridge = this.bridgeFor(r);
    if (!bridge.attach(viewer)) throw new ResponseError('XDR_SHELL_BUSY', `another viewer attached to the shell of action ${id} first`);
    await this.store.appendAudit({ at: Date.now(), actor: who.user, action: 'response.shell.attach', target: id, details: { agent_id: r.agentId } });
    return bridge;
  }

  async detachShell(bridge: ShellBridge, viewer: ShellViewer, why: string): Promise<void> {
    bridge.detach(viewer, why);
    await this.store.appendAudit({ at: Date.now(), actor: viewer.user, action: 'response.shell.detach', target: bridge.actionId, details: { why } });
  }

  // ---- events from the gateway ----

  /** A session came online: send it what waits for it. */
  agentOnline(agentId: string): void {
    if (this.closed) return;
    void this.dispatchQueued(agentId);
  }

  agentOffline(agentId: string): void {
    for (const b of this.shells.values()) if (b.agentId === agentId) b.agentGone();
  }

  commandResult(agentId: string, r: xdr.v1.ICommandResult): void {
    const id = r.actionId ?? '';
    if (!id) return this.drop('no_action_id', agentId, '');
    const bytes = r.chunk?.length ?? 0;
    if (bytes > 0) {
      // chunks wait here while earlier ones are written: bounded, so a disk slower than the
      // network fails the transfer instead of filling the collector's memory
      const backlog = (this.chunkBacklog.get(id) ?? 0) + bytes;
      if (backlog > EVIDENCE_BACKLOG_BYTES) {
        this.drop('evidence_backlog', agentId, id, `${backlog} bytes of chunks waiting to be written`);
        if (!this.backlogFailed.has(id)) {
          this.backlogFailed.add(id);
          this.serial(id, () => this.failTransfer(agentId, id, `chunks arrived faster than the evidence store could write them (more than ${EVIDENCE_BACKLOG_BYTES} bytes waiting)`));
        }
        return;
      }
      this.chunkBacklog.set(id, backlog);
    }
    this.serial(id, async () => {
      try {
        await this.onResult(agentId, id, r);
      } finally {
        if (bytes > 0) {
          const left = (this.chunkBacklog.get(id) ?? bytes) - bytes;
          if (left > 0) this.chunkBacklog.set(id, left);
          else this.chunkBacklog.delete(id);
        }
      }
    });
  }

  private async failTransfer(agentId: string, id: string, error: string): Promise<void> {
    try {
      const rec = await this.inFlight(agentId, id);
      if (!rec) return;
      await this.discardInflight(id);
      await this.move(rec, ['sent', 'running'], 'failed', `agent:${agentId}`, 'response.finish', { finishedAt: Date.now(), error });
    } finally {
      this.backlogFailed.delete(id);
    }
  }

  shellData(agentId: string, d: xdr.v1.IShellData): void {
    const id = d.actionId ?? '';
    if (!id) return this.drop('no_action_id', agentId, '');
    this.serial(id, async () => {
      const bridge = this.shells.get(id);
      if (bridge) {
        if (bridge.agentId !== agentId) return this.drop('other_agent', agentId, id);
        return bridge.fromAgent(d);
      }
      const rec = await this.inFlight(agentId, id);
      if (!rec) return;
      if (rec.action !== 'shell') return this.drop('not_a_shell', agentId, id);
      this.bridgeFor(rec).fromAgent(d);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    for (const b of this.shells.values()) b.close('the collector is shutting down');
    await Promise.all([...this.shells.values()].map((b) => b.flush()));
    await Promise.all([...this.chains.values()]);
    for (const w of this.writers.values()) await w.abort();
  }

  // ---- internals ----

  private async resolveAgent(ref: string): Promise<AgentRecord> {
    const byId = await this.store.getAgent(ref);
    let agent = byId;
    if (!agent) {
      const named = await this.store.findAgentsByHostname(ref);
      const live = named.filter((a) => a.revokedAt === null);
      if (named.length === 0) throw new ResponseError('XDR_AGENT_NOT_FOUND', `no agent has the id or hostname "${ref}" (GET /api/v1/agents lists them)`);
      if (live.length > 1) {
        const list = live.map((a) => `${a.id} (last seen ${a.lastSeen ? new Date(a.lastSeen).toISOString() : 'never'})`).join(', ');
        throw new ResponseError('XDR_AGENT_AMBIGUOUS', `hostname "${ref}" names ${live.length} agents: ${list}; give the agent id instead`);
      }
      agent = live[0] ?? named[0];
    }
    if (agent!.revokedAt !== null) {
      throw new ResponseError('XDR_AGENT_REVOKED', `agent ${agent!.id} (${agent!.hostname}) was revoked at ${new Date(agent!.revokedAt).toISOString()}; it can receive no action`);
    }
    return agent!;
  }

  private conflict(id: string, verb: string, from: readonly ResponseStatus[], why?: string): ResponseError {
    return new ResponseError('XDR_ACTION_CONFLICT', `action ${id} cannot be ${verb}: only ${from.join(' or ')} actions can${why ? `, and ${why}` : ''}`);
  }

  /** One transition with its audit entry; undefined when the action had already left `from`. */
  private async move(
    r: ResponseRecord, from: readonly ResponseStatus[], to: ResponseStatus, actor: string, auditAction: string,
    set: ResponsePatch = {}, extra: Record<string, unknown> = {},
  ): Promise<ResponseRecord | undefined> {
    const at = Date.now();
    const current = from.includes(r.status) ? r.status : from.join('|');
    const after = await this.store.transitionResponse(r.id, {
      from, to, set,
      audit: { at, actor, action: auditAction, target: r.id, details: { agent_id: r.agentId, action: r.action, from: current, to, ...(set.error ? { error: set.error } : {}), ...extra } },
    });
    if (after && FINAL.includes(to)) {
      this.metrics.responseActions.inc({ action: r.action, status: to });
      this.log.info({ actionId: r.id, agentId: r.agentId, action: r.action, status: to, error: after.error ?? undefined }, 'response action finished');
    }
    return after;
  }

  private async dispatchQueued(agentId: string): Promise<void> {
    try {
      for (const r of await this.store.responsesInStatus(['queued'], { agentId })) await this.dispatch(r);
    } catch (err) {
      this.log.error({ err, agentId }, 'cannot send queued response actions; they are retried when the agent reconnects');
    }
  }

  /** Signs and sends a queued action when its agent is online. */
  private async dispatch(r: ResponseRecord): Promise<void> {
    if (r.status !== 'queued' || !this.o.channel.isOnline(r.agentId)) return;
    if (r.expiresAt <= Date.now()) return void (await this.expire(r));
    const sent = await this.move(r, ['queued'], 'sent', 'system', 'response.send', { sentAt: Date.now() });
    if (!sent) return; // dispatched meanwhile by another path
    if (sent.action === 'shell') this.bridgeFor(sent);
    if (!this.o.channel.sendCommand(r.agentId, signCommand(this.o.commandKey, sent))) {
      this.shells.get(r.id)?.agentGone();
      await this.move(sent, ['sent'], 'queued', 'system', 'response.requeue', { sentAt: null }, { why: 'the agent disconnected before the command left' });
      return;
    }
    this.metrics.responseCommandsSent.inc({ action: r.action });
    this.log.info({ actionId: r.id, agentId: r.agentId, action: r.action }, 'response command sent');
  }

  private async expire(r: ResponseRecord): Promise<void> {
    const error = r.status === 'pending_approval' ? 'expired while waiting for approval'
      : r.status === 'queued' ? 'expired before the agent connected to receive it'
        : `no result came back from the agent before the action expired at ${new Date(r.expiresAt).toISOString()}`;
    const after = await this.move(r, [r.status], 'expired', 'system', 'response.expire', { finishedAt: Date.now(), error });
    if (after) await this.discardInflight(r.id);
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || this.closed) return;
    this.sweeping = true;
    try {
      for (const r of await this.store.responsesInStatus(LIVE_RESPONSE_STATUSES, { expiresBefore: Date.now() })) {
        // an open shell lives by its idle timeout, not by the command's expiry
        if (r.action === 'shell' && this.shells.get(r.id)?.open) continue;
        if (Date.now() < this.resultDeadline(r)) continue;
        await this.expire(r);
      }
    } catch (err) {
      this.log.error({ err }, 'response expiry check failed; it runs again shortly');
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * When a missing result means it will not come. A script that started before the expiry may
   * run for its whole timeout after it: its result is awaited that long (plus a grace period).
   */
  private resultDeadline(r: ResponseRecord): number {
    if (r.action !== 'run_script' || r.status !== 'running' || r.startedAt === null) return r.expiresAt;
    const timeout = typeof r.params.timeout_s === 'number' ? r.params.timeout_s : LIMITS.scriptTimeoutS.default;
    return Math.max(r.expiresAt, r.startedAt + timeout * 1000 + RESULT_GRACE_MS);
  }

  private serial(id: string, fn: () => Promise<void> | void): void {
    const prev = this.chains.get(id) ?? Promise.resolve();
    const next = prev.then(fn).catch((err: unknown) => this.log.error({ err, actionId: id }, 'handling a response frame failed'));
    this.chains.set(id, next);
    void next.then(() => { if (this.chains.get(id) === next) this.chains.delete(id); });
  }

  private drop(reason: DropReason, agentId: string, actionId: string, detail?: string): void {
    this.metrics.responseFramesDropped.inc({ reason });
    this.log.warn({ reason, agentId, actionId, detail }, 'response frame from an agent dropped');
  }

  /** The action when it is this agent's and in flight; otherwise the frame is dropped (counted, logged). */
  private async inFlight(agentId: string, id: string): Promise<ResponseRecord | undefined> {
    const rec = await this.store.getResponse(id);
    if (!rec) return void this.drop('unknown_action', agentId, id);
    if (rec.agentId !== agentId) return void this.drop('other_agent', agentId, id, `the action is for agent ${rec.agentId}`);
    if (rec.status !== 'sent' && rec.status !== 'running') return void this.drop('not_in_flight', agentId, id, `the action is ${rec.status}`);
    return rec;
  }

  private bridgeFor(r: ResponseRecord): ShellBridge {
    let bridge = this.shells.get(r.id);
    if (!bridge) {
      const idle = typeof r.params.idle_timeout_s === 'number' ? r.params.idle_timeout_s : LIMITS.shellIdleS.default;
      bridge = new ShellBridge({
        actionId: r.id, agentId: r.agentId, idleMs: idle * 1000, transcriptMaxBytes: this.transcriptMaxBytes,
        store: this.store, metrics: this.metrics, log: this.log,
        toAgent: (d) => this.o.channel.sendShellData(r.agentId, d),
        onEnd: (b, why) => {
          this.log.info({ actionId: r.id, why }, 'remote shell ended');
          // keep the finished bridge briefly so late frames of this shell are recognised, then forget it
          setTimeout(() => { if (this.shells.get(r.id) === b) this.shells.delete(r.id); }, 30_000).unref();
        },
      });
      this.shells.set(r.id, bridge);
    }
    return bridge;
  }

  private async discardInflight(id: string): Promise<void> {
    const w = this.writers.get(id);
    if (w) {
      this.writers.delete(id);
      await w.abort();
    }
    const b = this.shells.get(id);
    if (b?.open) b.close('the action ended');
  }

  private async onResult(agentId: string, id: string, res: xdr.v1.ICommandResult): Promise<void> {
    const rec = await this.inFlight(agentId, id);
    if (!rec) return;
    const status = res.status ?? STATUS.STATUS_UNSPECIFIED;
    const actor = `agent:${agentId}`;
    let current = rec;
    if (status === STATUS.RUNNING) {
      if (current.status === 'sent') current = (await this.move(current, ['sent'], 'running', actor, 'response.start', { startedAt: Date.now() })) ?? current;
      const hasChunk = (res.chunk && res.chunk.length > 0) || res.lastChunk;
      if (!hasChunk) return;
      if (current.action !== 'collect_file') return this.drop('unexpected_chunk', agentId, id, `${current.action} does not stream chunks`);
      return this.onChunk(current, res, actor);
    }
    if (status !== STATUS.SUCCEEDED && status !== STATUS.FAILED && status !== STATUS.REFUSED) {
      return this.drop('bad_status', agentId, id, `status ${status}`);
    }
    const result = parseResultJson(res.resultJson);
    if (result === 'bad') {
      this.drop('bad_result_json', agentId, id);
      await this.discardInflight(id);
      await this.move(current, ['sent', 'running'], 'failed', actor, 'response.finish', { finishedAt: Date.now(), error: 'the agent sent a result that is not a JSON object' });
      return;
    }
    const now = Date.now();
    const startedAt = current.startedAt ?? now;
    if (status === STATUS.SUCCEEDED) {
      let set: ResponsePatch = { finishedAt: now, startedAt, result };
      if (current.action === 'collect_file') {
        const checked = await this.finishEvidence(current, result);
        if ('error' in checked) {
          await this.move(current, ['sent', 'running'], 'failed', actor, 'response.finish', { finishedAt: now, startedAt, result, error: checked.error });
          return;
        }
        set = { ...set, file: checked.file };
      }
      const after = await this.move(current, ['sent', 'running'], 'succeeded', actor, 'response.finish', set);
      if (after && (current.action === 'isolate' || current.action === 'restore')) {
        await this.store.setAgentIsolated(agentId, current.action === 'isolate');
        this.log.info({ agentId, isolated: current.action === 'isolate' }, 'agent isolation state changed');
      }
      this.shells.get(id)?.close('the shell finished');
      return;
    }
    const refused = status === STATUS.REFUSED;
    const error = res.error || (refused ? 'the agent refused the command' : 'the agent reported a failure without a reason');
    await this.discardInflight(id);
    await this.move(current, ['sent', 'running'], 'failed', actor, 'response.finish', { finishedAt: now, startedAt, result, error, refused }, refused ? { refused: true } : {});
  }

  private async onChunk(rec: ResponseRecord, res: xdr.v1.ICommandResult, actor: string): Promise<void> {
    const id = rec.id;
    const chunk = res.chunk ?? new Uint8Array();
    const offset = Number(res.chunkOffset ?? 0);
    try {
      let w = this.writers.get(id);
      if (!w) {
        if (offset !== 0) throw new EvidenceError(`chunk at offset ${offset} but no earlier chunk was received (a collector restart loses a transfer in progress)`);
        const max = typeof rec.params.max_bytes === 'number' ? rec.params.max_bytes : LIMITS.collectBytes.default;
        w = await EvidenceWriter.create(this.o.dataDir, id, max);
        this.writers.set(id, w);
      }
      await w.write(offset, chunk);
      this.metrics.responseEvidenceBytes.inc(chunk.length);
    } catch (err) {
      const error = err instanceof EvidenceError ? err.message : `cannot write the evidence file: ${(err as Error).message}`;
      this.log.warn({ actionId: id, error }, 'collected file refused');
      await this.discardInflight(id);
      await this.move(rec, ['sent', 'running'], 'failed', actor, 'response.finish', { finishedAt: Date.now(), error });
    }
  }

  /** Closes the evidence file and checks it against the agent's size and hash. */
  private async finishEvidence(rec: ResponseRecord, result: Record<string, unknown> | null): Promise<{ file: NonNullable<ResponseRecord['file']> } | { error: string }> {
    const w = this.writers.get(rec.id);
    this.writers.delete(rec.id);
    let written: { size: number; sha256: string };
    if (w) written = await w.finish();
    else {
      // an empty file sends no chunk at all
      const empty = await EvidenceWriter.create(this.o.dataDir, rec.id, 0);
      written = await empty.finish();
    }
    const size = result?.size;
    const sha256 = result?.sha256;
    const path = typeof result?.path === 'string' ? result.path : String(rec.params.path);
    let error: string | undefined;
    if (typeof size !== 'number' || typeof sha256 !== 'string') error = 'the agent reported success without the file\'s size and sha256';
    else if (size !== written.size) error = `the agent reported ${size} bytes but ${written.size} arrived`;
    else if (sha256.toLowerCase() !== written.sha256) error = `the agent reported sha256 ${sha256} but what arrived hashes to ${written.sha256}`;
    if (error) {
      await rm(evidenceFile(this.o.dataDir, rec.id), { force: true });
      return { error };
    }
    return { file: { path, size: written.size, sha256: written.sha256 } };
  }
}
