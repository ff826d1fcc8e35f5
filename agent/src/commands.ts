// The xdr-agent command line: parses and validates every option once, runs the command, and
// turns AgentErrors into `xdr-agent: <code>: <message>` and an exit status (2 usage, 1 failure).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pino } from 'pino';
import { Agent } from './agent.js';
import { DEFAULT_CONFIG_FILE, loadAgentConfigFile } from './config-file.js';
import { enroll } from './enroll.js';
import { AgentError } from './errors.js';
import { nativeReport } from './native-addons.js';
import { DEFAULT_STATE_DIR, StateDir } from './state-dir.js';
import { STATUS_INTERVAL_MS, StatusFile, type AgentStatus, type SensorSummary } from './status-file.js';
import { Spool, SPOOL_DEFAULT_MAX_BYTES } from './transport/spool.js';
import type { SensorStats } from './sensors/index.js';
import type { ConnectionStatus } from './transport/connection.js';
import { normaliseFingerprint, parseCollectorUrl } from './transport/tls-pin.js';
import { AGENT_VERSION } from './version.js';
import { pinYoungGeneration } from './young-generation.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

// Printed by --help and by `xdr-agent uninstall`, which removes nothing itself: the package
// manager owns the files, and the collector must revoke the agent.
const UNINSTALL = `Uninstall:
  Installed from the .deb:  sudo apt-get remove xdr-agent   (keeps the identity and the spool)
                            sudo apt-get purge xdr-agent    (also deletes ${DEFAULT_STATE_DIR} and /etc/xdr-agent)
  Installed as the single binary:
                            sudo systemctl disable --now xdr-agent (if you made a unit for it)
                            sudo rm /usr/local/bin/xdr-agent && sudo rm -rf ${DEFAULT_STATE_DIR}
  Removing the .deb lifts a network isolation (nothing could restore the host afterwards).
  Then revoke the agent on the collector (xdr-collector agent revoke ID), so that a copy of its
  key can no longer connect.
`;

const HELP = `xdr-agent ${AGENT_VERSION}: streams this host's activity to an XDR collector

Usage:
  xdr-agent enroll --collector wss://HOST:PORT --token TOKEN [--fingerprint SHA256] [--state DIR] [--force] [--json]
      Registers this host with the collector using a one-time token. Without --fingerprint the
      collector's certificate is trusted on first use and its fingerprint printed: compare it
      with the one the collector printed at start.
  xdr-agent run [--state DIR] [--config FILE | --no-sensors] [--synthetic RATE] [--synthetic-count N]
                [--spool-max SIZE] [--log-level LEVEL]
      Connects and streams events until stopped (SIGTERM/SIGINT). The sensors and their settings
      come from --config (default /etc/xdr-agent/agent.yaml, which may be absent: then every
      sensor runs with its defaults); --no-sensors runs none (the file's response: policy still
      applies). --synthetic generates RATE process
      events per second (a load generator); --synthetic-count stops it after N events.
      --spool-max bounds the on-disk spool (default 256MiB; suffixes KiB, MiB, GiB).
  xdr-agent status [--state DIR] [--config FILE] [--json]
      Shows whether this host is enrolled and with which collector, whether the running agent
      is connected, whether the host is isolated, the spool, the sensors and the native addons.
      Exit status 0 when enrolled.
  xdr-agent uninstall
      Prints how to remove the agent (below); removes nothing itself.
  xdr-agent --version | --help

--state defaults to ${DEFAULT_STATE_DIR}. Exit status: 0 success, 1 failure, 2 bad command line.

${UNINSTALL}`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false });
  } catch (err) {
    throw new AgentError('usage', `${command}: ${(err as Error).message}`);
  }
}

function required(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new AgentError('usage', `${command}: --${name} is required`);
  return value;
}

function positiveNumber(name: string, value: string, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isSafeInteger(n))) {
    throw new AgentError('usage', `--${name} "${value}" must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return n;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

export function parseSize(name: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new AgentError('usage', `--${name} "${value}" is not a size such as 256MiB`);
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1024 * 1024) throw new AgentError('usage', `--${name} "${value}" is below the minimum of 1MiB`);
  return bytes;
}

async function enrollCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('enroll', args, {
    collector: { type: 'string' },
    token: { type: 'string' },
    fingerprint: { type: 'string' },
    state: { type: 'string', default: DEFAULT_STATE_DIR },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return (io.stdout(HELP), 0);
  const collector = required('enroll', 'collector', values.collector);
  parseCollectorUrl(collector);
  const token = required('enroll', 'token', values.token);
  if (/\s/.test(token)) throw new AgentError('usage', 'enroll: --token must not contain whitespace');
  if (values.fingerprint !== undefined) {
    try {
      normaliseFingerprint(values.fingerprint);
    } catch (err) {
      throw new AgentError('usage', `--fingerprint: ${(err as Error).message}`);
    }
  }
  const result = await enroll({ collector, token, fingerprint: values.fingerprint, stateDir: required('enroll', 'state', values.state), force: values.force });
  const { identity } = result;
  if (values.json) {
    io.stdout(`${JSON.stringify({ agentId: identity.agentId, fingerprint: identity.fingerprint, stateDir: result.stateDir })}\n`);
  } else {
    if (result.trustedOnFirstUse) {
      io.stdout(`Trusted the collector's certificate on first use.\nFingerprint (SHA-256): ${identity.fingerprint}\nCompare it with the fingerprint the collector printed; re-enroll with --fingerprint to be strict.\n`);
    }
    io.stdout(`Enrolled as agent ${identity.agentId} with ${identity.collectorUrl}\nState: ${result.stateDir}\nStart streaming with: xdr-agent run --state ${result.stateDir}\n`);
  }
  return 0;
}

interface IsolationState {
  isolated: boolean;
  since?: string;
}

/** `<stateDir>/isolation.json`, written by the isolation executor; absent means never isolated. */
function readIsolation(state: StateDir): IsolationState | { isolated: null; error: string } {
  try {
    const v = JSON.parse(readFileSync(join(state.path, 'isolation.json'), 'utf8')) as IsolationState;
    return { isolated: v.isolated === true, ...(typeof v.since === 'string' ? { since: v.since } : {}) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { isolated: false };
    return { isolated: null, error: (err as Error).message };
  }
}

/** The running agent's connection, from its status file; stale or orphaned files say "unknown". */
function connectionOf(status: AgentStatus | undefined, runningPid: number | undefined, now = Date.now()) {
  if (!runningPid) return { state: 'not running' } as const;
  if (!status || status.pid !== runningPid) return { state: 'unknown', detail: 'the running agent has not written its status yet' } as const;
  const ageMs = now - Date.parse(status.updatedAt);
  if (!(ageMs < 3 * STATUS_INTERVAL_MS)) return { state: 'unknown', detail: `the status file is ${Math.round(ageMs / 1000)} s old` } as const;
  return { state: status.connection === 'online' ? 'connected' : status.connection, since: status.since, ...(status.error ? { detail: status.error } : {}) } as const;
}

function statusCommand(args: string[], io: Io): number {
  const { values } = parse('status', args, {
    state: { type: 'string', default: DEFAULT_STATE_DIR },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return (io.stdout(HELP), 0);
  const state = new StateDir(required('status', 'state', values.state));
  const identity = state.readIdentity();
  const spool = Spool.usage(state.spoolDir);
  const runningPid = state.runningPid();
  const written = StatusFile.read(state.path);
  const connection = connectionOf(written, runningPid);
  // sensors: what the running agent reports, else what the config would start
  let sensors: Record<string, SensorSummary | { state: 'configured' | 'disabled' }> | { error: string };
  if (runningPid && written?.pid === runningPid) {
    sensors = written.sensors;
  } else {
    try {
      const cfg = loadAgentConfigFile(values.config ?? DEFAULT_CONFIG_FILE, values.config !== undefined).sensors;
      sensors = Object.fromEntries(Object.entries(cfg).map(([name, c]) => [name, { state: (c as { enabled: boolean }).enabled ? 'configured' : 'disabled' } as const]));
    } catch (err) {
      sensors = { error: (err as Error).message };
    }
  }
  const report = {
    version: AGENT_VERSION,
    enrolled: !!identity,
    stateDir: state.path,
    agentId: identity?.agentId ?? null,
    collector: identity?.collectorUrl ?? null,
    fingerprint: identity?.fingerprint ?? null,
    enrolledAt: identity?.enrolledAt ?? null,
    running: runningPid ? { pid: runningPid } : null,
    runningPid: runningPid ?? null,
    connection,
    isolation: readIsolation(state),
    spool: { batches: spool.batches, bytes: spool.bytes },
    sensors,
    native: nativeReport(),
  };
  if (values.json) {
    io.stdout(`${JSON.stringify(report)}\n`);
    return identity ? 0 : 1;
  }
  const iso = report.isolation;
  const sensorText = 'error' in sensors && typeof sensors.error === 'string'
    ? `unknown (${sensors.error})`
    : Object.entries(sensors as Record<string, { state: string; mode?: string }>).map(([n, s]) => `${n} ${s.state}${s.mode ? ` (${s.mode})` : ''}`).join(', ');
  const native = Object.entries(report.native).map(([n, r]) => `${n} ${r.ok ? `ok (${r.path})` : `NOT LOADED: ${r.error}`}`);
  io.stdout([
    `Enrolled:     ${identity ? `yes, since ${report.enrolledAt}` : 'no'}`,
    ...(identity ? [
      `Agent id:     ${report.agentId}`,
      `Collector:    ${report.collector}`,
      `Fingerprint:  ${report.fingerprint}`,
    ] : []),
    `Running:      ${runningPid ? `yes, pid ${runningPid}` : 'no'}`,
    `Connection:   ${connection.state}${'since' in connection && connection.since ? ` since ${connection.since}` : ''}${'detail' in connection && connection.detail ? ` (${connection.detail})` : ''}`,
    `Isolated:     ${iso.isolated === null ? `unknown (${iso.error})` : iso.isolated ? `YES${iso.since ? `, since ${iso.since}` : ''}` : 'no'}`,
    `Spool:        ${spool.batches} unacked batches, ${spool.bytes} bytes`,
    `Sensors:      ${runningPid ? '' : '(not running; configured) '}${sensorText}`,
    `Native:       ${native.join('\n              ')}`,
    `State:        ${state.path}`,
    `Version:      ${AGENT_VERSION}`,
    ...(identity ? [] : [`Enroll with:  xdr-agent enroll --collector wss://HOST:PORT --token TOKEN --state ${state.path}`]),
    '',
  ].join('\n'));
  return identity ? 0 : 1;
}

async function runCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('run', args, {
    state: { type: 'string', default: DEFAULT_STATE_DIR },
    synthetic: { type: 'string' },
    'synthetic-count': { type: 'string' },
    'spool-max': { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    config: { type: 'string' },
    'no-sensors': { type: 'boolean' },
  });
  if (values.help) return (io.stdout(HELP), 0);
  if (values['no-sensors'] && values.config !== undefined) throw new AgentError('usage', '--no-sensors and --config exclude each other');
  // The response policy applies with --no-sensors too: a host that refuses shells keeps refusing them.
  const configFile = values.config ?? DEFAULT_CONFIG_FILE;
  const fileConfig = loadAgentConfigFile(configFile, values.config !== undefined);
  const sensors = values['no-sensors'] ? undefined : fileConfig.sensors;
  const level = values['log-level']!;
  if (!LOG_LEVELS.includes(level)) throw new AgentError('usage', `--log-level "${level}" must be one of ${LOG_LEVELS.join(', ')}`);
  if (values['synthetic-count'] !== undefined && values.synthetic === undefined) throw new AgentError('usage', '--synthetic-count needs --synthetic RATE');
  const synthetic = values.synthetic === undefined ? undefined : {
    rate: positiveNumber('synthetic', values.synthetic, false),
    count: values['synthetic-count'] === undefined ? undefined : positiveNumber('synthetic-count', values['synthetic-count'], true),
  };
  const spoolMaxBytes = values['spool-max'] === undefined ? SPOOL_DEFAULT_MAX_BYTES : parseSize('spool-max', values['spool-max']);

  pinYoungGeneration();
  const log = pino({ level, base: { pid: process.pid } });
  const agent = await Agent.start({
    stateDir: required('run', 'state', values.state), log, synthetic, spoolMaxBytes, sensors, response: fileConfig.response, responsePolicySource: configFile,
  });
  const statusFile = new StatusFile(agent.state.path, {
    version: AGENT_VERSION,
    connection: () => agent.connection.status,
    sensors: () => sensorSummary(agent),
  }, (err) => log.warn({ err }, 'cannot write the status file; xdr-agent status will call it stale'));
  statusFile.start();
  agent.connection.onStatus((s: ConnectionStatus) => {
    log.debug({ status: s }, 'connection status');
    statusFile.update();
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log.info({ signal }, 'stopping');
  statusFile.stop();
  await agent.stop();
  return 0;
}

/** Each sensor's state and mode, from the source that reports sensor stats (startSensors). */
function sensorSummary(agent: Agent): Record<string, SensorSummary> {
  for (const source of agent.sources) {
    const stats = source.stats?.() as Partial<SensorStats> | undefined;
    if (stats?.sensors) return Object.fromEntries(Object.entries(stats.sensors).map(([n, s]) => [n, { state: s.state, mode: s.mode }]));
  }
  return {};
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'enroll': return await enrollCommand(rest, io);
      case 'run': return await runCommand(rest, io);
      case 'status': return statusCommand(rest, io);
      case '--version': case '-v': case 'version':
        io.stdout(`${AGENT_VERSION}\n`);
        return 0;
      case 'uninstall':
        io.stdout(UNINSTALL);
        return 0;
      case '--help': case '-h': case 'help':
        io.stdout(HELP);
        return 0;
      case undefined:
        io.stderr(HELP);
        return 2;
      default:
        throw new AgentError('usage', `unknown command "${command}"; expected enroll, run, status or uninstall (see --help)`);
    }
  } catch (err) {
    if (err instanceof AgentError) {
      io.stderr(`xdr-agent: ${err.code}: ${err.message}\n`);
      return err.code === 'usage' ? 2 : 1;
    }
    io.stderr(`xdr-agent: internal error: ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}
