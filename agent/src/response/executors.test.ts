// The executors against the real thing: real files, real processes, a real pty.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, type ActionResults } from '../../../proto/command.js';
import { readBootTimeMs, readText } from '../sensors/proc-fs.js';
import { ProcessTable } from '../sensors/process-table.js';
import { collectFile } from './collect-file.js';
import { defaultResponseConfig } from './config.js';
import { ActionError, type ActionContext } from './context.js';
import { killProcess } from './kill-process.js';
import { ProcessIdentity } from './process-identity.js';
import { fitScriptResult, runScript } from './run-script.js';
import { ShellSession } from './shell-session.js';
import { RecordingLink } from './testing/commands.js';

const log = pino({ level: 'silent' });
let dir: string;
let link: RecordingLink;
let abort: AbortController;

function ctx(extra: Partial<ActionContext> = {}): ActionContext {
  return { actionId: 'act-1', log, config: defaultResponseConfig(), link, signal: abort.signal, ...extra };
}

async function failure(p: Promise<unknown>): Promise<ActionError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ActionError);
  return err as ActionError;
}

/** Running (a zombie left for a container's pid 1 to reap counts as dead). */
function alive(pid: number): boolean {
  const stat = readText(`/proc/${pid}/stat`);
  return !!stat && !/\) Z /.test(stat);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-exec-'));
  link = new RecordingLink();
  abort = new AbortController();
});

afterEach(() => {
  abort.abort();
  rmSync(dir, { recursive: true, force: true });
});

describe('collect_file', () => {
  it('streams a real file in bounded chunks that reassemble to its SHA-256', async () => {
    const file = join(dir, 'sample.bin');
    const data = randomBytes(3 * LIMITS.collectChunkBytes + 12_345);
    writeFileSync(file, data, { mode: 0o640 });
    link.delayMs = 2; // a slow socket: the executor must wait, not queue the file
    const r = await collectFile({ path: file }, ctx());
    const chunks = link.results('act-1');
    expect(chunks.length).toBe(4);
    expect(chunks.every((c) => c.status === 1 && c.chunk!.length <= LIMITS.collectChunkBytes)).toBe(true);
    expect(chunks.map((c) => !!c.lastChunk)).toEqual([false, false, false, true]);
    const whole = Buffer.alloc(data.length);
    for (const c of chunks) Buffer.from(c.chunk!).copy(whole, Number(c.chunkOffset));
    const sha = createHash('sha256').update(data).digest('hex');
    expect(createHash('sha256').update(whole).digest('hex')).toBe(sha);
    const st = statSync(file);
    expect(r).toEqual({ path: file, size: data.length, sha256: sha, mode: '0640', uid: st.uid, gid: st.gid, owner: expect.any(String), mtime_ms: Math.round(st.mtimeMs) });
    expect(link.maxOutstanding).toBeLessThanOrEqual(4);
  });

  it('sends an empty file as one last chunk', async () => {
    writeFileSync(join(dir, 'empty'), '');
    const r = await collectFile({ path: join(dir, 'empty') }, ctx());
    expect(link.results().map((c) => [Number(c.chunkOffset), c.chunk!.length, c.lastChunk])).toEqual([[0, 0, true]]);
    expect(r.sha256).toBe(createHash('sha256').digest('hex'));
  });

  it('refuses non-regular files, missing files and files over the bound, with clear errors', async () => {
    expect((await failure(collectFile({ path: dir }, ctx()))).message).toBe(`${dir} is not a regular file (a directory); only regular files are collected`);
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    expect((await failure(collectFile({ path: join(dir, 'fifo') }, ctx()))).message).toMatch(/is not a regular file \(a named pipe\)/);
    expect((await failure(collectFile({ path: join(dir, 'nope') }, ctx()))).message).toMatch(/^cannot open .*nope: ENOENT/);
    writeFileSync(join(dir, 'big'), Buffer.alloc(5000));
    expect((await failure(collectFile({ path: join(dir, 'big'), max_bytes: 4096 }, ctx()))).message).toMatch(/big is 5000 bytes, over the bound of 4096 bytes/);
    const narrow = { ...defaultResponseConfig(), collect_max_bytes: 1000 };
    expect((await failure(collectFile({ path: join(dir, 'big') }, ctx({ config: narrow })))).message).toMatch(/over the bound of 1000 bytes .*response.collect_max_bytes 1000/);
    expect(link.frames).toHaveLength(0);
  });

  it('fails with a clear error when the connection drops mid-file', async () => {
    writeFileSync(join(dir, 'f'), randomBytes(4 * LIMITS.collectChunkBytes));
    link.delayMs = 5;
    setTimeout(() => (link.online = false), 2);
    expect((await failure(collectFile({ path: join(dir, 'f') }, ctx()))).message).toMatch(/connection to the collector was lost while .* was streamed .*collect it again/);
  });
});

describe('run_script', () => {
  it('runs a script with its arguments and returns exit code and output', async () => {
    const r = await runScript({ interpreter: 'sh', script: 'echo "hello $1 $2"; echo oops >&2; exit 3', args: ['a b', 'c'] }, ctx());
    expect(r).toMatchObject({ exit_code: 3, signal: null, timed_out: false, stdout: 'hello a b c\n', stderr: 'oops\n', stdout_truncated: false, stderr_truncated: false });
    expect(r.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('runs bash and python3, from a private temporary file that is removed afterwards', async () => {
    const r = await runScript({ interpreter: 'bash', script: 'stat -c "%a" "$(dirname "$0")"; stat -c "%a" "$0"; echo "$0"' }, ctx());
    const [dirMode, fileMode, path] = r.stdout.trim().split('\n');
    expect([dirMode, fileMode]).toEqual(['700', '700']);
    expect(() => statSync(path)).toThrow(/ENOENT/);
    const py = spawnSync('python3', ['--version']).status === 0;
    if (py) expect((await runScript({ interpreter: 'python3', script: 'import sys\nprint(sum(map(int, sys.argv[1:])))', args: ['2', '40'] }, ctx())).stdout).toBe('42\n');
  });

  it('kills the whole process group at the timeout and returns the output so far', async () => {
    const started = Date.now();
    const err = await failure(runScript({ interpreter: 'sh', script: 'sleep 30 & echo $!; sleep 30', timeout_s: 1 }, ctx()));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.message).toBe('the script ran past its timeout of 1 s; its process group was killed');
    const r = err.result as ActionResults['run_script'];
    expect(r).toMatchObject({ timed_out: true, exit_code: null, signal: 'SIGKILL' });
    const background = Number(r.stdout.trim());
    expect(background).toBeGreaterThan(0);
    await new Promise((res) => setTimeout(res, 100));
    expect(alive(background)).toBe(false);
  });

  it('bounds stdout and stderr and flags the truncation, while the script still runs to its end', async () => {
    const r = await runScript({ interpreter: 'sh', script: 'head -c 300000 /dev/zero | tr "\\0" a; head -c 10 /dev/zero | tr "\\0" b >&2; echo done >&2', max_output_bytes: 1000 }, ctx());
    expect(r.stdout).toBe('a'.repeat(1000));
    expect(r.stdout_truncated).toBe(true);
    expect(r.stderr).toBe(`${'b'.repeat(10)}done\n`);
    expect(r.stderr_truncated).toBe(false);
    expect(r.exit_code).toBe(0);
  });

  it('shrinks a result to the frame bound, flagging what it cut', () => {
    const big: ActionResults['run_script'] = {
      exit_code: 0, signal: null, timed_out: false, duration_ms: 1, stdout: '\u0001'.repeat(100_000), stderr: 'x'.repeat(10), stdout_truncated: false, stderr_truncated: false,
    };
    const fit = fitScriptResult(big, 50_000);
    expect(Buffer.byteLength(JSON.stringify(fit))).toBeLessThanOrEqual(50_000);
    expect(fit).toMatchObject({ stdout_truncated: true, stderr: 'x'.repeat(10), stderr_truncated: false });
  });

  it('says so when the agent stops while a script runs', async () => {
    const run = runScript({ interpreter: 'sh', script: 'sleep 30' }, ctx());
    setTimeout(() => abort.abort(), 200);
    expect((await failure(run)).message).toMatch(/agent stopped while the script ran/);
  });
});

describe('kill_process', () => {
  const HOST = 'response-test-host';
  let child: ChildProcess | undefined;
  const identity = new ProcessIdentity(HOST);

  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  async function sleeper(): Promise<{ pid: number; exited: Promise<NodeJS.Signals | null> }> {
    child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((r) => child!.once('spawn', r));
    const exited = new Promise<NodeJS.Signals | null>((r) => child!.once('exit', (_c, s) => r(s)));
    return { pid: child.pid!, exited };
  }

  it('computes the same entity id as the sensors', async () => {
    const { pid } = await sleeper();
    const table = new ProcessTable({ hostId: HOST, bootTimeMs: readBootTimeMs(), clockTicks: 100, agentPid: -1 });
    expect(identity.entityIdOf(pid)).toBe(table.get(pid)!.entityId);
    expect(identity.entityIdOf(pid)).toMatch(/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/);
  });

  it('kills a real process by its entity id and pid', async () => {
    const { pid, exited } = await sleeper();
    const entity = identity.entityIdOf(pid)!;
    expect(killProcess({ entity_id: entity, pid, signal: 'SIGTERM' }, identity)).toEqual({ pid, entity_id: entity, signal: 'SIGTERM' });
    expect(await exited).toBe('SIGTERM');
  });

  it('finds the pid from the entity id alone by scanning /proc', async () => {
    const { pid, exited } = await sleeper();
    const entity = identity.entityIdOf(pid)!;
    expect(killProcess({ entity_id: entity }, identity)).toEqual({ pid, entity_id: entity, signal: 'SIGKILL' });
    expect(await exited).toBe('SIGKILL');
    await expect(async () => killProcess({ entity_id: entity }, identity)).rejects.toThrow(`no running process has the entity id ${entity}`);
  });

  it('refuses a pid whose entity id does not match, and leaves it running', async () => {
    const { pid } = await sleeper();
    const other = new ProcessIdentity('another-host').entityIdOf(pid)!;
    expect(() => killProcess({ entity_id: other, pid }, identity)).toThrow(`pid ${pid} now belongs to another process (entity id ${identity.entityIdOf(pid)}, not ${other}); nothing was signalled`);
    expect(alive(pid)).toBe(true);
  });

  it('never kills pid 1 or the agent itself', () => {
    expect(() => killProcess({ entity_id: identity.entityIdOf(1)!, pid: 1 }, identity)).toThrow('pid 1 (init) is never killed');
    expect(() => killProcess({ entity_id: identity.entityIdOf(process.pid)! }, identity)).toThrow(`pid ${process.pid} is the xdr-agent itself`);
  });
});

describe('shell', () => {
  const output = () => Buffer.concat(link.frames.filter((f) => f.shellData?.data).map((f) => Buffer.from(f.shellData!.data!))).toString();

  it('runs a real pty: keystrokes in, `id` output back, closed=true when the shell exits', async () => {
    const shell = new ShellSession({ cols: 100, rows: 30 }, ctx());
    shell.input({ actionId: 'act-1', data: Buffer.from('stty size; id\n') });
    await link.until(() => /uid=\d+/.test(output()), 10_000, 'id output');
    expect(output()).toContain('30 100');
    shell.input({ actionId: 'act-1', cols: 120, rows: 40 });
    shell.input({ actionId: 'act-1', data: Buffer.from('stty size; exit 7\n') });
    const r = await shell.done;
    expect(r).toMatchObject({ exit_code: 7, reason: 'the shell exited with code 7' });
    expect(output()).toContain('40 120');
    expect(link.frames.at(-1)).toEqual({ shellData: { actionId: 'act-1', closed: true } });
  });

  it('closes when the responder closes it and when idle past its timeout', async () => {
    const a = new ShellSession({}, ctx());
    a.input({ actionId: 'act-1', closed: true });
    expect(await a.done).toMatchObject({ reason: 'closed by the responder' });
    expect(alive(a.pid)).toBe(false);

    const b = new ShellSession({ idle_timeout_s: 1 }, ctx({ actionId: 'act-2' }));
    const started = Date.now();
    expect(await b.done).toMatchObject({ reason: 'no input for 1 s (idle timeout)' });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(link.frames.some((f) => f.shellData?.actionId === 'act-2' && f.shellData.closed)).toBe(true);
  });

  it('fails when the connection drops, and refuses a shell that /etc/shells does not list', async () => {
    const s = new ShellSession({}, ctx());
    link.online = false;
    s.input({ actionId: 'act-1', data: Buffer.from('echo hi\n') });
    const err = await s.done.then(() => undefined, (e: unknown) => e as ActionError);
    expect(err?.message).toMatch(/^shell closed: the connection to the collector was lost/);
    mkdirSync(join(dir, 'bin'));
    expect(() => new ShellSession({ shell: join(dir, 'bin', 'evil') }, ctx())).toThrow(/is not listed in \/etc\/shells/);
  });
});
