// `<stateDir>/status.json`: what a running agent tells `xdr-agent status` (another process,
// often another user's shell): its connection and its sensors, rewritten on every connection
// change and every heartbeat interval. A status file whose writer is gone, or that has not been
// rewritten for three intervals, says nothing about the present; the reader decides that.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionStatus } from './transport/connection.js';
import { writeFileAtomic } from './state-dir.js';

export const STATUS_FILE = 'status.json';
export const STATUS_INTERVAL_MS = 10_000;

export interface SensorSummary {
  state: string;
  mode: string;
}

export interface AgentStatus {
  pid: number;
  version: string;
  /** ISO 8601: when this file was written */
  updatedAt: string;
  /** ISO 8601: when the connection entered its state */
  since: string;
  connection: ConnectionStatus['state'];
  /** the last connection error or refusal, when not online */
  error?: string;
  sensors: Record<string, SensorSummary>;
}

export interface StatusSource {
  connection: () => ConnectionStatus;
  sensors: () => Record<string, SensorSummary>;
  version: string;
}

export class StatusFile {
  private timer: NodeJS.Timeout | null = null;
  private since = new Date();
  private lastState: ConnectionStatus['state'] | undefined;
  private lastError: string | undefined;

  constructor(readonly stateDir: string, private readonly source: StatusSource, private readonly onError: (err: Error) => void) {}

  get path(): string {
    return join(this.stateDir, STATUS_FILE);
  }

  /** Writes now and every interval until stop(); call update() on connection changes. */
  start(intervalMs = STATUS_INTERVAL_MS): void {
    this.update();
    this.timer = setInterval(() => this.update(), intervalMs);
    this.timer.unref();
  }

  update(): void {
    const c = this.source.connection();
    if (c.state !== this.lastState) {
      this.lastState = c.state;
      this.since = new Date();
    }
    if (c.state === 'backoff') this.lastError = c.error;
    else if (c.state === 'refused') this.lastError = `${c.code}: ${c.reason}`;
    else if (c.state === 'online') this.lastError = undefined;
    const status: AgentStatus = {
      pid: process.pid,
      version: this.source.version,
      updatedAt: new Date().toISOString(),
      since: this.since.toISOString(),
      connection: c.state,
      ...(this.lastError ? { error: this.lastError } : {}),
      sensors: this.source.sensors(),
    };
    try {
      writeFileAtomic(this.path, `${JSON.stringify(status)}\n`, 0o600);
    } catch (err) {
      this.onError(err as Error); // a full disk must not stop the agent; status shows the file's age
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The last status written in `stateDir`, or undefined when none can be read. */
  static read(stateDir: string): AgentStatus | undefined {
    try {
      const s = JSON.parse(readFileSync(join(stateDir, STATUS_FILE), 'utf8')) as AgentStatus;
      return typeof s === 'object' && s !== null && typeof s.pid === 'number' && typeof s.updatedAt === 'string' ? s : undefined;
    } catch {
      return undefined;
    }
  }
}
