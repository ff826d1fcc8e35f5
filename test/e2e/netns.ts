// A small lab of network namespaces for tests that change firewalls: a switch namespace holding a
// bridge, and one namespace per host (collector, agent, third) with a veth into the bridge,
// IPv4 and IPv6 addresses, and loopback up. Everything is created inside namespaces named after
// this process (xdrt-<pid>-<tag>-*): the machine's own network and firewall are never touched.
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const HOSTS = ['collector', 'agent', 'third'] as const;
export type LabHost = (typeof HOSTS)[number];

/** Why namespace tests cannot run here, or undefined when they can. */
export function netnsSkipReason(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (network namespaces and nftables need root)';
  if (spawnSync('ip', ['-V']).status !== 0) return 'no ip command (install iproute2)';
  if (spawnSync('nft', ['--version']).status !== 0) return 'no nft command (install nftables)';
  if (spawnSync('python3', ['--version']).status !== 0) return 'no python3 (the ICMP probe uses a raw socket from python3)';
  return undefined;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class Lab {
  readonly ns: Record<LabHost | 'switch', string>;
  readonly v4: Record<LabHost, string> = { collector: '10.77.0.1', agent: '10.77.0.2', third: '10.77.0.3' };
  readonly v6: Record<LabHost, string> = { collector: 'fd77::1', agent: 'fd77::2', third: 'fd77::3' };
  private readonly children = new Set<ChildProcess>();
  private destroyed = false;

  private constructor(readonly prefix: string) {
    this.ns = { switch: `${prefix}-sw`, collector: `${prefix}-c`, agent: `${prefix}-a`, third: `${prefix}-t` };
  }

  /** Creates the namespaces and links; on any failure removes what it made and throws. */
  static create(tag: string): Lab {
    const lab = new Lab(`xdrt-${process.pid}-${tag}`);
    // a crash must not leave namespaces (and processes in them) behind
    process.once('exit', lab.destroy);
    try {
      const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      for (const n of Object.values(lab.ns)) {
        ip('netns', 'add', n);
        ip('-n', n, 'link', 'set', 'lo', 'up');
      }
      const sw = lab.ns.switch;
      ip('-n', sw, 'link', 'add', 'br0', 'type', 'bridge');
      ip('-n', sw, 'link', 'set', 'br0', 'up');
      HOSTS.forEach((h, i) => {
        const port = `p${i}`;
        ip('-n', sw, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', lab.ns[h]);
        ip('-n', sw, 'link', 'set', port, 'master', 'br0', 'up');
        ip('-n', lab.ns[h], 'addr', 'add', `${lab.v4[h]}/24`, 'dev', 'eth0');
        ip('-n', lab.ns[h], 'addr', 'add', `${lab.v6[h]}/64`, 'dev', 'eth0', 'nodad');
        ip('-n', lab.ns[h], 'link', 'set', 'eth0', 'up');
      });
    } catch (err) {
      lab.destroy();
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`cannot build the namespace lab ${lab.prefix}: ${stderr || (err as Error).message}`, { cause: err });
    }
    return lab;
  }

  /** Runs a command inside a host's namespace; never throws for a non-zero exit. */
  exec(host: LabHost, cmd: string, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
    return new Promise((done) => {
      const child = execFile('ip', ['netns', 'exec', this.ns[host], cmd, ...args], { timeout: opts.timeoutMs ?? 30_000 }, (err, stdout, stderr) => {
        done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
      // a command that exits without reading its stdin must not crash the test with EPIPE
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(opts.input ?? '');
    });
  }

  /** Starts a long-running process in a host's namespace (node scripts: pass process.execPath). */
  spawn(host: LabHost, cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
    // ip netns exec execs the command: the child's pid is the command's pid
    const child = spawn('ip', ['netns', 'exec', this.ns[host], cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  /** A TCP connection from host to address:port opens within timeoutMs. */
  async tcp(host: LabHost, address: string, port: number, timeoutMs = 1_500): Promise<boolean> {
    const script = `const s=require('net').connect({host:process.argv[1],port:+process.argv[2],timeout:+process.argv[3]});
s.on('connect',()=>process.exit(0));s.on('timeout',()=>process.exit(1));s.on('error',()=>process.exit(1));`;
    return (await this.exec(host, process.execPath, ['-e', script, address, String(port), String(timeoutMs)], { timeoutMs: timeoutMs + 10_000 })).code === 0;
  }

  /** An ICMP (or ICMPv6) echo from host to address is answered within timeoutMs. */
  async ping(host: LabHost, address: string, timeoutMs = 1_500): Promise<boolean> {
    return (await this.exec(host, 'python3', ['-c', ICMP_PROBE, address, String(timeoutMs / 1000)], { timeoutMs: timeoutMs + 10_000 })).code === 0;
  }

  /** Whether the table (e.g. `inet xdr_isolation`) exists in a host's namespace. */
  async hasTable(host: LabHost, family: string, table: string): Promise<boolean> {
    return (await this.exec(host, 'nft', ['list', 'table', family, table])).code === 0;
  }

  /** Kills every process this lab started (and any left in its namespaces), then deletes the namespaces. */
  readonly destroy = (): void => {
    if (this.destroyed) return;
    this.destroyed = true;
    process.off('exit', this.destroy);
    for (const c of this.children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const n of Object.values(this.ns)) {
      const pids = spawnSync('ip', ['netns', 'pids', n], { encoding: 'utf8' }).stdout ?? '';
      for (const pid of pids.split('\n').map(Number).filter((p) => p > 0)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      spawnSync('ip', ['netns', 'del', n]);
    }
  };
}

/** A TCP echo server in a namespace: `node -e ECHO_SERVER ADDRESS PORT` (prints "listening"). */
export const ECHO_SERVER = `const net=require('net');const srv=net.createServer((c)=>{c.on('error',()=>{});c.pipe(c);});
srv.listen({host:process.argv[1],port:+process.argv[2],ipv6Only:false},()=>console.log('listening'));`;

/**
 * One ICMP or ICMPv6 echo through a raw socket (no ping binary needed): exit 0 when the reply
 * comes. A send that the local firewall drops fails with EPERM: exit 1, like no reply.
 */
const ICMP_PROBE = `
import os, socket, struct, sys, time
host, timeout = sys.argv[1], float(sys.argv[2])
v6 = ':' in host
def csum(b):
    if len(b) % 2: b += b'\\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b)); s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
ident = os.getpid() & 0xffff
if v6:
    s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6); req, rep = 128, 129
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP); req, rep = 8, 0
body = b'xdr-isolation-probe'
pkt = struct.pack('!BBHHH', req, 0, 0, ident, 1) + body
if not v6: pkt = struct.pack('!BBHHH', req, 0, csum(pkt), ident, 1) + body
try:
    s.sendto(pkt, (host, 0))
except OSError as e:
    print('send failed:', e); sys.exit(1)
deadline = time.time() + timeout
while True:
    left = deadline - time.time()
    if left <= 0: sys.exit(1)
    s.settimeout(left)
    try:
        data, _ = s.recvfrom(4096)
    except (socket.timeout, OSError):
        sys.exit(1)
    if not v6: data = data[(data[0] & 15) * 4:]
    if len(data) >= 8 and data[0] == rep and struct.unpack('!H', data[4:6])[0] == ident: sys.exit(0)
`;

// ---- the XDR processes in a lab: a real collector in the collector namespace, its API reached
// from the test's own namespace through a Unix socket (paths cross namespaces, ports do not),
// and real agents in the agent namespace.

/** Forwards connections on a Unix socket to 127.0.0.1:PORT of the namespace it runs in. */
const UNIX_FORWARDER = `const net=require('net');const [sock,port]=process.argv.slice(1);
net.createServer((c)=>{const s=net.connect(+port,'127.0.0.1');c.pipe(s).pipe(c);c.on('error',()=>s.destroy());s.on('error',()=>c.destroy());})
.listen(sock,()=>console.log('listening'));`;

export interface LabCollector {
  proc: ChildProcess;
  dataDir: string;
  /** wss://<collector v4>:PORT, as agents in the lab reach it (it listens on IPv6 too) */
  agentUrl: string;
  agentPort: number;
  fingerprint: string;
  adminToken: string;
  /** the collector's certificate, pinned by the API client */
  certPem: string;
  apiSocket: string;
  logFile: string;
}

export function firstLine(proc: ChildProcess, what: string, logFile?: string): Promise<string> {
  return new Promise((ok, fail) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('utf8');
      const i = buf.indexOf('\n');
      if (i >= 0) {
        proc.stdout!.off('data', onData);
        ok(buf.slice(0, i));
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => setTimeout(() => {
      let log = '';
      try { log = logFile ? readFileSync(logFile, 'utf8').slice(-3000) : ''; } catch { /* no log yet */ }
      fail(new Error(`${what} exited ${code} before it was ready${logFile ? `; ${logFile}:\n${log}` : ''}`));
    }, 200));
  });
}

export async function startLabCollector(lab: Lab, bin: string, dataDir: string): Promise<LabCollector> {
  const logFile = join(dataDir, 'collector.log');
  // the Node flags of the bundle's shebang, under this Node (PATH's node may be another one)
  const flags = /^#!.*\bnode\b(.*)$/m.exec(readFileSync(bin, 'utf8').slice(0, 200))?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
  const proc = lab.spawn('collector', process.execPath, [...flags, bin, 'serve', '--data', dataDir, '--agent-host', '::', '--agent-port', '0',
    '--api-host', '127.0.0.1', '--api-port', '0', '--json', '--log-level', 'info']);
  proc.stderr!.pipe(createWriteStream(logFile));
  const info = JSON.parse(await firstLine(proc, 'the collector', logFile));
  const apiSocket = join(dataDir, 'api.sock');
  const fwd = lab.spawn('collector', process.execPath, ['-e', UNIX_FORWARDER, apiSocket, new URL(info.api_url).port]);
  await firstLine(fwd, 'the API forwarder');
  return {
    proc, dataDir, logFile, apiSocket,
    agentPort: info.agent_port,
    agentUrl: `wss://${lab.v4.collector}:${info.agent_port}`,
    fingerprint: info.fingerprint,
    adminToken: info.admin_token,
    certPem: readFileSync(join(dataDir, 'tls', 'collector.crt'), 'utf8'),
  };
}

/** A call to the lab collector's REST API, as the harness's api() but through the Unix socket. */
export async function labApi<T = any>(c: LabCollector, path: string, opts: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((ok, fail) => {
    const req = request({
      socketPath: c.apiSocket, path, method: opts.method ?? 'GET', ca: [c.certPem], checkServerIdentity: () => undefined,
      headers: { authorization: `Bearer ${c.adminToken}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any = text;
        try { body = JSON.parse(text); } catch { /* not JSON */ }
        ok({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/** Enrolls an agent state directory in the agent namespace; returns the agent id. */
export async function enrollLabAgent(lab: Lab, c: LabCollector, bins: { collector: string; agent: string }, stateDir: string): Promise<string> {
  const tok = await new Promise<string>((ok, fail) => execFile(process.execPath, [bins.collector, 'enroll-token', 'create', '--data', c.dataDir, '--json'],
    (err, stdout, stderr) => (err ? fail(new Error(`enroll-token create failed: ${stderr}`)) : ok(JSON.parse(stdout).token))));
  const r = await lab.exec('agent', process.execPath, [bins.agent, 'enroll', '--collector', c.agentUrl, '--token', tok, '--fingerprint', c.fingerprint, '--state', stateDir, '--json']);
  if (r.code !== 0) throw new Error(`xdr-agent enroll in ${lab.ns.agent} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout).agentId;
}

export interface LabAgent {
  proc: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** `xdr-agent run` in the agent namespace, with synthetic events so that streaming shows. */
export async function startLabAgent(lab: Lab, bin: string, stateDir: string, extra: string[] = ['--no-sensors', '--synthetic', '20']): Promise<LabAgent> {
  const logFile = join(stateDir, `agent-${Date.now()}.log`);
  const proc = lab.spawn('agent', process.execPath, [bin, 'run', '--state', stateDir, ...extra]);
  const out = createWriteStream(logFile);
  proc.stdout!.pipe(out);
  proc.stderr!.pipe(out);
  return {
    proc, logFile,
    stop: () => new Promise<void>((r) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return r();
      proc.once('exit', () => r());
      proc.kill('SIGTERM');
    }),
  };
}

/**
 * The Isolation class in a process of its own inside the agent namespace
 * (agent/src/response/isolation/testing/driver.ts, bundled into build/run): for tests and the
 * benchmark when the isolate action cannot go through the API.
 */
export class IsolationDriver {
  private readonly lines: AsyncIterator<string>;
  private constructor(readonly proc: ChildProcess) {
    this.lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }

  /** Bundles the driver; returns the bundle's path (remove it when done). */
  static async bundle(root: string): Promise<string> {
    const { build } = await import('esbuild');
    const outfile = join(root, 'build/run', `isolation-driver-${process.pid}.mjs`);
    await build({
      entryPoints: [join(root, 'agent/src/response/isolation/testing/driver.ts')], outfile,
      bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning',
    });
    return outfile;
  }

  static async start(lab: Lab, bundle: string, stateDir: string, collectorUrl: string): Promise<IsolationDriver> {
    const proc = lab.spawn('agent', process.execPath, [bundle, stateDir, collectorUrl], { stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stderr!.pipe(createWriteStream(join(stateDir, 'isolation-driver.log'), { flags: 'a' }));
    const d = new IsolationDriver(proc);
    await d.next();
    return d;
  }

  private async next(): Promise<any> {
    const r = await this.lines.next();
    if (r.done) throw new Error('the isolation driver exited');
    return JSON.parse(r.value);
  }

  /** One operation; `ms` is the time the Isolation method took inside the driver. */
  async call(op: 'isolate' | 'restore' | 'reapply', params?: object): Promise<{ ok: boolean; result?: any; error?: string; isolated: boolean; ms: number }> {
    this.proc.stdin!.write(`${JSON.stringify({ op, params })}\n`);
    return this.next();
  }

  stop(): Promise<void> {
    return new Promise((r) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) return r();
      this.proc.once('exit', () => r());
      this.proc.stdin!.end();
    });
  }
}
