// xdr-collector: runs the collector and administers its data directory (tokens, agents).
// The one place that reads arguments; every value is validated here.
import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import pino from 'pino';
import { createApiToken } from './api/tokens.js';
import { parseDuration } from './cli/duration.js';
import { intOption, parseCommandArgs, UsageError } from './cli/options.js';
import { DEFAULT_SETTINGS, openDataStore, startCollector, type CollectorSettings } from './collector.js';
import { builtinContentDir } from './detection/builtin-content.js';
import { loadOutboundConfigFile, OutboundConfigError, withFlagSinks, type OutboundConfig } from './detection/outbound/config.js';
import { checkRules, formatProblem } from './detection/rules-check.js';
import { ROLES, type Role } from './store/store.js';
import { loadTlsIdentity } from './trust/certificate.js';
import { createEnrollToken } from './trust/enroll-tokens.js';
import { VERSION } from './version.js';

const DEFAULT_DATA = '/var/lib/xdr-collector';

const USAGE = `xdr-collector ${VERSION}

Usage:
  xdr-collector serve [--data DIR] [--agent-host H] [--agent-port N] [--api-host H] [--api-port N]
                      [--api-http] [--tls-cert FILE --tls-key FILE] [--retention-days N] [--log-level L] [--json]
                      [--rules DIR ...] [--outbound-config FILE] [--webhook URL ...] [--webhook-secret-file FILE]
                      [--syslog udp://HOST[:514] | tcp://HOST[:601] ...] [--detection-queue-events N]
  xdr-collector rules check DIR [--strict] [--json]
                      lint a Sigma folder as serve --rules would load it; exit 1 on errors
  xdr-collector enroll-token create [--ttl 24h] [--uses N] [--data DIR] [--json]
  xdr-collector token create --role viewer|analyst|responder|admin [--user NAME] [--data DIR] [--json]
  xdr-collector agent revoke ID [--data DIR] [--json]
  xdr-collector fingerprint [--data DIR] [--json]
  xdr-collector audit verify [--data DIR] [--json]
                      walk the audit log's hash chain; exit 1 naming the first entry that does not match
  xdr-collector --version

The data directory defaults to ${DEFAULT_DATA}. Token and agent commands work whether or not
the server is running.`;

const dataOption = { data: { type: 'string' as const } };
const jsonOption = { json: { type: 'boolean' as const } };

function print(json: boolean | undefined, value: Record<string, unknown>, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, {
    ...dataOption, ...jsonOption,
    'agent-host': { type: 'string' }, 'agent-port': { type: 'string' },
    'api-host': { type: 'string' }, 'api-port': { type: 'string' }, 'api-http': { type: 'boolean' },
    'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' },
    'retention-days': { type: 'string' }, 'heartbeat-ms': { type: 'string' },
    'max-frame-bytes': { type: 'string' }, 'pipeline-events': { type: 'string' },
    'log-level': { type: 'string' },
    rules: { type: 'string', multiple: true }, 'outbound-config': { type: 'string' },
    webhook: { type: 'string', multiple: true }, 'webhook-secret-file': { type: 'string' },
    syslog: { type: 'string', multiple: true }, 'detection-queue-events': { type: 'string' },
  });
  const rulesDirs = (values.rules ?? []).map((d) => resolve(d));
  for (const d of rulesDirs) if (!existsSync(d)) throw new UsageError(`--rules ${d} does not exist`);
  let outbound: OutboundConfig;
  try {
    const base = values['outbound-config'] ? loadOutboundConfigFile(values['outbound-config']) : DEFAULT_SETTINGS.outbound;
    outbound = withFlagSinks(base, { webhooks: values.webhook ?? [], webhookSecretFile: values['webhook-secret-file'], syslog: values.syslog ?? [] });
  } catch (err) {
    if (err instanceof OutboundConfigError) throw new UsageError(err.message);
    throw err;
  }
  const d = DEFAULT_SETTINGS;
  const settings: CollectorSettings = {
    dataDir: resolve(values.data ?? DEFAULT_DATA),
    agentHost: values['agent-host'] ?? d.agentHost,
    agentPort: intOption(values['agent-port'], 'agent-port', d.agentPort, 0, 65535),
    apiHost: values['api-host'] ?? d.apiHost,
    apiPort: intOption(values['api-port'], 'api-port', d.apiPort, 0, 65535),
    apiHttp: values['api-http'] ?? false,
    tlsCertFile: values['tls-cert'],
    tlsKeyFile: values['tls-key'],
    retentionDays: intOption(values['retention-days'], 'retention-days', d.retentionDays, 1, 36500),
    heartbeatMs: intOption(values['heartbeat-ms'], 'heartbeat-ms', d.heartbeatMs, 100, 600_000),
    maxFrameBytes: intOption(values['max-frame-bytes'], 'max-frame-bytes', d.maxFrameBytes, 65_536, 64 * 1024 * 1024),
    pipelineEvents: intOption(values['pipeline-events'], 'pipeline-events', d.pipelineEvents, 1_000, 10_000_000),
    maxBatchEvents: d.maxBatchEvents,
    maxGroupEvents: d.maxGroupEvents,
    maxConnections: d.maxConnections,
    rulesDirs,
    outbound,
    detectionQueueEvents: intOption(values['detection-queue-events'], 'detection-queue-events', d.detectionQueueEvents, 1_000, 10_000_000),
  };
  if (Boolean(settings.tlsCertFile) !== Boolean(settings.tlsKeyFile)) throw new UsageError('--tls-cert and --tls-key go together');
  if (settings.apiHttp && !isLoopback(settings.apiHost)) {
    throw new UsageError(`--api-http serves the API without TLS, which is only allowed on loopback; --api-host is ${settings.apiHost}`);
  }
  const level = values['log-level'] ?? 'info';
  if (!pino.levels.values[level]) throw new UsageError(`--log-level must be one of ${Object.keys(pino.levels.values).join(', ')}, got "${level}"`);
  const log = pino({ level, base: { service: 'xdr-collector' } }, pino.destination(2));

  const collector = await startCollector(settings, log);
  const lines = [
    `xdr-collector ${VERSION} is running`,
    `  agents connect to:    wss://<this host>:${collector.agentAddress.port}`,
    `  API:                  ${collector.apiUrl}`,
    `  TLS fingerprint:      ${collector.tls.fingerprint}${collector.tls.generated ? ' (self-signed, generated now)' : ''}`,
    `  data:                 ${settings.dataDir}`,
  ];
  if (collector.bootstrapAdminToken) {
    lines.push(`  admin API token:      ${collector.bootstrapAdminToken}`, '  (shown once: only its hash is stored. Make more with: xdr-collector token create --role analyst)');
  }
  print(values.json, {
    agent_port: collector.agentAddress.port, api_url: collector.apiUrl, fingerprint: collector.tls.fingerprint,
    public_key_pin: collector.tls.publicKeyPin, data: settings.dataDir, admin_token: collector.bootstrapAdminToken ?? null,
  }, lines.join('\n'));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    collector.close().then(() => process.exit(0), (err) => { log.error({ err }, 'shutdown failed'); process.exit(1); });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function enrollToken(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError('usage: xdr-collector enroll-token create [--ttl 24h] [--uses N]');
  const { values } = parseCommandArgs(rest, { ...dataOption, ...jsonOption, ttl: { type: 'string' }, uses: { type: 'string' } });
  const ttlMs = parseDuration(values.ttl ?? '24h', '--ttl');
  const uses = intOption(values.uses, 'uses', 1, 1, 1_000_000);
  const store = openDataStore(resolve(values.data ?? DEFAULT_DATA));
  try {
    const t = await createEnrollToken(store, { ttlMs, uses, actor: 'cli' });
    print(values.json, { token: t.token, id: t.id, expires_at: new Date(t.expiresAt).toISOString(), uses },
      `${t.token}\n(valid until ${new Date(t.expiresAt).toISOString()}, ${uses} use${uses === 1 ? '' : 's'})`);
  } finally {
    await store.close();
  }
}

async function token(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError('usage: xdr-collector token create --role ROLE [--user NAME]');
  const { values } = parseCommandArgs(rest, { ...dataOption, ...jsonOption, role: { type: 'string' }, user: { type: 'string' } });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${values.role ?? ''}"`);
  const user = values.user ?? role;
  if (!/^[\w.@-]{1,64}$/.test(user)) throw new UsageError(`--user must be 1-64 letters, digits, '.', '@', '_' or '-', got "${user}"`);
  const store = openDataStore(resolve(values.data ?? DEFAULT_DATA));
  try {
    const t = await createApiToken(store, { user, role, actor: 'cli' });
    print(values.json, { token: t.token, id: t.id, user, role }, `${t.token}\n(user ${user}, role ${role}; shown once)`);
  } finally {
    await store.close();
  }
}

async function agent(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'revoke') throw new UsageError('usage: xdr-collector agent revoke ID');
  const { values, positionals } = parseCommandArgs(rest, { ...dataOption, ...jsonOption }, 1);
  const id = positionals[0];
  if (!id) throw new UsageError('agent revoke needs the agent id');
  const store = openDataStore(resolve(values.data ?? DEFAULT_DATA));
  try {
    const now = Date.now();
    if (!(await store.revokeAgent(id, now))) throw new UsageError(`no agent has the id "${id}"`);
    await store.appendAudit({ at: now, actor: 'cli', action: 'agent.revoke', target: id, details: {} });
    print(values.json, { id, revoked: true }, `agent ${id} revoked: its connections are refused from now on`);
  } finally {
    await store.close();
  }
}

async function fingerprint(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, { ...dataOption, ...jsonOption });
  const tls = await loadTlsIdentity(resolve(values.data ?? DEFAULT_DATA));
  print(values.json, { fingerprint: tls.fingerprint, public_key_pin: tls.publicKeyPin }, tls.fingerprint);
}

async function audit(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError('usage: xdr-collector audit verify [--data DIR] [--json]');
  const { values } = parseCommandArgs(rest, { ...dataOption, ...jsonOption });
  const dir = resolve(values.data ?? DEFAULT_DATA);
  if (!existsSync(dir)) throw new UsageError(`data directory ${dir} does not exist`);
  const store = openDataStore(dir);
  try {
    const v = await store.verifyAudit();
    const bad = v.firstBad;
    print(values.json, { ok: v.ok, entries: v.entries, last_hash: v.lastHash, ...(bad ? { first_bad: { ...bad, at: new Date(bad.at).toISOString() } } : {}) },
      bad
        ? `audit chain BROKEN at entry ${bad.id} (${bad.action}, ${new Date(bad.at).toISOString()}): ${bad.reason}\n(${v.entries - 1} entr${v.entries - 1 === 1 ? 'y' : 'ies'} before it verified)`
        : `audit chain OK: ${v.entries} entr${v.entries === 1 ? 'y' : 'ies'} verified; last hash ${v.lastHash}`);
    if (!v.ok) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

async function rules(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'check') throw new UsageError('usage: xdr-collector rules check DIR [--strict] [--json]');
  const { values, positionals } = parseCommandArgs(rest, { ...jsonOption, strict: { type: 'boolean' } }, 1);
  const dir = positionals[0];
  if (!dir) throw new UsageError('rules check needs the folder (or file) of Sigma rules');
  if (!existsSync(dir) || !(statSync(dir).isDirectory() || statSync(dir).isFile())) throw new UsageError(`${dir} does not exist`);
  const builtin = builtinContentDir();
  const r = checkRules(resolve(dir), builtin && resolve(dir) !== builtin ? [builtin] : [], values.strict ?? false);
  if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    for (const p of r.problems) process.stdout.write(`${formatProblem(p)}\n`);
    process.stdout.write(`${r.files} file(s): ${r.loaded.filter} filter(s), ${r.loaded.rule} rule(s), ${r.loaded.model} model(s) load; ${r.errors} error(s), ${r.warnings} warning(s)\n`);
  }
  if (r.errors > 0) process.exitCode = 1;
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve, rules, 'enroll-token': enrollToken, token, agent, fingerprint, audit,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === 'version') return void process.stdout.write(`${VERSION}\n`);
  if (!command || command === '--help' || command === 'help') return void process.stdout.write(`${USAGE}\n`);
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command "${command}"`);
  await run(rest);
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof UsageError) {
    process.stderr.write(`xdr-collector: ${err.message}\nRun xdr-collector --help for usage.\n`);
    process.exit(2);
  }
  process.stderr.write(`xdr-collector: ${(err as Error).message}\n`);
  process.exit(1);
});
