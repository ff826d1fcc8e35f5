// The embedded store: one SQLite file (better-sqlite3, WAL) holding activity, agents, tokens,
// settings and the audit log. Statements are prepared once; batches are written in one
// transaction per commitBatches call. Only this folder writes SQL.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { EcsEvent } from '../pipeline/ecs.js';
import { EVENT_COLUMNS, EVENT_COLUMN_BY_FIELD, rowToEvent, type EventColumn } from './event-columns.js';
import { StoreError } from './errors.js';
import { migrate } from './migrations.js';
import { SqliteAudit } from './sqlite-audit.js';
import { SqliteDetection } from './sqlite-detection.js';
import { SqliteGraph } from './sqlite-graph.js';
import { SqliteResponse } from './sqlite-response.js';
import { SqliteSearch } from './sqlite-search.js';
import type {
  AgentRecord,
  ApiTokenRecord,
  AuditEntry,
  BatchToCommit,
  CommitOutcome,
  EnrollOutcome,
  EnrollTokenRecord,
  EventFilter,
  EventPage,
  EventQuery,
  HostInventoryRecord,
  NewAgent,
  ProcessTree,
  ProcessTreeBounds,
  Role,
  SavedQueryRecord,
  SearchAggRequest,
  SearchAggs,
  SearchPage,
  SearchRequest,
  Store,
} from './store.js';
import type * as D from './store.js';

/** How long a writer waits for another connection's write lock (the CLI while the server runs). */
const BUSY_TIMEOUT_MS = 10_000;
/** Rows deleted per retention transaction: large enough to be cheap, small enough not to stall writers. */
const DELETE_CHUNK = 10_000;
/** Distinct query shapes whose prepared statements are kept. */
const QUERY_CACHE_SIZE = 256;

/** Batch provenance columns bound before the ECS columns in the insert. */
const SELECT_EVENT_COLUMNS = `id, ${EVENT_COLUMNS.map((c) => c.column).join(', ')}`;
/** Distinct event shapes (sets of present fields, in order) with their own insert statement. */
const SHAPE_CACHE_SIZE = 512;

interface AgentRow {
  id: string;
  public_key: Buffer;
  hostname: string;
  inventory: string | null;
  version: string;
  enrolled_at: number;
  last_seen: number | null;
  revoked_at: number | null;
  isolated: number;
}

interface EnrollTokenRow {
  id: string;
  hash: string;
  created_at: number;
  expires_at: number;
  uses_left: number;
  created_by: string;
}

interface ApiTokenRow {
  id: string;
  hash: string;
  user: string;
  role: Role;
  created_at: number;
  revoked_at: number | null;
}

function toAgent(r: AgentRow): AgentRecord {
  return {
    id: r.id,
    publicKey: r.public_key,
    hostname: r.hostname,
    inventory: r.inventory === null ? null : (JSON.parse(r.inventory) as HostInventoryRecord),
    version: r.version,
    enrolledAt: r.enrolled_at,
    lastSeen: r.last_seen,
    revokedAt: r.revoked_at,
    isolated: r.isolated !== 0,
  };
}

function toEnrollToken(r: EnrollTokenRow): EnrollTokenRecord {
  return { id: r.id, hash: r.hash, createdAt: r.created_at, expiresAt: r.expires_at, usesLeft: r.uses_left, createdBy: r.created_by };
}

function toApiToken(r: ApiTokenRow): ApiTokenRecord {
  return { id: r.id, hash: r.hash, user: r.user, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at };
}

function badEvent(b: BatchToCommit, index: number, field: string, what: string): StoreError {
  return new StoreError(
    'STORE_BAD_EVENT',
    `batch ${b.seq} of agent ${b.agentId}, event ${index}: field "${field}" ${what}; nothing of this commit was written`,
    { agentId: b.agentId, seq: b.seq, index, field },
  );
}

function encodeValue(c: EventColumn, v: unknown, b: BatchToCommit, index: number): unknown {
  switch (c.kind) {
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw badEvent(b, index, c.field, `must be a finite number (${c.type}), got ${JSON.stringify(v)}`);
      return v;
    case 'text':
      if (typeof v !== 'string') throw badEvent(b, index, c.field, `must be a string (${c.type}), got ${JSON.stringify(v)}`);
      return v;
    case 'json':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
        throw badEvent(b, index, c.field, `must be an array of strings (${c.type}), got ${JSON.stringify(v)}`);
      }
      return JSON.stringify(v);
  }
}

/**
 * Writes events with one prepared INSERT per event shape (the fields present, in the order the
 * event lists them): binding only the present columns instead of the whole catalogue keeps the
 * per-row cost proportional to what an event holds. Events of one kind from the normaliser
 * share a shape, so there are few; past SHAPE_CACHE_SIZE a statement naming every column is used.
 */
class EventInserter {
  private readonly shapes = new Map<string, Database.Statement>();
  private readonly full: Database.Statement;
  private readonly params: unknown[] = [];
  private readonly fullParams: unknown[] = new Array(3 + EVENT_COLUMNS.length);
  private readonly present: EventColumn[] = [];

  constructor(private readonly db: Database.Database) {
    this.full = this.prepare(EVENT_COLUMNS);
  }

  private prepare(cols: readonly EventColumn[]): Database.Statement {
    const names = cols.map((c) => c.column).join(', ');
    return this.db.prepare(`INSERT INTO events (batch_agent_id, seq, idx, ${names}) VALUES (?, ?, ?${', ?'.repeat(cols.length)})`);
  }

  /** Inserts event `index` of batch `b`, checking every value against the catalogue so that what is read back is exactly what was written. */
  insert(b: BatchToCommit, index: number): void {
    const ev = b.events[index] as Record<string, unknown> | null | undefined;
    if (typeof ev !== 'object' || ev === null) throw badEvent(b, index, '(event)', 'is not an object');
    const params = this.params;
    const present = this.present;
    params.length = 3;
    present.length = 0;
    params[0] = b.agentId;
    params[1] = b.seq;
    params[2] = index;
    let shape = '';
    let hasTs = false;
    for (const field in ev) {
      const v = ev[field];
      if (v === undefined || v === null) continue;
      const c = EVENT_COLUMN_BY_FIELD.get(field);
      if (c === undefined) throw badEvent(b, index, field, 'is not in the ECS catalogue (pipeline/ecs.ts)');
      params.push(encodeValue(c, v, b, index));
      present.push(c);
      shape += c.column + ',';
      if (c.column === 'ts') hasTs = true;
    }
    if (!hasTs) throw badEvent(b, index, '@timestamp', 'is missing');
    let st = this.shapes.get(shape);
    if (st === undefined && this.shapes.size < SHAPE_CACHE_SIZE) {
      st = this.prepare(present);
      this.shapes.set(shape, st);
    }
    if (st !== undefined) {
      st.run(params);
      return;
    }
    const full = this.fullParams;
    full.fill(null, 3);
    full[0] = b.agentId;
    full[1] = b.seq;
    full[2] = index;
    for (let i = 0; i < present.length; i++) full[3 + present[i].position] = params[3 + i];
    this.full.run(full);
  }
}

function checkBatch(b: BatchToCommit): void {
  if (typeof b?.agentId !== 'string' || b.agentId === '') {
    throw new StoreError('STORE_BAD_EVENT', `batch has no agent id (got ${JSON.stringify(b?.agentId)}); nothing of this commit was written`);
  }
  if (!Number.isSafeInteger(b.seq) || b.seq < 0) {
    throw new StoreError('STORE_BAD_EVENT', `batch of agent ${b.agentId} has an invalid seq ${JSON.stringify(b.seq)}; nothing of this commit was written`, { agentId: b.agentId });
  }
  if (!Array.isArray(b.events)) {
    throw new StoreError('STORE_BAD_EVENT', `batch ${b.seq} of agent ${b.agentId} has no events array; nothing of this commit was written`, { agentId: b.agentId, seq: b.seq });
  }
}

interface Where {
  sql: string;
  params: unknown[];
}

/** Builds the WHERE clause of a filter. Column names come only from the catalogue; values are always bound. */
function whereOf(filter: EventFilter): Where {
  const terms: string[] = [];
  const params: unknown[] = [];
  for (const { field, value } of filter.equals ?? []) {
    const c = EVENT_COLUMN_BY_FIELD.get(field);
    if (c === undefined) {
      throw new StoreError('STORE_BAD_QUERY', `cannot filter on "${field}": not an ECS field of the catalogue`, { field });
    }
    if (c.kind === 'integer') {
      const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
      if (!Number.isFinite(n)) {
        throw new StoreError('STORE_BAD_QUERY', `cannot filter on "${field}" = ${JSON.stringify(value)}: the field holds numbers (${c.type})`, { field });
      }
      terms.push(`${c.column} = ?`);
      params.push(n);
    } else if (c.kind === 'json') {
      // Array fields: equality means "the array contains the value".
      terms.push(`EXISTS (SELECT 1 FROM json_each(events.${c.column}) WHERE json_each.value = ?)`);
      params.push(String(value));
    } else {
      terms.push(`${c.column} = ?`);
      params.push(String(value));
    }
  }
  for (const [name, bound, op] of [['from', filter.from, '>='], ['to', filter.to, '<']] as const) {
    if (bound === undefined) continue;
    if (typeof bound !== 'number' || !Number.isFinite(bound)) {
      throw new StoreError('STORE_BAD_QUERY', `"${name}" must be a time in ms since the epoch, got ${JSON.stringify(bound)}`, { field: name });
    }
    terms.push(`ts ${op} ?`);
    params.push(bound);
  }
  return { sql: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`, params };
}

function prepareStatements(db: Database.Database) {
  return {
    getAgent: db.prepare<[string], AgentRow>('SELECT * FROM agents WHERE id = ?'),
    listAgents: db.prepare<[], AgentRow>('SELECT * FROM agents ORDER BY enrolled_at, id'),
    insertAgent: db.prepare(
      'INSERT INTO agents (id, public_key, hostname, inventory, version, enrolled_at) VALUES (@id, @publicKey, @hostname, @inventory, @version, @enrolledAt)',
    ),
    touchAgent: db.prepare<[number, string | null, string | null, string]>(
      'UPDATE agents SET last_seen = ?, version = COALESCE(?, version), inventory = COALESCE(?, inventory) WHERE id = ?',
    ),
    revokeAgent: db.prepare<[number, string]>('UPDATE agents SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?'),
    enrollTokenByHash: db.prepare<[string], EnrollTokenRow>('SELECT * FROM enroll_tokens WHERE hash = ?'),
    useEnrollToken: db.prepare<[string]>('UPDATE enroll_tokens SET uses_left = uses_left - 1 WHERE id = ? AND uses_left > 0'),
    insertEnrollToken: db.prepare(
      'INSERT INTO enroll_tokens (id, hash, created_at, expires_at, uses_left, created_by) VALUES (@id, @hash, @createdAt, @expiresAt, @usesLeft, @createdBy)',
    ),
    listEnrollTokens: db.prepare<[], EnrollTokenRow>('SELECT * FROM enroll_tokens ORDER BY created_at, id'),
    insertApiToken: db.prepare(
      'INSERT INTO api_tokens (id, hash, user, role, created_at, revoked_at) VALUES (@id, @hash, @user, @role, @createdAt, @revokedAt)',
    ),
    apiTokenByHash: db.prepare<[string], ApiTokenRow>('SELECT * FROM api_tokens WHERE hash = ?'),
    listApiTokens: db.prepare<[], ApiTokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id'),
    revokeApiToken: db.prepare<[number, string]>('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?'),
    getSetting: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    setSetting: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}

export class SqliteStore implements Store {
  private readonly queryCache = new Map<string, Database.Statement>();
  private readonly commitTx: Database.Transaction<(batches: BatchToCommit[], now: number) => CommitOutcome[]>;
  private readonly deleteChunk: Database.Statement<[number, number]>;
  private readonly pruneBatches: Database.Statement<[number]>;
  private readonly enrollTx: Database.Transaction<(tokenHash: string, agent: NewAgent, now: number) => EnrollOutcome>;
  private readonly stmt: ReturnType<typeof prepareStatements>;
  private readonly deleteChunkTx: Database.Transaction<(before: number) => number>;
  /** search, aggregations, process trees, saved queries (sqlite-search.ts) */
  private readonly searcher: SqliteSearch;
  /** OATs, alerts, tuning (sqlite-detection.ts) */
  private readonly detection: SqliteDetection;
  /** the events behind alert graphs (sqlite-graph.ts) */
  private readonly graph: SqliteGraph;
  /** the hash-chained audit log (sqlite-audit.ts) */
  private readonly audit: SqliteAudit;
  /** response actions and shell transcripts (sqlite-response.ts) */
  private readonly response: SqliteResponse;

  private constructor(
    private readonly db: Database.Database,
    /** path of the database file */
    readonly file: string,
  ) {
    const inserter = new EventInserter(db);
    const insertBatch = db.prepare<[string, number, number, number]>(
      'INSERT OR IGNORE INTO batches (agent_id, seq, events, committed_at) VALUES (?, ?, ?, ?)',
    );

    // Dedup is per batch: a batch is committed atomically and never changes, so "(agent, seq)
    // already present" is the same as "every (agent, seq, index) of it already present".
    this.commitTx = db.transaction((batches: BatchToCommit[], now: number) => {
      const out: CommitOutcome[] = [];
      for (const b of batches) {
        checkBatch(b);
        if (insertBatch.run(b.agentId, b.seq, b.events.length, now).changes === 0) {
          out.push({ duplicate: true, written: 0 });
          continue;
        }
        for (let i = 0; i < b.events.length; i++) inserter.insert(b, i);
        out.push({ duplicate: false, written: b.events.length });
      }
      return out;
    });

    this.deleteChunk = db.prepare('DELETE FROM events WHERE id IN (SELECT id FROM events WHERE ts < ? ORDER BY ts LIMIT ?)');
    this.pruneBatches = db.prepare('DELETE FROM batches WHERE committed_at < ?');
    this.deleteChunkTx = db.transaction((before: number) => this.deleteChunk.run(before, DELETE_CHUNK).changes);

    this.stmt = prepareStatements(db);
    this.searcher = new SqliteSearch(db);
    this.detection = new SqliteDetection(db);
    this.graph = new SqliteGraph(db);
    this.audit = new SqliteAudit(db);
    this.response = new SqliteResponse(db, this.audit);

    const s = this.stmt;
    this.enrollTx = db.transaction((tokenHash: string, agent: NewAgent, now: number): EnrollOutcome => {
      const t = s.enrollTokenByHash.get(tokenHash);
      if (t === undefined) return { ok: false, reason: 'unknown_token' };
      if (t.expires_at <= now) return { ok: false, reason: 'expired_token' };
      if (s.useEnrollToken.run(t.id).changes === 0) return { ok: false, reason: 'token_used_up' };
      s.insertAgent.run({
        id: agent.id,
        publicKey: agent.publicKey,
        hostname: agent.hostname,
        inventory: agent.inventory === null ? null : JSON.stringify(agent.inventory),
        version: agent.version,
        enrolledAt: agent.enrolledAt,
      });
      return { ok: true, agent: toAgent(s.getAgent.get(agent.id)!) };
    });
  }

  /** Opens (creating when absent, mode 0600, parent directories included) and migrates the database at `file`. */
  static open(file: string): SqliteStore {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Create the file ourselves so it never exists with wider permissions; SQLite gives the
    // -wal and -shm files the same mode as the database.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    const db = new Database(file);
    try {
      // busy_timeout first: switching to WAL and migrating may wait for another process.
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      // Durability: in WAL mode synchronous=FULL fsyncs the WAL on every commit, so a batch
      // acked after commitBatches resolves survives a power cut. The cost is one fsync per
      // transaction, not per batch: the pipeline hands commitBatches every batch that is ready
      // (group commit = one fsynced transaction for many batches).
      db.pragma('synchronous = FULL');
      db.pragma('cache_size = -65536'); // 64 MiB of page cache: index pages stay hot under insert load
      db.pragma('temp_store = MEMORY');
      migrate(db, file);
    } catch (err) {
      db.close();
      if (err instanceof StoreError) throw err;
      throw new StoreError('STORE_SCHEMA', `cannot open the store at ${file}: ${(err as Error).message}`, {}, { cause: err });
    }
    return new SqliteStore(db, file);
  }

  /** Runs a write; any failure other than a StoreError becomes STORE_WRITE_FAILED saying what was being done. */
  private write<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError('STORE_WRITE_FAILED', `${what} failed, nothing was written: ${(err as Error).message}`, {}, { cause: err });
    }
  }

  async commitBatches(batches: BatchToCommit[]): Promise<CommitOutcome[]> {
    if (batches.length === 0) return [];
    return this.write(`committing ${batches.length} batch(es)`, () => this.commitTx.immediate(batches, Date.now()));
  }

  private prepared(sql: string): Database.Statement {
    let st = this.queryCache.get(sql);
    if (st === undefined) {
      st = this.db.prepare(sql);
      if (this.queryCache.size >= QUERY_CACHE_SIZE) this.queryCache.delete(this.queryCache.keys().next().value!);
      this.queryCache.set(sql, st);
    }
    return st;
  }

  async queryEvents(query: EventQuery): Promise<EventPage> {
    const { limit, after } = query;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new StoreError('STORE_BAD_QUERY', `limit must be a positive integer, got ${JSON.stringify(limit)}`, { field: 'limit' });
    }
    const where = whereOf(query);
    let sql = where.sql;
    const params = where.params;
    if (after !== undefined) {
      if (!Number.isFinite(after?.ts) || !Number.isSafeInteger(after?.rowid)) {
        throw new StoreError('STORE_BAD_QUERY', `invalid cursor ${JSON.stringify(after)}`, { field: 'after' });
      }
      // Keyset: rows strictly after (ts, id) in (ts DESC, id DESC) order. The redundant
      // `ts <= ?` gives the planner a plain range on the (.., ts) indexes.
      sql += `${sql === '' ? 'WHERE' : ' AND'} ts <= ? AND (ts < ? OR id < ?)`;
      params.push(after.ts, after.ts, after.rowid);
    }
    // One row more than asked tells whether another page exists.
    params.push(limit + 1);
    const rows = this.prepared(`SELECT ${SELECT_EVENT_COLUMNS} FROM events ${sql} ORDER BY ts DESC, id DESC LIMIT ?`)
      .raw(true)
      .all(...params) as unknown[][];
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const page: EventPage = { events: rows.map(rowToEvent) };
    if (more) {
      const last = rows[rows.length - 1];
      page.next = { ts: last[1] as number, rowid: last[0] as number };
    }
    return page;
  }

  async countEvents(filter: EventFilter): Promise<number> {
    const where = whereOf(filter);
    return this.prepared(`SELECT count(*) FROM events ${where.sql}`).pluck().get(...where.params) as number;
  }

  async deleteEventsBefore(before: number): Promise<number> {
    if (!Number.isFinite(before)) throw new StoreError('STORE_BAD_QUERY', `retention cutoff must be ms since the epoch, got ${before}`);
    let total = 0;
    for (;;) {
      // One short transaction per chunk, and a turn of the event loop between chunks, so the
      // pipeline's commits interleave with a large purge instead of waiting for all of it.
      const n = this.write('deleting old events', () => this.deleteChunkTx.immediate(before));
      total += n;
      if (n < DELETE_CHUNK) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Batch records older than the retention window go too (by commit time): an agent never
    // re-sends a batch that old, since it drops a batch from its spool once it is acked.
    this.write('pruning old batch records', () => this.pruneBatches.run(before));
    return total;
  }

  async enrollAgent(tokenHash: string, agent: NewAgent, now: number): Promise<EnrollOutcome> {
    return this.write(`enrolling agent ${agent.id}`, () => this.enrollTx.immediate(tokenHash, agent, now));
  }

  async getAgent(id: string): Promise<AgentRecord | undefined> {
    const r = this.stmt.getAgent.get(id);
    return r === undefined ? undefined : toAgent(r);
  }

  async listAgents(): Promise<AgentRecord[]> {
    return this.stmt.listAgents.all().map(toAgent);
  }

  async touchAgent(id: string, seen: { at: number; version?: string; inventory?: HostInventoryRecord }): Promise<void> {
    const inventory = seen.inventory === undefined ? null : JSON.stringify(seen.inventory);
    this.write(`recording a connection of agent ${id}`, () => this.stmt.touchAgent.run(seen.at, seen.version ?? null, inventory, id));
  }

  async revokeAgent(id: string, at: number): Promise<boolean> {
    return this.write(`revoking agent ${id}`, () => this.stmt.revokeAgent.run(at, id).changes > 0);
  }

  async createEnrollToken(token: EnrollTokenRecord): Promise<void> {
    this.write(`creating enroll token ${token.id}`, () => this.stmt.insertEnrollToken.run(token));
  }

  async listEnrollTokens(): Promise<EnrollTokenRecord[]> {
    return this.stmt.listEnrollTokens.all().map(toEnrollToken);
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    this.write(`creating API token ${token.id}`, () => this.stmt.insertApiToken.run(token));
  }

  /** The token with this hash, revoked or not: the caller checks `revokedAt`. */
  async findApiToken(hash: string): Promise<ApiTokenRecord | undefined> {
    const r = this.stmt.apiTokenByHash.get(hash);
    return r === undefined ? undefined : toApiToken(r);
  }

  async listApiTokens(): Promise<ApiTokenRecord[]> {
    return this.stmt.listApiTokens.all().map(toApiToken);
  }

  async revokeApiToken(id: string, at: number): Promise<boolean> {
    return this.write(`revoking API token ${id}`, () => this.stmt.revokeApiToken.run(at, id).changes > 0);
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.stmt.getSetting.get(key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.write(`setting ${key}`, () => this.stmt.setSetting.run(key, value));
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.write(`appending audit entry ${entry.action}`, () => this.audit.append(entry));
  }

  /** Newest first. */
  async listAudit(limit: number): Promise<D.StoredAuditEntry[]> {
    return this.audit.recent(limit);
  }

  async verifyAudit(): Promise<D.AuditVerification> {
    return this.audit.verify();
  }

  async findAgentsByHostname(hostname: string): Promise<AgentRecord[]> {
    return this.response.agentIdsByHostname(hostname).map((id) => toAgent(this.stmt.getAgent.get(id)!));
  }

  async setAgentIsolated(id: string, isolated: boolean): Promise<boolean> {
    return this.write(`recording the isolation state of agent ${id}`, () => this.response.setAgentIsolated(id, isolated));
  }

  async createResponse(record: D.ResponseRecord, audit: AuditEntry): Promise<void> {
    this.write(`recording response action ${record.id}`, () => this.response.create(record, audit));
  }

  async getResponse(id: string): Promise<D.ResponseRecord | undefined> {
    return this.response.get(id);
  }

  async listResponses(query: D.ResponseQuery): Promise<D.ResponsePage> {
    return this.response.list(query);
  }

  async responsesInStatus(statuses: readonly D.ResponseStatus[], filter?: { agentId?: string; expiresBefore?: number }): Promise<D.ResponseRecord[]> {
    return this.response.inStatus(statuses, filter);
  }

  async transitionResponse(id: string, t: D.ResponseTransition): Promise<D.ResponseRecord | undefined> {
    return this.write(`moving response action ${id} to ${t.to}`, () => this.response.transition(id, t));
  }

  async appendTranscript(actionId: string, chunks: D.TranscriptChunk[], maxBytes: number): Promise<{ bytes: number; truncated: boolean }> {
    return this.write(`recording the transcript of ${actionId}`, () => this.response.appendTranscript(actionId, chunks, maxBytes));
  }

  async readTranscript(actionId: string): Promise<D.TranscriptChunk[]> {
    return this.response.readTranscript(actionId);
  }

  async searchEvents(request: SearchRequest): Promise<SearchPage> {
    return this.searcher.search(request);
  }

  async aggregateEvents(request: SearchAggRequest): Promise<SearchAggs> {
    return this.searcher.aggregate(request);
  }

  async indexSearchText(maxRows: number): Promise<number> {
    let done = 0;
    while (done < maxRows) {
      // One short transaction per chunk and a turn of the event loop between chunks, as for
      // retention: the pipeline's commits interleave with a long catch-up.
      const n = this.write('indexing event text for search', () => this.searcher.indexChunk(maxRows - done));
      done += n;
      if (n === 0) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return done;
  }

  async alertGraphEvents(request: D.AlertGraphEventsRequest): Promise<D.AlertGraphEvents> {
    return this.graph.alertGraphEvents(request);
  }

  async searchIndexLag(): Promise<number> {
    return this.searcher.indexLag();
  }

  async processTree(entityId: string, bounds: ProcessTreeBounds): Promise<ProcessTree | undefined> {
    return this.searcher.processTree(entityId, bounds);
  }

  async listSavedQueries(owner: string): Promise<SavedQueryRecord[]> {
    return this.searcher.listSaved(owner);
  }

  async createSavedQuery(record: SavedQueryRecord): Promise<void> {
    this.write(`saving query ${record.id}`, () => this.searcher.createSaved(record));
  }

  async deleteSavedQuery(owner: string, id: string): Promise<boolean> {
    return this.write(`deleting saved query ${id}`, () => this.searcher.deleteSaved(owner, id));
  }

  async recordDetections(write: D.DetectionWrite): Promise<D.DetectionWriteResult> {
    return this.write(`recording ${write.oats.length} OAT(s) and ${write.alerts.length} alert firing(s)`, () => this.detection.record(write));
  }

  async queryOats(query: D.OatQuery): Promise<D.OatPage> {
    return this.detection.queryOats(query);
  }

  async oatsForEvents(eventIds: readonly string[], limit: number): Promise<D.OatRecord[]> {
    return this.detection.oatsForEvents(eventIds, limit);
  }

  async listAlerts(query: D.AlertQuery): Promise<D.AlertPage> {
    return this.detection.listAlerts(query);
  }

  async getAlert(id: string): Promise<D.AlertRecord | undefined> {
    return this.detection.getAlert(id);
  }

  async updateAlert(id: string, patch: D.AlertPatch): Promise<D.AlertRecord | undefined> {
    return this.write(`updating alert ${id}`, () => this.detection.updateAlert(id, patch));
  }

  async openAlertsOfHost(hostId: string): Promise<D.AlertRecord[]> {
    return this.detection.openAlertsOfHost(hostId);
  }

  async setAlertScores(scores: Array<{ id: string; score: number; scoreParts: D.AlertScoreParts }>, at: number): Promise<void> {
    this.write('re-scoring alerts', () => this.detection.setAlertScores(scores, at));
  }

  async listDetectionStates(): Promise<D.DetectionStateRecord[]> {
    return this.detection.listDetectionStates();
  }

  async setDetectionState(state: D.DetectionStateRecord): Promise<void> {
    this.write(`setting the state of detection ${state.ruleId}`, () => this.detection.setDetectionState(state));
  }

  async listExceptions(): Promise<D.DetectionExceptionRecord[]> {
    return this.detection.listExceptions();
  }

  async getException(id: string): Promise<D.DetectionExceptionRecord | undefined> {
    return this.detection.getException(id);
  }

  async saveException(record: D.DetectionExceptionRecord): Promise<void> {
    this.write(`saving exception ${record.id}`, () => this.detection.saveException(record));
  }

  async deleteException(id: string): Promise<boolean> {
    return this.write(`deleting exception ${id}`, () => this.detection.deleteException(id));
  }

  async listHostCriticality(): Promise<D.HostCriticalityRecord[]> {
    return this.detection.listHostCriticality();
  }

  async setHostCriticality(hostId: string, criticality: D.AssetCriticality | null, by: string, at: number): Promise<void> {
    this.write(`setting the criticality of host ${hostId}`, () => this.detection.setHostCriticality(hostId, criticality, by, at));
  }

  async deleteOatsBefore(before: number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = this.write('deleting old OATs', () => this.detection.deleteOatsChunk(before, DELETE_CHUNK));
      total += n;
      if (n < DELETE_CHUNK) return total;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.pragma('optimize');
    this.db.close();
  }
}
