// run_script: writes the script to a private temporary file, runs it with its interpreter in a
// process group of its own, kills the whole group at the timeout, and keeps the first bytes of
// stdout and stderr up to the bound (the rest is read and counted, so the script never blocks).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS, type ActionParams, type ActionResults } from '../../../proto/command.js';
import { ActionError, type ActionContext } from './context.js';

const INTERPRETERS: Record<ActionParams['run_script']['interpreter'], { cmd: string; ext: string }> = {
  sh: { cmd: 'sh', ext: 'sh' },
  bash: { cmd: 'bash', ext: 'sh' },
  python3: { cmd: 'python3', ext: 'py' },
};

/** After the script exits, how long its stdout/stderr may stay open (held by a background child). */
const STDIO_GRACE_MS = 1_000;

class Capture {
  private readonly parts: Buffer[] = [];
  kept = 0;
  total = 0;
  constructor(private readonly max: number) {}
  push(b: Buffer): void {
    this.total += b.length;
    const room = this.max - this.kept;
    if (room <= 0) return;
    const part = b.length > room ? b.subarray(0, room) : b;
    this.parts.push(part);
    this.kept += part.length;
  }
  get truncated(): boolean {
    return this.total > this.kept;
  }
  text(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }
}

export async function runScript(p: ActionParams['run_script'], ctx: ActionContext): Promise<ActionResults['run_script']> {
  const timeoutS = p.timeout_s ?? Math.min(LIMITS.scriptTimeoutS.default, ctx.config.script_timeout_max_s);
  const maxOutput = p.max_output_bytes ?? Math.min(LIMITS.scriptOutputBytes.default, ctx.config.script_output_max_bytes);
  const interp = INTERPRETERS[p.interpreter];
  const dir = await mkdtemp(join(tmpdir(), 'xdr-script-')); // mode 0700
  try {
    const file = join(dir, `script.${interp.ext}`);
    await writeFile(file, p.script, { mode: 0o700 });
    const started = performance.now();
    const child = spawn(interp.cmd, [file, ...(p.args ?? [])], { cwd: '/', detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = new Capture(maxOutput);
    const stderr = new Capture(maxOutput);
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    let timedOut = false;
    let stopped = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutS * 1000);
    const onAbort = () => {
      stopped = true;
      killGroup();
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
        child.once('error', (err: NodeJS.ErrnoException) => {
          reject(new ActionError(err.code === 'ENOENT' ? `the interpreter ${interp.cmd} is not installed on this host (not found in PATH)` : `cannot start ${interp.cmd}: ${err.message}`));
        });
        child.once('exit', (code, signal) => resolve({ code, signal }));
      });
      const durationMs = Math.round(performance.now() - started);
      await stdioClosed(child, STDIO_GRACE_MS);
      if (stopped) throw new ActionError(`the agent stopped while the script ran (after ${durationMs} ms); the script was killed`);
      const result = {
        exit_code: exit.code, signal: exit.signal, timed_out: timedOut, duration_ms: durationMs,
        stdout: stdout.text(), stderr: stderr.text(), stdout_truncated: stdout.truncated, stderr_truncated: stderr.truncated,
      };
      if (timedOut) throw new ActionError(`the script ran past its timeout of ${timeoutS} s; its process group was killed`, result);
      return result;
    } finally {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits until both pipes closed; a background child that keeps them open is not waited for. */
async function stdioClosed(child: ReturnType<typeof spawn>, graceMs: number): Promise<void> {
  const streams = [child.stdout, child.stderr].filter((s) => s && !s.closed);
  if (streams.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(streams.map((s) => new Promise((r) => s!.once('close', r)))),
    new Promise((r) => (timer = setTimeout(r, graceMs))),
  ]);
  clearTimeout(timer);
  for (const s of streams) s!.destroy();
}

/**
 * Shrinks a result's stdout/stderr until its JSON fits `maxBytes` (the collector's frame bound),
 * flagging what was cut. Halving converges in a few steps even for output that JSON escapes 6x.
 */
export function fitScriptResult(r: ActionResults['run_script'], maxBytes: number): ActionResults['run_script'] {
  let out = r;
  for (let i = 0; i < 40 && Buffer.byteLength(JSON.stringify(out)) > maxBytes; i++) {
    const cutOut = out.stdout.length >= out.stderr.length;
    const field = cutOut ? 'stdout' : 'stderr';
    const s = out[field];
    out = { ...out, [field]: s.slice(0, Math.floor(s.length / 2)), [`${field}_truncated`]: true };
  }
  return out;
}
