// xdrctl's commands: each reads the API through XdrClient and prints a table, or the API's JSON
// with --json. runXdrctl is the whole program minus the process (argv, env and output are
// passed in), so tests run it against a real collector API.
import { ApiRequestError, ClientError, XdrClient, type Query } from './client.js';
import { ConfigError, parseClientConfig } from './config.js';
import { UsageError, onlyOptions, parseArgs, parseDuration, positiveInt, type ParsedArgs } from './args.js';
import { renderEventTable, str } from './event-table.js';
import { ago, renderTable } from './table.js';
import { search, tree } from './search-commands.js';
import { DETECTION_COMMANDS, DETECTION_HELP } from './detection-commands.js';
import { RESPONSE_HELP, isResponseCommand, runResponseCommand } from './response-commands.js';
import type { TerminalIo } from './shell-session.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** the local terminal, for `xdrctl shell` */
  tty?: TerminalIo;
  /** ends `xdrctl actions --watch` (tests; the program ends on Ctrl-C) */
  signal?: AbortSignal;
}

const HELP = `xdrctl: the command line for an Open XDR collector's REST API

Environment:
  XDR_URL           the API, e.g. https://127.0.0.1:8443 (http:// only for loopback)
  XDR_TOKEN         an API token (xdr-collector token create --role viewer --user NAME)
  XDR_FINGERPRINT   SHA-256 of the collector's certificate, printed when it starts;
                    required for https://, colons and case do not matter
  XDR_TIMEOUT_MS    bound on one request (default 60000)

Commands:
  agents                         list agents
  agent show ID                  one agent with its host inventory
  agent revoke ID                refuse the agent's connections from now on (admin)
  events [--FIELD VALUE ...]     raw activity, newest first; FIELD is an ECS field name:
                                   --process.name curl --host.name web1 --destination.port 443
         [--since 1h | --from T] [--to T]   T: ISO 8601 with a zone, or epoch ms
         [--limit N] [--all] [--cursor C]   at most N events (default 100), or all of them
  events count [--FIELD VALUE ...] [--since D | --from T] [--to T]
  search 'QUERY' [--since 1h | --from T] [--to T] [--limit N] [--format table|json|csv]
                                 the search language, e.g. 'process.name:curl and not user.name:root'
  tree ENTITY_ID [--max-depth N] a process's ancestors and descendants as an indented tree
  tokens [list]                  API tokens (admin)
  tokens create --user NAME --role viewer|analyst|responder|admin
                                 prints the new token once (admin)
  tokens revoke ID               (admin)
  audit [--limit N]              the audit log, newest first (admin)
  health                         GET /healthz
${DETECTION_HELP}
${RESPONSE_HELP}

Every command takes --json (print the API's JSON, for scripts) and --help.
Exit status: 0 ok, 1 the request failed, 2 bad usage or environment (script: the script's own).`;

const PAGE_MAX = 10_000;

interface Agent {
  id: string; hostname: string; os: string | null; ips: string[]; version: string;
  online: boolean; last_seen: string | null; revoked: boolean; isolated: boolean;
}
type EcsEvent = Record<string, unknown>;
interface EventsPage { events: EcsEvent[]; next_cursor?: string }
interface Token { id: string; user: string; role: string; created_at: string; revoked: boolean }
interface AuditEntry { at: string; actor: string; action: string; target: string; details: Record<string, unknown> }

function status(a: Agent): string {
  if (a.revoked) return 'revoked';
  return [a.online ? 'online' : 'offline', a.isolated ? 'isolated' : ''].filter(Boolean).join(',');
}

const EVENT_CONTROLS = ['since', 'from', 'to', 'limit', 'cursor'];

function eventQuery(args: ParsedArgs, controls: readonly string[], now: number): Query {
  const o = args.options;
  const query: Query = {};
  for (const [name, value] of o) if (!EVENT_CONTROLS.includes(name)) query[name] = value;
  for (const name of EVENT_CONTROLS) if (o.has(name) && !controls.includes(name)) throw new UsageError(`this command takes no --${name}`);
  if (o.has('since') && o.has('from')) throw new UsageError('give --since or --from, not both');
  if (o.has('since')) query.from = now - parseDuration(o.get('since')!);
  if (o.has('from')) query.from = o.get('from');
  if (o.has('to')) query.to = o.get('to');
  return query;
}

async function agents(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, [], 'agents');
  const list = await client.get<Agent[]>('/api/v1/agents');
  if (args.flags.has('json')) return io.out(JSON.stringify(list, null, 2));
  if (list.length === 0) return io.out('no agents enrolled yet (xdr-collector enroll-token create, then xdr-agent enroll on the server)');
  io.out(renderTable(list, [
    { header: 'ID', value: (a) => a.id },
    { header: 'HOSTNAME', value: (a) => a.hostname, max: 32 },
    { header: 'OS', value: (a) => a.os ?? '-', max: 32 },
    { header: 'IPS', value: (a) => a.ips.join(',') || '-', max: 40 },
    { header: 'VERSION', value: (a) => a.version },
    { header: 'STATUS', value: status },
    { header: 'LAST SEEN', value: (a) => ago(a.last_seen) },
  ]));
}

async function agent(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, [], 'agent');
  const [sub, id, ...rest] = args.positionals;
  if ((sub !== 'show' && sub !== 'revoke') || !id || rest.length > 0) throw new UsageError('usage: xdrctl agent show ID | xdrctl agent revoke ID');
  const path = `/api/v1/agents/${encodeURIComponent(id)}`;
  const a = sub === 'show' ? await client.get<Record<string, unknown>>(path) : await client.post<Record<string, unknown>>(`${path}/revoke`);
  if (args.flags.has('json')) return io.out(JSON.stringify(a, null, 2));
  if (sub === 'revoke') return io.out(`agent ${id} (${str(a.hostname)}) is revoked since ${str(a.revoked_at)}; its connections are refused`);
  const inv = (a.inventory ?? {}) as Record<string, unknown>;
  const rows: Array<[string, unknown]> = [
    ['id', a.id], ['hostname', a.hostname], ['status', status(a as unknown as Agent)], ['os', a.os], ['kernel', inv.kernel],
    ['arch', inv.arch], ['ips', a.ips], ['macs', inv.macs], ['cpu', inv.cpu_model ? `${str(inv.cpu_model)} (${str(inv.cpu_cores)} cores)` : ''],
    ['memory', inv.memory_bytes ? `${Math.round(Number(inv.memory_bytes) / 2 ** 20)} MiB` : ''], ['version', a.version],
    ['enrolled', a.enrolled_at], ['last seen', a.last_seen ? `${str(a.last_seen)} (${ago(a.last_seen as string)})` : 'never'],
    ...(a.revoked ? [['revoked', a.revoked_at] as [string, unknown]] : []),
  ];
  io.out(rows.map(([k, v]) => `${k.padEnd(10)} ${str(v) || '-'}`).join('\n'));
}

async function events(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  const [sub, ...rest] = args.positionals;
  if (sub === 'count') {
    if (rest.length > 0) throw new UsageError('usage: xdrctl events count [--FIELD VALUE ...]');
    const { count } = await client.get<{ count: number }>('/api/v1/events/count', eventQuery(args, ['since', 'from', 'to'], Date.now()));
    return io.out(args.flags.has('json') ? JSON.stringify({ count }) : String(count));
  }
  if (sub !== undefined) throw new UsageError(`unknown events subcommand "${sub}": filters are options, e.g. xdrctl events --process.name ${sub}`);
  const query = eventQuery(args, EVENT_CONTROLS, Date.now());
  const all = args.flags.has('all');
  if (all && args.options.has('limit')) throw new UsageError('give --all or --limit, not both');
  let remaining = all ? Infinity : positiveInt('limit', args.options.get('limit'), 100);
  let cursor = args.options.get('cursor');
  const collected: EcsEvent[] = [];
  for (;;) {
    const page = await client.get<EventsPage>('/api/v1/events', { ...query, limit: Math.min(remaining, PAGE_MAX), cursor });
    collected.push(...page.events);
    remaining -= page.events.length;
    cursor = page.next_cursor;
    if (!cursor || remaining <= 0) break;
  }
  if (args.flags.has('json')) return io.out(JSON.stringify({ events: collected, ...(cursor ? { next_cursor: cursor } : {}) }, null, 2));
  if (collected.length === 0) return io.out('no events match');
  io.out(renderEventTable(collected));
  if (cursor) io.err(`${collected.length} events shown; more match: add --cursor ${cursor} for the next ones, or use --all`);
}

async function tokens(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  const [sub = 'list', id, ...rest] = args.positionals;
  const json = args.flags.has('json');
  if (sub === 'list' && id === undefined) {
    onlyOptions(args, [], 'tokens list');
    const list = await client.get<Token[]>('/api/v1/tokens');
    if (json) return io.out(JSON.stringify(list, null, 2));
    return io.out(renderTable(list, [
      { header: 'ID', value: (t) => t.id },
      { header: 'USER', value: (t) => t.user },
      { header: 'ROLE', value: (t) => t.role },
      { header: 'CREATED', value: (t) => t.created_at },
      { header: 'STATUS', value: (t) => (t.revoked ? 'revoked' : 'active') },
    ]));
  }
  if (sub === 'create' && id === undefined) {
    onlyOptions(args, ['user', 'role'], 'tokens create');
    const user = args.options.get('user');
    const role = args.options.get('role');
    if (!user || !role) throw new UsageError('usage: xdrctl tokens create --user NAME --role viewer|analyst|responder|admin');
    const t = await client.post<Token & { token: string }>('/api/v1/tokens', { user, role });
    if (json) return io.out(JSON.stringify(t, null, 2));
    return io.out(`${t.token}\n(token ${t.id} for user ${t.user}, role ${t.role}; shown once, store it now)`);
  }
  if (sub === 'revoke' && id !== undefined && rest.length === 0) {
    onlyOptions(args, [], 'tokens revoke');
    const t = await client.delete<Token>(`/api/v1/tokens/${encodeURIComponent(id)}`);
    return io.out(json ? JSON.stringify(t, null, 2) : `token ${t.id} of user ${t.user} is revoked`);
  }
  throw new UsageError('usage: xdrctl tokens [list] | tokens create --user NAME --role ROLE | tokens revoke ID');
}

async function audit(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, ['limit'], 'audit');
  if (args.positionals.length > 0) throw new UsageError('usage: xdrctl audit [--limit N]');
  const list = await client.get<AuditEntry[]>('/api/v1/audit', { limit: positiveInt('limit', args.options.get('limit'), 100) });
  if (args.flags.has('json')) return io.out(JSON.stringify(list, null, 2));
  io.out(renderTable(list, [
    { header: 'AT', value: (e) => e.at },
    { header: 'ACTOR', value: (e) => e.actor },
    { header: 'ACTION', value: (e) => e.action },
    { header: 'TARGET', value: (e) => e.target },
    { header: 'DETAILS', value: (e) => JSON.stringify(e.details), max: 80 },
  ]));
}

async function health(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, [], 'health');
  const h = await client.get<{ status: string; version: string; uptime_s: number }>('/healthz');
  io.out(args.flags.has('json') ? JSON.stringify(h) : `${h.status}: collector ${h.version}, up ${h.uptime_s} s`);
}

const COMMANDS: Record<string, (client: XdrClient, args: ParsedArgs, io: Io) => Promise<void>> = {
  agents, agent, events, tokens, audit, health, search, tree,
  ...DETECTION_COMMANDS,
};

/** The whole program; returns the exit status. */
export async function runXdrctl(argv: readonly string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (isResponseCommand(command)) return await runResponseCommand(command!, rest, env, io);
    const args = parseArgs(rest);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h' || args.flags.has('help')) {
      io.out(HELP);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}"; xdrctl --help lists the commands`);
    if (args.flags.has('all') && command !== 'events') throw new UsageError('--all applies to xdrctl events only');
    await run(new XdrClient(parseClientConfig(env)), args, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.err(`xdrctl: ${err.message}`);
      return 2;
    }
    if (err instanceof ApiRequestError) {
      io.err(`xdrctl: ${err.message} (${err.code}, HTTP ${err.status})`);
      return 1;
    }
    if (err instanceof ClientError) {
      io.err(`xdrctl: ${err.message} (${err.code})`);
      return 1;
    }
    io.err(`xdrctl: unexpected failure: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return 1;
  }
}
