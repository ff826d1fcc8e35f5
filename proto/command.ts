// The response contract shared by the collector (which validates, signs and sends commands) and
// the agent (which verifies and executes them): the action kinds, their parameters and results,
// and the exact bytes the collector's command key signs.
import type { xdr } from './gen/xdr.js';

export const ACTIONS = ['isolate', 'restore', 'collect_file', 'run_script', 'kill_process', 'shell'] as const;
export type ActionKind = (typeof ACTIONS)[number];

export const SCRIPT_INTERPRETERS = ['sh', 'bash', 'python3'] as const;
export type ScriptInterpreter = (typeof SCRIPT_INTERPRETERS)[number];

/** One allowlist entry of an isolation: a CIDR (IPv4 or IPv6), optionally narrowed to ports. */
export interface IsolationAllow {
  cidr: string;
  ports?: number[];
  protocol?: 'tcp' | 'udp';
}

export interface ActionParams {
  isolate: { allow?: IsolationAllow[]; allow_dns?: boolean; allow_dhcp?: boolean };
  restore: Record<string, never>;
  collect_file: { path: string; max_bytes?: number };
  run_script: { interpreter: ScriptInterpreter; script: string; args?: string[]; timeout_s?: number; max_output_bytes?: number };
  kill_process: { entity_id: string; pid?: number; signal?: 'SIGKILL' | 'SIGTERM' };
  shell: { cols?: number; rows?: number; shell?: string; idle_timeout_s?: number };
}

export interface ActionResults {
  isolate: { isolated: true; table: string; collector: string; allow: IsolationAllow[]; verified_ms: number };
  restore: { isolated: false; removed: boolean };
  collect_file: { path: string; size: number; sha256: string; mode: string; uid: number; gid: number; owner: string; mtime_ms: number };
  run_script: {
    exit_code: number | null; signal: string | null; timed_out: boolean; duration_ms: number;
    stdout: string; stderr: string; stdout_truncated: boolean; stderr_truncated: boolean;
  };
  kill_process: { pid: number; entity_id: string; signal: string };
  shell: { exit_code: number | null; duration_ms: number; reason: string };
}

/** Bounds that both sides enforce; the agent's config may narrow them. */
export const LIMITS = {
  scriptBytes: 256 * 1024,
  scriptArgs: 64,
  scriptTimeoutS: { default: 60, max: 3600 },
  scriptOutputBytes: { default: 1024 * 1024, max: 8 * 1024 * 1024 },
  collectBytes: { default: 100 * 1024 * 1024, max: 1024 * 1024 * 1024 },
  /** collected files travel in CommandResult chunks of this size */
  collectChunkBytes: 256 * 1024,
  shellIdleS: { default: 900, max: 86_400 },
  allowEntries: 64,
} as const;

export const COMMAND_SIGNATURE_CONTEXT = 'xdr-command-v1';

/**
 * The bytes the command key signs: a context string, then fields 1-6 of Command, each prefixed
 * by its length (4 bytes, big-endian), so that no two different commands share an encoding.
 */
export function commandSigningBytes(cmd: xdr.v1.ICommand): Buffer {
  const fields: Buffer[] = [
    Buffer.from(COMMAND_SIGNATURE_CONTEXT),
    Buffer.from(cmd.actionId ?? ''),
    Buffer.from(cmd.agentId ?? ''),
    Buffer.from(cmd.action ?? ''),
    Buffer.from(cmd.paramsJson ?? new Uint8Array()),
    Buffer.from(cmd.nonce ?? new Uint8Array()),
    Buffer.from(String(Number(cmd.expiresAtMs ?? 0))),
  ];
  const parts: Buffer[] = [];
  for (const f of fields) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(f.length);
    parts.push(len, f);
  }
  return Buffer.concat(parts);
}

export function isAction(v: unknown): v is ActionKind {
  return typeof v === 'string' && (ACTIONS as readonly string[]).includes(v);
}

type Parsed<A extends ActionKind> = { ok: true; params: ActionParams[A] } | { ok: false; error: string };

/**
 * Validates the parameters of an action. Both the API (before anything is queued) and the agent
 * (before anything runs) call it; the error names the bad field.
 */
export function parseActionParams<A extends ActionKind>(action: A, raw: unknown): Parsed<A> {
  const p = (raw ?? {}) as Record<string, unknown>;
  if (typeof p !== 'object' || Array.isArray(p)) return { ok: false, error: 'params must be a JSON object' };
  const fail = (error: string): Parsed<A> => ({ ok: false, error });
  const known = KNOWN_PARAMS[action];
  const unknown = Object.keys(p).find((k) => !known.includes(k));
  if (unknown) return fail(`params.${unknown} is not a parameter of ${action} (known: ${known.join(', ') || 'none'})`);
  const error = CHECKS[action](p);
  return error ? fail(error) : { ok: true, params: p as unknown as ActionParams[A] };
}

const KNOWN_PARAMS: Record<ActionKind, string[]> = {
  isolate: ['allow', 'allow_dns', 'allow_dhcp'],
  restore: [],
  collect_file: ['path', 'max_bytes'],
  run_script: ['interpreter', 'script', 'args', 'timeout_s', 'max_output_bytes'],
  kill_process: ['entity_id', 'pid', 'signal'],
  shell: ['cols', 'rows', 'shell', 'idle_timeout_s'],
};

function intIn(v: unknown, min: number, max: number): boolean {
  return Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
}

function optional(v: unknown, ok: (v: unknown) => boolean): boolean {
  return v === undefined || ok(v);
}

const CIDR4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/;
const CIDR6 = /^([0-9a-fA-F:]+)(\/(\d{1,3}))?$/;

export function isCidr(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m4 = CIDR4.exec(v);
  if (m4) return m4.slice(1, 5).every((o) => Number(o) <= 255) && (m4[6] === undefined || Number(m4[6]) <= 32);
  const m6 = CIDR6.exec(v);
  return !!m6 && m6[1].includes(':') && (m6[1].match(/::/g) ?? []).length <= 1 && (m6[3] === undefined || Number(m6[3]) <= 128);
}

const CHECKS: Record<ActionKind, (p: Record<string, unknown>) => string | undefined> = {
  isolate(p) {
    if (p.allow !== undefined) {
      if (!Array.isArray(p.allow)) return 'params.allow must be a list of {cidr, ports?, protocol?}';
      if (p.allow.length > LIMITS.allowEntries) return `params.allow has ${p.allow.length} entries; at most ${LIMITS.allowEntries}`;
      for (const [i, a] of (p.allow as Record<string, unknown>[]).entries()) {
        if (!a || typeof a !== 'object') return `params.allow[${i}] must be an object`;
        const extra = Object.keys(a).find((k) => !['cidr', 'ports', 'protocol'].includes(k));
        if (extra) return `params.allow[${i}].${extra} is not known (cidr, ports, protocol)`;
        if (!isCidr(a.cidr)) return `params.allow[${i}].cidr "${String(a.cidr)}" is not an IPv4 or IPv6 address or CIDR`;
        if (!optional(a.ports, (v) => Array.isArray(v) && v.length > 0 && v.length <= 32 && v.every((x) => intIn(x, 1, 65535)))) return `params.allow[${i}].ports must be 1 to 32 ports in 1-65535`;
        if (!optional(a.protocol, (v) => v === 'tcp' || v === 'udp')) return `params.allow[${i}].protocol must be tcp or udp`;
      }
    }
    if (!optional(p.allow_dns, (v) => typeof v === 'boolean')) return 'params.allow_dns must be true or false';
    if (!optional(p.allow_dhcp, (v) => typeof v === 'boolean')) return 'params.allow_dhcp must be true or false';
    return undefined;
  },
  restore: () => undefined,
  collect_file(p) {
    if (typeof p.path !== 'string' || !p.path.startsWith('/') || p.path.length > 4096 || p.path.includes('\0')) return 'params.path must be an absolute path';
    if (!optional(p.max_bytes, (v) => intIn(v, 1, LIMITS.collectBytes.max))) return `params.max_bytes must be an integer in 1-${LIMITS.collectBytes.max}`;
    return undefined;
  },
  run_script(p) {
    if (!(SCRIPT_INTERPRETERS as readonly unknown[]).includes(p.interpreter)) return `params.interpreter must be one of ${SCRIPT_INTERPRETERS.join(', ')}`;
    if (typeof p.script !== 'string' || p.script.length === 0) return 'params.script must be a non-empty string';
    if (Buffer.byteLength(p.script) > LIMITS.scriptBytes) return `params.script is ${Buffer.byteLength(p.script)} bytes; at most ${LIMITS.scriptBytes}`;
    if (!optional(p.args, (v) => Array.isArray(v) && v.length <= LIMITS.scriptArgs && v.every((a) => typeof a === 'string' && !a.includes('\0')))) return `params.args must be at most ${LIMITS.scriptArgs} strings`;
    if (!optional(p.timeout_s, (v) => intIn(v, 1, LIMITS.scriptTimeoutS.max))) return `params.timeout_s must be an integer in 1-${LIMITS.scriptTimeoutS.max}`;
    if (!optional(p.max_output_bytes, (v) => intIn(v, 1, LIMITS.scriptOutputBytes.max))) return `params.max_output_bytes must be an integer in 1-${LIMITS.scriptOutputBytes.max}`;
    return undefined;
  },
  kill_process(p) {
    if (typeof p.entity_id !== 'string' || !/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/.test(p.entity_id)) return 'params.entity_id must be a process entity id (25 characters)';
    if (!optional(p.pid, (v) => intIn(v, 1, 2 ** 22))) return 'params.pid must be a process id';
    if (!optional(p.signal, (v) => v === 'SIGKILL' || v === 'SIGTERM')) return 'params.signal must be SIGKILL or SIGTERM';
    return undefined;
  },
  shell(p) {
    if (!optional(p.cols, (v) => intIn(v, 10, 1000))) return 'params.cols must be an integer in 10-1000';
    if (!optional(p.rows, (v) => intIn(v, 5, 1000))) return 'params.rows must be an integer in 5-1000';
    if (!optional(p.shell, (v) => typeof v === 'string' && v.startsWith('/') && v.length < 256)) return 'params.shell must be an absolute path';
    if (!optional(p.idle_timeout_s, (v) => intIn(v, 10, LIMITS.shellIdleS.max))) return `params.idle_timeout_s must be an integer in 10-${LIMITS.shellIdleS.max}`;
    return undefined;
  },
};
