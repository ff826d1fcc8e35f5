// Response Management through the API with a real store and service; the agent side is a fake
// channel (what was sent) plus calls of the hooks the gateway would make (what came back).
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BlobReader, TextWriter, Uint8ArrayWriter, ZipReader, type FileEntry } from '@zip.js/zip.js';
import type { FastifyInstance } from 'fastify';
import { commandSigningBytes } from '../../../../proto/command.js';
import { wire, type xdr } from '../../../../proto/index.js';
import { CollectorMetrics } from '../../metrics.js';
import { ResponseService, type AgentChannel } from '../../response/index.js';
import { openStore, type Role, type Store } from '../../store/index.js';
import { loadCommandKey } from '../../trust/command-key.js';
import { buildApi } from '../index.js';
import { bearer, enrollAgent } from '../test/support.js';
import { createApiToken } from '../tokens.js';

class FakeChannel implements AgentChannel {
  online = new Set<string>();
  commands: xdr.v1.ICommand[] = [];
  shell: Array<{ agentId: string; data: xdr.v1.IShellData }> = [];
  isOnline(id: string) { return this.online.has(id); }
  sendCommand(agentId: string, cmd: xdr.v1.ICommand) { if (!this.online.has(agentId)) return false; this.commands.push(cmd); return true; }
  sendShellData(agentId: string, data: xdr.v1.IShellData) { if (!this.online.has(agentId)) return false; this.shell.push({ agentId, data }); return true; }
}

const S = wire.CommandResult.Status;
let dir: string;
let store: Store;
let app: FastifyInstance;
let service: ResponseService;
let channel: FakeChannel;
let metrics: CollectorMetrics;
let commandPub: ReturnType<typeof createPublicKey>;
const tokens = {} as Record<Role | 'responder2', string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-responses-'));
  store = openStore(dir);
  for (const role of ['viewer', 'analyst', 'responder', 'admin'] as const) tokens[role] = (await createApiToken(store, { user: `${role}-user`, role, actor: 'test' })).token;
  tokens.responder2 = (await createApiToken(store, { user: 'bob', role: 'responder', actor: 'test' })).token;
  await enrollAgent(store, 'agent-1', 'web-1');
  await enrollAgent(store, 'agent-2', 'twin');
  await enrollAgent(store, 'agent-3', 'twin');
  await enrollAgent(store, 'agent-4', 'gone');
  await store.revokeAgent('agent-4', Date.now());
  channel = new FakeChannel();
  channel.online.add('agent-1');
  metrics = new CollectorMetrics();
  const key = loadCommandKey(dir);
  commandPub = createPublicKey(key.privateKey);
  service = new ResponseService({ store, channel, commandKey: key, dataDir: dir, metrics, log: pino({ level: 'silent' }), sweepMs: 50 });
  app = await buildApi({ store, metrics, presence: channel, log: pino({ level: 'silent' }), version: 't', responses: service });
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await service.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, token: string, body?: unknown) => app.inject({ method: 'POST', url, headers: bearer(token), ...(body === undefined ? {} : { payload: body as object }) });
const get = (url: string, token = tokens.viewer) => app.inject({ url, headers: bearer(token) });
const lastCommand = () => channel.commands[channel.commands.length - 1]!;
const dropped = async (reason: string) => (await metrics.responseFramesDropped.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
async function until<T>(probe: () => Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('creating actions', () => {
  it('resolves a hostname, records, signs and sends to the online agent', async () => {
    const res = await post('/api/v1/responses', tokens.responder, { agent_id: 'web-1', action: 'isolate', params: { allow: [{ cidr: '10.0.0.0/8', ports: [22] }] }, reason: 'C2 beacon' });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ agent_id: 'agent-1', hostname: 'web-1', action: 'isolate', status: 'sent', reason: 'C2 beacon', requested_by: 'responder-user', refused: false, file: null, transcript: null });
    expect(Date.parse(a.expires_at) - Date.parse(a.requested_at)).toBe(3_600_000);
    const cmd = lastCommand();
    expect(cmd).toMatchObject({ actionId: a.id, agentId: 'agent-1', action: 'isolate' });
    expect(JSON.parse(Buffer.from(cmd.paramsJson!).toString())).toEqual({ allow: [{ cidr: '10.0.0.0/8', ports: [22] }] });
    expect(cmd.nonce).toHaveLength(16);
    expect(Number(cmd.expiresAtMs)).toBe(Date.parse(a.expires_at));
    expect(verify(null, commandSigningBytes(cmd), commandPub, cmd.signature!)).toBe(true);
    // a changed field breaks the signature
    expect(verify(null, commandSigningBytes({ ...cmd, agentId: 'agent-2' }), commandPub, cmd.signature!)).toBe(false);
  });

  it('refuses what it cannot do, with codes', async () => {
    const cases: Array<[unknown, string, number, RegExp?]> = [
      [{ agent_id: 'nope', action: 'isolate' }, 'XDR_AGENT_NOT_FOUND', 404],
      [{ agent_id: 'twin', action: 'isolate' }, 'XDR_AGENT_AMBIGUOUS', 409, /agent-2.*agent-3/],
      [{ agent_id: 'gone', action: 'isolate' }, 'XDR_AGENT_REVOKED', 409],
      [{ agent_id: 'agent-1', action: 'collect_file', params: { path: 'relative' } }, 'XDR_BAD_ACTION', 400, /params.path/],
      [{ agent_id: 'agent-1', action: 'restore', params: { x: 1 } }, 'XDR_BAD_ACTION', 400, /params.x/],
      [{ agent_id: 'agent-1', action: 'format_disk' }, 'XDR_BAD_REQUEST', 400],
      [{ agent_id: 'agent-1', action: 'isolate', expires_in: 8 * 86400 }, 'XDR_BAD_REQUEST', 400],
    ];
    for (const [body, code, status, msg] of cases) {
      const res = await post('/api/v1/responses', tokens.responder, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([status, code]);
      if (msg) expect(res.json().error.message).toMatch(msg);
    }
    for (const role of ['viewer', 'analyst'] as const) {
      expect((await post('/api/v1/responses', tokens[role], { agent_id: 'agent-1', action: 'isolate' })).json().error.code).toBe('XDR_FORBIDDEN');
    }
  });

  it('queues for an offline agent and sends when it comes online', async () => {
    const a = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-2', action: 'kill_process', params: { entity_id: 'abcdefghiABCDEFGHIJKLMNOP' } })).json();
    expect(a.status).toBe('queued');
    const before = channel.commands.length;
    channel.online.add('agent-2');
    service.agentOnline('agent-2');
    await until(async () => (await get(`/api/v1/responses/${a.id}`)).json().status === 'sent');
    expect(channel.commands.length).toBe(before + 1);
    expect(lastCommand().actionId).toBe(a.id);
    channel.online.delete('agent-2');
  });
});

describe('approval, deny, cancel', () => {
  it('needs a second person for the kinds the admin chose', async () => {
    expect((await app.inject({ method: 'PUT', url: '/api/v1/responses/policy', headers: bearer(tokens.responder), payload: { approval_required: ['run_script'] } })).statusCode).toBe(403);
    const put = await app.inject({ method: 'PUT', url: '/api/v1/responses/policy', headers: bearer(tokens.admin), payload: { approval_required: ['run_script', 'shell'] } });
    expect(put.json()).toEqual({ approval_required: ['run_script', 'shell'] });
    expect((await get('/api/v1/responses/policy')).json()).toEqual({ approval_required: ['run_script', 'shell'] });

    const a = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-1', action: 'run_script', params: { interpreter: 'sh', script: 'id' } })).json();
    expect(a.status).toBe('pending_approval');
    const self = await post(`/api/v1/responses/${a.id}/approve`, tokens.responder);
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatchObject({ code: 'XDR_SELF_APPROVAL' });
    expect(self.json().error.message).toMatch(/cannot approve it/);
    expect((await post(`/api/v1/responses/${a.id}/approve`, tokens.analyst)).statusCode).toBe(403);
    const ok = await post(`/api/v1/responses/${a.id}/approve`, tokens.responder2);
    expect(ok.json()).toMatchObject({ status: 'sent', approved_by: 'bob' });
    expect((await post(`/api/v1/responses/${a.id}/approve`, tokens.admin)).json().error.code).toBe('XDR_ACTION_CONFLICT');
    // running on the agent: no cancel
    expect((await post(`/api/v1/responses/${a.id}/cancel`, tokens.admin)).json().error.code).toBe('XDR_ACTION_CONFLICT');

    const b = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-1', action: 'run_script', params: { interpreter: 'sh', script: 'id' } })).json();
    const denied = await post(`/api/v1/responses/${b.id}/deny`, tokens.admin, { reason: 'not this host' });
    expect(denied.json()).toMatchObject({ status: 'cancelled', error: 'denied by admin-user: not this host' });

    await app.inject({ method: 'PUT', url: '/api/v1/responses/policy', headers: bearer(tokens.admin), payload: { approval_required: [] } });
    const c = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-3', action: 'restore' })).json();
    expect(c.status).toBe('queued');
    expect((await post(`/api/v1/responses/${c.id}/cancel`, tokens.responder2)).json()).toMatchObject({ status: 'cancelled', error: 'cancelled by bob' });

    const audit = (await store.listAudit(500)).filter((e) => e.target === a.id).map((e) => [e.actor, e.action, e.details.from, e.details.to]).reverse();
    expect(audit).toEqual([
      ['responder-user', 'response.create', null, 'pending_approval'],
      ['bob', 'response.approve', 'pending_approval', 'queued'],
      ['system', 'response.send', 'queued', 'sent'],
    ]);
    expect((await store.listAudit(500)).filter((e) => e.action === 'response.policy').at(-1)).toMatchObject({ actor: 'admin-user', details: { before: [], after: ['run_script', 'shell'] } });
    // the script is in the audit log by its hash only
    expect((await store.listAudit(500)).find((e) => e.target === a.id && e.action === 'response.create')!.details.params).toMatchObject({ script_sha256: expect.any(String), script_bytes: 2 });
  });
});

describe('results from the agent', () => {
  async function sentAction(action: string, params: object = {}, agent = 'agent-1') {
    const a = (await post('/api/v1/responses', tokens.responder, { agent_id: agent, action, params })).json();
    expect(a.status).toBe('sent');
    return a.id as string;
  }
  const result = (id: string, status: number, body?: object, extra: Partial<xdr.v1.ICommandResult> = {}) =>
    ({ actionId: id, status, resultJson: body ? Buffer.from(JSON.stringify(body)) : undefined, ...extra });

  it('follows running -> succeeded and marks the agent isolated, then restored', async () => {
    const id = await sentAction('isolate');
    service.commandResult('agent-1', result(id, S.RUNNING));
    await until(async () => (await get(`/api/v1/responses/${id}`)).json().status === 'running');
    service.commandResult('agent-1', result(id, S.SUCCEEDED, { isolated: true, table: 'inet xdr_isolation', collector: '127.0.0.1:8443', allow: [], verified_ms: 12 }));
    const done = await until(async () => { const r = (await get(`/api/v1/responses/${id}`)).json(); return r.status === 'succeeded' && r; });
    expect(done).toMatchObject({ result: { isolated: true, table: 'inet xdr_isolation' }, error: null });
    expect(done.started_at).not.toBeNull();
    expect((await get('/api/v1/agents')).json().find((x: { id: string }) => x.id === 'agent-1').isolated).toBe(true);
    const r2 = await sentAction('restore');
    service.commandResult('agent-1', result(r2, S.SUCCEEDED, { isolated: false, removed: true }));
    await until(async () => (await get('/api/v1/agents')).json().find((x: { id: string }) => x.id === 'agent-1').isolated === false);
    const audit = (await store.listAudit(500)).filter((e) => e.target === id).map((e) => [e.actor, e.details.from, e.details.to]).reverse();
    expect(audit).toEqual([['responder-user', null, 'queued'], ['system', 'queued', 'sent'], ['agent:agent-1', 'sent', 'running'], ['agent:agent-1', 'running', 'succeeded']]);
  });

  it('a refusal is failed with refused: true and the reason', async () => {
    const id = await sentAction('run_script', { interpreter: 'sh', script: 'id' });
    service.commandResult('agent-1', { actionId: id, status: S.REFUSED, error: 'run_script is disallowed by the agent policy' });
    const r = await until(async () => { const x = (await get(`/api/v1/responses/${id}`)).json(); return x.status === 'failed' && x; });
    expect(r).toMatchObject({ refused: true, error: 'run_script is disallowed by the agent policy' });
  });

  it('drops, counts and never applies frames that are not the agent\'s or not in flight', async () => {
    const id = await sentAction('kill_process', { entity_id: 'abcdefghiABCDEFGHIJKLMNOP' });
    const other = await dropped('other_agent');
    service.commandResult('agent-2', result(id, S.SUCCEEDED, {}));
    await until(async () => (await dropped('other_agent')) === other + 1);
    expect((await get(`/api/v1/responses/${id}`)).json().status).toBe('sent');
    const unknown = await dropped('unknown_action');
    service.commandResult('agent-1', result('7b3f2a52-5c1e-4c3e-9a34-1f0a2e0c9d11', S.SUCCEEDED, {}));
    await until(async () => (await dropped('unknown_action')) === unknown + 1);
    service.commandResult('agent-1', result(id, S.SUCCEEDED, { pid: 4, entity_id: 'abcdefghiABCDEFGHIJKLMNOP', signal: 'SIGKILL' }));
    await until(async () => (await get(`/api/v1/responses/${id}`)).json().status === 'succeeded');
    const late = await dropped('not_in_flight');
    service.commandResult('agent-1', result(id, S.FAILED, {}, { error: 'late' }));
    await until(async () => (await dropped('not_in_flight')) === late + 1);
    expect((await get(`/api/v1/responses/${id}`)).json().status).toBe('succeeded');
    const shell = await dropped('not_a_shell');
    const id2 = await sentAction('isolate');
    service.shellData('agent-1', { actionId: id2, data: Buffer.from('x') });
    await until(async () => (await dropped('not_a_shell')) === shell + 1);
  });

  it('collects a file into the evidence store and serves it as a zip with password "infected"', async () => {
    const content = Buffer.concat([Buffer.from('MZ\x90\x00 not really malware\n'), Buffer.alloc(300_000, 7)]);
    const sha = createHash('sha256').update(content).digest('hex');
    const id = await sentAction('collect_file', { path: '/tmp/sample.bin' });
    const CH = 128 * 1024;
    for (let off = 0; off < content.length; off += CH) {
      service.commandResult('agent-1', { actionId: id, status: S.RUNNING, chunk: content.subarray(off, off + CH), chunkOffset: off, lastChunk: off + CH >= content.length });
    }
    service.commandResult('agent-1', result(id, S.SUCCEEDED, { path: '/tmp/sample.bin', size: content.length, sha256: sha, mode: '0644', uid: 0, gid: 0, owner: 'root', mtime_ms: 1 }));
    const done = await until(async () => { const r = (await get(`/api/v1/responses/${id}`)).json(); return r.status !== 'sent' && r.status !== 'running' && r; });
    expect(done).toMatchObject({ status: 'succeeded', file: { path: '/tmp/sample.bin', size: content.length, sha256: sha } });
    const file = join(dir, 'evidence', `${id}.bin`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).equals(content)).toBe(true);

    expect((await get(`/api/v1/responses/${id}/file`, tokens.viewer)).statusCode).toBe(403);
    const dl = await get(`/api/v1/responses/${id}/file`, tokens.analyst);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/zip');
    expect(dl.headers['x-file-sha256']).toBe(sha);
    expect(dl.headers['x-file-size']).toBe(String(content.length));
    const zipBytes = dl.rawPayload;
    // zip.js decrypts it with the password
    const reader = new ZipReader(new BlobReader(new Blob([zipBytes])), { password: 'infected' });
    const entries = (await reader.getEntries()) as FileEntry[];
    expect(entries.map((e) => e.filename).sort()).toEqual(['metadata.json', 'sample.bin']);
    expect(entries.every((e) => e.encrypted)).toBe(true);
    const inner = await entries.find((e) => e.filename === 'sample.bin')!.getData(new Uint8ArrayWriter());
    expect(createHash('sha256').update(inner).digest('hex')).toBe(sha);
    const meta = JSON.parse(await entries.find((e) => e.filename === 'metadata.json')!.getData(new TextWriter()));
    expect(meta).toMatchObject({ path: '/tmp/sample.bin', sha256: sha, size: content.length, host: 'web-1', action_id: id, stat: { owner: 'root', mode: '0644' } });
    await reader.close();
    // without the password it does not open
    const locked = new ZipReader(new BlobReader(new Blob([zipBytes])));
    await expect(((await locked.getEntries())[1] as FileEntry).getData(new Uint8ArrayWriter())).rejects.toThrow();
    // and unzip -P infected opens it, as the README promises
    const zipFile = join(dir, 'dl.zip');
    writeFileSync(zipFile, zipBytes);
    let unzip = true;
    try { execFileSync('unzip', ['-v'], { stdio: 'ignore' }); } catch { unzip = false; }
    if (unzip) {
      const out = execFileSync('unzip', ['-p', '-P', 'infected', zipFile, 'sample.bin'], { maxBuffer: 16 * 1024 * 1024 });
      expect(createHash('sha256').update(out).digest('hex')).toBe(sha);
    }
    expect((await store.listAudit(50)).find((e) => e.action === 'response.file.download' && e.target === id)).toMatchObject({ actor: 'analyst-user' });
  });

  it('fails a collection whose hash, size or offsets do not match, and keeps no partial file', async () => {
    const id = await sentAction('collect_file', { path: '/etc/hosts' });
    service.commandResult('agent-1', { actionId: id, status: S.RUNNING, chunk: Buffer.from('abc'), chunkOffset: 0 });
    service.commandResult('agent-1', result(id, S.SUCCEEDED, { path: '/etc/hosts', size: 3, sha256: 'f'.repeat(64) }));
    const r = await until(async () => { const x = (await get(`/api/v1/responses/${id}`)).json(); return x.status === 'failed' && x; });
    expect(r.error).toMatch(/sha256/);
    expect(existsSync(join(dir, 'evidence', `${id}.bin`))).toBe(false);
    expect((await get(`/api/v1/responses/${id}/file`, tokens.analyst)).json().error.code).toBe('XDR_EVIDENCE_NOT_FOUND');

    const id2 = await sentAction('collect_file', { path: '/etc/hosts' });
    service.commandResult('agent-1', { actionId: id2, status: S.RUNNING, chunk: Buffer.from('abc'), chunkOffset: 0 });
    service.commandResult('agent-1', { actionId: id2, status: S.RUNNING, chunk: Buffer.from('def'), chunkOffset: 5 });
    const r2 = await until(async () => { const x = (await get(`/api/v1/responses/${id2}`)).json(); return x.status === 'failed' && x; });
    expect(r2.error).toMatch(/offset 5, expected 3/);
    expect(existsSync(join(dir, 'evidence', `${id2}.bin`))).toBe(false);

    const id3 = await sentAction('collect_file', { path: '/etc/hosts', max_bytes: 4 });
    service.commandResult('agent-1', { actionId: id3, status: S.RUNNING, chunk: Buffer.from('abcdef'), chunkOffset: 0 });
    const r3 = await until(async () => { const x = (await get(`/api/v1/responses/${id3}`)).json(); return x.status === 'failed' && x; });
    expect(r3.error).toMatch(/bound of 4 bytes/);
  });

  it('fails a transfer whose chunks arrive faster than they can be written (bounded backlog)', async () => {
    const id = await sentAction('collect_file', { path: '/var/log/big' });
    const before = await dropped('evidence_backlog');
    const mib = Buffer.alloc(1024 * 1024, 1);
    for (let i = 0; i < 70; i++) service.commandResult('agent-1', { actionId: id, status: S.RUNNING, chunk: mib, chunkOffset: i * mib.length });
    const r = await until(async () => { const x = (await get(`/api/v1/responses/${id}`)).json(); return x.status === 'failed' && x; }, 20_000);
    expect(r.error).toMatch(/faster than the evidence store/);
    expect(await dropped('evidence_backlog')).toBeGreaterThan(before);
    await until(async () => !existsSync(join(dir, 'evidence', `${id}.bin`)));
  });

  it('expires what waits too long, and what got no result back', async () => {
    const now = Date.now();
    const base = {
      agentId: 'agent-1', hostname: 'web-1', action: 'isolate' as const, params: {}, reason: null, requestedBy: 'x', requestedAt: now,
      approvedBy: null, approvedAt: null, sentAt: now, startedAt: null, finishedAt: null, expiresAt: now - 1, result: null, error: null,
      refused: false, file: null, transcript: { bytes: 0, truncated: false },
    };
    const audit = { at: now, actor: 'x', action: 'response.create', target: 'x', details: {} };
    await store.createResponse({ ...base, id: '00000000-0000-4000-8000-000000000001', status: 'sent' }, audit);
    await store.createResponse({ ...base, id: '00000000-0000-4000-8000-000000000002', status: 'queued', sentAt: null }, audit);
    const a = await until(async () => { const x = (await get('/api/v1/responses/00000000-0000-4000-8000-000000000001')).json(); return x.status === 'expired' && x; });
    expect(a.error).toMatch(/no result came back/);
    const b = await until(async () => { const x = (await get('/api/v1/responses/00000000-0000-4000-8000-000000000002')).json(); return x.status === 'expired' && x; });
    expect(b.error).toMatch(/expired before/);
  });
});

describe('listing', () => {
  it('filters, pages newest first, and refuses bad filters', async () => {
    const all = (await get('/api/v1/responses?limit=500')).json().items;
    expect(all.length).toBeGreaterThan(8);
    const sorted = [...all].sort((x, y) => Date.parse(y.requested_at) - Date.parse(x.requested_at));
    expect(all.map((x: { requested_at: string }) => x.requested_at)).toEqual(sorted.map((x: { requested_at: string }) => x.requested_at));
    const p1 = (await get('/api/v1/responses?limit=3')).json();
    const p2 = (await get(`/api/v1/responses?limit=3&cursor=${p1.next_cursor}`)).json();
    expect([...p1.items, ...p2.items].map((x: { id: string }) => x.id)).toEqual(all.slice(0, 6).map((x: { id: string }) => x.id));
    const failed = (await get('/api/v1/responses?status=failed,expired&action=collect_file,isolate')).json().items;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((x: { status: string; action: string }) => ['failed', 'expired'].includes(x.status) && ['collect_file', 'isolate'].includes(x.action))).toBe(true);
    expect((await get('/api/v1/responses?requested_by=bob')).json().items).toEqual([]);
    expect((await get('/api/v1/responses?agent_id=agent-3')).json().items.every((x: { agent_id: string }) => x.agent_id === 'agent-3')).toBe(true);
    expect((await get('/api/v1/responses?status=done')).json().error.code).toBe('XDR_BAD_QUERY');
    expect((await get('/api/v1/responses?cursor=abc')).json().error.code).toBe('XDR_BAD_CURSOR');
    expect((await get('/api/v1/responses?since=yesterday')).json().error.code).toBe('XDR_BAD_TIME_RANGE');
    expect((await get('/api/v1/responses/00000000-0000-4000-8000-0000000000ff')).json().error.code).toBe('XDR_RESPONSE_NOT_FOUND');
  });
});

describe('remote shell bridge', () => {
  const wsUrl = (id: string) => `ws://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/responses/${id}/shell`;
  function connect(id: string, opts: { token?: string; protocols?: string[] }): Promise<{ ws: WebSocket; got: Buffer[]; closed: Promise<{ code: number; reason: string }> }> {
    const ws = new WebSocket(wsUrl(id), opts.protocols ?? [], opts.token ? { headers: bearer(opts.token) } : {});
    const got: Buffer[] = [];
    ws.on('message', (d: Buffer) => got.push(d));
    const closed = new Promise<{ code: number; reason: string }>((ok) => ws.on('close', (code, reason) => ok({ code, reason: reason.toString() })));
    return new Promise((ok, fail) => {
      ws.once('open', () => ok({ ws, got, closed }));
      ws.once('unexpected-response', (req, res) => { req.destroy(); fail(new Error(`HTTP ${res.statusCode}`)); });
      ws.once('error', fail);
    });
  }

  it('bridges bytes both ways for the requester, one viewer at a time, and records the transcript', async () => {
    const a = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-1', action: 'shell', params: { cols: 100, rows: 30 } })).json();
    expect(a.status).toBe('sent');
    service.commandResult('agent-1', { actionId: a.id, status: S.RUNNING });
    service.shellData('agent-1', { actionId: a.id, data: Buffer.from('root@web-1:~# ') });
    // not the requester, not an admin; the analyst role is below responder
    await expect(connect(a.id, { token: tokens.responder2 })).rejects.toThrow('HTTP 403');
    await expect(connect(a.id, { token: tokens.analyst })).rejects.toThrow('HTTP 403');
    await expect(connect(a.id, {})).rejects.toThrow('HTTP 401');
    // the browser way: the token as a subprotocol, never in the URL
    const v = await connect(a.id, { protocols: ['xdr-shell.v1', `xdr-bearer.${tokens.responder}`] });
    expect(v.ws.protocol).toBe('xdr-shell.v1');
    await until(async () => Buffer.concat(v.got).toString() === 'root@web-1:~# ');
    await expect(connect(a.id, { token: tokens.admin })).rejects.toThrow('HTTP 409');

    v.ws.send(Buffer.from('id\r'));
    await until(async () => channel.shell.some((s) => s.data.actionId === a.id && Buffer.from(s.data.data ?? []).toString() === 'id\r'));
    v.ws.send(JSON.stringify({ type: 'resize', cols: 120, rows: 40 }));
    await until(async () => channel.shell.some((s) => s.data.actionId === a.id && s.data.cols === 120 && s.data.rows === 40));
    service.shellData('agent-1', { actionId: a.id, data: Buffer.from('uid=0(root)\r\n') });
    await until(async () => Buffer.concat(v.got).toString().endsWith('uid=0(root)\r\n'));

    // closing the browser closes the terminal on the host
    v.ws.close();
    await until(async () => channel.shell.some((s) => s.data.actionId === a.id && s.data.closed));
    service.shellData('agent-1', { actionId: a.id, closed: true });
    service.commandResult('agent-1', { actionId: a.id, status: S.SUCCEEDED, resultJson: Buffer.from(JSON.stringify({ exit_code: 0, duration_ms: 900, reason: 'closed by the collector' })) });
    await until(async () => (await get(`/api/v1/responses/${a.id}`)).json().status === 'succeeded');

    const t = await get(`/api/v1/responses/${a.id}/transcript`, tokens.responder);
    expect(t.headers['content-type']).toBe('application/x-asciicast');
    const lines = t.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ version: 2, width: 100, height: 30 });
    expect(lines.slice(1).map((l: [number, string, string]) => [l[1], l[2]])).toEqual([
      ['o', 'root@web-1:~# '], ['i', 'id\r'], ['r', '120x40'], ['o', 'uid=0(root)\r\n'],
    ]);
    const raw = await get(`/api/v1/responses/${a.id}/transcript?format=raw`, tokens.responder);
    expect(raw.body).toBe('root@web-1:~# uid=0(root)\r\n');
    expect((await get(`/api/v1/responses/${a.id}`)).json().transcript).toEqual({ bytes: 14 + 3 + 6 + 13, truncated: false });
    expect((await get(`/api/v1/responses/${a.id}/transcript`, tokens.analyst)).statusCode).toBe(403);
    const acts = (await store.listAudit(500)).filter((e) => e.target === a.id).map((e) => e.action);
    expect(acts).toEqual(expect.arrayContaining(['response.shell.attach', 'response.shell.detach']));
  });

  it('refuses a bad message, a plain GET and a shell that is not open', async () => {
    const a = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-1', action: 'shell' })).json();
    const v = await connect(a.id, { token: tokens.responder });
    v.ws.send('{"type":"explode"}');
    expect((await v.closed).code).toBe(4400);
    await until(async () => channel.shell.some((s) => s.data.actionId === a.id && s.data.closed));
    const plain = await get(`/api/v1/responses/${a.id}/shell`, tokens.responder);
    expect(plain.statusCode).toBeGreaterThanOrEqual(400);
    const iso = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-1', action: 'isolate' })).json();
    await expect(connect(iso.id, { token: tokens.responder })).rejects.toThrow('HTTP 409');
    expect((await get(`/api/v1/responses/${iso.id}/transcript`, tokens.responder)).json().error.code).toBe('XDR_TRANSCRIPT_NOT_FOUND');
  });

  it('closes the viewer when the agent disconnects, and closes an idle shell on both sides', async () => {
    const a = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-1', action: 'shell' })).json();
    const v = await connect(a.id, { token: tokens.responder });
    service.agentOffline('agent-1');
    expect((await v.closed).code).toBe(1011);

    const b = (await post('/api/v1/responses', tokens.responder, { agent_id: 'agent-1', action: 'shell', params: { idle_timeout_s: 10 } })).json();
    const w = await connect(b.id, { token: tokens.admin }); // an admin may attach to anyone's shell
    const t0 = Date.now();
    const closed = await w.closed;
    expect(closed.code).toBe(4408);
    expect(closed.reason).toMatch(/idle/);
    expect(Date.now() - t0).toBeGreaterThan(9_000);
    expect(channel.shell.some((s) => s.data.actionId === b.id && s.data.closed)).toBe(true);
  }, 30_000);

  it('the audit chain over all of this verifies', async () => {
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });
});
