// Decides whether a Command may run: signed with the pinned command key, meant for this agent,
// not expired, not seen before, a known action with valid params, and allowed by local policy.
// Every refusal carries a code (for counting) and a reason the responder reads in the result.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { xdr } from '../../../proto/index.js';
import { commandSigningBytes, isAction, parseActionParams, type ActionKind, type ActionParams } from '../../../proto/command.js';
import type { ResponseConfig } from './config.js';
import type { ReplayJournal } from './replay-journal.js';

export const REFUSAL_CODES = ['unsigned', 'bad_signature', 'other_agent', 'expired', 'too_far_ahead', 'replayed', 'unknown_action', 'bad_params', 'policy', 'journal', 'busy'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Verdict =
  | { ok: true; action: ActionKind; params: ActionParams[ActionKind] }
  | { ok: false; code: RefusalCode; reason: string };

/** The collector signs commands for at most 7 days; a day more absorbs clock skew. */
export const MAX_COMMAND_LIFETIME_MS = 8 * 86_400_000;

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The collector's command key as pinned in identity.json: raw 32 bytes, base64. */
export function commandKeyFromBase64(b64: string): KeyObject {
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 32) throw new Error(`the pinned command key is ${raw.length} bytes; an Ed25519 public key is 32 (enroll again with --force)`);
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export interface CommandVerifierOptions {
  agentId: string;
  /** an Error when identity.json holds no usable key: every command is then refused */
  commandKey: KeyObject | Error;
  journal: ReplayJournal;
  policy: ResponseConfig;
  /** where the policy comes from, named in policy refusals */
  policySource: string;
  now?: () => number;
}

export class CommandVerifier {
  constructor(private readonly o: CommandVerifierOptions) {}

  /** Checks cmd and, when it passes the trust checks, records it in the replay journal. */
  check(cmd: xdr.v1.ICommand): Verdict {
    const o = this.o;
    const refuse = (code: RefusalCode, reason: string): Verdict => ({ ok: false, code, reason: `refused: ${reason}` });
    if (!cmd.signature || cmd.signature.length === 0) return refuse('unsigned', 'the command is not signed');
    if (o.commandKey instanceof Error) return refuse('bad_signature', `this agent has no usable pinned command key (${o.commandKey.message})`);
    let good = false;
    try {
      good = verify(null, commandSigningBytes(cmd), o.commandKey, cmd.signature);
    } catch {
      good = false;
    }
    if (!good) return refuse('bad_signature', 'signature does not verify with the pinned command key');
    if (cmd.agentId !== o.agentId) return refuse('other_agent', `the command is meant for agent ${JSON.stringify(cmd.agentId ?? '')}, this is ${o.agentId}`);
    const now = (o.now ?? Date.now)();
    const expiresAt = Number(cmd.expiresAtMs ?? 0);
    if (!Number.isSafeInteger(expiresAt) || expiresAt <= 0) return refuse('expired', 'the command carries no valid expiry (expires_at_ms)');
    if (expiresAt < now) return refuse('expired', `the command expired at ${new Date(expiresAt).toISOString()} (agent clock ${new Date(now).toISOString()})`);
    if (expiresAt > now + MAX_COMMAND_LIFETIME_MS) return refuse('too_far_ahead', `the command expires at ${new Date(expiresAt).toISOString()}, more than ${MAX_COMMAND_LIFETIME_MS / 86_400_000} days ahead of the agent clock`);
    const actionId = cmd.actionId ?? '';
    if (!actionId) return refuse('bad_params', 'the command has no action id');
    const nonce = Buffer.from(cmd.nonce ?? new Uint8Array()).toString('hex');
    if (nonce.length < 16) return refuse('bad_params', 'the command nonce is shorter than 8 bytes');
    const replay = o.journal.seen(actionId, nonce);
    if (replay) return refuse('replayed', `replay: ${replay}`);
    // From here on the command is authentic and fresh: record it, so whatever follows, it never runs twice.
    try {
      o.journal.record(actionId, nonce, expiresAt);
    } catch (err) {
      return refuse('journal', `cannot record the command against replay: ${(err as Error).message}`);
    }
    const action = cmd.action ?? '';
    if (!isAction(action)) return refuse('unknown_action', `${JSON.stringify(action)} is not an action this agent knows`);
    if (o.policy.refuse.includes(action)) return refuse('policy', `${action} is refused by this agent's policy (response.refuse in ${o.policySource})`);
    let raw: unknown;
    try {
      raw = cmd.paramsJson && cmd.paramsJson.length > 0 ? JSON.parse(Buffer.from(cmd.paramsJson).toString('utf8')) : {};
    } catch (err) {
      return refuse('bad_params', `params are not JSON: ${(err as Error).message}`);
    }
    const parsed = parseActionParams(action, raw);
    if (!parsed.ok) return refuse('bad_params', parsed.error);
    const limit = policyLimit(action, parsed.params, o.policy, o.policySource);
    if (limit) return refuse('policy', limit);
    return { ok: true, action, params: parsed.params };
  }
}

/** Local bounds narrower than the contract's: a request beyond them is refused, never silently clamped. */
function policyLimit(action: ActionKind, params: ActionParams[ActionKind], policy: ResponseConfig, source: string): string | undefined {
  const over = (what: string, asked: number, key: keyof ResponseConfig) =>
    `${what} ${asked} exceeds this agent's policy (response.${key}: ${String(policy[key])} in ${source})`;
  if (action === 'run_script') {
    const p = params as ActionParams['run_script'];
    if (p.timeout_s !== undefined && p.timeout_s > policy.script_timeout_max_s) return over('params.timeout_s', p.timeout_s, 'script_timeout_max_s');
    if (p.max_output_bytes !== undefined && p.max_output_bytes > policy.script_output_max_bytes) return over('params.max_output_bytes', p.max_output_bytes, 'script_output_max_bytes');
  }
  if (action === 'shell') {
    const p = params as ActionParams['shell'];
    if (p.idle_timeout_s !== undefined && p.idle_timeout_s > policy.shell_idle_timeout_max_s) return over('params.idle_timeout_s', p.idle_timeout_s, 'shell_idle_timeout_max_s');
  }
  return undefined;
}
