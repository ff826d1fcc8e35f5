// Response actions end to end: a real collector and real agents, each action asked for through
// the API and through xdrctl, executed on this host, and followed to its final status: collect a
// file (the zip opens with the password "infected"), run a script, kill a process found through
// the events API, a shell over the WebSocket; refusals (agent policy, role, approval), an offline
// agent's queue, expiry. Isolation has its own network-namespace test. Needs root (netlink).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import {
  BIN, api, enrollAgent, pinnedCa, run, runOk, sensorlessAgentConfig, startAgent, startCollector, tempDir, waitFor,
  type AgentProcess, type CollectorProcess,
} from './harness.js';

const FINAL = ['succeeded', 'failed', 'expired', 'cancelled'];
const isRoot = process.getuid?.() === 0;

let c: CollectorProcess;
/** the main agent: process sensor on, default response policy */
let agent: AgentProcess;
let agentId: string;
/** the strict agent: no sensors, `response.refuse: [shell]`; stopped and started by the offline test */
let strict: AgentProcess;
let strictId: string;
let strictState: string;
let strictConfig: string;
const tokens: Record<'alice' | 'bob' | 'viewer' | 'analyst', string> = { alice: '', bob: '', viewer: '', analyst: '' };
const children: ChildProcess[] = [];

function token(role: string, user: string): Promise<string> {
  return runOk(BIN.collector, ['token', 'create', '--role', role, '--user', user, '--data', c.dataDir, '--json']).then((o) => JSON.parse(o).token);
}

async function online(id: string, want = true): Promise<void> {
  await waitFor(`agent ${id} ${want ? 'online' : 'offline'}`, async () => (await api(c, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === id && a.online === want), 60_000);
}

beforeAll(async () => {
  c = await startCollector(tempDir('response'));
  [tokens.alice, tokens.bob, tokens.viewer, tokens.analyst] = await Promise.all([
    token('responder', 'alice'), token('responder', 'bob'), token('viewer', 'vic'), token('analyst', 'ann'),
  ]);

  const state = tempDir('response-agent');
  agentId = await enrollAgent(c, state);
  const config = join(state, 'agent.yaml');
  writeFileSync(config, [
    'sensors:',
    '  file:',
    `    paths: [${tempDir('response-watched')}]`,
    '  login:',
    '    enabled: false',
    '  network:',
    '    enabled: false',
  ].join('\n'));
  agent = startAgent(state, ['--config', config, '--log-level', 'info']);

  strictState = tempDir('response-strict');
  strictId = await enrollAgent(c, strictState);
  strictConfig = join(strictState, 'agent.yaml');
  writeFileSync(strictConfig, sensorlessAgentConfig(['refuse: [shell]']));
  strict = startAgent(strictState, ['--config', strictConfig, '--log-level', 'info']);
  await Promise.all([online(agentId), online(strictId)]);
  await new Promise((r) => setTimeout(r, 1500)); // sensors started
}, 180_000);

/** SIGTERM, and SIGKILL if it has not exited within 20 s (said on stderr: a stop that hangs is a bug). */
async function stop(p: { stop(): Promise<void>; kill9(): Promise<void>; logFile: string } | undefined, name: string): Promise<void> {
  if (!p) return;
  const hung = await Promise.race([p.stop().then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 20_000))]);
  if (hung) {
    console.error(`${name} did not exit within 20 s of SIGTERM; killed (log: ${p.logFile})`);
    await p.kill9();
  }
}

afterAll(async () => {
  for (const p of children) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  await Promise.all([stop(agent, 'the agent'), stop(strict, 'the strict agent')]);
  await stop(c, 'the collector');
}, 90_000);

type Action = Record<string, any>;

async function respond(body: Record<string, unknown>, who: keyof typeof tokens = 'alice'): Promise<Action> {
  const r = await api(c, '/api/v1/responses', { method: 'POST', token: tokens[who], body });
  if (r.status !== 201) throw new Error(`POST /responses ${JSON.stringify(body).slice(0, 200)} -> ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function action(id: string): Promise<Action> {
  const r = await api(c, `/api/v1/responses/${id}`, { token: tokens.alice });
  if (r.status !== 200) throw new Error(`GET /responses/${id} -> ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

// Generous bounds: these are liveness checks, and a loaded CI machine stretches every step.
function until(id: string, pred: (a: Action) => boolean, what: string, timeoutMs = 90_000): Promise<Action> {
  return waitFor(`action ${id} ${what}`, async () => { const a = await action(id); return pred(a) ? a : undefined; }, timeoutMs, 100);
}

const final = (id: string, timeoutMs?: number) => until(id, (a) => FINAL.includes(a.status), 'final', timeoutMs);

const ctl = (args: string[], who: keyof typeof tokens = 'alice') => run(BIN.xdrctl, args, { XDR_URL: c.apiUrl, XDR_TOKEN: tokens[who], XDR_FINGERPRINT: c.fingerprint });

/** GET as bytes (the zip), pinned to the collector's certificate. */
function download(path: string, who: keyof typeof tokens = 'alice'): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(new URL(path, c.apiUrl), { ca: [pinnedCa(c)], checkServerIdentity: () => undefined, headers: { authorization: `Bearer ${tokens[who]}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

async function unzipWith(zip: Buffer, password: string | undefined): Promise<{ name: string; data: Buffer }[]> {
  const reader = new ZipReader(new BlobReader(new Blob([zip])), password ? { password } : {});
  try {
    const out = [];
    for (const e of await reader.getEntries()) {
      if (e.directory) continue;
      out.push({ name: e.filename, data: Buffer.from(await e.getData!(new Uint8ArrayWriter())) });
    }
    return out;
  } finally {
    await reader.close();
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A `sleep 300` of ours and its process.entity_id as the events API has it. */
async function sleeper(): Promise<{ proc: ChildProcess; entityId: string }> {
  const marker = String(300 + Math.floor(Math.random() * 1000));
  const proc = spawn('sleep', [marker], { stdio: 'ignore' });
  children.push(proc);
  const ev = await waitFor(`the process_started event of sleep ${marker}`, async () => {
    const r = await api(c, `/api/v1/events?agent.id=${agentId}&process.pid=${proc.pid}&event.action=process_started&limit=5`);
    return r.status === 200 ? r.body.events.find((e: Record<string, unknown>) => e['process.name'] === 'sleep') : undefined;
  }, 60_000, 200);
  return { proc, entityId: ev['process.entity_id'] };
}

function exitOf(proc: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve({ code: proc.exitCode, signal: proc.signalCode });
  return new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal })));
}

/** The shell WebSocket, authenticated as a client other than a browser does it: the Authorization header. */
function shellSocket(id: string, headers: Record<string, string>, protocols?: string[]): Promise<WebSocket | { status: number; body: string }> {
  const url = `${c.apiUrl.replace(/^https:/, 'wss:').replace(/\/+$/, '')}/api/v1/responses/${id}/shell`;
  return new Promise((ok, fail) => {
    const ws = new WebSocket(url, protocols, { headers, ca: [pinnedCa(c)], checkServerIdentity: () => undefined } as unknown as WebSocket.ClientOptions);
    ws.once('open', () => ok(ws));
    ws.once('unexpected-response', (req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        req.destroy(); // a refused upgrade leaves its connection to us
        ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    ws.once('error', fail);
  });
}

function terminal(ws: WebSocket) {
  let text = '';
  ws.on('message', (d: Buffer, binary) => { if (binary) text += d.toString('utf8'); });
  return {
    get text() { return text; },
    expect: (re: RegExp, timeoutMs = 10_000) => waitFor(`terminal output ${re}`, async () => re.test(text) && text, timeoutMs, 20),
  };
}

describe('response actions end to end', { skip: !isRoot, timeout: 180_000 }, () => {
  it('collect_file: the file reaches the evidence store and downloads as a zip with the password "infected"', async () => {
    const dir = tempDir('response-evidence');
    const file = join(dir, 'sample.bin');
    const content = randomBytes(600 * 1024); // over two 256 KiB chunks
    writeFileSync(file, content);
    const a = await respond({ agent_id: agentId, action: 'collect_file', params: { path: file }, reason: 'suspicious binary' });
    expect(a).toMatchObject({ agent_id: agentId, action: 'collect_file', requested_by: 'alice', reason: 'suspicious binary' });
    const done = await final(a.id);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    expect(done.file).toMatchObject({ path: file, size: content.length, sha256: sha256(content) });
    expect(done.result).toMatchObject({ size: content.length, sha256: sha256(content) });

    const zip = await download(`/api/v1/responses/${a.id}/file`);
    expect(zip.status).toBe(200);
    expect(zip.headers['x-file-sha256']).toBe(sha256(content));
    expect(Number(zip.headers['x-file-size'])).toBe(content.length);
    const entries = await unzipWith(zip.body, 'infected');
    expect(entries.map((e) => e.name).sort()).toEqual(['metadata.json', 'sample.bin']);
    expect(sha256(entries.find((e) => e.name === 'sample.bin')!.data)).toBe(sha256(content));
    expect(JSON.parse(entries.find((e) => e.name === 'metadata.json')!.data.toString('utf8'))).toMatchObject({ path: file, sha256: sha256(content) });
    await expect(unzipWith(zip.body, undefined)).rejects.toThrow(); // encrypted: no password, no content
    if (spawnSync('unzip', ['-v']).status === 0) {
      const zipFile = join(dir, 'a.zip');
      writeFileSync(zipFile, zip.body);
      const u = spawnSync('unzip', ['-P', 'infected', '-p', zipFile, 'sample.bin'], { maxBuffer: 8 * 1024 * 1024 });
      expect(u.status, u.stderr?.toString()).toBe(0);
      expect(sha256(u.stdout)).toBe(sha256(content));
    }
    expect((await download(`/api/v1/responses/${a.id}/file`, 'viewer')).status).toBe(403);

    // xdrctl: waits, saves the zip, prints size and sha256
    const out = join(dir, 'via-xdrctl.zip');
    const r = await ctl(['collect', agentId, file, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`sha256  ${sha256(content)}`);
    expect(r.stdout).toContain(`size    ${content.length}`);
    expect(sha256((await unzipWith(readFileSync(out), 'infected')).find((e) => e.name === 'sample.bin')!.data)).toBe(sha256(content));

    const missing = await respond({ agent_id: agentId, action: 'collect_file', params: { path: join(dir, 'no-such-file') } });
    const m = await final(missing.id);
    expect(m.status).toBe('failed');
    expect(m.error).toMatch(/no-such-file/);
  });

  it('run_script: stdout, stderr, exit code, arguments, and the timeout', async () => {
    const a = await respond({ agent_id: agentId, action: 'run_script', params: { interpreter: 'sh', script: 'echo "hello $1"; echo oops >&2; exit 3', args: ['world'] } });
    const done = await final(a.id);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    expect(done.result).toMatchObject({ exit_code: 3, timed_out: false, stdout: 'hello world\n', stderr: 'oops\n' });

    const slow = await respond({ agent_id: agentId, action: 'run_script', params: { interpreter: 'bash', script: 'echo started; sleep 30', timeout_s: 1 } });
    const timedOut = await final(slow.id);
    expect(timedOut.result, JSON.stringify(timedOut)).toMatchObject({ timed_out: true, stdout: 'started\n' });
    expect(timedOut.result.duration_ms).toBeLessThan(10_000); // killed at 1 s, not after the 30 s sleep

    // xdrctl prints the output and exits with the script's exit code; a script that outlives its timeout exits 124
    const dir = tempDir('response-script');
    writeFileSync(join(dir, 'ok.sh'), '#!/bin/sh\necho "args: $*"\nexit 5\n');
    const r = await ctl(['script', agentId, join(dir, 'ok.sh'), '--', 'a b', '--c']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('args: a b --c\n');
    writeFileSync(join(dir, 'slow.sh'), 'sleep 30\n');
    const slowCtl = await ctl(['script', agentId, join(dir, 'slow.sh'), '--timeout', '1']);
    expect(slowCtl.code, slowCtl.stderr).toBe(124);
    expect(slowCtl.stderr).toMatch(/timeout/);
  });

  it('kill_process: a real process found through the events API, by entity id', async () => {
    const { proc, entityId } = await sleeper();
    expect(entityId).toMatch(/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/);
    const a = await respond({ agent_id: agentId, action: 'kill_process', params: { entity_id: entityId } });
    const done = await final(a.id);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    expect(done.result).toMatchObject({ pid: proc.pid, entity_id: entityId, signal: 'SIGKILL' });
    expect(await exitOf(proc)).toEqual({ code: null, signal: 'SIGKILL' });

    // the same entity again: it has exited, nothing is signalled
    const again = await final((await respond({ agent_id: agentId, action: 'kill_process', params: { entity_id: entityId } })).id);
    expect(again.status).toBe('failed');
    expect(again.error).toMatch(/exited|not running|no running process/);

    // xdrctl, SIGTERM, waiting
    const other = await sleeper();
    const r = await ctl(['kill', agentId, other.entityId, '--signal', 'SIGTERM', '--wait']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`sent SIGTERM to pid ${other.proc.pid}`));
    expect(await exitOf(other.proc)).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('shell: a terminal over the WebSocket runs `id`, resizes, exits; the transcript is kept', async () => {
    const a = await respond({ agent_id: agentId, action: 'shell', params: { cols: 80, rows: 24 } });
    await until(a.id, (x) => x.status === 'running' || FINAL.includes(x.status), 'running');

    // no token, a token in the URL, a viewer's token: refused before any terminal byte flows
    const none = await shellSocket(a.id, {});
    expect(none).toMatchObject({ status: 401 });
    const viewer = await shellSocket(a.id, { authorization: `Bearer ${tokens.viewer}` });
    expect(viewer).toMatchObject({ status: 403 });

    const ws = await shellSocket(a.id, { authorization: `Bearer ${tokens.alice}` });
    expect(ws).toBeInstanceOf(WebSocket);
    const sock = ws as WebSocket;
    const term = terminal(sock);
    sock.send(JSON.stringify({ type: 'resize', cols: 132, rows: 43 }));
    await new Promise((r) => setTimeout(r, 200));
    sock.send(Buffer.from('id; stty size\n'), { binary: true });
    await term.expect(/uid=0\(root\)[^\n]*\n(.*\n)*?\s*43 132/);
    const closed = new Promise<number>((r) => sock.once('close', (code) => r(code)));
    sock.send(Buffer.from('exit 0\n'), { binary: true });
    await closed;
    const done = await final(a.id);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    expect(done.result).toMatchObject({ exit_code: 0 });
    const transcript = await download(`/api/v1/responses/${a.id}/transcript`);
    expect(transcript.status).toBe(200);
    expect(transcript.body.toString('utf8')).toContain('uid=0(root)');
    expect(transcript.body.toString('utf8')).toContain('stty size'); // the keystrokes too

    // a browser authenticates with the subprotocol
    const b = await respond({ agent_id: agentId, action: 'shell' });
    await until(b.id, (x) => x.status === 'running', 'running');
    const viaProtocol = await shellSocket(b.id, {}, [`xdr-bearer.${tokens.alice}`]);
    expect(viaProtocol).toBeInstanceOf(WebSocket);
    const t2 = terminal(viaProtocol as WebSocket);
    (viaProtocol as WebSocket).send(Buffer.from('echo via-$((40+2))\n'), { binary: true });
    await t2.expect(/via-42/);
    // cancel closes an open shell
    expect((await api(c, `/api/v1/responses/${b.id}/cancel`, { method: 'POST', token: tokens.alice, body: {} })).status).toBe(200);
    await waitFor('the cancelled shell closed', async () => (viaProtocol as WebSocket).readyState === WebSocket.CLOSED, 10_000);
  });

  it('xdrctl shell carries the terminal both ways and exits with the remote shell\'s status', async () => {
    const proc = spawn(process.execPath, [BIN.xdrctl, 'shell', agentId], {
      env: { ...process.env, XDR_URL: c.apiUrl, XDR_TOKEN: tokens.alice, XDR_FINGERPRINT: c.fingerprint }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(proc);
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    await waitFor('xdrctl connected', async () => /connected to a shell/.test(err), 30_000, 50);
    proc.stdin!.write('id -un; exit 4\n');
    const exit = await exitOf(proc);
    expect(out).toMatch(/root/);
    expect(exit.code, err).toBe(4);
    expect(err).toMatch(/exit status 4/);
  });

  it('xdrctl shell in a real terminal: raw mode, the window size and its changes reach the host, Ctrl-] ends it', async () => {
    const pty = await import('node-pty');
    const term = pty.spawn(process.execPath, [BIN.xdrctl, 'shell', agentId], {
      cols: 100, rows: 30, env: { ...process.env, XDR_URL: c.apiUrl, XDR_TOKEN: tokens.alice, XDR_FINGERPRINT: c.fingerprint } as Record<string, string>,
    });
    let screen = '';
    term.onData((d) => { screen += d; });
    const exited = new Promise<number>((r) => term.onExit(({ exitCode }) => r(exitCode)));
    const shows = (re: RegExp) => waitFor(`the terminal to show ${re}`, async () => re.test(screen), 30_000, 20);
    try {
      await shows(/Ctrl-\] ends it/);
      term.write('stty size\r');
      await shows(/\b30 100\b/);
      term.resize(120, 40); // SIGWINCH for xdrctl, a resize message for the host's terminal
      await new Promise((r) => setTimeout(r, 300));
      term.write('stty size\r');
      await shows(/\b40 120\b/);
      term.write('\x1d'); // Ctrl-]
      expect(await exited).toBe(0);
      expect(screen).toMatch(/ended: closed with Ctrl-\]; status succeeded/);
    } finally {
      term.kill();
    }
  });

  it('refusals: agent policy, roles, approval by a second responder', async () => {
    // the strict agent's config refuses shell: failed, refused, with the policy's words
    const s = await final((await respond({ agent_id: strictId, action: 'shell' })).id);
    expect(s).toMatchObject({ status: 'failed', refused: true });
    expect(s.error).toMatch(/polic|refuse/i);
    expect(s.error).toMatch(/shell/);
    const r = await ctl(['shell', strictId]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused by the agent/);

    // roles: viewers and analysts read, they do not act
    for (const who of ['viewer', 'analyst'] as const) {
      const denied = await api(c, '/api/v1/responses', { method: 'POST', token: tokens[who], body: { agent_id: agentId, action: 'restore' } });
      expect(denied.status, who).toBe(403);
      expect(denied.body.error.code).toBe('XDR_FORBIDDEN');
    }
    const viaCtl = await ctl(['restore', agentId], 'viewer');
    expect(viaCtl.code).toBe(1);
    expect(viaCtl.stderr).toMatch(/XDR_FORBIDDEN, HTTP 403/);
    expect((await api(c, '/api/v1/responses', { token: tokens.viewer })).status).toBe(200);

    // bad parameters are refused before anything is queued, naming the field
    const bad = await api(c, '/api/v1/responses', { method: 'POST', token: tokens.alice, body: { agent_id: agentId, action: 'kill_process', params: { entity_id: 'nope' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/entity_id/);
    // a hostname two agents share names nobody in particular
    const hostname = (await api(c, `/api/v1/agents/${agentId}`)).body.hostname;
    const ambiguous = await api(c, '/api/v1/responses', { method: 'POST', token: tokens.alice, body: { agent_id: hostname, action: 'restore' } });
    expect(ambiguous.status).toBeGreaterThanOrEqual(400);
    expect(ambiguous.status).toBeLessThan(500);

    // approval: an admin requires it for run_script; the requester cannot approve, another responder can
    const put = await api(c, '/api/v1/responses/policy', { method: 'PUT', body: { approval_required: ['run_script'] } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await api(c, '/api/v1/responses/policy', { method: 'PUT', token: tokens.alice, body: { approval_required: [] } })).status).toBe(403);
    try {
      const p = await respond({ agent_id: agentId, action: 'run_script', params: { interpreter: 'sh', script: 'echo approved' } });
      expect(p.status).toBe('pending_approval');
      await new Promise((r) => setTimeout(r, 500));
      expect((await action(p.id)).status).toBe('pending_approval'); // nothing is sent meanwhile
      const self = await api(c, `/api/v1/responses/${p.id}/approve`, { method: 'POST', token: tokens.alice, body: {} });
      expect(self.status).toBe(403);
      expect(self.body.error.message).toMatch(/alice|own|requester/i);
      const selfCtl = await ctl(['actions', 'approve', p.id]);
      expect(selfCtl.code).toBe(1);
      expect((await api(c, `/api/v1/responses/${p.id}/approve`, { method: 'POST', token: tokens.viewer, body: {} })).status).toBe(403);
      const ok = await ctl(['actions', 'approve', p.id], 'bob');
      expect(ok.code, ok.stderr).toBe(0);
      const done = await final(p.id);
      expect(done).toMatchObject({ status: 'succeeded', approved_by: 'bob', result: { stdout: 'approved\n' } });

      const d = await respond({ agent_id: agentId, action: 'run_script', params: { interpreter: 'sh', script: 'echo denied' } });
      const denied = await ctl(['actions', 'deny', d.id, '--reason', 'not now'], 'bob');
      expect(denied.code, denied.stderr).toBe(0);
      expect((await action(d.id)).status).toBe('cancelled');
      // other kinds need no approval
      expect((await respond({ agent_id: agentId, action: 'kill_process', params: { entity_id: 'abcdefghi0123456789ABCDEF' } })).status).not.toBe('pending_approval');
    } finally {
      await api(c, '/api/v1/responses/policy', { method: 'PUT', body: { approval_required: [] } });
    }
  });

  it('an offline agent\'s actions wait in the queue, run when it reconnects, and expire if not sent in time', async () => {
    await strict.stop();
    await online(strictId, false);
    const marker = join(tempDir('response-offline'), `expired-${randomUUID()}`);
    const waiting = await respond({ agent_id: strictId, action: 'run_script', params: { interpreter: 'sh', script: 'echo delivered' } });
    const expiring = await respond({ agent_id: strictId, action: 'run_script', params: { interpreter: 'sh', script: `touch ${marker}` }, expires_in: 10 });
    expect(waiting.status).toBe('queued');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await action(waiting.id)).status).toBe('queued');
    const listed = await ctl(['actions', '--host', strictId, '--status', 'queued', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).items.map((i: Action) => i.id)).toEqual(expect.arrayContaining([waiting.id]));
    const exp = await until(expiring.id, (a) => a.status === 'expired', 'expired', 30_000);
    expect(exp.error).toMatch(/expired/);
    expect(exp.sent_at).toBeNull();

    strict = startAgent(strictState, ['--config', strictConfig, '--log-level', 'info']);
    await online(strictId);
    const done = await final(waiting.id);
    expect(done).toMatchObject({ status: 'succeeded', result: { stdout: 'delivered\n' } });
    expect(Date.parse(done.sent_at)).toBeGreaterThan(Date.parse(waiting.requested_at) + 9000);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await action(expiring.id)).status).toBe('expired');
    expect(existsSync(marker)).toBe(false);
  });

  it('Response Management lists every action with its status; xdrctl actions prints the table', async () => {
    const list = await api(c, `/api/v1/responses?agent_id=${agentId}&limit=500`, { token: tokens.viewer });
    expect(list.status).toBe(200);
    const kinds = new Set(list.body.items.map((a: Action) => a.action));
    for (const k of ['collect_file', 'run_script', 'kill_process', 'shell']) expect(kinds).toContain(k);
    const failed = await api(c, '/api/v1/responses?status=failed,expired&limit=500');
    expect(failed.body.items.every((a: Action) => ['failed', 'expired'].includes(a.status))).toBe(true);
    const table = await ctl(['actions', '--host', agentId, '--limit', '5'], 'viewer');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+HOST\s+ACTION\s+STATUS\s+BY\s+REQUESTED\s+RESULT$/);
    expect(table.stdout.trim().split('\n')).toHaveLength(6);
  });
});
