// xdrctl's response commands: isolate, restore, collect, script, kill, shell and actions, each a
// request to POST /api/v1/responses (collector/src/response/README.md) and, for the commands that
// wait, polling of GET /responses/:id until the action is final, with a bounded wait.
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { PeerCertificate } from 'node:tls';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { isCidr, LIMITS, SCRIPT_INTERPRETERS, type ActionKind, type IsolationAllow, type ScriptInterpreter } from '../../../proto/command.js';
import { ApiRequestError, ClientError, derFingerprint, XdrClient } from './client.js';
import { parseClientConfig, type ClientConfig } from './config.js';
import { UsageError } from './args.js';
import { openShellSocket, runShellSession, type TerminalIo } from './shell-session.js';
import { ago, renderTable } from './table.js';

export interface ResponseIo {
  out(text: string): void;
  err(text: string): void;
  /** the local terminal, for `shell` (the process's stdin/stdout in the program) */
  tty?: TerminalIo;
  /** ends `actions --watch` (Ctrl-C ends the process in the program) */
  signal?: AbortSignal;
}

export const RESPONSE_HELP = `Response (responder or admin; HOST is an agent id or a hostname):
  isolate HOST [--allow CIDR[:PORT,...][/tcp|/udp]]... [--allow-dns] [--allow-dhcp] [--reason R] [--wait]
                                 cut the host off the network except the collector and the allowlist
  restore HOST [--reason R] [--wait]   lift the isolation
  collect HOST PATH -o FILE [--max-bytes N] [--reason R]
                                 waits, saves the file as FILE: a zip with the password "infected"
  script HOST FILE [--interpreter sh|bash|python3] [--timeout S] [--reason R] [-- ARGS...]
                                 waits, prints stdout and stderr, exits with the script's exit code
  kill HOST ENTITY_ID [--signal SIGKILL|SIGTERM] [--reason R] [--wait]
                                 a process by its process.entity_id (xdrctl events shows them)
  shell HOST [--reason R]        an interactive terminal on the host; Ctrl-] ends it
  actions [--host H] [--status S,...] [--action A] [--limit N] [--watch]
                                 Response Management, newest first; --watch follows status changes
  actions show|approve|cancel ID, actions deny ID [--reason R]
  Waiting commands give up after --timeout (seconds, or 90s/10m/1h; default 10m; for script:
  the script's timeout plus 2m) and leave the action running; exit status 3 says so.`;

export interface Action {
  id: string; agent_id: string; hostname: string; action: ActionKind; params: Record<string, unknown>;
  status: ActionStatus; reason: string | null; requested_by: string; requested_at: string;
  approved_by: string | null; approved_at: string | null; sent_at: string | null; started_at: string | null;
  finished_at: string | null; expires_at: string; result: Record<string, any> | null; error: string | null;
  refused: boolean; file?: { size: number; sha256: string; path: string } | null;
}
export type ActionStatus = 'pending_approval' | 'queued' | 'sent' | 'running' | 'succeeded' | 'failed' | 'expired' | 'cancelled';
export const FINAL_STATUSES: readonly ActionStatus[] = ['succeeded', 'failed', 'expired', 'cancelled'];

/** Exit status of a command whose wait ran out while the action went on. */
export const EXIT_STILL_RUNNING = 3;

const DEFAULT_WAIT_MS = 10 * 60_000;
const SCRIPT_WAIT_MARGIN_MS = 2 * 60_000;

/** The action ended other than in success; the message is the agent's or the collector's reason. */
export class ActionFailedError extends Error {
  override readonly name = 'ActionFailedError';
  constructor(readonly action: Action) {
    super(`${action.action} on ${action.hostname || action.agent_id} ${action.status}${action.refused ? ' (refused by the agent)' : ''}: ${action.error ?? describeEnd(action)} [action ${action.id}]`);
  }
}

/** The bounded wait ran out; the action itself goes on. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  constructor(readonly action: Action, waitedMs: number) {
    super(`action ${action.id} is still ${action.status} after ${Math.round(waitedMs / 1000)} s; it goes on: follow it with `
      + `xdrctl actions --watch, or stop it with xdrctl actions cancel ${action.id}`);
  }
}

function describeEnd(a: Action): string {
  if (a.status === 'expired') return `not done before it expired at ${a.expires_at}`;
  if (a.status === 'cancelled') return 'cancelled';
  return 'no reason given';
}

// ---- arguments ----------------------------------------------------------------------------

interface Spec {
  usage: string;
  positionals: [min: number, max: number];
  flags?: readonly string[];
  options?: readonly string[];
  repeatable?: readonly string[];
  /** `-o` -> `output` */
  short?: Readonly<Record<string, string>>;
  /** arguments after `--` are kept apart (script ARGS) */
  rest?: boolean;
}

export interface ResponseArgs {
  positionals: string[];
  rest: string[];
  flags: Set<string>;
  options: Map<string, string>;
  multi: Map<string, string[]>;
}

/** Parses `argv` against the command's own spec: unknown options, missing values and stray arguments are usage errors. */
export function parseResponseArgs(argv: readonly string[], spec: Spec): ResponseArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const multi = new Map<string, string[]>();
  const positionals: string[] = [];
  let rest: string[] = [];
  const flagNames = new Set(['json', 'help', ...(spec.flags ?? [])]);
  const optionNames = new Set([...(spec.options ?? []), ...(spec.repeatable ?? [])]);
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    if (arg === '--') {
      if (!spec.rest) throw new UsageError(`"--" is not taken here; usage: ${spec.usage}`);
      rest = argv.slice(i + 1);
      break;
    }
    if (arg === '-h') { flags.add('help'); continue; }
    if (/^-[A-Za-z]$/.test(arg)) {
      const long = spec.short?.[arg.slice(1)];
      if (!long) throw new UsageError(`"${arg}" is not an option; usage: ${spec.usage}`);
      arg = `--${long}`;
    }
    if (!arg.startsWith('--')) { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (flagNames.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!optionNames.has(name)) {
      const known = [...flagNames, ...optionNames].filter((n) => n !== 'help').map((n) => `--${n}`).join(', ');
      throw new UsageError(`unknown option --${name} (this command takes ${known}); usage: ${spec.usage}`);
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (spec.repeatable?.includes(name)) {
      multi.set(name, [...(multi.get(name) ?? []), value]);
      continue;
    }
    if (options.has(name)) throw new UsageError(`--${name} is given twice`);
    options.set(name, value);
  }
  if (!flags.has('help') && (positionals.length < spec.positionals[0] || positionals.length > spec.positionals[1])) {
    throw new UsageError(`usage: ${spec.usage}`);
  }
  return { positionals, rest, flags, options, multi };
}

/** `--timeout`: seconds ("90") or a duration ("90s", "10m", "1h"). */
export function parseWaitTimeout(text: string | undefined, fallbackMs: number): number {
  if (text === undefined) return fallbackMs;
  const m = /^(\d+)\s*(s|m|h)?$/.exec(text.trim());
  const ms = m ? Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 's' | 'm' | 'h'] : NaN;
  if (!m || !(ms > 0)) throw new UsageError(`--timeout "${text}" must be a number of seconds, or a duration such as 90s, 10m, 1h`);
  return ms;
}

/**
 * `--allow` values: `CIDR`, `CIDR:PORT,PORT`, optionally `/tcp` or `/udp` after the ports. An IPv6
 * address with ports and no prefix length goes in brackets: `[2001:db8::1]:443`.
 */
export function parseAllow(text: string): IsolationAllow {
  const bad = (why: string) => new UsageError(`--allow "${text}": ${why}; expected CIDR[:PORT,...][/tcp|/udp], e.g. 10.0.0.0/8, 192.0.2.10:22,443/tcp, [2001:db8::1]:443`);
  let cidr: string;
  let tail: string | undefined;
  const bracket = /^\[([^\]]+)\](\/\d{1,3})?(?::(.+))?$/.exec(text);
  const prefixed = /^([^/]+\/\d{1,3})(?::(.+))?$/.exec(text);
  if (bracket) { cidr = `${bracket[1]}${bracket[2] ?? ''}`; tail = bracket[3]; }
  else if (prefixed) { cidr = prefixed[1]!; tail = prefixed[2]; }
  else if (/^[\d.]+:[\d,]+(\/(tcp|udp))?$/.test(text)) { [cidr, tail] = text.split(/:(.*)/s) as [string, string]; }
  else { cidr = text; }
  if (!isCidr(cidr)) throw bad(`"${cidr}" is not an IPv4 or IPv6 address or CIDR`);
  const entry: IsolationAllow = { cidr };
  if (tail !== undefined) {
    const m = /^([\d,]+)(?:\/(tcp|udp))?$/.exec(tail);
    if (!m) throw bad(`"${tail}" is not a list of ports`);
    const ports = m[1]!.split(',').map(Number);
    if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) throw bad('ports must be in 1-65535');
    entry.ports = ports;
    if (m[2]) entry.protocol = m[2] as 'tcp' | 'udp';
  }
  return entry;
}

// ---- the API ------------------------------------------------------------------------------

interface Ctx {
  client: XdrClient;
  config: ClientConfig;
  io: ResponseIo;
  json: boolean;
}

const responsePath = (id: string, sub = '') => `/api/v1/responses/${encodeURIComponent(id)}${sub}`;

async function create(ctx: Ctx, host: string, action: ActionKind, params: Record<string, unknown>, args: ResponseArgs): Promise<Action> {
  const reason = args.options.get('reason');
  return ctx.client.post<Action>('/api/v1/responses', { agent_id: host, action, params, ...(reason !== undefined ? { reason } : {}) });
}

const PROGRESS: Partial<Record<ActionStatus, string>> = {
  pending_approval: 'waits for a second responder to approve it (xdrctl actions approve ID)',
  queued: 'is queued: it is sent when the agent is connected',
  sent: 'was sent to the agent',
  running: 'is running on the host',
};

/**
 * Polls the action until `done` says so (by default: a final status), telling on stderr how it
 * moves. Throws WaitTimeoutError when `timeoutMs` runs out.
 */
export async function waitForAction(ctx: Pick<Ctx, 'client' | 'io'>, first: Action, timeoutMs: number,
  done: (a: Action) => boolean = (a) => FINAL_STATUSES.includes(a.status)): Promise<Action> {
  const start = Date.now();
  let a = first;
  let told: ActionStatus | undefined;
  for (let i = 0; ; i++) {
    if (done(a)) return a;
    if (a.status !== told && PROGRESS[a.status]) {
      ctx.io.err(`${a.action} ${a.id} on ${a.hostname || a.agent_id} ${PROGRESS[a.status]!.replace('ID', a.id)}`);
      told = a.status;
    }
    const elapsed = Date.now() - start;
    if (elapsed >= timeoutMs) throw new WaitTimeoutError(a, elapsed);
    // quick at first (most actions take well under a second on a connected agent), then gentler
    await sleep(Math.min(i < 10 ? 100 : i < 30 ? 250 : 1000, timeoutMs - elapsed));
    a = await ctx.client.get<Action>(responsePath(a.id));
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() { clearTimeout(t); signal?.removeEventListener('abort', done); resolve(); }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function requireSuccess(a: Action): Action {
  if (a.status !== 'succeeded') throw new ActionFailedError(a);
  return a;
}

/** Downloads GET /responses/:id/file to `dest` (through `dest.part`, renamed when complete), pinned like XdrClient. */
export async function downloadFile(ctx: Pick<Ctx, 'client' | 'config'>, id: string, dest: string): Promise<{ bytes: number; sha256: string | undefined; size: number | undefined; zipSha256: string }> {
  const { config } = ctx;
  const host = config.url.hostname.replace(/^\[|\]$/g, '');
  const port = config.url.port ? Number(config.url.port) : config.url.protocol === 'https:' ? 443 : 80;
  const path = `${config.url.pathname.replace(/\/+$/, '')}${responsePath(id, '/file')}`;
  const headers = { authorization: `Bearer ${config.token}`, accept: 'application/zip, application/json' };
  const common = { host, port, path, method: 'GET', headers, agent: false as const, timeout: config.timeoutMs };
  let req: http.ClientRequest;
  if (config.url.protocol === 'https:') {
    const pem = await ctx.client.pinnedCertificate();
    const expected = config.fingerprint!;
    req = https.request({
      ...common, ...(isIP(host) ? {} : { servername: host }), ca: [pem], rejectUnauthorized: true,
      checkServerIdentity: (_h: string, cert: PeerCertificate) => (derFingerprint(cert.raw) === expected
        ? undefined : new ClientError('XDRCTL_FINGERPRINT_MISMATCH', `the server at ${config.url.host} no longer presents the pinned certificate`)),
    });
  } else {
    req = http.request(common);
  }
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    req.once('timeout', () => req.destroy(new ClientError('XDRCTL_TIMEOUT', `GET ${path}: no answer within ${config.timeoutMs} ms`)));
    req.once('error', (err) => reject(err instanceof ClientError ? err : new ClientError('XDRCTL_CONNECT', `GET ${path}: ${err.message}`, { cause: err })));
    req.once('response', resolve);
    req.end();
  });
  const status = res.statusCode ?? 0;
  if (status >= 400) {
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let e: { code?: string; message?: string } | undefined;
    try { e = (JSON.parse(text) as { error?: typeof e }).error; } catch { /* not JSON */ }
    throw new ApiRequestError(status, e?.code ?? `HTTP_${status}`, e?.message ?? (text.slice(0, 200) || `GET ${path} answered HTTP ${status}`));
  }
  const part = `${dest}.part`;
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await pipeline(res, new Transform({
      transform(chunk: Buffer, _enc, cb) { hash.update(chunk); bytes += chunk.length; cb(null, chunk); },
    }), createWriteStream(part, { mode: 0o600 }));
    renameSync(part, dest);
  } catch (err) {
    rmSync(part, { force: true });
    throw new ClientError('XDRCTL_CONNECT', `downloading the file of action ${id} to ${dest} failed: ${(err as Error).message}`, { cause: err });
  }
  const header = (name: string) => { const v = res.headers[name]; return Array.isArray(v) ? v[0] : v; };
  const size = header('x-file-size');
  return { bytes, sha256: header('x-file-sha256')?.toLowerCase(), size: size === undefined ? undefined : Number(size), zipSha256: hash.digest('hex') };
}

// ---- the commands -------------------------------------------------------------------------

function printAction(ctx: Ctx, a: Action, human: string): void {
  ctx.io.out(ctx.json ? JSON.stringify(a, null, 2) : human);
}

function queuedLine(a: Action): string {
  const next = a.status === 'pending_approval' ? `; a second responder approves it with: xdrctl actions approve ${a.id}` : '; follow it with: xdrctl actions --watch';
  return `${a.action} ${a.id} on ${a.hostname || a.agent_id}: ${a.status}${next}`;
}

async function isolate(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const usage = 'xdrctl isolate HOST [--allow CIDR[:PORT,...][/tcp|/udp]]... [--allow-dns] [--allow-dhcp] [--reason R] [--wait] [--timeout S]';
  const args = parseResponseArgs(argv, { usage, positionals: [1, 1], flags: ['allow-dns', 'allow-dhcp', 'wait'], options: ['reason', 'timeout'], repeatable: ['allow'] });
  if (args.flags.has('help')) return help(ctx, usage);
  const allow = (args.multi.get('allow') ?? []).map(parseAllow);
  if (allow.length > LIMITS.allowEntries) throw new UsageError(`at most ${LIMITS.allowEntries} --allow entries, got ${allow.length}`);
  const params: Record<string, unknown> = {
    ...(allow.length ? { allow } : {}),
    ...(args.flags.has('allow-dns') ? { allow_dns: true } : {}),
    ...(args.flags.has('allow-dhcp') ? { allow_dhcp: true } : {}),
  };
  const timeoutMs = parseWaitTimeout(args.options.get('timeout'), DEFAULT_WAIT_MS);
  const a = await create(ctx, args.positionals[0]!, 'isolate', params, args);
  if (!args.flags.has('wait')) return (printAction(ctx, a, queuedLine(a)), 0);
  const done = requireSuccess(await waitForAction(ctx, a, timeoutMs));
  const r = done.result ?? {};
  printAction(ctx, done, `${done.hostname} is isolated (nftables table ${r.table ?? '?'}; the collector ${r.collector ?? '?'} checked reachable in ${r.verified_ms ?? '?'} ms`
    + `${Array.isArray(r.allow) && r.allow.length ? `; also allowed: ${r.allow.map((x: IsolationAllow) => `${x.cidr}${x.ports ? `:${x.ports.join(',')}` : ''}${x.protocol ? `/${x.protocol}` : ''}`).join(' ')}` : ''}) [action ${done.id}]`);
  return 0;
}

async function restore(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const usage = 'xdrctl restore HOST [--reason R] [--wait] [--timeout S]';
  const args = parseResponseArgs(argv, { usage, positionals: [1, 1], flags: ['wait'], options: ['reason', 'timeout'] });
  if (args.flags.has('help')) return help(ctx, usage);
  const timeoutMs = parseWaitTimeout(args.options.get('timeout'), DEFAULT_WAIT_MS);
  const a = await create(ctx, args.positionals[0]!, 'restore', {}, args);
  if (!args.flags.has('wait')) return (printAction(ctx, a, queuedLine(a)), 0);
  const done = requireSuccess(await waitForAction(ctx, a, timeoutMs));
  printAction(ctx, done, `${done.hostname} is no longer isolated${done.result?.removed === false ? ' (it was not isolated)' : ''} [action ${done.id}]`);
  return 0;
}

async function collect(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const usage = 'xdrctl collect HOST PATH -o FILE [--max-bytes N] [--reason R] [--timeout S]';
  const args = parseResponseArgs(argv, { usage, positionals: [2, 2], options: ['output', 'max-bytes', 'reason', 'timeout'], short: { o: 'output' } });
  if (args.flags.has('help')) return help(ctx, usage);
  const [host, path] = args.positionals as [string, string];
  const out = args.options.get('output');
  if (!out) throw new UsageError(`-o FILE is required: where to save the zip; usage: ${usage}`);
  if (!path.startsWith('/')) throw new UsageError(`PATH "${path}" must be absolute (the path on the host)`);
  const maxText = args.options.get('max-bytes');
  const maxBytes = maxText === undefined ? undefined : Number(maxText);
  if (maxBytes !== undefined && (!/^\d+$/.test(maxText!) || maxBytes < 1 || maxBytes > LIMITS.collectBytes.max)) {
    throw new UsageError(`--max-bytes must be an integer in 1-${LIMITS.collectBytes.max}, got "${maxText}"`);
  }
  const timeoutMs = parseWaitTimeout(args.options.get('timeout'), DEFAULT_WAIT_MS);
  const a = await create(ctx, host, 'collect_file', { path, ...(maxBytes ? { max_bytes: maxBytes } : {}) }, args);
  const done = requireSuccess(await waitForAction(ctx, a, timeoutMs));
  const got = await downloadFile(ctx, done.id, out);
  const sha256 = done.file?.sha256 ?? done.result?.sha256 ?? got.sha256;
  const size = done.file?.size ?? done.result?.size ?? got.size;
  if (got.sha256 && sha256 && got.sha256 !== sha256) {
    throw new ClientError('XDRCTL_BAD_RESPONSE', `the download's X-File-SHA256 ${got.sha256} is not the action's sha256 ${sha256}; ${out} is kept for inspection`);
  }
  if (ctx.json) {
    ctx.io.out(JSON.stringify({ ...done, download: { file: out, zip_bytes: got.bytes, zip_sha256: got.zipSha256, password: 'infected' } }, null, 2));
  } else {
    ctx.io.out([
      `${done.hostname}:${done.file?.path ?? path} -> ${out} (zip, password "infected", ${got.bytes} bytes)`,
      `size    ${size}`,
      `sha256  ${sha256}`,
    ].join('\n'));
  }
  return 0;
}

function interpreterOf(script: string, given: string | undefined): ScriptInterpreter {
  if (given !== undefined) {
    if (!(SCRIPT_INTERPRETERS as readonly string[]).includes(given)) throw new UsageError(`--interpreter must be one of ${SCRIPT_INTERPRETERS.join(', ')}, got "${given}"`);
    return given as ScriptInterpreter;
  }
  // the script's own #! line decides when it names one we run
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(script);
  const prog = shebang ? (shebang[1]!.endsWith('/env') ? shebang[2] ?? '' : shebang[1]!).split('/').pop()! : '';
  if (prog === 'bash') return 'bash';
  if (prog === 'python3' || prog === 'python') return 'python3';
  return 'sh';
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 };

async function script(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const usage = 'xdrctl script HOST FILE [--interpreter sh|bash|python3] [--timeout S] [--reason R] [-- ARGS...]';
  const args = parseResponseArgs(argv, { usage, positionals: [2, 2], options: ['interpreter', 'timeout', 'reason', 'max-output-bytes'], rest: true });
  if (args.flags.has('help')) return help(ctx, usage);
  const [host, file] = args.positionals as [string, string];
  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the script ${file}: ${(err as Error).message}`);
  }
  if (!body) throw new UsageError(`the script ${file} is empty`);
  if (Buffer.byteLength(body) > LIMITS.scriptBytes) throw new UsageError(`the script ${file} is ${Buffer.byteLength(body)} bytes; at most ${LIMITS.scriptBytes}`);
  if (args.rest.length > LIMITS.scriptArgs) throw new UsageError(`at most ${LIMITS.scriptArgs} script arguments, got ${args.rest.length}`);
  const timeoutText = args.options.get('timeout');
  const timeoutS = timeoutText === undefined ? LIMITS.scriptTimeoutS.default : Number(timeoutText);
  if (!/^\d+$/.test(timeoutText ?? '1') || timeoutS < 1 || timeoutS > LIMITS.scriptTimeoutS.max) {
    throw new UsageError(`--timeout is the script's timeout in seconds, 1-${LIMITS.scriptTimeoutS.max}; got "${timeoutText}"`);
  }
  const maxOutText = args.options.get('max-output-bytes');
  const params = {
    interpreter: interpreterOf(body, args.options.get('interpreter')),
    script: body,
    ...(args.rest.length ? { args: args.rest } : {}),
    ...(timeoutText !== undefined ? { timeout_s: timeoutS } : {}),
    ...(maxOutText !== undefined ? { max_output_bytes: Number(maxOutText) } : {}),
  };
  const a = await create(ctx, host, 'run_script', params, args);
  const done = await waitForAction(ctx, a, timeoutS * 1000 + SCRIPT_WAIT_MARGIN_MS);
  const r = done.result as Record<string, any> | null;
  // a script that ran and exited non-zero is an outcome, not a failure of the action
  if (!r || typeof r.duration_ms !== 'number') throw new ActionFailedError(done);
  if (ctx.json) ctx.io.out(JSON.stringify(done, null, 2));
  else {
    if (r.stdout) ctx.io.out(String(r.stdout).replace(/\n$/, ''));
    if (r.stderr) ctx.io.err(String(r.stderr).replace(/\n$/, ''));
  }
  if (r.stdout_truncated) ctx.io.err(`xdrctl: stdout was cut at the output bound (--max-output-bytes raises it, up to ${LIMITS.scriptOutputBytes.max})`);
  if (r.stderr_truncated) ctx.io.err('xdrctl: stderr was cut at the output bound');
  if (r.timed_out) {
    ctx.io.err(`xdrctl: the script ran past its ${timeoutS} s timeout on ${done.hostname} and was killed`);
    return 124;
  }
  if (typeof r.exit_code === 'number') return r.exit_code;
  if (r.signal) {
    ctx.io.err(`xdrctl: the script was killed by ${r.signal}`);
    return 128 + (SIGNALS[r.signal] ?? 0);
  }
  return done.status === 'succeeded' ? 0 : 1;
}

async function kill(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const usage = 'xdrctl kill HOST ENTITY_ID [--signal SIGKILL|SIGTERM] [--reason R] [--wait] [--timeout S]';
  const args = parseResponseArgs(argv, { usage, positionals: [2, 2], flags: ['wait'], options: ['signal', 'reason', 'timeout'] });
  if (args.flags.has('help')) return help(ctx, usage);
  const [host, entityId] = args.positionals as [string, string];
  let signal = args.options.get('signal')?.toUpperCase();
  if (signal !== undefined && !signal.startsWith('SIG')) signal = `SIG${signal}`;
  if (signal !== undefined && signal !== 'SIGKILL' && signal !== 'SIGTERM') throw new UsageError(`--signal must be SIGKILL or SIGTERM, got "${args.options.get('signal')}"`);
  const timeoutMs = parseWaitTimeout(args.options.get('timeout'), DEFAULT_WAIT_MS);
  const a = await create(ctx, host, 'kill_process', { entity_id: entityId, ...(signal ? { signal } : {}) }, args);
  if (!args.flags.has('wait')) return (printAction(ctx, a, queuedLine(a)), 0);
  const done = requireSuccess(await waitForAction(ctx, a, timeoutMs));
  printAction(ctx, done, `sent ${done.result?.signal ?? signal ?? 'SIGKILL'} to pid ${done.result?.pid ?? '?'} (${entityId}) on ${done.hostname} [action ${done.id}]`);
  return 0;
}

async function shell(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const usage = 'xdrctl shell HOST [--reason R] [--timeout S]';
  const args = parseResponseArgs(argv, { usage, positionals: [1, 1], options: ['reason', 'timeout'] });
  if (args.flags.has('help')) return help(ctx, usage);
  const term = ctx.io.tty;
  if (!term) throw new UsageError('shell needs a terminal');
  const timeoutMs = parseWaitTimeout(args.options.get('timeout'), DEFAULT_WAIT_MS);
  const size = term.output.columns && term.output.rows
    ? { cols: Math.min(1000, Math.max(10, term.output.columns)), rows: Math.min(1000, Math.max(5, term.output.rows)) } : {};
  const a = await create(ctx, args.positionals[0]!, 'shell', size, args);
  // The terminal opens once the agent has the session; before that the socket has nothing to carry.
  const live = await waitForAction(ctx, a, timeoutMs, (x) => x.status === 'running' || FINAL_STATUSES.includes(x.status));
  if (live.status !== 'running') throw new ActionFailedError(live);
  const ws = await openShellSocket(ctx.config, ctx.client, live.id);
  ctx.io.err(`xdrctl: connected to a shell on ${live.hostname} (action ${live.id}); Ctrl-] ends it`);
  const outcome = await runShellSession(ws, term);
  // the record is final a moment after the terminal closes
  let end = await ctx.client.get<Action>(responsePath(live.id));
  const deadline = Date.now() + 5000;
  while (!FINAL_STATUSES.includes(end.status) && Date.now() < deadline) {
    await sleep(100);
    end = await ctx.client.get<Action>(responsePath(live.id));
  }
  const exit = typeof end.result?.exit_code === 'number' ? end.result.exit_code as number : undefined;
  const why = outcome.endedBy === 'escape' ? 'closed with Ctrl-]' : (end.result?.reason ?? end.error ?? (outcome.closeReason || `socket closed (${outcome.closeCode})`));
  ctx.io.err(`\r\nxdrctl: shell on ${live.hostname} ended: ${why}${exit !== undefined ? `, exit status ${exit}` : ''}; status ${end.status} (transcript: GET /api/v1/responses/${live.id}/transcript)`);
  if (ctx.json) ctx.io.out(JSON.stringify(end, null, 2));
  if (end.status === 'failed') return 1;
  return exit ?? 0;
}

// ---- actions (Response Management) --------------------------------------------------------

interface ActionsPage { items: Action[]; next_cursor?: string | null }

function resultSummary(a: Action): string {
  if (a.error) return `${a.refused ? 'refused: ' : ''}${a.error}`;
  const r = a.result;
  if (!r) return a.reason ?? '';
  switch (a.action) {
    case 'isolate': return `table ${r.table}`;
    case 'restore': return r.removed === false ? 'was not isolated' : 'removed';
    case 'collect_file': return `${a.file?.path ?? r.path} ${r.size} B sha256 ${String(r.sha256).slice(0, 12)}…`;
    case 'run_script': return r.timed_out ? 'timed out' : `exit ${r.exit_code ?? r.signal}`;
    case 'kill_process': return `${r.signal} pid ${r.pid}`;
    case 'shell': return `${r.reason ?? ''}${typeof r.exit_code === 'number' ? ` exit ${r.exit_code}` : ''}`;
    default: return '';
  }
}

function renderActions(items: readonly Action[]): string {
  if (items.length === 0) return 'no response actions match';
  return renderTable(items, [
    { header: 'ID', value: (a) => a.id },
    { header: 'HOST', value: (a) => a.hostname || a.agent_id, max: 28 },
    { header: 'ACTION', value: (a) => a.action },
    { header: 'STATUS', value: (a) => a.status },
    { header: 'BY', value: (a) => a.requested_by, max: 16 },
    { header: 'REQUESTED', value: (a) => ago(a.requested_at) },
    { header: 'RESULT', value: resultSummary, max: 60 },
  ]);
}

/** HOST for a filter: the id, or the one agent with this hostname (GET /responses filters by id). */
async function agentIdOf(ctx: Ctx, host: string): Promise<string> {
  const agents = await ctx.client.get<Array<{ id: string; hostname: string }>>('/api/v1/agents');
  if (agents.some((a) => a.id === host)) return host;
  const named = agents.filter((a) => a.hostname === host);
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1) throw new UsageError(`${named.length} agents have the hostname "${host}" (${named.map((a) => a.id).join(', ')}): give the agent id`);
  throw new UsageError(`no agent has the id or hostname "${host}" (xdrctl agents lists them)`);
}

async function actions(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const usage = 'xdrctl actions [--host H] [--status S,...] [--action A] [--limit N] [--watch [--interval S]] | actions show|approve|cancel ID | actions deny ID [--reason R]';
  const sub = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  if (sub !== undefined) {
    if (!['show', 'approve', 'deny', 'cancel'].includes(sub)) throw new UsageError(`unknown actions subcommand "${sub}"; usage: ${usage}`);
    const args = parseResponseArgs(argv.slice(1), { usage, positionals: [1, 1], options: sub === 'deny' ? ['reason'] : [] });
    if (args.flags.has('help')) return help(ctx, usage);
    const id = args.positionals[0]!;
    const reason = args.options.get('reason');
    const a = sub === 'show'
      ? await ctx.client.get<Action>(responsePath(id))
      : await ctx.client.post<Action>(responsePath(id, `/${sub}`), sub === 'deny' && reason !== undefined ? { reason } : {});
    if (ctx.json || sub === 'show') {
      ctx.io.out(ctx.json ? JSON.stringify(a, null, 2) : Object.entries(a).map(([k, v]) => `${k.padEnd(13)} ${v === null ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('\n'));
    } else {
      const verb = { approve: 'approved', deny: 'denied', cancel: 'cancelled' }[sub as 'approve' | 'deny' | 'cancel'];
      ctx.io.out(`${a.action} ${a.id} on ${a.hostname || a.agent_id} ${verb}: now ${a.status}`);
    }
    return 0;
  }
  const args = parseResponseArgs(argv, { usage, positionals: [0, 0], flags: ['watch'], options: ['host', 'status', 'action', 'limit', 'interval'] });
  if (args.flags.has('help')) return help(ctx, usage);
  const o = args.options;
  const limitText = o.get('limit');
  if (limitText !== undefined && (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 500)) throw new UsageError(`--limit must be 1-500, got "${limitText}"`);
  const intervalMs = parseWaitTimeout(o.get('interval'), 2000);
  const query = {
    agent_id: o.has('host') ? await agentIdOf(ctx, o.get('host')!) : undefined,
    status: o.get('status'),
    action: o.get('action'),
    limit: limitText ?? 50,
  };
  const fetchPage = () => ctx.client.get<ActionsPage>('/api/v1/responses', query);
  let page = await fetchPage();
  if (ctx.json && !args.flags.has('watch')) return (ctx.io.out(JSON.stringify(page, null, 2)), 0);
  if (!args.flags.has('watch')) {
    ctx.io.out(renderActions(page.items));
    if (page.next_cursor) ctx.io.err(`${page.items.length} shown; more match (raise --limit, or filter)`);
    return 0;
  }
  // --watch: the table once, then a line per change, until Ctrl-C
  const seen = new Map(page.items.map((a) => [a.id, a.status]));
  if (ctx.json) for (const a of page.items) ctx.io.out(JSON.stringify(a));
  else ctx.io.out(renderActions(page.items));
  const signal = ctx.io.signal;
  while (!signal?.aborted) {
    await sleep(intervalMs, signal);
    if (signal?.aborted) break;
    try {
      page = await fetchPage();
    } catch (err) {
      // a collector restart should not end the watch; say so and try again
      if (err instanceof ClientError) { ctx.io.err(`xdrctl: ${err.message} (retrying)`); continue; }
      throw err;
    }
    for (const a of [...page.items].reverse()) {
      const before = seen.get(a.id);
      if (before === a.status) continue;
      seen.set(a.id, a.status);
      if (ctx.json) { ctx.io.out(JSON.stringify(a)); continue; }
      const time = new Date().toISOString().slice(11, 19);
      const detail = FINAL_STATUSES.includes(a.status) ? resultSummary(a) : '';
      ctx.io.out(`${time}  ${a.id}  ${a.action} on ${a.hostname || a.agent_id}: ${before ?? 'new'} -> ${a.status}${detail ? `  (${detail})` : ''}`);
    }
  }
  return 0;
}

function help(ctx: Ctx, usage: string): number {
  ctx.io.out(`usage: ${usage}\n\n${RESPONSE_HELP}`);
  return 0;
}

const COMMANDS: Record<string, (ctx: Ctx, argv: readonly string[]) => Promise<number>> = {
  isolate, restore, collect, script, kill, shell, actions,
};

export function isResponseCommand(name: string | undefined): boolean {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/**
 * Runs one response command and returns its exit status. Usage and configuration errors, and
 * the API's errors, propagate to runXdrctl's handler; an action that ends badly is reported here.
 */
export async function runResponseCommand(name: string, argv: readonly string[], env: Record<string, string | undefined>, io: ResponseIo): Promise<number> {
  const run = COMMANDS[name];
  if (!run) throw new UsageError(`unknown command "${name}"`);
  const cut = argv.indexOf('--');
  const own = cut === -1 ? argv : argv.slice(0, cut);
  // the environment is read when a command first talks to the collector: --help and usage errors need none
  let conn: { config: ClientConfig; client: XdrClient } | undefined;
  const connect = () => {
    if (!conn) {
      const config = parseClientConfig(env);
      conn = { config, client: new XdrClient(config) };
    }
    return conn;
  };
  const ctx: Ctx = {
    get client() { return connect().client; },
    get config() { return connect().config; },
    io,
    json: own.includes('--json'),
  };
  try {
    return await run(ctx, argv);
  } catch (err) {
    if (err instanceof ActionFailedError) {
      if (ctx.json) io.out(JSON.stringify(err.action, null, 2));
      io.err(`xdrctl: ${err.message}`);
      return 1;
    }
    if (err instanceof WaitTimeoutError) {
      io.err(`xdrctl: ${err.message}`);
      return EXIT_STILL_RUNNING;
    }
    throw err;
  }
}
