// Response through a real collector process: actions requested over the API reach a connected
// agent as signed commands, results come back over the wire, queued actions wait for the agent,
// frames that are not the agent's to send are dropped and counted, a collected file downloads
// as a password-protected zip, and `xdr-collector audit verify` checks the audit chain. The agent
// here is the raw protocol agent (test/e2e/raw-agent.ts): a real socket whose every frame the
// test chooses, which is what the collector's refusals need.
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandSigningBytes } from '../../proto/command.js';
import { wire, type xdr } from '../../proto/index.js';
import WebSocket from 'ws';
import { BIN, api, enrollAgent, pinnedCa, run, runOk, sensorlessAgentConfig, startAgent, startCollector, tempDir, waitFor, type AgentProcess, type CollectorProcess } from './harness.js';
import { enrollRaw, helloRaw, type RawAgent, type RawIdentity } from './raw-agent.js';

const S = wire.CommandResult.Status;
let c: CollectorProcess;
let cert: string;
let one: RawIdentity;
let two: RawIdentity;
let responderToken: string;
let commandKey: ReturnType<typeof createPublicKey>;

async function enrollToken(): Promise<string> {
  return JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--json'])).token;
}

async function nextCommand(agent: RawAgent): Promise<xdr.v1.ICommand> {
  for (;;) {
    const f = await agent.next();
    if (f.body === 'command') return f.command!;
    if (f.body !== 'heartbeat' && f.body !== 'ack') throw new Error(`expected a command, got ${f.body}`);
  }
}

async function status(id: string, want: string, cc: CollectorProcess = c, timeoutMs = 10_000): Promise<any> {
  return waitFor(`action ${id} ${want}`, async () => {
    const r = await api(cc, `/api/v1/responses/${id}`);
    if (r.body.status !== want && ['succeeded', 'failed', 'expired', 'cancelled'].includes(r.body.status)) throw new Error(`action ended ${r.body.status}: ${r.body.error}`);
    return r.body.status === want && r.body;
  }, timeoutMs, 50);
}

async function metric(name: string, label: string): Promise<number> {
  const text = (await api(c, '/metrics')).body as string;
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
  return line ? Number(line.split(' ').pop()) : 0;
}

function download(path: string, token: string, cc: CollectorProcess = c): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    request(new URL(path, cc.apiUrl), { ca: [pinnedCa(cc)], checkServerIdentity: () => undefined, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

beforeAll(async () => {
  c = await startCollector(tempDir('response'));
  cert = readFileSync(join(c.dataDir, 'tls', 'collector.crt'), 'utf8');
  commandKey = createPublicKey(createPrivateKey(readFileSync(join(c.dataDir, 'keys', 'command.key'))));
  one = await enrollRaw(c.agentUrl, cert, await enrollToken(), 'resp-one');
  two = await enrollRaw(c.agentUrl, cert, await enrollToken(), 'resp-two');
  responderToken = JSON.parse(await runOk(BIN.collector, ['token', 'create', '--role', 'responder', '--user', 'carol', '--data', c.dataDir, '--json'])).token;
});

afterAll(async () => {
  await c?.stop();
});

describe('response through a running collector', () => {
  it('sends a signed command to the online agent and follows its result; isolation shows on the agent', async () => {
    const agent = await helloRaw(c.agentUrl, cert, one, 'resp-one');
    const created = await api(c, '/api/v1/responses', { method: 'POST', token: responderToken, body: { agent_id: 'resp-one', action: 'isolate', reason: 'e2e' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ agent_id: one.agentId, status: 'sent', requested_by: 'carol' });
    const cmd = await nextCommand(agent);
    expect(cmd).toMatchObject({ actionId: created.body.id, agentId: one.agentId, action: 'isolate' });
    expect(verify(null, commandSigningBytes(cmd), commandKey, cmd.signature!)).toBe(true);
    expect(Number(cmd.expiresAtMs)).toBe(Date.parse(created.body.expires_at));

    agent.send({ commandResult: { actionId: cmd.actionId, status: S.RUNNING } });
    await status(cmd.actionId!, 'running');
    agent.send({ commandResult: { actionId: cmd.actionId, status: S.SUCCEEDED, resultJson: Buffer.from(JSON.stringify({ isolated: true, table: 'inet xdr_isolation', collector: 'x', allow: [], verified_ms: 3 })) } });
    await status(cmd.actionId!, 'succeeded');
    const agents = (await api(c, '/api/v1/agents')).body;
    expect(agents.find((a: { id: string }) => a.id === one.agentId).isolated).toBe(true);
    agent.close();
    await agent.closed;
    // the collector tells a reconnecting agent that it is isolated
    const again = await helloRaw(c.agentUrl, cert, one, 'resp-one');
    again.close();
  });

  it('queues for an offline agent and sends after its Welcome when it connects', async () => {
    const created = await api(c, '/api/v1/responses', {
      method: 'POST', token: responderToken, body: { agent_id: one.agentId, action: 'run_script', params: { interpreter: 'sh', script: 'echo hi' } },
    });
    expect(created.body.status).toBe('queued');
    const agent = await helloRaw(c.agentUrl, cert, one, 'resp-one');
    const cmd = await nextCommand(agent);
    expect(cmd.actionId).toBe(created.body.id);
    expect(JSON.parse(Buffer.from(cmd.paramsJson!).toString())).toEqual({ interpreter: 'sh', script: 'echo hi' });
    await status(created.body.id, 'sent');
    agent.send({ commandResult: { actionId: cmd.actionId, status: S.REFUSED, error: 'run_script is disallowed by this agent\'s policy' } });
    const done = await status(created.body.id, 'failed');
    expect(done).toMatchObject({ refused: true, error: "run_script is disallowed by this agent's policy" });
    agent.close();
  });

  it('drops and counts results that are not the sender\'s or not in flight, and keeps the connection', async () => {
    const a1 = await helloRaw(c.agentUrl, cert, one, 'resp-one');
    const a2 = await helloRaw(c.agentUrl, cert, two, 'resp-two');
    const created = await api(c, '/api/v1/responses', { method: 'POST', token: responderToken, body: { agent_id: one.agentId, action: 'restore' } });
    const cmd = await nextCommand(a1);
    const before = await metric('xdr_response_frames_dropped_total', 'reason="other_agent"');
    a2.send({ commandResult: { actionId: cmd.actionId, status: S.SUCCEEDED, resultJson: Buffer.from('{}') } });
    await waitFor('drop counted', async () => (await metric('xdr_response_frames_dropped_total', 'reason="other_agent"')) === before + 1, 10_000, 50);
    expect((await api(c, `/api/v1/responses/${created.body.id}`)).body.status).toBe('sent');
    const unknown = await metric('xdr_response_frames_dropped_total', 'reason="unknown_action"');
    a2.send({ commandResult: { actionId: '2f1d3c4b-0000-4000-8000-000000000000', status: S.SUCCEEDED } });
    a2.send({ shellData: { actionId: '2f1d3c4b-0000-4000-8000-000000000000', data: Buffer.from('x') } });
    await waitFor('drops counted', async () => (await metric('xdr_response_frames_dropped_total', 'reason="unknown_action"')) === unknown + 2, 10_000, 50);
    // both agents are still connected: a heartbeat is answered
    a2.send({ heartbeat: { sentAtMs: Date.now() } });
    expect((await a2.next()).body).toBe('heartbeat');
    a1.send({ commandResult: { actionId: cmd.actionId, status: S.SUCCEEDED, resultJson: Buffer.from(JSON.stringify({ isolated: false, removed: true })) } });
    await status(created.body.id, 'succeeded');
    expect((await api(c, '/api/v1/agents')).body.find((a: { id: string }) => a.id === one.agentId).isolated).toBe(false);
    a1.close();
    a2.close();
  });

  it('streams a collected file into the evidence store; it downloads as a zip that unzip -P infected opens', async () => {
    const agent = await helloRaw(c.agentUrl, cert, one, 'resp-one');
    const created = await api(c, '/api/v1/responses', { method: 'POST', token: responderToken, body: { agent_id: one.agentId, action: 'collect_file', params: { path: '/usr/bin/dropper' } } });
    const cmd = await nextCommand(agent);
    const content = Buffer.concat([Buffer.from('\x7fELF fake sample '), Buffer.alloc(600_000, 0x41)]);
    const sha = createHash('sha256').update(content).digest('hex');
    agent.send({ commandResult: { actionId: cmd.actionId, status: S.RUNNING } });
    const CH = 256 * 1024;
    for (let off = 0; off < content.length; off += CH) {
      agent.send({ commandResult: { actionId: cmd.actionId, status: S.RUNNING, chunk: content.subarray(off, off + CH), chunkOffset: off, lastChunk: off + CH >= content.length } });
    }
    agent.send({ commandResult: { actionId: cmd.actionId, status: S.SUCCEEDED, resultJson: Buffer.from(JSON.stringify({ path: '/usr/bin/dropper', size: content.length, sha256: sha, mode: '0755', uid: 0, gid: 0, owner: 'root', mtime_ms: 1 })) } });
    const done = await status(created.body.id, 'succeeded');
    expect(done.file).toEqual({ path: '/usr/bin/dropper', size: content.length, sha256: sha });
    const dl = await download(`/api/v1/responses/${created.body.id}/file`, responderToken);
    expect(dl.status).toBe(200);
    expect(dl.headers['x-file-sha256']).toBe(sha);
    const zipFile = join(c.dataDir, 'download.zip');
    writeFileSync(zipFile, dl.body);
    const out = execFileSync('unzip', ['-p', '-P', 'infected', zipFile, 'dropper'], { maxBuffer: 16 * 1024 * 1024 });
    expect(createHash('sha256').update(out).digest('hex')).toBe(sha);
    const meta = JSON.parse(execFileSync('unzip', ['-p', '-P', 'infected', zipFile, 'metadata.json']).toString());
    expect(meta).toMatchObject({ path: '/usr/bin/dropper', sha256: sha, size: content.length, host: 'resp-one' });
    agent.close();
  });

  it('the audit log is hash-chained over the API, and audit verify names a tampered entry', async () => {
    const entries = (await api(c, '/api/v1/audit?limit=1000')).body as Array<{ id: number; action: string; hash: string; prev_hash: string; details: Record<string, unknown> }>;
    for (let i = 0; i + 1 < entries.length; i++) expect(entries[i]!.prev_hash).toBe(entries[i + 1]!.hash);
    expect(entries.filter((e) => e.action.startsWith('response.')).length).toBeGreaterThan(10);

    const ok = await run(BIN.collector, ['audit', 'verify', '--data', c.dataDir, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, entries: entries.length });

    // a copy of the database, tampered with by someone who can write the file
    await c.stop();
    const copy = tempDir('audit-tamper');
    copyFileSync(join(c.dataDir, 'xdr.db'), join(copy, 'xdr.db'));
    const target = entries.find((e) => e.action === 'response.create')!;
    const db = new Database(join(copy, 'xdr.db'));
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit SET actor = 'nobody' WHERE id = ?").run(target.id);
    db.close();
    const bad = await run(BIN.collector, ['audit', 'verify', '--data', copy, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).first_bad).toMatchObject({ id: target.id, action: 'response.create' });
    const human = await run(BIN.collector, ['audit', 'verify', '--data', copy]);
    expect(human.stdout).toMatch(new RegExp(`BROKEN at entry ${target.id} \\(response.create`));
  });
});

describe('response with the real agent', () => {
  let rc: CollectorProcess;
  let agent: AgentProcess;
  let agentId: string;
  let token: string;
  const post = (body: object) => api(rc, '/api/v1/responses', { method: 'POST', token, body });

  beforeAll(async () => {
    rc = await startCollector(tempDir('response-real'));
    const state = tempDir('response-real-agent');
    agentId = await enrollAgent(rc, state);
    const config = join(state, 'agent.yaml');
    writeFileSync(config, sensorlessAgentConfig(['refuse: [kill_process]', 'shell: /bin/sh']));
    agent = startAgent(state, ['--config', config, '--log-level', 'info']);
    token = JSON.parse(await runOk(BIN.collector, ['token', 'create', '--role', 'responder', '--user', 'dave', '--data', rc.dataDir, '--json'])).token;
    await waitFor('the agent online', async () => (await api(rc, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 30_000);
  });

  afterAll(async () => {
    await agent?.stop();
    await rc?.stop();
  });

  it('runs a script and returns its output', async () => {
    const r = await post({ agent_id: agentId, action: 'run_script', params: { interpreter: 'sh', script: 'echo "hello-$1"; echo err >&2', args: ['xdr'] } });
    expect(r.status).toBe(201);
    const done = await status(r.body.id, 'succeeded', rc, 20_000);
    expect(done.result).toMatchObject({ exit_code: 0, stdout: 'hello-xdr\n', stderr: 'err\n', timed_out: false });
  });

  it('reports the agent policy refusing an action kind', async () => {
    const r = await post({ agent_id: agentId, action: 'kill_process', params: { entity_id: 'abcdefghiABCDEFGHIJKLMNOP' } });
    const done = await status(r.body.id, 'failed', rc, 20_000);
    expect(done.refused).toBe(true);
    expect(done.error).toMatch(/refused/);
  });

  it('collects a file: evidence matches the file on the host', async () => {
    const file = join(tempDir('response-sample'), 'sample.bin');
    const content = Buffer.concat([Buffer.from('sample '), Buffer.alloc(700_000, 0x5a)]);
    writeFileSync(file, content);
    const sha = createHash('sha256').update(content).digest('hex');
    const r = await post({ agent_id: agentId, action: 'collect_file', params: { path: file } });
    const done = await status(r.body.id, 'succeeded', rc, 30_000);
    expect(done.file).toEqual({ path: file, size: content.length, sha256: sha });
    const dl = await download(`/api/v1/responses/${r.body.id}/file`, token, rc);
    const zipFile = join(rc.dataDir, 'real.zip');
    writeFileSync(zipFile, dl.body);
    const out = execFileSync('unzip', ['-p', '-P', 'infected', zipFile, 'sample.bin'], { maxBuffer: 16 * 1024 * 1024 });
    expect(createHash('sha256').update(out).digest('hex')).toBe(sha);
  });

  it('opens a remote shell over the WebSocket; closing it ends the action, the transcript is kept', async () => {
    const r = await post({ agent_id: agentId, action: 'shell', params: { cols: 100, rows: 30 } });
    expect(r.status).toBe(201);
    await status(r.body.id, 'running', rc, 20_000);
    const url = `${rc.apiUrl.replace(/^https/, 'wss')}/api/v1/responses/${r.body.id}/shell`;
    const ws = new WebSocket(url, ['xdr-shell.v1', `xdr-bearer.${token}`], { ca: [pinnedCa(rc)], checkServerIdentity: (() => undefined) as never });
    let out = '';
    ws.on('message', (d: Buffer) => { out += d.toString(); });
    await new Promise<void>((ok, fail) => { ws.once('open', () => ok()); ws.once('error', fail); ws.once('unexpected-response', (_q, res) => fail(new Error(`HTTP ${res.statusCode}`))); });
    ws.send(JSON.stringify({ type: 'resize', cols: 120, rows: 40 }));
    ws.send(Buffer.from('echo "xdr-$((40+2))"\n'));
    await waitFor('shell output', async () => out.includes('xdr-42'), 15_000, 50);
    ws.close();
    const done = await waitFor('shell finished', async () => {
      const x = (await api(rc, `/api/v1/responses/${r.body.id}`)).body;
      return ['succeeded', 'failed'].includes(x.status) && x;
    }, 20_000, 100);
    expect(done.status).toBe('succeeded');
    const t = await api(rc, `/api/v1/responses/${r.body.id}/transcript?format=raw`, { token });
    expect(String(t.body)).toContain('xdr-42');
  });
});
