// shell: an interactive terminal (node-pty) whose bytes travel as ShellData frames over the
// agent's connection. Input, resize and close arrive as ShellData from the collector. The session
// ends when the shell exits, the responder closes it, it idles past its timeout, the connection
// drops or the agent stops; the agent then sends ShellData closed=true and the final result.
import { existsSync, readFileSync } from 'node:fs';
import { constants, userInfo } from 'node:os';
import type { IPty } from 'node-pty';
import type { xdr } from '../../../proto/index.js';
import { LIMITS, type ActionParams, type ActionResults } from '../../../proto/command.js';
import { requireNativePackage } from '../native-addons.js';
import { ActionError, type ActionContext } from './context.js';

type NodePty = typeof import('node-pty');

/**
 * node-pty is a native addon, loaded on first use (from the agent's native directory in the
 * single-file binary, from node_modules in a checkout), so an agent without it runs everything else.
 */
export function loadNodePty(): NodePty {
  try {
    return requireNativePackage<NodePty>('node-pty');
  } catch (err) {
    throw new ActionError(`the remote shell needs node-pty, which cannot be loaded on this agent: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Output frames in flight beyond which the pty is paused (the shell then blocks on its writes). */
const PAUSE_AT = 32;
const RESUME_AT = 8;
const KILL_GRACE_MS = 2_000;

export class ShellSession {
  /** Settles when the session ends: the result, or an ActionError when it failed. */
  readonly done: Promise<ActionResults['shell']>;
  readonly shellPath: string;
  private readonly pty: IPty;
  private readonly started = Date.now();
  private readonly idleMs: number;
  private idleTimer: NodeJS.Timeout;
  private outstanding = 0;
  private paused = false;
  private closing: { reason: string; failed: boolean } | undefined;
  private exitCode: number | null = null;
  private hasExited = false;
  private exited: Promise<void>;
  private settle!: (r: ActionResults['shell'] | ActionError) => void;

  constructor(p: ActionParams['shell'], private readonly ctx: ActionContext, pty: NodePty = loadNodePty()) {
    this.shellPath = chooseShell(p.shell, ctx.config.shell);
    const idleS = p.idle_timeout_s ?? Math.min(LIMITS.shellIdleS.default, ctx.config.shell_idle_timeout_max_s);
    this.idleMs = idleS * 1000;
    const home = safeHome();
    try {
      this.pty = pty.spawn(this.shellPath, ['-l'], {
        name: 'xterm-256color', cols: p.cols ?? 80, rows: p.rows ?? 24, cwd: home,
        env: { ...process.env, TERM: 'xterm-256color', HOME: home },
        encoding: null,
      } as Parameters<NodePty['spawn']>[2]);
    } catch (err) {
      throw new ActionError(`cannot start the shell ${this.shellPath}: ${(err as Error).message}`);
    }
    this.done = new Promise<ActionResults['shell'] | ActionError>((resolve) => (this.settle = resolve)).then((r) => {
      if (r instanceof ActionError) throw r;
      return r;
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.exitCode = signal ? null : exitCode;
        this.hasExited = true;
        resolve();
        this.close(signal ? `the shell was ended by signal ${signalName(signal)}` : `the shell exited with code ${exitCode}`);
      });
    });
    this.pty.onData((data: string | Buffer) => this.output(Buffer.isBuffer(data) ? data : Buffer.from(data)));
    this.idleTimer = setTimeout(() => this.close(`no input for ${idleS} s (idle timeout)`), this.idleMs);
    ctx.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = () => this.close('the agent stopped', true);

  get pid(): number {
    return this.pty.pid;
  }

  /** A ShellData frame from the collector: keystrokes, a resize, or closed. */
  input(d: xdr.v1.IShellData): void {
    if (this.closing) return;
    if (d.closed) return this.close('closed by the responder');
    if (d.cols && d.rows) {
      try {
        this.pty.resize(Math.min(Math.max(d.cols, 10), 1000), Math.min(Math.max(d.rows, 5), 1000));
      } catch (err) {
        this.ctx.log.debug({ err }, 'shell resize failed');
      }
    }
    if (d.data && d.data.length > 0) {
      this.idleTimer.refresh();
      this.pty.write(Buffer.from(d.data) as unknown as string);
    }
  }

  /** Ends the session: hangs the terminal up, then sends closed=true and settles `done`. */
  close(reason: string, failed = false): void {
    if (this.closing) return;
    this.closing = { reason, failed };
    clearTimeout(this.idleTimer);
    this.ctx.signal.removeEventListener('abort', this.onAbort);
    void this.finish();
  }

  private output(data: Buffer): void {
    this.outstanding++;
    if (this.outstanding >= PAUSE_AT && !this.paused) {
      this.paused = true;
      this.pty.pause();
    }
    this.ctx.link.send({ shellData: { actionId: this.ctx.actionId, data } }).then(
      () => {
        this.outstanding--;
        if (this.paused && this.outstanding <= RESUME_AT) {
          this.paused = false;
          this.pty.resume();
        }
      },
      (err: Error) => {
        this.outstanding--;
        this.close(`the connection to the collector was lost (${err.message})`, true);
      },
    );
  }

  private async finish(): Promise<void> {
    const { reason, failed } = this.closing!;
    if (this.paused) this.pty.resume();
    if (!this.hasExited) {
      this.hangUp('SIGHUP');
      const killer = setTimeout(() => this.hangUp('SIGKILL'), KILL_GRACE_MS);
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, KILL_GRACE_MS + 500))]);
      clearTimeout(killer);
    }
    // let the pty's last output (read after the exit) go out before closed=true
    await new Promise((r) => setTimeout(r, 20));
    if (!failed) await this.ctx.link.send({ shellData: { actionId: this.ctx.actionId, closed: true } }).catch(() => undefined);
    const result = { exit_code: this.exitCode, duration_ms: Date.now() - this.started, reason };
    this.settle(failed ? new ActionError(`shell closed: ${reason}`, result) : result);
  }

  private hangUp(signal: 'SIGHUP' | 'SIGKILL'): void {
    if (this.hasExited) return; // its pid may belong to another process by now
    try {
      this.pty.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** The configured shell, or a `shell` param that /etc/shells lists. */
function chooseShell(asked: string | undefined, configured: string): string {
  if (asked && asked !== configured) {
    const listed = (readText('/etc/shells') ?? '').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('/'));
    if (!listed.includes(asked)) throw new ActionError(`params.shell ${asked} is not listed in /etc/shells on this host; the agent's shell is ${configured} (response.shell)`);
    if (!existsSync(asked)) throw new ActionError(`params.shell ${asked} does not exist on this host`);
    return asked;
  }
  if (existsSync(configured)) return configured;
  if (configured === '/bin/bash' && existsSync('/bin/sh')) return '/bin/sh';
  throw new ActionError(`the shell ${configured} (response.shell) does not exist on this host`);
}

function signalName(n: number): string {
  return Object.entries(constants.signals).find(([, v]) => v === n)?.[0] ?? String(n);
}

function safeHome(): string {
  try {
    const home = userInfo().homedir;
    return home && existsSync(home) ? home : '/';
  } catch {
    return '/';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
