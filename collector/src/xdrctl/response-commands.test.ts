// xdrctl's response commands against a stand-in of the response API (plain http on loopback,
// the shapes of collector/src/response/README.md), so that the command line's own behaviour
// (arguments, waiting, downloads, the terminal, exit statuses) is tested apart from the real
// collector and agent, which test/e2e/response-actions.test.ts drives.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { runXdrctl } from './commands.js';
import { parseAllow, parseResponseArgs, parseWaitTimeout, type Action } from './response-commands.js';
import { UsageError } from './args.js';

const TOKEN = `xdr_${'a'.repeat(43)}`;

interface Fake {
  actions: Map<string, Action>;
  /** per action id: the states GET returns next, one per call */
  plan: Map<string, Array<Partial<Action>>>;
  bodies: unknown[];
  shellIn: Buffer[];
  resizes: unknown[];
  /** the next POST /responses answers this error */
  failNext?: { status: number; code: string; message: string };
  /** what a new action's plan is, by kind */
  planFor: (a: Action) => Array<Partial<Action>>;
}

let server: Server;
let env: Record<string, string>;
let fake: Fake;
let seq = 0;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

function newAction(body: Record<string, any>): Action {
  const at = new Date().toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`, agent_id: 'agent-1', hostname: body.agent_id === 'agent-1' ? 'web-1' : body.agent_id,
    action: body.action, params: body.params ?? {}, status: 'queued', reason: body.reason ?? null, requested_by: 'alice', requested_at: at,
    approved_by: null, approved_at: null, sent_at: null, started_at: null, finished_at: null, expires_at: at, result: null, error: null, refused: false,
  };
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { error: { code: 'XDR_UNAUTHORIZED', message: 'bad token' } });
  const url = new URL(req.url!, 'http://x');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/api/v1/agents') return send(res, 200, [{ id: 'agent-1', hostname: 'web-1' }, { id: 'agent-2', hostname: 'db-1' }]);
  if (req.method === 'POST' && path === '/api/v1/responses') {
    const body = await readBody(req) as Record<string, any>;
    fake.bodies.push(body);
    if (fake.failNext) { const f = fake.failNext; fake.failNext = undefined; return send(res, f.status, { error: { code: f.code, message: f.message } }); }
    const a = newAction(body);
    fake.actions.set(a.id, a);
    fake.plan.set(a.id, fake.planFor(a));
    return send(res, 201, a);
  }
  if (req.method === 'GET' && path === '/api/v1/responses') {
    fake.bodies.push(Object.fromEntries(url.searchParams));
    const status = url.searchParams.get('status')?.split(',');
    const items = [...fake.actions.values()].reverse().filter((a) => !status || status.includes(a.status));
    return send(res, 200, { items, next_cursor: null });
  }
  const m = /^\/api\/v1\/responses\/([^/]+)(?:\/(\w+))?$/.exec(path);
  const a = m ? fake.actions.get(m[1]!) : undefined;
  if (!m || !a) return send(res, 404, { error: { code: 'XDR_NOT_FOUND', message: `no ${path}` } });
  if (req.method === 'GET' && !m[2]) {
    const next = fake.plan.get(a.id)!.shift();
    if (next) Object.assign(a, next);
    return send(res, 200, a);
  }
  if (req.method === 'GET' && m[2] === 'file') {
    res.writeHead(200, { 'content-type': 'application/zip', 'x-file-sha256': a.file!.sha256, 'x-file-size': String(a.file!.size) });
    return res.end(Buffer.from('PK\u0003\u0004 not really a zip'));
  }
  if (req.method === 'POST' && ['approve', 'deny', 'cancel'].includes(m[2]!)) {
    fake.bodies.push(await readBody(req));
    if (m[2] === 'approve' && a.requested_by === 'alice') return send(res, 403, { error: { code: 'XDR_SELF_APPROVAL', message: 'alice requested this action; another responder must approve it' } });
    a.status = m[2] === 'approve' ? 'queued' : 'cancelled';
    return send(res, 200, a);
  }
  return send(res, 404, { error: { code: 'XDR_NOT_FOUND', message: `no ${path}` } });
}

beforeAll(async () => {
  server = createServer((req, res) => { handle(req, res).catch((err) => send(res, 500, { error: { code: 'XDR_INTERNAL', message: String(err) } })); });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const m = /^\/api\/v1\/responses\/([^/]+)\/shell$/.exec(req.url ?? '');
    if (req.headers.authorization !== `Bearer ${TOKEN}` || !m) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{"error":{"code":"XDR_FORBIDDEN","message":"no shell for you"}}');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const id = m[1]!;
      ws.on('message', (data: Buffer, isBinary) => {
        if (!isBinary) { fake.resizes.push(JSON.parse(data.toString())); return; }
        fake.shellIn.push(data);
        ws.send(data, { binary: true }); // the remote echo
        ws.send(JSON.stringify({ type: 'status' })); // control text never reaches the terminal
        if (Buffer.concat(fake.shellIn).toString().includes('exit\r')) {
          Object.assign(fake.actions.get(id)!, { status: 'succeeded', result: { exit_code: 7, duration_ms: 5, reason: 'the shell exited' } });
          ws.close(1000, 'the shell exited');
        }
      });
      ws.on('close', () => {
        const a = fake.actions.get(id)!;
        if (a.status === 'running') Object.assign(a, { status: 'succeeded', result: { exit_code: null, duration_ms: 5, reason: 'closed by the responder' } });
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  env = { XDR_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, XDR_TOKEN: TOKEN };
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  fake = { actions: new Map(), plan: new Map(), bodies: [], shellIn: [], resizes: [], planFor: () => [{ status: 'sent' }, { status: 'succeeded', result: {} }] };
});

async function run(argv: string[], extra: { tty?: any; signal?: AbortSignal } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runXdrctl(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t), ...extra });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('argument parsing', () => {
  it('reads --allow entries: CIDRs, ports, protocol, bracketed IPv6', () => {
    expect(parseAllow('10.0.0.0/8')).toEqual({ cidr: '10.0.0.0/8' });
    expect(parseAllow('192.0.2.10:22,443/tcp')).toEqual({ cidr: '192.0.2.10', ports: [22, 443], protocol: 'tcp' });
    expect(parseAllow('10.1.0.0/16:53/udp')).toEqual({ cidr: '10.1.0.0/16', ports: [53], protocol: 'udp' });
    expect(parseAllow('2001:db8::/32')).toEqual({ cidr: '2001:db8::/32' });
    expect(parseAllow('2001:db8::/32:443')).toEqual({ cidr: '2001:db8::/32', ports: [443] });
    expect(parseAllow('[2001:db8::1]:443,8443')).toEqual({ cidr: '2001:db8::1', ports: [443, 8443] });
    expect(parseAllow('::1')).toEqual({ cidr: '::1' });
    expect(() => parseAllow('10.0.0.300')).toThrow(/not an IPv4 or IPv6/);
    expect(() => parseAllow('10.0.0.0/8:99999')).toThrow(/1-65535/);
    expect(() => parseAllow('example.com')).toThrow(UsageError);
  });

  it('takes repeatable options, -o, boolean flags anywhere and keeps ARGS after --', () => {
    const a = parseResponseArgs(['h', '--allow', '1.2.3.4', '--allow-dns', '--allow=5.6.7.8', '-o', 'f', '--', '--json', 'x'], {
      usage: 'u', positionals: [1, 1], flags: ['allow-dns'], options: ['output'], repeatable: ['allow'], short: { o: 'output' }, rest: true,
    });
    expect(a.positionals).toEqual(['h']);
    expect(a.multi.get('allow')).toEqual(['1.2.3.4', '5.6.7.8']);
    expect(a.flags.has('allow-dns')).toBe(true);
    expect(a.options.get('output')).toBe('f');
    expect(a.rest).toEqual(['--json', 'x']);
    expect(() => parseResponseArgs(['h', '--nope', '1'], { usage: 'u', positionals: [1, 1] })).toThrow(/unknown option --nope/);
    expect(() => parseResponseArgs([], { usage: 'xdrctl kill HOST ENTITY_ID', positionals: [1, 1] })).toThrow(/usage: xdrctl kill/);
    expect(parseWaitTimeout('90', 1)).toBe(90_000);
    expect(parseWaitTimeout('2m', 1)).toBe(120_000);
    expect(() => parseWaitTimeout('soon', 1)).toThrow(/--timeout/);
  });
});

describe('xdrctl response commands', () => {
  it('isolate sends the allowlist and, with --wait, reports the rules in effect', async () => {
    fake.planFor = () => [{ status: 'sent' }, { status: 'running' },
      { status: 'succeeded', result: { isolated: true, table: 'inet xdr_isolation', collector: '127.0.0.1:8444', allow: [{ cidr: '10.0.0.0/8', ports: [22] }], verified_ms: 12 } }];
    const r = await run(['isolate', 'agent-1', '--allow', '10.0.0.0/8:22', '--allow-dns', '--reason', 'C2 beacon', '--wait']);
    expect(r.code).toBe(0);
    expect(fake.bodies[0]).toEqual({ agent_id: 'agent-1', action: 'isolate', params: { allow: [{ cidr: '10.0.0.0/8', ports: [22] }], allow_dns: true }, reason: 'C2 beacon' });
    expect(r.out).toMatch(/web-1 is isolated \(nftables table inet xdr_isolation.*12 ms; also allowed: 10\.0\.0\.0\/8:22\)/);
    expect(r.err).toMatch(/was sent to the agent/);
    const bad = await run(['isolate', 'web-1', '--allow', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--allow "nope"/);
  });

  it('without --wait prints the queued action; --json the API object', async () => {
    const r = await run(['restore', 'web-1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^restore \S+ on web-1: queued; follow it with: xdrctl actions --watch$/);
    const j = await run(['kill', 'web-1', 'abcdefghi0123456789ABCDEF', '--signal', 'term', '--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toMatchObject({ action: 'kill_process', params: { entity_id: 'abcdefghi0123456789ABCDEF', signal: 'SIGTERM' } });
  });

  it('says what the API refused, with its code', async () => {
    fake.failNext = { status: 403, code: 'XDR_FORBIDDEN', message: 'role viewer may not create response actions (needs responder)' };
    const r = await run(['restore', 'web-1']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('xdrctl: role viewer may not create response actions (needs responder) (XDR_FORBIDDEN, HTTP 403)');
  });

  it('an action the agent refused exits 1 with the agent\'s reason', async () => {
    fake.planFor = () => [{ status: 'failed', refused: true, error: 'run_script is disabled by this agent\'s policy (response.deny)' }];
    const dir = mkdtempSync(join(tmpdir(), 'xdrctl-'));
    writeFileSync(join(dir, 's.sh'), 'id\n');
    const r = await run(['script', 'web-1', join(dir, 's.sh')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/run_script on web-1 failed \(refused by the agent\): run_script is disabled by this agent's policy/);
  });

  it('collect waits, saves the zip and prints size and sha256', async () => {
    const sha = 'ab'.repeat(32);
    fake.planFor = (a) => [{ status: 'running' }, { status: 'succeeded', result: { path: '/etc/hosts', size: 42, sha256: sha }, file: { path: a.params.path as string, size: 42, sha256: sha } }];
    const dir = mkdtempSync(join(tmpdir(), 'xdrctl-'));
    const r = await run(['collect', 'web-1', '/etc/hosts', '-o', join(dir, 'hosts.zip')]);
    expect(r.code).toBe(0);
    expect(fake.bodies[0]).toMatchObject({ action: 'collect_file', params: { path: '/etc/hosts' } });
    expect(readFileSync(join(dir, 'hosts.zip'), 'utf8')).toContain('not really a zip');
    expect(r.out).toContain('size    42');
    expect(r.out).toContain(`sha256  ${sha}`);
    expect((await run(['collect', 'web-1', '/etc/hosts'])).err).toMatch(/-o FILE is required/);
  });

  it('script prints the output, passes ARGS and exits with the script\'s status; 124 on timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xdrctl-'));
    writeFileSync(join(dir, 's.py'), '#!/usr/bin/env python3\nimport sys\nprint(sys.argv)\n');
    fake.planFor = () => [{ status: 'running' }, { status: 'succeeded', result: { exit_code: 3, signal: null, timed_out: false, duration_ms: 9, stdout: 'out line\n', stderr: 'err line\n', stdout_truncated: false, stderr_truncated: false } }];
    const r = await run(['script', 'web-1', join(dir, 's.py'), '--timeout', '5', '--', '-x', '--json']);
    expect(r.code).toBe(3);
    expect(fake.bodies[0]).toMatchObject({ action: 'run_script', params: { interpreter: 'python3', args: ['-x', '--json'], timeout_s: 5 } });
    expect(r.out).toBe('out line');
    expect(r.err).toContain('err line');
    fake.planFor = () => [{ status: 'succeeded', result: { exit_code: null, signal: 'SIGKILL', timed_out: true, duration_ms: 5000, stdout: '', stderr: '', stdout_truncated: false, stderr_truncated: false } }];
    const t = await run(['script', 'web-1', join(dir, 's.py'), '--interpreter', 'sh']);
    expect(t.code).toBe(124);
    expect(t.err).toMatch(/ran past its 60 s timeout/);
    expect(fake.bodies.at(-1)).toMatchObject({ params: { interpreter: 'sh' } });
  });

  it('gives up waiting after --timeout with exit status 3, leaving the action', async () => {
    fake.planFor = () => Array.from({ length: 100 }, () => ({ status: 'queued' as const }));
    const r = await run(['isolate', 'web-1', '--wait', '--timeout', '1']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/is still queued after 1 s; it goes on/);
  });

  it('shell: raw mode, bytes both ways, resize, Ctrl-] ends it and restores the terminal', async () => {
    fake.planFor = () => [{ status: 'sent' }, { status: 'running' }];
    const input = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[], setRawMode(v: boolean) { this.raw.push(v); return this; } });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 });
    const seen: Buffer[] = [];
    output.on('data', (d: Buffer) => {
      seen.push(d);
      if (Buffer.concat(seen).toString() === 'id\r') {
        output.columns = 100;
        output.emit('resize');
        setTimeout(() => input.write(Buffer.from([0x1d])), 50);
      }
    });
    const done = run(['shell', 'web-1'], { tty: { input, output } });
    await new Promise((r) => setTimeout(r, 300));
    input.write('id\r');
    const r = await done;
    expect(r.code).toBe(0);
    expect(fake.bodies[0]).toMatchObject({ action: 'shell', params: { cols: 120, rows: 40 } });
    expect(Buffer.concat(fake.shellIn).toString()).toBe('id\r');
    expect(Buffer.concat(seen).toString()).toBe('id\r');
    expect(fake.resizes).toEqual([{ type: 'resize', cols: 100, rows: 40 }]);
    expect(input.raw).toEqual([true, false]);
    expect(r.err).toMatch(/ended: closed with Ctrl-\]; status succeeded/);
  });

  it('shell ends with the remote shell and exits with its status', async () => {
    fake.planFor = () => [{ status: 'running' }];
    const input = Object.assign(new PassThrough(), { isTTY: false });
    const output = Object.assign(new PassThrough(), { isTTY: false });
    output.resume();
    const done = run(['shell', 'web-1'], { tty: { input, output } });
    await new Promise((r) => setTimeout(r, 300));
    input.write('exit\r');
    const r = await done;
    expect(r.code).toBe(7);
    expect(r.err).toMatch(/ended: the shell exited, exit status 7/);
  });

  it('actions lists a table, filters by hostname, and --watch shows status changes', async () => {
    await run(['restore', 'web-1']);
    await run(['restore', 'web-1']);
    const t = await run(['actions', '--host', 'web-1', '--status', 'queued']);
    expect(t.code).toBe(0);
    expect(t.out.split('\n')[0]).toMatch(/^ID\s+HOST\s+ACTION\s+STATUS\s+BY\s+REQUESTED\s+RESULT$/);
    expect(t.out.split('\n')).toHaveLength(3);
    expect(fake.bodies.at(-1)).toMatchObject({ agent_id: 'agent-1', status: 'queued' });
    expect((await run(['actions', '--host', 'nowhere'])).err).toMatch(/no agent has the id or hostname "nowhere"/);

    const [first] = [...fake.actions.values()];
    const ac = new AbortController();
    const out: string[] = [];
    const watching = runXdrctl(['actions', '--watch', '--interval', '1'], env, { out: (s) => out.push(s), err: () => {}, signal: ac.signal });
    await new Promise((r) => setTimeout(r, 200));
    first!.status = 'succeeded';
    first!.result = { isolated: false, removed: true };
    await new Promise((r) => setTimeout(r, 1300));
    ac.abort();
    expect(await watching).toBe(0);
    expect(out.at(-1)).toMatch(new RegExp(`${first!.id}  restore on web-1: queued -> succeeded  \\(removed\\)`));
  });

  it('actions approve / deny / cancel, and the API\'s refusal of self-approval', async () => {
    await run(['restore', 'web-1']);
    const [a] = [...fake.actions.values()];
    const self = await run(['actions', 'approve', a!.id]);
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/another responder must approve it \(XDR_SELF_APPROVAL, HTTP 403\)/);
    const deny = await run(['actions', 'deny', a!.id, '--reason', 'not needed']);
    expect(deny.out).toMatch(/restore \S+ on web-1 denied: now cancelled/);
    expect(fake.bodies.at(-1)).toEqual({ reason: 'not needed' });
    expect((await run(['actions', 'cancel', a!.id])).code).toBe(0);
    expect((await run(['actions', 'frob', a!.id])).code).toBe(2);
  });

  it('help needs no collector', async () => {
    const out: string[] = [];
    expect(await runXdrctl(['collect', '--help'], {}, { out: (s) => out.push(s), err: () => {} })).toBe(0);
    expect(out.join('')).toContain('usage: xdrctl collect HOST PATH -o FILE');
    const all: string[] = [];
    await runXdrctl(['--help'], {}, { out: (s) => all.push(s), err: () => {} });
    expect(all.join('')).toContain('shell HOST [--reason R]');
  });
});
