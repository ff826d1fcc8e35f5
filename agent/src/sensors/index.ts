// The agent's sensors: process (netlink, or polling as a fallback), file (inotify), network
// (/proc/net) and login (sshd via journald or auth.log). Each sensor publishes events through
// `emit` and is contained: one that fails logs, is counted, and the others go on. The agent's own
// processes (its pid and descendants), their sockets and its state dir are never reported.
import type pino from 'pino';
import type { xdr } from '../../../proto/index.js';
import type { SensorsConfig } from './config.js';
import { FileSensor } from './file-sensor.js';
import { LoginSensor } from './login-sensor.js';
import { loadProcAddon, type ProcAddon } from './native-addon.js';
import { NetworkSensor } from './network-sensor.js';
import { readBootTimeMs } from './proc-fs.js';
import { PollingProcessSensor } from './process-poll.js';
import { NetlinkProcessSensor } from './process.linux.js';
import { ProcessTable } from './process-table.js';
import { NOTICE_CODES, notice, type Sensor, type SensorContext, type SensorCounters } from './sensor.js';
import { UserNames } from './user-names.js';

export { parseSensorsConfig, defaultSensorsConfig, SensorsConfigError, DEFAULT_FILE_PATHS } from './config.js';
export type { SensorsConfig, ProcessSensorConfig, FileSensorConfig, NetworkSensorConfig, LoginSensorConfig } from './config.js';
export { NOTICE_CODES } from './sensor.js';
export { parseSshdMessage, parseSyslogLine } from './sshd-parser.js';

export type SensorName = 'process' | 'file' | 'network' | 'login';

export interface SensorStatus {
  state: 'running' | 'failed' | 'disabled' | 'stopped';
  /** netlink | poll (process), inotify (file), procfs (network), journal | file:PATH (login) */
  mode: string;
  events: number;
  errors: number;
  lost: number;
  /** Sensor-specific counters (kernel events, ENOBUFS, fd scans, renames, ...). */
  counters: SensorCounters;
}

export interface SensorStats {
  sensors: Record<SensorName, SensorStatus>;
  /** Totals over all sensors; `lost` is what the sensors know they missed (kernel overflow, full queue). */
  events: number;
  lost: number;
  errors: number;
}

export interface StartSensorsOptions {
  hostId: string;
  /** Extra pids that belong to the agent (beyond its own pid and its descendants). */
  selfPids?: () => Set<number>;
  /** The agent's state dir: never watched by the file sensor. */
  stateDir?: string;
}

export interface RunningSensors {
  stop(): Promise<void>;
  stats(): SensorStats;
}

const CLOCK_TICKS_DEFAULT = 100; // USER_HZ on every Linux architecture we ship

export async function startSensors(
  config: SensorsConfig,
  emit: (ev: xdr.v1.IEvent) => void,
  log: pino.Logger,
  opts: StartSensorsOptions,
): Promise<RunningSensors> {
  const slog = log.child({ component: 'sensors' });
  let clockTicks = CLOCK_TICKS_DEFAULT;
  let addonError: Error | undefined;
  let addon: ProcAddon | undefined;
  if (config.process.enabled && config.process.mode !== 'poll') {
    try {
      addon = loadProcAddon();
      clockTicks = addon.clockTicks();
    } catch (err) {
      addonError = err as Error;
    }
  }
  const ctx: SensorContext = {
    emit, log: slog, hostId: opts.hostId, agentPid: process.pid, stateDir: opts.stateDir, users: new UserNames(),
    table: new ProcessTable({ hostId: opts.hostId, bootTimeMs: readBootTimeMs(), clockTicks, agentPid: process.pid, selfPids: opts.selfPids }),
  };

  const status = {} as Record<SensorName, { sensor?: Sensor; state: SensorStatus['state']; errors: number }>;
  const running: Sensor[] = [];

  const startOne = async (name: SensorName, enabled: boolean, make: () => Promise<Sensor>): Promise<void> => {
    status[name] = { state: 'disabled', errors: 0 };
    if (!enabled) return;
    try {
      const s = await make();
      status[name] = { sensor: s, state: 'running', errors: 0 };
      running.push(s);
      slog.info({ sensor: name, mode: s.mode() }, 'sensor started');
    } catch (err) {
      status[name] = { state: 'failed', errors: 1 };
      slog.error({ err, sensor: name }, 'sensor failed to start; the other sensors go on');
      emit(notice(NOTICE_CODES.sensorError, name, `${name} sensor failed to start: ${(err as Error).message}`));
    }
  };

  await startOne('process', config.process.enabled, async () => {
    const pc = config.process;
    if (pc.mode !== 'poll') {
      try {
        if (!addon) throw addonError ?? new Error('process addon unavailable');
        const s = new NetlinkProcessSensor(pc, ctx, addon);
        await s.start();
        return s;
      } catch (err) {
        if (pc.mode === 'netlink') throw err;
        const reason = (err as Error).message;
        const message = `process sensor falls back to polling every ${pc.poll_interval_ms} ms because netlink is unavailable (${reason}): processes that start and exit between two polls are not seen, exit codes are unknown, and command lines are read late`;
        slog.warn({ sensor: 'process', reason }, message);
        emit(notice(NOTICE_CODES.sensorDegraded, 'process', message));
        const s = new PollingProcessSensor(pc, ctx, reason);
        await s.start();
        return s;
      }
    }
    slog.info({ sensor: 'process' }, `process sensor polls every ${pc.poll_interval_ms} ms (sensors.process.mode: poll): short-lived processes and exit codes are not seen`);
    const s = new PollingProcessSensor(pc, ctx, 'configured');
    await s.start();
    return s;
  });
  // The network and login sensors look owners up in the process table; fill it when the process sensor is off.
  if (!config.process.enabled) ctx.table.scan();
  await Promise.all([
    startOne('file', config.file.enabled, async () => {
      const s = new FileSensor(config.file, ctx);
      await s.start();
      return s;
    }),
    startOne('network', config.network.enabled, async () => {
      const s = new NetworkSensor(config.network, ctx);
      await s.start();
      return s;
    }),
    startOne('login', config.login.enabled, async () => {
      const s = new LoginSensor(config.login, ctx);
      await s.start();
      return s;
    }),
  ]);

  let stopped = false;
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all(
        running.map(async (s) => {
          try {
            await s.stop();
          } catch (err) {
            slog.error({ err, sensor: s.name }, 'sensor did not stop cleanly');
          }
          status[s.name as SensorName].state = 'stopped';
        }),
      );
    },
    stats() {
      const sensors = {} as Record<SensorName, SensorStatus>;
      let events = 0;
      let lost = 0;
      let errors = 0;
      for (const name of Object.keys(status) as SensorName[]) {
        const st = status[name];
        const c = st.sensor?.counters() ?? { events: 0, errors: 0, lost: 0 };
        const s: SensorStatus = {
          state: st.state, mode: st.sensor?.mode() ?? '', events: c.events, errors: c.errors + st.errors, lost: c.lost, counters: c,
        };
        sensors[name] = s;
        events += s.events;
        lost += s.lost;
        errors += s.errors;
      }
      return { sensors, events, lost, errors };
    },
  };
}
