// The SQLite store against real database files in temp directories.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EcsEvent } from '../pipeline/ecs.js';
import { columnFor, openStore, SqliteStore, StoreError, type BatchToCommit, type NewAgent, type Store } from './index.js';
import { syntheticEvent } from './synthetic-events.js';

let dir: string;
const open: SqliteStore[] = [];

function fresh(file = join(dir, 'xdr.db')): SqliteStore {
  const s = SqliteStore.open(file);
  open.push(s);
  return s;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-store-test-'));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2025, 0, 1);

/** Every field of the catalogue populated, of every type. */
const RICH: EcsEvent = {
  '@timestamp': T0 + 123,
  'event.id': 'ev-1',
  'event.kind': 'event',
  'event.category': 'process',
  'event.type': 'start',
  'event.action': 'process_started',
  'event.outcome': 'success',
  'event.reason': 'a reason with "quotes", commas, and ünïcödé',
  'event.count': 3,
  'host.id': 'h-1',
  'host.name': 'web-1',
  'host.ip': ['10.0.0.5', 'fe80::1'],
  'agent.id': 'agent-1',
  'process.entity_id': 'h-1:42:1000',
  'process.pid': 42,
  'process.name': 'curl',
  'process.executable': '/usr/bin/curl',
  'process.command_line': "curl -s 'http://x/?a=1;b=2'",
  'process.args': ['curl', '-s', 'http://x/?a=1;b=2', ''],
  'process.working_directory': '/tmp',
  'process.hash.sha256': 'ab'.repeat(32),
  'process.user.name': 'root',
  'process.user.id': '0',
  'process.start': T0 - 5,
  'process.exit_code': 0,
  'process.parent.entity_id': 'h-1:1:1',
  'process.parent.pid': 1,
  'process.parent.name': 'bash',
  'process.parent.executable': '/bin/bash',
  'process.parent.command_line': '-bash',
  'file.path': '/etc/passwd',
  'file.name': 'passwd',
  'file.directory': '/etc',
  'file.extension': '',
  'file.original.path': '/etc/passwd-',
  'file.size': 2_147_483_648_123,
  'file.mode': '0644',
  'file.owner': 'root',
  'file.hash.sha256': 'cd'.repeat(32),
  'source.ip': '10.0.0.5',
  'source.port': 51515,
  'destination.ip': '1.2.3.4',
  'destination.port': 443,
  'destination.domain': 'example.com',
  'network.transport': 'tcp',
  'network.direction': 'egress',
  'user.name': 'alice',
};

function ev(ts: number, fields: Partial<EcsEvent> = {}): EcsEvent {
  return { '@timestamp': ts, 'host.id': 'h-1', ...fields } as EcsEvent;
}

function batch(agentId: string, seq: number, events: EcsEvent[]): BatchToCommit {
  return { agentId, seq, events };
}

async function all(store: Store, filter: Parameters<Store['countEvents']>[0] = {}): Promise<EcsEvent[]> {
  return (await store.queryEvents({ ...filter, limit: 1_000_000 })).events;
}

const agent = (id: string): NewAgent => ({
  id,
  publicKey: Buffer.alloc(32, 7),
  hostname: `host-${id}`,
  inventory: null,
  version: '0.1.0',
  enrolledAt: T0,
});

describe('columns', () => {
  it('derives column names from ECS names', () => {
    expect(columnFor('process.command_line')).toBe('process_command_line');
    expect(columnFor('@timestamp')).toBe('ts');
    expect(columnFor('process.parent.entity_id')).toBe('process_parent_entity_id');
  });

  it('creates one events column per catalogue field, plus provenance', () => {
    const store = fresh();
    void store;
    const db = new Database(join(dir, 'xdr.db'), { readonly: true });
    const cols = (db.prepare("SELECT name FROM pragma_table_info('events')").pluck().all() as string[]);
    db.close();
    expect(cols).toEqual(expect.arrayContaining(['id', 'batch_agent_id', 'seq', 'idx', 'ts', 'process_command_line', 'host_ip', 'agent_id']));
    expect(cols.length).toBe(4 + Object.keys(RICH).length);
  });
});

describe('opening', () => {
  it('creates parent directories and a 0600 file in WAL mode; openStore uses DATADIR/xdr.db', async () => {
    const store = openStore(join(dir, 'a', 'b'));
    await store.setSetting('k', 'v');
    const file = join(dir, 'a', 'b', 'xdr.db');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    db.close();
    await store.close();
  });

  it('reopens an existing store without migrating twice', async () => {
    const a = fresh();
    await a.setSetting('retention_days', '30');
    await a.close();
    const b = fresh();
    expect(await b.getSetting('retention_days')).toBe('30');
  });

  it('refuses a database from a newer schema', async () => {
    const file = join(dir, 'xdr.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => SqliteStore.open(file)).toThrow(/schema version 999/);
  });
});

describe('commitBatches', () => {
  it('round-trips a rich event exactly: arrays, numbers, empty strings, absent fields', async () => {
    const store = fresh();
    const sparse = ev(T0, { 'process.name': 'sh' });
    expect(await store.commitBatches([batch('agent-1', 1, [RICH, sparse])])).toEqual([{ duplicate: false, written: 2 }]);
    const got = await all(store);
    expect(got).toEqual([RICH, sparse]); // newest first
    expect(got[0]).toStrictEqual(RICH);
    expect(got[1]).toStrictEqual(sparse);
    expect(Object.keys(got[1]).sort()).toEqual(['@timestamp', 'host.id', 'process.name']);
    expect(typeof got[0]['process.pid']).toBe('number');
    expect(got[0]['file.size']).toBe(2_147_483_648_123);
  });

  it('ignores a duplicate batch, in the same store and after reopening', async () => {
    let store = fresh();
    const b = batch('agent-1', 7, [ev(T0), ev(T0 + 1)]);
    expect(await store.commitBatches([b])).toEqual([{ duplicate: false, written: 2 }]);
    expect(await store.commitBatches([b])).toEqual([{ duplicate: true, written: 0 }]);
    // A duplicate inside one group commit, next to a new batch.
    expect(await store.commitBatches([b, batch('agent-1', 8, [ev(T0 + 2)]), batch('agent-1', 8, [ev(T0 + 2)])])).toEqual([
      { duplicate: true, written: 0 },
      { duplicate: false, written: 1 },
      { duplicate: true, written: 0 },
    ]);
    await store.close();
    store = fresh();
    expect(await store.commitBatches([b])).toEqual([{ duplicate: true, written: 0 }]);
    expect(await store.countEvents({})).toBe(3);
  });

  it('stores batches with the same seq from two agents', async () => {
    const store = fresh();
    const out = await store.commitBatches([batch('agent-1', 1, [ev(T0)]), batch('agent-2', 1, [ev(T0 + 1)])]);
    expect(out).toEqual([{ duplicate: false, written: 1 }, { duplicate: false, written: 1 }]);
    expect(await store.countEvents({})).toBe(2);
  });

  it('rolls back the whole group commit on a bad event, says what failed, and leaves no partial rows', async () => {
    const store = fresh();
    await store.commitBatches([batch('agent-1', 1, [ev(T0)])]);
    const bad = [
      batch('agent-1', 2, [ev(T0 + 1), ev(T0 + 2)]),
      batch('agent-2', 1, [ev(T0 + 3), { ...ev(T0 + 4), 'process.pid': 'not-a-number' } as unknown as EcsEvent]),
    ];
    const err = await store.commitBatches(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('STORE_BAD_EVENT');
    expect((err as Error).message).toMatch(/batch 1 of agent agent-2, event 1: field "process.pid"/);
    expect(await store.countEvents({})).toBe(1);
    // The batches of the failed commit were not marked committed: a corrected retry writes them.
    bad[1].events[1] = ev(T0 + 4, { 'process.pid': 9 });
    expect(await store.commitBatches(bad)).toEqual([{ duplicate: false, written: 2 }, { duplicate: false, written: 2 }]);
    expect(await store.countEvents({})).toBe(5);
  });

  it('refuses unknown fields, wrong types and a missing @timestamp', async () => {
    const store = fresh();
    const cases: Array<[unknown, RegExp]> = [
      [{ '@timestamp': T0, 'process.nam': 'x' }, /"process.nam" is not in the ECS catalogue/],
      [{ '@timestamp': T0, 'host.ip': '10.0.0.1' }, /"host.ip" must be an array of strings/],
      [{ '@timestamp': T0, 'process.name': 5 }, /"process.name" must be a string/],
      [{ '@timestamp': T0, 'file.size': Number.NaN }, /"file.size" must be a finite number/],
      [{ 'process.name': 'x' }, /"@timestamp" is missing/],
    ];
    for (const [event, msg] of cases) {
      await expect(store.commitBatches([batch('a', 1, [event as EcsEvent])])).rejects.toThrow(msg);
    }
    expect(await store.countEvents({})).toBe(0);
    await expect(store.commitBatches([batch('', 1, [])])).rejects.toThrow(/no agent id/);
    await expect(store.commitBatches([batch('a', -1, [])])).rejects.toThrow(/invalid seq/);
  });
});

describe('queryEvents', () => {
  async function seeded(): Promise<SqliteStore> {
    const store = fresh();
    await store.commitBatches([
      batch('a1', 1, [
        ev(T0 + 1, { 'host.id': 'h-1', 'process.name': 'curl', 'process.pid': 10, 'process.args': ['curl', '-s'], 'host.ip': ['10.0.0.1'] }),
        ev(T0 + 2, { 'host.id': 'h-1', 'process.name': 'bash', 'process.pid': 11, 'process.args': ['bash'], 'destination.port': 443 }),
        ev(T0 + 3, { 'host.id': 'h-2', 'process.name': 'curl', 'process.pid': 10, 'process.args': ['curl', '-v'], 'host.ip': ['10.0.0.2', '10.0.0.1'] }),
        ev(T0 + 4, { 'host.id': 'h-2', 'process.name': 'sshd', 'process.parent.entity_id': 'p-1', 'destination.port': 22 }),
      ]),
    ]);
    return store;
  }

  const ts = (events: EcsEvent[]) => events.map((e) => e['@timestamp'] - T0);

  it('filters by equality, array containment, numeric fields and time range', async () => {
    const store = await seeded();
    expect(ts(await all(store, { equals: [{ field: 'process.name', value: 'curl' }] }))).toEqual([3, 1]);
    expect(ts(await all(store, { equals: [{ field: 'process.name', value: 'curl' }, { field: 'host.id', value: 'h-2' }] }))).toEqual([3]);
    expect(ts(await all(store, { equals: [{ field: 'process.args', value: '-s' }] }))).toEqual([1]);
    expect(ts(await all(store, { equals: [{ field: 'host.ip', value: '10.0.0.1' }] }))).toEqual([3, 1]);
    expect(ts(await all(store, { equals: [{ field: 'host.ip', value: '10.0.0' }] }))).toEqual([]);
    expect(ts(await all(store, { equals: [{ field: 'destination.port', value: 443 }] }))).toEqual([2]);
    expect(ts(await all(store, { equals: [{ field: 'destination.port', value: '22' }] }))).toEqual([4]); // as from a query string
    expect(ts(await all(store, { equals: [{ field: 'process.pid', value: 10 }] }))).toEqual([3, 1]);
    expect(ts(await all(store, { equals: [{ field: 'process.parent.entity_id', value: 'p-1' }] }))).toEqual([4]);
    expect(ts(await all(store, { from: T0 + 2, to: T0 + 4 }))).toEqual([3, 2]);
    expect(await store.countEvents({ equals: [{ field: 'process.name', value: 'curl' }], from: T0 + 2 })).toBe(1);
    expect(await store.countEvents({})).toBe(4);
  });

  it('rejects fields outside the catalogue and non-numeric values for numeric fields, naming them', async () => {
    const store = await seeded();
    const q = (field: string, value: string | number) => store.queryEvents({ limit: 10, equals: [{ field: field as never, value }] });
    await expect(q('process.name; DROP TABLE events', 'x')).rejects.toThrow(/"process.name; DROP TABLE events": not an ECS field/);
    await expect(store.countEvents({ equals: [{ field: 'nope' as never, value: 1 }] })).rejects.toThrow(/"nope"/);
    await expect(q('destination.port', 'https')).rejects.toThrow(/"destination.port" = "https"/);
    await expect(store.queryEvents({ limit: 0 })).rejects.toThrow(/limit/);
    expect(await store.countEvents({})).toBe(4);
  });

  it('pages newest first and covers every row exactly once, ties on @timestamp included', async () => {
    const store = fresh();
    const batches: BatchToCommit[] = [];
    for (let s = 0; s < 10; s++) {
      // 7 events per batch, many sharing a timestamp, so the cursor must break ties by rowid.
      batches.push(batch('a1', s, Array.from({ length: 7 }, (_, i) => ev(T0 + Math.floor((s * 7 + i) / 3), { 'event.id': `e-${s}-${i}` }))));
    }
    await store.commitBatches(batches);
    const seen: string[] = [];
    let after: { ts: number; rowid: number } | undefined;
    let pages = 0;
    let last = Infinity;
    for (;;) {
      const page = await store.queryEvents({ limit: 4, after });
      pages++;
      for (const e of page.events) {
        expect(e['@timestamp']).toBeLessThanOrEqual(last);
        last = e['@timestamp'];
        seen.push(e['event.id'] as string);
      }
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.length).toBe(70);
    expect(new Set(seen).size).toBe(70);
    expect(pages).toBe(18); // 70 / 4 rounded up: no empty trailing page
    // Pagination with a filter.
    const filtered = await store.queryEvents({ limit: 2, from: T0 + 5, to: T0 + 7 });
    const rest = await store.queryEvents({ limit: 10, from: T0 + 5, to: T0 + 7, after: filtered.next });
    expect(filtered.events.length + rest.events.length).toBe(6);
    expect(rest.next).toBeUndefined();
  });
});

describe('deleteEventsBefore', () => {
  it('deletes only rows older than the cutoff, in chunks, and prunes old batch records', async () => {
    const store = fresh();
    const old = Array.from({ length: 25_000 }, (_, i) => ev(T0 + (i % 1000)));
    await store.commitBatches([batch('a1', 1, old.slice(0, 12_500)), batch('a1', 2, old.slice(12_500))]);
    await store.commitBatches([batch('a1', 3, [ev(T0 + 1000), ev(T0 + 5000)])]);
    expect(await store.deleteEventsBefore(T0 + 1000)).toBe(25_000);
    expect(ts(await all(store))).toEqual([5000, 1000]);
    // Batch records are pruned by commit time: with a cutoff in the future, they go too and a
    // re-sent old batch would be written again (the agent's spool never holds batches that old).
    expect(await store.commitBatches([batch('a1', 3, [ev(T0 + 1000)])])).toEqual([{ duplicate: true, written: 0 }]);
    await store.deleteEventsBefore(Date.now() + 60_000);
    expect(await store.commitBatches([batch('a1', 3, [ev(Date.now() + 120_000)])])).toEqual([{ duplicate: false, written: 1 }]);
  });

  const ts = (events: EcsEvent[]) => events.map((e) => e['@timestamp'] - T0);
});

describe('agents and enroll tokens', () => {
  const token = (hash: string, usesLeft: number, expiresAt = T0 + 3_600_000) => ({
    id: `tok-${hash}`,
    hash,
    createdAt: T0,
    expiresAt,
    usesLeft,
    createdBy: 'cli',
  });

  it('consumes one use per enrolment; a second enrolment on a 1-use token is refused', async () => {
    const store = fresh();
    await store.createEnrollToken(token('h1', 1));
    const first = await store.enrollAgent('h1', agent('ag-1'), T0 + 1);
    expect(first).toMatchObject({ ok: true, agent: { id: 'ag-1', hostname: 'host-ag-1', isolated: false, revokedAt: null, lastSeen: null } });
    expect(first.ok && first.agent.publicKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(await store.enrollAgent('h1', agent('ag-2'), T0 + 2)).toEqual({ ok: false, reason: 'token_used_up' });
    expect(await store.getAgent('ag-2')).toBeUndefined();
    expect((await store.listEnrollTokens())[0].usesLeft).toBe(0);
  });

  it('refuses unknown and expired tokens without creating an agent', async () => {
    const store = fresh();
    await store.createEnrollToken(token('h2', 5, T0 + 100));
    expect(await store.enrollAgent('nope', agent('ag-1'), T0)).toEqual({ ok: false, reason: 'unknown_token' });
    expect(await store.enrollAgent('h2', agent('ag-1'), T0 + 100)).toEqual({ ok: false, reason: 'expired_token' });
    expect(await store.listAgents()).toEqual([]);
    expect((await store.listEnrollTokens())[0].usesLeft).toBe(5);
  });

  it('does not consume a use when the agent cannot be created (duplicate id)', async () => {
    const store = fresh();
    await store.createEnrollToken(token('h3', 2));
    expect((await store.enrollAgent('h3', agent('ag-1'), T0)).ok).toBe(true);
    await expect(store.enrollAgent('h3', agent('ag-1'), T0)).rejects.toThrow(/enrolling agent ag-1 failed/);
    expect((await store.listEnrollTokens())[0].usesLeft).toBe(1);
  });

  it('records connections and revocation', async () => {
    const store = fresh();
    await store.createEnrollToken(token('h4', 1));
    await store.enrollAgent('h4', agent('ag-1'), T0);
    const inventory = {
      hostId: 'h', hostname: 'web-1', osName: 'Debian', osVersion: '12', osPlatform: 'linux', kernel: '6.1', arch: 'x64',
      ips: ['10.0.0.1'], macs: ['aa:bb'], cpuModel: 'x', cpuCores: 2, memoryBytes: 4e9, collectedAt: T0,
    };
    await store.touchAgent('ag-1', { at: T0 + 10, version: '0.2.0', inventory });
    await store.touchAgent('ag-1', { at: T0 + 20 });
    expect(await store.getAgent('ag-1')).toMatchObject({ lastSeen: T0 + 20, version: '0.2.0', inventory });
    expect(await store.revokeAgent('ag-1', T0 + 30)).toBe(true);
    expect(await store.revokeAgent('ag-1', T0 + 40)).toBe(true);
    expect((await store.getAgent('ag-1'))?.revokedAt).toBe(T0 + 30);
    expect(await store.revokeAgent('ghost', T0)).toBe(false);
    expect((await store.listAgents()).map((a) => a.id)).toEqual(['ag-1']);
  });
});

describe('API tokens, settings, audit', () => {
  it('finds API tokens by hash and revokes them', async () => {
    const store = fresh();
    await store.createApiToken({ id: 't1', hash: 'hash-1', user: 'admin', role: 'admin', createdAt: T0, revokedAt: null });
    await store.createApiToken({ id: 't2', hash: 'hash-2', user: 'ann', role: 'analyst', createdAt: T0 + 1, revokedAt: null });
    expect(await store.findApiToken('hash-2')).toEqual({ id: 't2', hash: 'hash-2', user: 'ann', role: 'analyst', createdAt: T0 + 1, revokedAt: null });
    expect(await store.findApiToken('hash-3')).toBeUndefined();
    expect(await store.revokeApiToken('t2', T0 + 5)).toBe(true);
    expect((await store.findApiToken('hash-2'))?.revokedAt).toBe(T0 + 5);
    expect(await store.revokeApiToken('t9', T0)).toBe(false);
    expect((await store.listApiTokens()).map((t) => t.id)).toEqual(['t1', 't2']);
    await expect(store.createApiToken({ id: 't3', hash: 'hash-1', user: 'x', role: 'viewer', createdAt: T0, revokedAt: null })).rejects.toThrow(StoreError);
  });

  it('keeps settings and an append-only audit log, newest first', async () => {
    const store = fresh();
    expect(await store.getSetting('retention_days')).toBeUndefined();
    await store.setSetting('retention_days', '30');
    await store.setSetting('retention_days', '7');
    expect(await store.getSetting('retention_days')).toBe('7');
    await store.appendAudit({ at: T0, actor: 'cli', action: 'token.create', target: 't1', details: { role: 'admin' } });
    await store.appendAudit({ at: T0 + 1, actor: 'admin', action: 'agent.revoke', target: 'ag-1', details: {} });
    expect(await store.listAudit(10)).toEqual([
      expect.objectContaining({ id: 2, at: T0 + 1, actor: 'admin', action: 'agent.revoke', target: 'ag-1', details: {} }),
      expect.objectContaining({ id: 1, at: T0, actor: 'cli', action: 'token.create', target: 't1', details: { role: 'admin' } }),
    ]);
    expect(await store.listAudit(1)).toHaveLength(1);
    const db = new Database(join(dir, 'xdr.db'));
    expect(() => db.exec('DELETE FROM audit')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE audit SET actor = 'x'")).toThrow(/append-only/);
    db.close();
  });
});

describe('two writers on one file', () => {
  it('a second store (the CLI) writes while the first (the server) is open and committing', async () => {
    const server = fresh();
    const cli = fresh();
    await server.commitBatches([batch('a1', 1, [ev(T0)])]);
    await cli.createApiToken({ id: 't1', hash: 'h', user: 'u', role: 'viewer', createdAt: T0, revokedAt: null });
    await cli.createEnrollToken({ id: 'e1', hash: 'eh', createdAt: T0, expiresAt: T0 + 1000, usesLeft: 1, createdBy: 'cli' });
    await server.commitBatches([batch('a1', 2, [ev(T0 + 1)])]);
    expect(await server.findApiToken('h')).toMatchObject({ id: 't1' });
    expect((await server.enrollAgent('eh', agent('ag-1'), T0)).ok).toBe(true);
    expect(await cli.countEvents({})).toBe(2);
    expect(await cli.commitBatches([batch('a1', 2, [ev(T0 + 1)])])).toEqual([{ duplicate: true, written: 0 }]);
  });

  it('waits for another process holding the write lock instead of failing (busy_timeout)', async () => {
    const store = fresh();
    const file = join(dir, 'xdr.db');
    // Another process takes the write lock and holds it for 700 ms.
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const child = spawn(process.execPath, ['-e', `
      const D = require(${JSON.stringify(driver)});
      const db = new D(${JSON.stringify(file)});
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO settings (key, value) VALUES ('from', 'child')").run();
      process.stdout.write('locked\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 700);
      db.exec('COMMIT');
      db.close();
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const start = Date.now();
    await store.commitBatches([batch('a1', 1, [ev(T0)])]);
    expect(Date.now() - start).toBeGreaterThan(300);
    expect(await exited).toBe(0);
    expect(await store.getSetting('from')).toBe('child');
    expect(await store.countEvents({})).toBe(1);
  });
});

describe('synthetic load', () => {
  it('round-trips generated events across many shapes of batch', async () => {
    const store = fresh();
    const events = Array.from({ length: 50 }, (_, i) => syntheticEvent(i % 3, i, T0 + i));
    await store.commitBatches([batch('a1', 1, events)]);
    expect(await all(store)).toEqual([...events].reverse());
  });

  it('round-trips events of more shapes than the statement cache holds (field subsets and orders)', async () => {
    const store = fresh();
    const fields = Object.keys(RICH).filter((f) => f !== '@timestamp');
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const events: EcsEvent[] = Array.from({ length: 800 }, (_, i) => {
      const e: Record<string, unknown> = {};
      for (const f of [...fields].sort(() => rand() - 0.5)) if (rand() < 0.4) e[f] = RICH[f as keyof EcsEvent];
      e['@timestamp'] = T0 + i;
      return e as EcsEvent;
    });
    await store.commitBatches([batch('a1', 1, events)]);
    const got = await all(store);
    expect(got).toHaveLength(800);
    got.reverse().forEach((e, i) => expect(e).toStrictEqual(events[i]));
  });
});
