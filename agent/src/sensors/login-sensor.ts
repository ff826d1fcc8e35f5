// Login sensor: sshd successes and failures from the journal (journalctl -f -o json) when
// journald runs, else by tailing /var/log/auth.log or /var/log/secure, following rotation
// (a new inode or a shorter file). Parsing is in sshd-parser.ts. When journalctl cannot be
// started, or keeps exiting, the sensor says so in a notice and falls back to the auth log.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { wire, type xdr } from '../../../proto/index.js';
import type { LoginSensorConfig } from './config.js';
import { NOTICE_CODES, notice, type Sensor, type SensorContext, type SensorCounters } from './sensor.js';
import { isSshdProgram, parseSshdMessage, parseSyslogLine } from './sshd-parser.js';

const Outcome = wire.LoginEvent.Outcome;
/** journalctl that exits this soon after its start, this many times in a row, is given up for the auth log. */
const JOURNAL_QUICK_EXIT_MS = 10_000;
const JOURNAL_MAX_QUICK_EXITS = 3;
const JOURNAL_RESTART_MS = 5000;

export interface LoginSensorOptions {
  /** the journalctl executable (tests) */
  journalctl?: string;
}

export class LoginSensor implements Sensor {
  readonly name = 'login';
  private source: 'journal' | 'file' | 'none' = 'none';
  private child: ChildProcess | undefined;
  private tail: FileTail | undefined;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly c: SensorCounters = { events: 0, errors: 0, lost: 0, lines: 0, restarts: 0 };
  private quickExits = 0;
  private exitNoticeAt = 0;

  constructor(private readonly cfg: LoginSensorConfig, private readonly ctx: SensorContext, private readonly opts: LoginSensorOptions = {}) {}

  mode(): string {
    return this.source === 'file' && this.tail ? `file:${this.tail.path}` : this.source;
  }

  counters(): SensorCounters {
    return { ...this.c };
  }

  async start(): Promise<void> {
    const running = journaldRunning();
    const journal = this.cfg.source === 'journal' || (this.cfg.source === 'auto' && running);
    if (journal) {
      if (!running) {
        this.say(NOTICE_CODES.sensorDegraded, 'sensors.login.source is journal but journald does not seem to run (no /run/systemd/journal/socket): journalctl may show no logins');
      }
      this.source = 'journal';
      this.startJournal();
      return;
    }
    this.startFile();
  }

  private startFile(): void {
    const path = this.cfg.auth_log_paths.find((p) => existsSync(p)) ?? this.cfg.auth_log_paths[0];
    this.source = 'file';
    this.tail = new FileTail(path, this.cfg.poll_interval_ms, (line) => this.onSyslogLine(line), (err) => {
      this.c.errors++;
      this.ctx.log.warn({ sensor: 'login', err, path }, 'auth log could not be read');
    });
    this.tail.start();
    if (!existsSync(path)) this.ctx.log.warn({ sensor: 'login', path }, 'no journald and no auth log yet; waiting for the file to appear');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.tail?.stop();
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((r) => this.child!.once('exit', r));
      this.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
    }
  }

  private startJournal(): void {
    const args = ['-f', '-o', 'json', '-n', '0', '--no-pager', 'SYSLOG_IDENTIFIER=sshd', '+', 'SYSLOG_IDENTIFIER=sshd-session', '+', '_COMM=sshd'];
    const bin = this.opts.journalctl ?? 'journalctl';
    const startedAt = Date.now();
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    createInterface({ input: child.stdout! }).on('line', (line) => this.onJournalLine(line));
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    // A failed spawn emits 'error' and never 'exit'.
    child.on('error', (err) => {
      if (this.stopped || this.child !== child) return;
      this.c.errors++;
      this.ctx.log.error({ sensor: 'login', err }, 'journalctl could not be started');
      this.fallBack(`${bin} could not be started (${(err as NodeJS.ErrnoException).code ?? err.message})`);
    });
    child.on('exit', (code, signal) => {
      if (this.stopped || this.child !== child) return;
      this.c.restarts++;
      const why = `${bin} exited (${code ?? signal})${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''}`;
      this.ctx.log.warn({ sensor: 'login', code, signal, stderr }, `${why}; restarting in ${JOURNAL_RESTART_MS / 1000} s`);
      this.quickExits = Date.now() - startedAt < JOURNAL_QUICK_EXIT_MS ? this.quickExits + 1 : 1;
      if (this.quickExits >= JOURNAL_MAX_QUICK_EXITS) {
        this.fallBack(`${why}, ${this.quickExits} times in a row`);
        return;
      }
      // one notice per failure streak (at most one a minute), not one per restart
      if (Date.now() - this.exitNoticeAt > 60_000) {
        this.exitNoticeAt = Date.now();
        this.say(NOTICE_CODES.sensorError, `${why}; logins are missed until it restarts (in ${JOURNAL_RESTART_MS / 1000} s)`);
      }
      this.restartTimer = setTimeout(() => this.startJournal(), JOURNAL_RESTART_MS);
    });
  }

  /** The journal cannot be read: tail the auth log instead when the host has one, and say which. */
  private fallBack(why: string): void {
    this.child = undefined;
    const path = this.cfg.auth_log_paths.find((p) => existsSync(p));
    if (path) {
      this.say(NOTICE_CODES.sensorDegraded, `${why}: sshd logins are read from ${path} instead of the journal`);
      this.source = 'file';
      this.startFile();
      return;
    }
    this.source = 'none';
    this.say(NOTICE_CODES.sensorError, `${why}, and none of ${this.cfg.auth_log_paths.join(', ')} exists: sshd logins are not seen`);
  }

  private say(code: string, message: string): void {
    this.ctx.log.warn({ sensor: 'login' }, message);
    this.ctx.emit(notice(code, 'login', message));
  }

  private onJournalLine(line: string): void {
    this.c.lines++;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch {
      this.c.errors++;
      return;
    }
    const raw = rec.MESSAGE;
    const message = typeof raw === 'string' ? raw : Array.isArray(raw) ? Buffer.from(raw as number[]).toString('utf8') : '';
    const us = Number(rec.__REALTIME_TIMESTAMP);
    this.report(message, Number.isFinite(us) ? Math.round(us / 1000) : Date.now(), rec._PID ? Number(rec._PID) : undefined);
  }

  private onSyslogLine(line: string): void {
    this.c.lines++;
    const l = parseSyslogLine(line);
    if (!l || !isSshdProgram(l.program)) return;
    this.report(l.message, l.timeMs ?? Date.now(), l.pid);
  }

  private report(message: string, timeMs: number, pid: number | undefined): void {
    const login = parseSshdMessage(message);
    if (!login) return;
    const process: xdr.v1.IProcessRef | undefined = pid ? this.ctx.table.ref(pid) ?? { pid } : undefined;
    this.c.events++;
    this.ctx.emit({
      timeMs: timeMs,
      login: {
        outcome: login.outcome === 'success' ? Outcome.SUCCESS : Outcome.FAILURE,
        userName: login.user, sourceIp: login.ip, sourcePort: login.port, method: login.method, service: 'sshd', process,
      },
    });
  }
}

function journaldRunning(): boolean {
  return existsSync('/run/systemd/journal/socket') && ['/usr/bin/journalctl', '/bin/journalctl'].some((p) => existsSync(p));
}

/** Follows a text file like `tail -F`: starts at its end, survives rotation and truncation. */
export class FileTail {
  private fd: number | undefined;
  private ino = 0;
  private pos = 0;
  private partial = '';
  private timer: NodeJS.Timeout | undefined;
  private readonly buf = Buffer.alloc(64 * 1024);

  constructor(
    readonly path: string,
    private readonly intervalMs: number,
    private readonly onLine: (line: string) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.open(true);
    this.timer = setInterval(() => this.poll(), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Reads what was appended; public so tests can drive it without waiting. */
  poll(): void {
    try {
      if (this.fd === undefined) {
        this.open(false);
        if (this.fd === undefined) return;
      }
      let st;
      try {
        st = statSync(this.path);
      } catch {
        st = undefined; // rotated away, new file not there yet: finish the old one
      }
      this.drain();
      if (st && st.ino !== this.ino) {
        closeSync(this.fd!);
        this.fd = undefined;
        this.flushPartial();
        this.open(false);
        this.drain();
      } else if (st && st.size < this.pos) {
        this.pos = 0; // truncated in place (copytruncate)
        this.partial = '';
        this.drain();
      }
    } catch (err) {
      this.onError(err);
    }
  }

  private open(atEnd: boolean): void {
    try {
      this.fd = openSync(this.path, 'r');
    } catch {
      this.fd = undefined;
      return;
    }
    const st = fstatSync(this.fd);
    this.ino = st.ino;
    this.pos = atEnd ? st.size : 0;
    this.partial = '';
  }

  private drain(): void {
    if (this.fd === undefined) return;
    for (;;) {
      const n = readSync(this.fd, this.buf, 0, this.buf.length, this.pos);
      if (n <= 0) return;
      this.pos += n;
      const text = this.partial + this.buf.toString('utf8', 0, n);
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) if (line) this.onLine(line);
    }
  }

  private flushPartial(): void {
    if (this.partial) this.onLine(this.partial);
    this.partial = '';
  }
}
