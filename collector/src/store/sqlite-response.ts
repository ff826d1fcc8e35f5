// What response keeps in the embedded store: actions, their transitions (each written with its
// audit entry in one transaction) and shell transcripts. SqliteStore delegates to this class.
// Writes use IMMEDIATE transactions: they take the write lock up front and wait (busy_timeout)
// for the commit worker's connection instead of failing on a lock upgrade.
import type Database from 'better-sqlite3';
import type { ActionKind } from '../../../proto/command.js';
import { StoreError } from './errors.js';
import type { SqliteAudit } from './sqlite-audit.js';
import type {
  AuditEntry,
  ResponsePage,
  ResponsePatch,
  ResponseQuery,
  ResponseRecord,
  ResponseStatus,
  ResponseTransition,
  TranscriptChunk,
} from './store.js';

interface ResponseRow {
  id: string;
  agent_id: string;
  hostname: string;
  action: ActionKind;
  params: string;
  status: ResponseStatus;
  reason: string | null;
  requested_by: string;
  requested_at: number;
  approved_by: string | null;
  approved_at: number | null;
  sent_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  expires_at: number;
  result: string | null;
  error: string | null;
  refused: number;
  file_path: string | null;
  file_size: number | null;
  file_sha256: string | null;
  transcript_bytes: number;
  transcript_truncated: number;
}

function toResponse(r: ResponseRow): ResponseRecord {
  return {
    id: r.id, agentId: r.agent_id, hostname: r.hostname, action: r.action,
    params: JSON.parse(r.params) as Record<string, unknown>, status: r.status, reason: r.reason,
    requestedBy: r.requested_by, requestedAt: r.requested_at, approvedBy: r.approved_by, approvedAt: r.approved_at,
    sentAt: r.sent_at, startedAt: r.started_at, finishedAt: r.finished_at, expiresAt: r.expires_at,
    result: r.result === null ? null : (JSON.parse(r.result) as Record<string, unknown>), error: r.error, refused: r.refused !== 0,
    file: r.file_path === null ? null : { path: r.file_path, size: r.file_size ?? 0, sha256: r.file_sha256 ?? '' },
    transcript: { bytes: r.transcript_bytes, truncated: r.transcript_truncated !== 0 },
  };
}

/** Patch field -> the columns it sets and how. The only column names that reach SQL. */
const PATCH_COLUMNS: { [K in keyof Required<ResponsePatch>]: (v: ResponsePatch[K]) => Array<[string, unknown]> } = {
  approvedBy: (v) => [['approved_by', v]],
  approvedAt: (v) => [['approved_at', v]],
  sentAt: (v) => [['sent_at', v]],
  startedAt: (v) => [['started_at', v]],
  finishedAt: (v) => [['finished_at', v]],
  result: (v) => [['result', v === null || v === undefined ? null : JSON.stringify(v)]],
  error: (v) => [['error', v]],
  refused: (v) => [['refused', v ? 1 : 0]],
  file: (v) => [['file_path', v?.path ?? null], ['file_size', v?.size ?? null], ['file_sha256', v?.sha256 ?? null]],
};

export class SqliteResponse {
  private readonly s;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database, private readonly audit: SqliteAudit) {
    this.s = {
      insert: db.prepare(`INSERT INTO responses (id, agent_id, hostname, action, params, status, reason, requested_by, requested_at,
        approved_by, approved_at, sent_at, started_at, finished_at, expires_at, result, error, refused)
        VALUES (@id, @agentId, @hostname, @action, @params, @status, @reason, @requestedBy, @requestedAt,
        @approvedBy, @approvedAt, @sentAt, @startedAt, @finishedAt, @expiresAt, @result, @error, @refused)`),
      get: db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE id = ?'),
      agentsByHostname: db.prepare<[string], { id: string }>('SELECT id FROM agents WHERE hostname = ? ORDER BY enrolled_at, id'),
      setIsolated: db.prepare<[number, string]>('UPDATE agents SET isolated = ? WHERE id = ?'),
      transcriptState: db.prepare<[string], { bytes: number; truncated: number; seq: number | null }>(
        `SELECT transcript_bytes AS bytes, transcript_truncated AS truncated,
          (SELECT max(seq) FROM response_transcript WHERE action_id = responses.id) AS seq FROM responses WHERE id = ?`),
      insertChunk: db.prepare<[string, number, number, string, Buffer]>('INSERT INTO response_transcript (action_id, seq, at, dir, data) VALUES (?, ?, ?, ?, ?)'),
      setTranscript: db.prepare<[number, number, string]>('UPDATE responses SET transcript_bytes = ?, transcript_truncated = ? WHERE id = ?'),
      readTranscript: db.prepare<[string], { at: number; dir: TranscriptChunk['dir']; data: Buffer }>(
        'SELECT at, dir, data FROM response_transcript WHERE action_id = ? ORDER BY seq'),
    };
  }

  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.cache.size > 64) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, st);
    }
    return st;
  }

  agentIdsByHostname(hostname: string): string[] {
    return this.s.agentsByHostname.all(hostname).map((r) => r.id);
  }

  setAgentIsolated(id: string, isolated: boolean): boolean {
    return this.s.setIsolated.run(isolated ? 1 : 0, id).changes > 0;
  }

  create(r: ResponseRecord, audit: AuditEntry): void {
    this.db.transaction(() => {
      this.s.insert.run({
        id: r.id, agentId: r.agentId, hostname: r.hostname, action: r.action, params: JSON.stringify(r.params), status: r.status,
        reason: r.reason, requestedBy: r.requestedBy, requestedAt: r.requestedAt, approvedBy: r.approvedBy, approvedAt: r.approvedAt,
        sentAt: r.sentAt, startedAt: r.startedAt, finishedAt: r.finishedAt, expiresAt: r.expiresAt,
        result: r.result === null ? null : JSON.stringify(r.result), error: r.error, refused: r.refused ? 1 : 0,
      });
      this.audit.append(audit);
    }).immediate();
  }

  get(id: string): ResponseRecord | undefined {
    const r = this.s.get.get(id);
    return r ? toResponse(r) : undefined;
  }

  list(q: ResponseQuery): ResponsePage {
    if (!Number.isSafeInteger(q.limit) || q.limit < 1) {
      throw new StoreError('STORE_BAD_QUERY', `limit must be a positive integer, got ${JSON.stringify(q.limit)}`, { field: 'limit' });
    }
    const terms: string[] = [];
    const params: unknown[] = [];
    const anyOf = (col: string, vs: readonly string[] | undefined) => {
      if (vs && vs.length > 0) { terms.push(`${col} IN (${vs.map(() => '?').join(', ')})`); params.push(...vs); }
    };
    if (q.agentId !== undefined) { terms.push('agent_id = ?'); params.push(q.agentId); }
    anyOf('action', q.action);
    anyOf('status', q.status);
    if (q.requestedBy !== undefined) { terms.push('requested_by = ?'); params.push(q.requestedBy); }
    if (q.since !== undefined) { terms.push('requested_at >= ?'); params.push(q.since); }
    if (q.until !== undefined) { terms.push('requested_at < ?'); params.push(q.until); }
    if (q.after) {
      terms.push('(requested_at < ? OR (requested_at = ? AND id < ?))');
      params.push(q.after.at, q.after.at, q.after.id);
    }
    params.push(q.limit + 1);
    const where = terms.length ? `WHERE ${terms.join(' AND ')}` : '';
    const rows = this.prepared(`SELECT * FROM responses ${where} ORDER BY requested_at DESC, id DESC LIMIT ?`).all(...params) as ResponseRow[];
    const more = rows.length > q.limit;
    if (more) rows.length = q.limit;
    const page: ResponsePage = { items: rows.map(toResponse) };
    if (more) page.next = { at: rows[rows.length - 1].requested_at, id: rows[rows.length - 1].id };
    return page;
  }

  inStatus(statuses: readonly ResponseStatus[], filter: { agentId?: string; expiresBefore?: number } = {}): ResponseRecord[] {
    if (statuses.length === 0) return [];
    const terms = [`status IN (${statuses.map(() => '?').join(', ')})`];
    const params: unknown[] = [...statuses];
    if (filter.agentId !== undefined) { terms.push('agent_id = ?'); params.push(filter.agentId); }
    if (filter.expiresBefore !== undefined) { terms.push('expires_at <= ?'); params.push(filter.expiresBefore); }
    const rows = this.prepared(`SELECT * FROM responses WHERE ${terms.join(' AND ')} ORDER BY requested_at, id`).all(...params) as ResponseRow[];
    return rows.map(toResponse);
  }

  transition(id: string, t: ResponseTransition): ResponseRecord | undefined {
    if (t.from.length === 0) return undefined;
    const sets: Array<[string, unknown]> = [['status', t.to]];
    for (const [k, v] of Object.entries(t.set ?? {})) {
      const map = PATCH_COLUMNS[k as keyof ResponsePatch] as ((v: unknown) => Array<[string, unknown]>) | undefined;
      if (!map) throw new StoreError('STORE_BAD_QUERY', `"${k}" is not a field a response transition can set`, { field: k });
      sets.push(...map(v));
    }
    const sql = `UPDATE responses SET ${sets.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ? AND status IN (${t.from.map(() => '?').join(', ')})`;
    const st = this.prepared(sql);
    return this.db.transaction(() => {
      if (st.run(...sets.map(([, v]) => v), id, ...t.from).changes === 0) return undefined;
      this.audit.append(t.audit);
      return toResponse(this.s.get.get(id)!);
    }).immediate();
  }

  appendTranscript(actionId: string, chunks: TranscriptChunk[], maxBytes: number): { bytes: number; truncated: boolean } {
    return this.db.transaction(() => {
      const state = this.s.transcriptState.get(actionId);
      if (!state) throw new StoreError('STORE_BAD_QUERY', `no response action ${actionId} to append a transcript to`);
      let bytes = state.bytes;
      let truncated = state.truncated !== 0;
      let seq = state.seq ?? 0;
      for (const c of chunks) {
        if (truncated) break;
        const room = maxBytes - bytes;
        const data = c.data.length > room ? c.data.subarray(0, Math.max(0, room)) : c.data;
        if (data.length < c.data.length) truncated = true;
        if (data.length === 0) continue;
        this.s.insertChunk.run(actionId, ++seq, c.at, c.dir, data);
        bytes += data.length;
      }
      this.s.setTranscript.run(bytes, truncated ? 1 : 0, actionId);
      return { bytes, truncated };
    }).immediate();
  }

  readTranscript(actionId: string): TranscriptChunk[] {
    return this.s.readTranscript.all(actionId);
  }
}
