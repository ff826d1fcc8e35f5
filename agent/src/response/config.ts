// The `response:` section of the agent's config: the local policy that narrows what the collector
// may ask of this host. Parsed and validated once, with explicit defaults; errors name the full key.
import { ACTIONS, LIMITS, type ActionKind } from '../../../proto/command.js';

export interface ResponseConfig {
  /** action kinds this agent refuses whatever the collector signs */
  refuse: ActionKind[];
  /** largest file collect_file sends */
  collect_max_bytes: number;
  script_timeout_max_s: number;
  script_output_max_bytes: number;
  /** the shell a remote terminal runs (a `shell` param may name another one listed in /etc/shells) */
  shell: string;
  shell_idle_timeout_max_s: number;
  /** actions running at once; beyond it a command is refused */
  max_concurrent: number;
}

export function defaultResponseConfig(): ResponseConfig {
  return {
    refuse: [],
    collect_max_bytes: LIMITS.collectBytes.max,
    script_timeout_max_s: LIMITS.scriptTimeoutS.max,
    script_output_max_bytes: LIMITS.scriptOutputBytes.max,
    shell: '/bin/bash',
    shell_idle_timeout_max_s: LIMITS.shellIdleS.max,
    max_concurrent: 8,
  };
}

export class ResponseConfigError extends Error {
  readonly code = 'XDR_AGENT_BAD_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'ResponseConfigError';
  }
}

const KEYS = ['refuse', 'collect_max_bytes', 'script_timeout_max_s', 'script_output_max_bytes', 'shell', 'shell_idle_timeout_max_s', 'max_concurrent'];

function show(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

function intIn(raw: Record<string, unknown>, name: string, def: number, min: number, max: number): number {
  const v = raw[name];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new ResponseConfigError(`response.${name} must be an integer in ${min}-${max}, got ${show(v)}`);
  }
  return v;
}

/** Validates the `response:` section; missing keys take the defaults of defaultResponseConfig(). */
export function parseResponseConfig(raw: unknown): ResponseConfig {
  const d = defaultResponseConfig();
  if (raw === undefined || raw === null) return d;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ResponseConfigError(`response must be a mapping, got ${show(raw)}`);
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (!KEYS.includes(k)) throw new ResponseConfigError(`response.${k} is not a known key (known: ${KEYS.join(', ')})`);
  }
  let refuse = d.refuse;
  if (r.refuse !== undefined) {
    if (!Array.isArray(r.refuse)) throw new ResponseConfigError(`response.refuse must be a list of action kinds (${ACTIONS.join(', ')}), got ${show(r.refuse)}`);
    r.refuse.forEach((k, i) => {
      if (!(ACTIONS as readonly unknown[]).includes(k)) throw new ResponseConfigError(`response.refuse[${i}] must be one of ${ACTIONS.join(', ')}, got ${show(k)}`);
    });
    refuse = [...new Set(r.refuse as ActionKind[])];
  }
  if (r.shell !== undefined && (typeof r.shell !== 'string' || !r.shell.startsWith('/'))) {
    throw new ResponseConfigError(`response.shell must be an absolute path, got ${show(r.shell)}`);
  }
  return {
    refuse,
    collect_max_bytes: intIn(r, 'collect_max_bytes', d.collect_max_bytes, 1, LIMITS.collectBytes.max),
    script_timeout_max_s: intIn(r, 'script_timeout_max_s', d.script_timeout_max_s, 1, LIMITS.scriptTimeoutS.max),
    script_output_max_bytes: intIn(r, 'script_output_max_bytes', d.script_output_max_bytes, 1, LIMITS.scriptOutputBytes.max),
    shell: (r.shell as string | undefined) ?? d.shell,
    shell_idle_timeout_max_s: intIn(r, 'shell_idle_timeout_max_s', d.shell_idle_timeout_max_s, 10, LIMITS.shellIdleS.max),
    max_concurrent: intIn(r, 'max_concurrent', d.max_concurrent, 1, 64),
  };
}
