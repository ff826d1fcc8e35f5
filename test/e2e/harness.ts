// Real processes for end-to-end tests: the built CLIs (build/*.mjs) started as child processes
// on loopback, each with its own temporary data or state directory.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { X509Certificate } from 'node:crypto';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = {
  collector: join(ROOT, 'build/xdr-collector.mjs'),
  agent: join(ROOT, 'build/xdr-agent.mjs'),
  xdrctl: join(ROOT, 'build/xdrctl.mjs'),
};

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `xdr-${prefix}-`));
}

export function run(bin: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

export async function runOk(bin: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await run(bin, args, env);
  if (r.code !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

export interface CollectorProcess {
  proc: ChildProcess;
  dataDir: string;
  agentPort: number;
  agentUrl: string;
  apiUrl: string;
  fingerprint: string;
  adminToken: string | null;
  logFile: string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

function exited(proc: ChildProcess): Promise<void> {
  return proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise((r) => proc.once('exit', () => r()));
}

export async function startCollector(dataDir: string, extra: string[] = [], ports?: { agent: number; api: number }): Promise<CollectorProcess> {
  const logFile = join(dataDir, `collector-${Date.now()}.log`);
  // run as admins do, through its shebang (which carries the collector's Node flags)
  const profile = process.env.XDR_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.XDR_PROFILE_DIR] : [];
  const proc = spawn(profile.length ? process.execPath : BIN.collector, [...profile, ...(profile.length ? [BIN.collector] : []), 'serve', '--data', dataDir, '--agent-host', '127.0.0.1',
    '--agent-port', String(ports?.agent ?? 0), '--api-port', String(ports?.api ?? 0), '--json', '--log-level', 'info', ...extra],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stderr!.pipe(createWriteStream(logFile));
  const line = await new Promise<string>((ok, fail) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', ok);
    proc.once('exit', (code) => fail(new Error(`collector exited ${code} before it was ready; see ${logFile}: ${safeRead(logFile)}`)));
  });
  const info = JSON.parse(line);
  // the admin token is printed on the first start only: keep it for restarts of this data dir
  const tokenFile = join(dataDir, 'test-admin-token');
  if (info.admin_token) writeFileSync(tokenFile, info.admin_token, { mode: 0o600 });
  else if (existsSync(tokenFile)) info.admin_token = readFileSync(tokenFile, 'utf8');
  return {
    proc, dataDir, logFile,
    agentPort: info.agent_port,
    agentUrl: `wss://127.0.0.1:${info.agent_port}`,
    apiUrl: info.api_url,
    fingerprint: info.fingerprint,
    adminToken: info.admin_token,
    async stop() { proc.kill('SIGTERM'); await exited(proc); },
    async kill9() { proc.kill('SIGKILL'); await exited(proc); },
  };
}

function safeRead(file: string): string {
  try { return readFileSync(file, 'utf8').slice(-4000); } catch { return ''; }
}

export interface AgentProcess {
  proc: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function startAgent(stateDir: string, extra: string[] = []): AgentProcess {
  const logFile = join(stateDir, `agent-${Date.now()}.log`);
  const proc = spawn(process.execPath, [BIN.agent, 'run', '--state', stateDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(logFile);
  proc.stdout!.pipe(out);
  proc.stderr!.pipe(out);
  return {
    proc, logFile,
    async stop() { proc.kill('SIGTERM'); await exited(proc); },
    async kill9() { proc.kill('SIGKILL'); await exited(proc); },
  };
}

/** The collector's certificate, pinned by fingerprint, as API clients must. */
export function pinnedCa(c: CollectorProcess): string {
  const pem = readFileSync(join(c.dataDir, 'tls', 'collector.crt'), 'utf8');
  const fp = new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase();
  if (fp !== c.fingerprint) throw new Error('certificate on disk does not match the printed fingerprint');
  return pem;
}

export function api<T = any>(c: CollectorProcess, path: string, opts: { token?: string; method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const url = new URL(path, c.apiUrl);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((ok, fail) => {
    const req = request(url, {
      method: opts.method ?? 'GET',
      ca: [pinnedCa(c)],
      checkServerIdentity: () => undefined,
      headers: {
        ...(opts.token ?? c.adminToken ? { authorization: `Bearer ${opts.token ?? c.adminToken}` } : {}),
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any = text;
        try { body = JSON.parse(text); } catch { /* plain text (metrics) */ }
        ok({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

export async function countEvents(c: CollectorProcess, query = ''): Promise<number> {
  const r = await api<{ count: number }>(c, `/api/v1/events/count${query ? `?${query}` : ''}`);
  if (r.status !== 200) throw new Error(`count failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.count;
}

/** A loopback port that was free a moment ago (for a collector that must restart on the same port). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Every event's command line, read through the API page by page (newest first). */
export async function allCommandLines(c: CollectorProcess, query: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const r = await api(c, `/api/v1/events?${query}&limit=10000${cursor ? `&cursor=${cursor}` : ''}`);
    if (r.status !== 200) throw new Error(`events page failed: ${r.status} ${JSON.stringify(r.body)}`);
    for (const e of r.body.events) out.push(e['process.command_line']);
    cursor = r.body.next_cursor;
  } while (cursor);
  return out;
}

export async function enrollAgent(c: CollectorProcess, stateDir: string): Promise<string> {
  const token = JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--json'])).token;
  const out = await runOk(BIN.agent, ['enroll', '--collector', c.agentUrl, '--token', token, '--fingerprint', c.fingerprint, '--state', stateDir, '--json']);
  return JSON.parse(out).agentId;
}

/** An agent.yaml with every sensor off (response tests need none), then these `response:` lines. */
export function sensorlessAgentConfig(responseLines: string[]): string {
  const sensors = ['process', 'file', 'network', 'login'].map((k) => `  ${k}: { enabled: false }`);
  return ['sensors:', ...sensors, 'response:', ...responseLines.map((l) => `  ${l}`), ''].join('\n');
}
