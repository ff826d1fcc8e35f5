// The xdr-agent command line: parses and validates every option once, runs the command, and
// turns AgentErrors into `xdr-agent: <code>: <message>` and an exit status (2 usage, 1 failure).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pino } from 'pino';
import { Agent } from './agent.js';
import { DEFAULT_CONFIG_FILE, loadAgentConfigFile } from './config-file.js';
import { enroll } from './enroll.js';
import { AgentError } from './errors.js';
import { DEFAULT_STATE_DIR, StateDir } from './state-dir.js';
import { Spool, SPOOL_DEFAULT_MAX_BYTES } from './transport/spool.js';
import type { ConnectionStatus } from './transport/connection.js';
import { normaliseFingerprint, parseCollectorUrl } from './transport/tls-pin.js';
import { AGENT_VERSION } from './version.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

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
      sensor runs with its defaults); --no-sensors runs none. --synthetic generates RATE process
      events per second (a load generator); --synthetic-count stops it after N events.
      --spool-max bounds the on-disk spool (default 256MiB; suffixes KiB, MiB, GiB).
  xdr-agent status [--state DIR] [--json]
      Shows the identity, the pinned collector and the spool.
  xdr-agent --version | --help

--state defaults to ${DEFAULT_STATE_DIR}. Exit status: 0 success, 1 failure, 2 bad command line.
`;

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

function statusCommand(args: string[], io: Io): number {
  const { values } = parse('status', args, {
    state: { type: 'string', default: DEFAULT_STATE_DIR },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return (io.stdout(HELP), 0);
  const state = new StateDir(required('status', 'state', values.state));
  const identity = state.readIdentity();
  const spool = Spool.usage(state.spoolDir);
  const report = {
    enrolled: !!identity,
    stateDir: state.path,
    agentId: identity?.agentId ?? null,
    collector: identity?.collectorUrl ?? null,
    fingerprint: identity?.fingerprint ?? null,
    enrolledAt: identity?.enrolledAt ?? null,
    spool: { batches: spool.batches, bytes: spool.bytes },
    runningPid: state.runningPid() ?? null,
  };
  if (values.json) {
    io.stdout(`${JSON.stringify(report)}\n`);
  } else if (!identity) {
    io.stdout(`Not enrolled (state directory ${state.path}).\n`);
  } else {
    io.stdout([
      `Enrolled:     yes, since ${report.enrolledAt}`,
      `Agent id:     ${report.agentId}`,
      `Collector:    ${report.collector}`,
      `Fingerprint:  ${report.fingerprint}`,
      `Spool:        ${spool.batches} unacked batches, ${spool.bytes} bytes`,
      `Running:      ${report.runningPid ? `yes, pid ${report.runningPid}` : 'no'}`,
      `State:        ${state.path}`,
      '',
    ].join('\n'));
  }
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
  const sensors = values['no-sensors'] ? undefined : loadAgentConfigFile(values.config ?? DEFAULT_CONFIG_FILE, values.config !== undefined).sensors;
  const level = values['log-level']!;
  if (!LOG_LEVELS.includes(level)) throw new AgentError('usage', `--log-level "${level}" must be one of ${LOG_LEVELS.join(', ')}`);
  if (values['synthetic-count'] !== undefined && values.synthetic === undefined) throw new AgentError('usage', '--synthetic-count needs --synthetic RATE');
  const synthetic = values.synthetic === undefined ? undefined : {
    rate: positiveNumber('synthetic', values.synthetic, false),
    count: values['synthetic-count'] === undefined ? undefined : positiveNumber('synthetic-count', values['synthetic-count'], true),
  };
  const spoolMaxBytes = values['spool-max'] === undefined ? SPOOL_DEFAULT_MAX_BYTES : parseSize('spool-max', values['spool-max']);

  const log = pino({ level, base: { pid: process.pid } });
  const agent = await Agent.start({ stateDir: required('run', 'state', values.state), log, synthetic, spoolMaxBytes, sensors });
  agent.connection.onStatus((s: ConnectionStatus) => log.debug({ status: s }, 'connection status'));
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log.info({ signal }, 'stopping');
  await agent.stop();
  return 0;
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
      case '--help': case '-h': case 'help':
        io.stdout(HELP);
        return 0;
      case undefined:
        io.stderr(HELP);
        return 2;
      default:
        throw new AgentError('usage', `unknown command "${command}"; expected enroll, run or status (see --help)`);
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
