// What every sensor shares: the context it is started with and the shape of its counters.
// Sensors publish through ctx.emit and never know about transport.
import type pino from 'pino';
import type { xdr } from '../../../proto/index.js';
import type { ProcessTable } from './process-table.js';
import type { UserNames } from './user-names.js';

export type Emit = (ev: xdr.v1.IEvent) => void;

/** AgentNotice codes the sensors send (the collector shows them as agent health). */
export const NOTICE_CODES = {
  /** Events were lost (kernel overflow, full queue); count says how many when known. */
  sensorGap: 'sensor_gap',
  /** A sensor failed to start or stopped working; the other sensors go on. */
  sensorError: 'sensor_error',
  /** A sensor runs with reduced coverage (polling fallback, inotify watch limit). */
  sensorDegraded: 'sensor_degraded',
} as const;

export interface SensorContext {
  emit: Emit;
  log: pino.Logger;
  table: ProcessTable;
  users: UserNames;
  hostId: string;
  agentPid: number;
  stateDir?: string;
}

export interface SensorCounters {
  events: number;
  errors: number;
  lost: number;
  [k: string]: number;
}

export interface Sensor {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  counters(): SensorCounters;
  /** Free-form mode description for stats (e.g. "netlink", "poll"). */
  mode(): string;
}

export function notice(code: string, sensor: string, message: string, count = 0, timeMs = Date.now()): xdr.v1.IEvent {
  return { timeMs: timeMs, notice: { code, sensor, message, count } };
}
