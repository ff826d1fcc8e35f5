// A load generator: RATE process-start events per second, shaped like what the process sensor
// sends, each with a unique command line `synthetic <bootId> <n>` so a test or benchmark can
// count exactly what arrived. Stops generating after `count` events when one is given.
import { randomBytes } from 'node:crypto';
import { wire, type xdr } from '../../proto/index.js';
import type { Emit, EventSource } from './event-source.js';

export interface SyntheticOptions {
  /** events per second */
  rate: number;
  /** stop after this many events */
  count?: number;
  hostId: string;
  tickMs?: number;
}

const PARENTS = [
  { name: 'bash', executable: '/usr/bin/bash', user: 'deploy', uid: 1000 },
  { name: 'sshd', executable: '/usr/sbin/sshd', user: 'root', uid: 0 },
  { name: 'cron', executable: '/usr/sbin/cron', user: 'root', uid: 0 },
  { name: 'systemd', executable: '/usr/lib/systemd/systemd', user: 'root', uid: 0 },
  { name: 'python3', executable: '/usr/bin/python3', user: 'www-data', uid: 33 },
];

export class SyntheticSource implements EventSource {
  /** distinguishes the command lines of this run from those of earlier runs */
  readonly bootId = randomBytes(4).toString('hex');
  private generated = 0;
  private readonly startedAt = Date.now();
  private readonly timer: NodeJS.Timeout;
  private readonly limit: number;
  private readonly basePid = 10_000 + Math.floor(Math.random() * 100_000);

  constructor(private readonly opts: SyntheticOptions, private readonly emit: Emit) {
    this.limit = opts.count ?? Infinity;
    this.timer = setInterval(() => this.tick(), opts.tickMs ?? 50);
  }

  get count(): number {
    return this.generated;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
  }

  private tick(): void {
    const due = Math.min(this.limit, Math.floor((this.opts.rate * (Date.now() - this.startedAt)) / 1000));
    while (this.generated < due) this.emit(this.event(++this.generated));
    if (this.generated >= this.limit) clearInterval(this.timer);
  }

  private event(n: number): xdr.v1.IEvent {
    const now = Date.now();
    const parent = PARENTS[n % PARENTS.length];
    const pid = this.basePid + n;
    const ppid = this.basePid - 1 - (n % PARENTS.length);
    const args = ['synthetic', this.bootId, String(n)];
    return {
      timeMs: now,
      process: {
        action: wire.ProcessEvent.Action.START,
        process: {
          entityId: `${this.opts.hostId}:${pid}:${now}`,
          pid,
          ppid,
          name: 'synthetic',
          executable: '/usr/local/bin/synthetic',
          commandLine: args.join(' '),
          args,
          workingDirectory: parent.uid === 0 ? '/' : `/home/${parent.user}`,
          userName: parent.user,
          userId: parent.uid,
          userIdSet: true,
          startTimeMs: now,
          parent: {
            entityId: `${this.opts.hostId}:${ppid}:${this.startedAt}`,
            pid: ppid,
            name: parent.name,
            executable: parent.executable,
            commandLine: parent.executable,
          },
        },
      },
    };
  }
}
