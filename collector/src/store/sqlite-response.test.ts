// Response actions, transcripts and the hash-chained audit log, against real database files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, auditHash, canonicalJson } from './audit-chain.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore, type ResponseRecord } from './index.js';

let dir: string;
let store: SqliteStore;
const T0 = Date.UTC(2025, 0, 1);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-response-store-'));
  store = SqliteStore.open(join(dir, 'xdr.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function action(id: string, over: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    id, agentId: 'ag-1', hostname: 'web-1', action: 'isolate', params: {}, status: 'queued', reason: 'test',
    requestedBy: 'alice', requestedAt: T0, approvedBy: null, approvedAt: null, sentAt: null, startedAt: null, finishedAt: null,
    expiresAt: T0 + 3_600_000, result: null, error: null, refused: false, file: null, transcript: { bytes: 0, truncated: false },
    ...over,
  };
}

const audit = (target: string, details: Record<string, unknown> = {}) => ({ at: T0, actor: 'alice', action: 'response.test', target, details });

describe('responses', () => {
  it('creates, reads and lists newest first with filters and a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await store.createResponse(action(`a${i}`, { requestedAt: T0 + i, action: i % 2 ? 'run_script' : 'isolate', requestedBy: i < 2 ? 'bob' : 'alice' }), audit(`a${i}`));
    }
    expect(await store.getResponse('a3')).toMatchObject({ id: 'a3', action: 'run_script', status: 'queued', transcript: { bytes: 0, truncated: false } });
    const page1 = await store.listResponses({ limit: 2 });
    expect(page1.items.map((r) => r.id)).toEqual(['a4', 'a3']);
    const page2 = await store.listResponses({ limit: 2, after: page1.next });
    expect(page2.items.map((r) => r.id)).toEqual(['a2', 'a1']);
    expect((await store.listResponses({ limit: 10, action: ['run_script'] })).items.map((r) => r.id)).toEqual(['a3', 'a1']);
    expect((await store.listResponses({ limit: 10, requestedBy: 'bob' })).items.map((r) => r.id)).toEqual(['a1', 'a0']);
    expect((await store.listResponses({ limit: 10, since: T0 + 1, until: T0 + 3 })).items.map((r) => r.id)).toEqual(['a2', 'a1']);
    expect((await store.listAudit(10)).filter((e) => e.action === 'response.test')).toHaveLength(5);
  });

  it('transitions only from the expected statuses, with the audit entry in the same transaction', async () => {
    await store.createResponse(action('a1'), audit('a1'));
    const sent = await store.transitionResponse('a1', { from: ['queued'], to: 'sent', set: { sentAt: T0 + 5 }, audit: audit('a1', { from: 'queued', to: 'sent' }) });
    expect(sent).toMatchObject({ status: 'sent', sentAt: T0 + 5 });
    expect(await store.transitionResponse('a1', { from: ['queued'], to: 'cancelled', audit: audit('a1', { to: 'cancelled' }) })).toBeUndefined();
    const done = await store.transitionResponse('a1', {
      from: ['sent', 'running'], to: 'succeeded',
      set: { finishedAt: T0 + 9, result: { isolated: true }, file: { path: '/etc/passwd', size: 3, sha256: 'ab' }, refused: false },
      audit: audit('a1', { from: 'sent', to: 'succeeded' }),
    });
    expect(done).toMatchObject({ status: 'succeeded', result: { isolated: true }, file: { path: '/etc/passwd', size: 3, sha256: 'ab' } });
    const entries = (await store.listAudit(10)).filter((e) => e.target === 'a1').map((e) => e.details);
    expect(entries).toEqual([{ from: 'sent', to: 'succeeded' }, { from: 'queued', to: 'sent' }, {}]);
    expect(await store.responsesInStatus(['sent', 'running'])).toEqual([]);
  });

  it('finds live actions by agent and expiry', async () => {
    await store.createResponse(action('a1', { expiresAt: T0 + 10 }), audit('a1'));
    await store.createResponse(action('a2', { agentId: 'ag-2', expiresAt: T0 + 20 }), audit('a2'));
    expect((await store.responsesInStatus(['queued'], { agentId: 'ag-2' })).map((r) => r.id)).toEqual(['a2']);
    expect((await store.responsesInStatus(['queued'], { expiresBefore: T0 + 15 })).map((r) => r.id)).toEqual(['a1']);
  });

  it('bounds a transcript and marks it truncated', async () => {
    await store.createResponse(action('s1', { action: 'shell' }), audit('s1'));
    expect(await store.appendTranscript('s1', [{ at: T0, dir: 'o', data: Buffer.from('hello ') }, { at: T0 + 1, dir: 'i', data: Buffer.from('ls\r') }], 12))
      .toEqual({ bytes: 9, truncated: false });
    expect(await store.appendTranscript('s1', [{ at: T0 + 2, dir: 'o', data: Buffer.from('world!') }], 12)).toEqual({ bytes: 12, truncated: true });
    expect(await store.appendTranscript('s1', [{ at: T0 + 3, dir: 'o', data: Buffer.from('more') }], 12)).toEqual({ bytes: 12, truncated: true });
    const t = await store.readTranscript('s1');
    expect(t.map((c) => [c.dir, c.data.toString()])).toEqual([['o', 'hello '], ['i', 'ls\r'], ['o', 'wor']]);
    expect((await store.getResponse('s1'))!.transcript).toEqual({ bytes: 12, truncated: true });
  });
});

describe('audit hash chain', () => {
  it('chains every entry to the one before', async () => {
    await store.appendAudit({ at: T0, actor: 'cli', action: 'token.create', target: 't1', details: { role: 'admin', b: [1, { y: 2, x: 1 }] } });
    await store.appendAudit({ at: T0 + 1, actor: 'alice', action: 'agent.revoke', target: 'ag-1', details: {} });
    const [second, first] = await store.listAudit(10);
    expect(first.prevHash).toBe(AUDIT_GENESIS);
    expect(first.hash).toBe(auditHash(AUDIT_GENESIS, { id: 1, at: T0, actor: 'cli', action: 'token.create', target: 't1', details: { role: 'admin', b: [1, { x: 1, y: 2 }] } }));
    expect(second.prevHash).toBe(first.hash);
    expect(await store.verifyAudit()).toEqual({ ok: true, entries: 2, lastHash: second.hash });
  });

  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it('detects an altered entry and names it (with the append-only trigger dropped)', async () => {
    for (let i = 0; i < 5; i++) await store.appendAudit({ at: T0 + i, actor: 'alice', action: 'x.y', target: `t${i}`, details: { i } });
    const db = new Database(join(dir, 'xdr.db'));
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit SET actor = 'mallory' WHERE id = 3").run();
    db.close();
    const v = await store.verifyAudit();
    expect(v.ok).toBe(false);
    expect(v.firstBad).toMatchObject({ id: 3, action: 'x.y' });
    expect(v.firstBad!.reason).toMatch(/altered/);
  });

  it('detects a removed entry and a re-hashed forgery that does not re-link the chain', async () => {
    for (let i = 0; i < 4; i++) await store.appendAudit({ at: T0 + i, actor: 'alice', action: 'x.y', target: `t${i}`, details: {} });
    const db = new Database(join(dir, 'xdr.db'));
    db.exec('DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update');
    db.prepare('DELETE FROM audit WHERE id = 2').run();
    db.close();
    expect((await store.verifyAudit()).firstBad).toMatchObject({ id: 3 });
    const db2 = new Database(join(dir, 'xdr.db'));
    // a forger who recomputes entry 3's own hash still breaks entry 4's prev_hash
    const row = db2.prepare('SELECT * FROM audit WHERE id = 1').get() as { hash: string };
    const forged = auditHash(row.hash, { id: 3, at: T0 + 2, actor: 'alice', action: 'x.y', target: 't2', details: {} });
    db2.prepare('UPDATE audit SET id = 2, prev_hash = ?, hash = ? WHERE id = 3').run(row.hash, auditHash(row.hash, { id: 2, at: T0 + 2, actor: 'alice', action: 'x.y', target: 't2', details: {} }));
    db2.close();
    expect(forged).not.toBe('');
    const v = await store.verifyAudit();
    expect(v.firstBad).toMatchObject({ id: 4 });
    expect(v.firstBad!.reason).toMatch(/missing|prev_hash/);
  });

  it('the migration chains entries written before the chain existed', async () => {
    const file = join(dir, 'old.db');
    const db = new Database(file);
    db.transaction(() => { for (const m of MIGRATIONS.filter((m) => m.version <= 3)) m.up(db); })();
    db.pragma('user_version = 3');
    const ins = db.prepare('INSERT INTO audit (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < 3; i++) ins.run(T0 + i, 'cli', 'token.create', `t${i}`, JSON.stringify({ i }));
    db.close();
    const migrated = SqliteStore.open(file);
    try {
      expect(await migrated.verifyAudit()).toMatchObject({ ok: true, entries: 3 });
      await migrated.appendAudit({ at: T0 + 9, actor: 'cli', action: 'x', target: 'y', details: {} });
      expect(await migrated.verifyAudit()).toMatchObject({ ok: true, entries: 4 });
      const db2 = new Database(file);
      expect(() => db2.exec("UPDATE audit SET actor = 'x'")).toThrow(/append-only/);
      db2.close();
    } finally {
      await migrated.close();
    }
  });
});
