// The SQLite schema as an ordered list of migrations, tracked with `PRAGMA user_version`.
// Later issues append a migration (never edit a shipped one). Event columns are derived from the
// ECS catalogue; a field added to the catalogue later is added as a column on open.
import type Database from 'better-sqlite3';
import { AUDIT_GENESIS, auditHash } from './audit-chain.js';
import { EVENT_COLUMNS, type EventColumn } from './event-columns.js';
import { StoreError } from './errors.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

function columnDef(c: EventColumn): string {
  return `${c.column} ${c.sqlType}${c.field === '@timestamp' ? ' NOT NULL' : ''}`;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, batches, agents, tokens, settings, audit',
    up(db) {
      // `id` aliases the rowid so that it is stable (VACUUM keeps it) and usable in cursors.
      // `batch_agent_id` is the agent whose batch carried the row (the ECS `agent.id` has its own
      // column, `agent_id`); `seq`/`idx` are the batch sequence number and position in it.
      db.exec(`
        CREATE TABLE events (
          id INTEGER PRIMARY KEY,
          batch_agent_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          idx INTEGER NOT NULL,
          ${EVENT_COLUMNS.map(columnDef).join(',\n          ')}
        );
      `);
      // Indexes: each insert pays for every index, so only the access paths the product needs.
      // An index on (x, ts) also orders by rowid within equal ts, which is exactly the
      // (ts DESC, id DESC) order of queryEvents, so these serve "newest first" with no sort.
      //  - ts: the default listing and time-range search; also how retention finds old rows.
      //  - host_id, ts: "activity on this host", the most common investigation filter.
      //  - process_entity_id, ts / process_parent_entity_id, ts: process trees (a process's
      //    events, its children). Partial: rows without the field cost nothing.
      //  - process_name, ts: "every curl in the last day", the common hunting query.
      // Other fields are filtered by scanning the ts index newest-first, which is fast for
      // frequent values and bounded by from/to for rare ones.
      db.exec(`
        CREATE INDEX events_ts ON events (ts);
        CREATE INDEX events_host_ts ON events (host_id, ts);
        CREATE INDEX events_entity_ts ON events (process_entity_id, ts) WHERE process_entity_id IS NOT NULL;
        CREATE INDEX events_parent_entity_ts ON events (process_parent_entity_id, ts) WHERE process_parent_entity_id IS NOT NULL;
        CREATE INDEX events_process_name_ts ON events (process_name, ts) WHERE process_name IS NOT NULL;

        -- One row per committed batch: the dedup key for (agent, seq, index), see commitBatches.
        CREATE TABLE batches (
          agent_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          events INTEGER NOT NULL,
          committed_at INTEGER NOT NULL,
          PRIMARY KEY (agent_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX batches_committed_at ON batches (committed_at);

        CREATE TABLE agents (
          id TEXT PRIMARY KEY,
          public_key BLOB NOT NULL,
          hostname TEXT NOT NULL,
          inventory TEXT,
          version TEXT NOT NULL,
          enrolled_at INTEGER NOT NULL,
          last_seen INTEGER,
          revoked_at INTEGER,
          isolated INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE enroll_tokens (
          id TEXT PRIMARY KEY,
          hash TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          uses_left INTEGER NOT NULL,
          created_by TEXT NOT NULL
        );

        CREATE TABLE api_tokens (
          id TEXT PRIMARY KEY,
          hash TEXT NOT NULL UNIQUE,
          user TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'responder', 'admin')),
          created_at INTEGER NOT NULL,
          revoked_at INTEGER
        );

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );

        CREATE TABLE audit (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          target TEXT NOT NULL,
          details TEXT NOT NULL
        );
        -- Append-only, enforced by the database too, not only by the absence of a method.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      `);
    },
  },
  {
    version: 2,
    name: 'search: substring index (FTS5 trigram), its watermark, saved queries',
    up(db) {
      // Substring search on command lines, paths and names (the search language's bare words
      // and *wildcards*). Contentless: the text stays in `events` only, the index holds trigrams
      // and rowids (= events.id). It is not filled by the ingest transaction but caught up
      // afterwards (SqliteSearch.indexChunk) up to `indexed_upto`; searches verify every
      // candidate against the row and scan rows above the watermark, so results are exact
      // whether or not the index has caught up. See store/sqlite-search.ts.
      db.exec(`
        CREATE VIRTUAL TABLE events_fts USING fts5(
          process_command_line, process_executable, process_name, file_path, file_name,
          content = '', tokenize = 'trigram'
        );
        CREATE TABLE search_index_state (
          name TEXT PRIMARY KEY,
          indexed_upto INTEGER NOT NULL
        );
        INSERT INTO search_index_state (name, indexed_upto) VALUES ('events_fts', 0);

        CREATE TABLE saved_queries (
          id TEXT PRIMARY KEY,
          owner TEXT NOT NULL,
          name TEXT NOT NULL,
          query TEXT NOT NULL,
          description TEXT,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX saved_queries_owner ON saved_queries (owner, created_at);
      `);
    },
  },
  {
    version: 3,
    name: 'detection: OATs, alerts, detection state, exceptions, host criticality',
    up(db) {
      // OATs are append-only (retention deletes by ts); `risk` is the level as 0-4 for range
      // filters; techniques/tactics are JSON arrays (filtered with json_each, the table is small
      // next to events). The event is copied so that an alert can be explained after retention.
      // Alerts: the columns are what the Workbench filters and sorts on; `body` holds what
      // detection derives (scope, highlights, evidence), `notes` what analysts write.
      db.exec(`
        CREATE TABLE oats (
          id INTEGER PRIMARY KEY,
          ts INTEGER NOT NULL,
          rule_id TEXT NOT NULL,
          rule_title TEXT NOT NULL,
          level TEXT NOT NULL,
          risk INTEGER NOT NULL,
          techniques TEXT NOT NULL,
          tactics TEXT NOT NULL,
          host_id TEXT,
          host_name TEXT,
          process_entity_id TEXT,
          user_name TEXT,
          event_id TEXT NOT NULL,
          event TEXT NOT NULL
        );
        CREATE INDEX oats_ts ON oats (ts);
        CREATE INDEX oats_host_ts ON oats (host_id, ts);
        CREATE INDEX oats_rule_ts ON oats (rule_id, ts);
        CREATE INDEX oats_event ON oats (event_id);
        CREATE INDEX oats_entity ON oats (process_entity_id) WHERE process_entity_id IS NOT NULL;

        CREATE TABLE alerts (
          id TEXT PRIMARY KEY,
          model_id TEXT NOT NULL,
          group_key TEXT NOT NULL,
          level TEXT NOT NULL,
          score INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'closed')),
          resolution TEXT CHECK (resolution IN ('true_positive', 'false_positive', 'benign')),
          assignee TEXT,
          first_seen INTEGER NOT NULL,
          last_seen INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          hosts TEXT NOT NULL,
          body TEXT NOT NULL,
          notes TEXT NOT NULL
        );
        CREATE INDEX alerts_key ON alerts (model_id, group_key, status);
        CREATE INDEX alerts_score ON alerts (score DESC, id);
        CREATE INDEX alerts_status_score ON alerts (status, score DESC, id);

        CREATE TABLE detection_state (
          rule_id TEXT PRIMARY KEY,
          enabled INTEGER NOT NULL,
          updated_by TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        );

        CREATE TABLE detection_exceptions (
          id TEXT PRIMARY KEY,
          rule_id TEXT NOT NULL,
          hosts TEXT NOT NULL,
          conditions TEXT NOT NULL,
          comment TEXT NOT NULL,
          enabled INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );

        CREATE TABLE host_criticality (
          host_id TEXT PRIMARY KEY,
          criticality TEXT NOT NULL CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
          updated_by TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    name: 'response: actions, shell transcripts; audit hash chain',
    up(db) {
      // The audit chain (store/audit-chain.ts): existing entries are chained in id order, the
      // one time the append-only trigger is lifted, inside this migration's transaction.
      db.exec(`
        DROP TRIGGER audit_no_update;
        ALTER TABLE audit ADD COLUMN prev_hash TEXT;
        ALTER TABLE audit ADD COLUMN hash TEXT;
      `);
      const rows = db.prepare<[], { id: number; at: number; actor: string; action: string; target: string; details: string }>(
        'SELECT id, at, actor, action, target, details FROM audit ORDER BY id').all();
      const set = db.prepare<[string, string, number]>('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?');
      let prev = AUDIT_GENESIS;
      for (const r of rows) {
        const hash = auditHash(prev, { ...r, details: JSON.parse(r.details) });
        set.run(prev, hash, r.id);
        prev = hash;
      }
      db.exec(`
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

        -- One row per response action (collector/src/response/README.md). Times are ms; params and
        -- result are JSON; file_* describe a collected file (its bytes are in DATA/evidence/<id>.bin).
        CREATE TABLE responses (
          id TEXT PRIMARY KEY,
          agent_id TEXT NOT NULL,
          hostname TEXT NOT NULL,
          action TEXT NOT NULL,
          params TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('pending_approval', 'queued', 'sent', 'running', 'succeeded', 'failed', 'expired', 'cancelled')),
          reason TEXT,
          requested_by TEXT NOT NULL,
          requested_at INTEGER NOT NULL,
          approved_by TEXT,
          approved_at INTEGER,
          sent_at INTEGER,
          started_at INTEGER,
          finished_at INTEGER,
          expires_at INTEGER NOT NULL,
          result TEXT,
          error TEXT,
          refused INTEGER NOT NULL DEFAULT 0,
          file_path TEXT,
          file_size INTEGER,
          file_sha256 TEXT,
          transcript_bytes INTEGER NOT NULL DEFAULT 0,
          transcript_truncated INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX responses_requested ON responses (requested_at DESC, id DESC);
        CREATE INDEX responses_agent_status ON responses (agent_id, status);
        CREATE INDEX responses_live ON responses (status, expires_at) WHERE status IN ('pending_approval', 'queued', 'sent', 'running');

        -- A shell's transcript, in the order recorded: dir 'o' output, 'i' input, 'r' resize.
        CREATE TABLE response_transcript (
          action_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          at INTEGER NOT NULL,
          dir TEXT NOT NULL CHECK (dir IN ('o', 'i', 'r')),
          data BLOB NOT NULL,
          PRIMARY KEY (action_id, seq)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 5,
    name: 'alerts: every model that fired for an attack',
    up(db) {
      // An alert is one attack; models that recognise parts of the same attack fold into it
      // (detection/alerts/README.md). A firing finds its alert by (model_id, group_key) here.
      db.exec(`
        CREATE TABLE alert_models (
          model_id TEXT NOT NULL,
          group_key TEXT NOT NULL,
          alert_id TEXT NOT NULL,
          PRIMARY KEY (model_id, group_key, alert_id)
        ) WITHOUT ROWID;
        CREATE INDEX alert_models_alert ON alert_models (alert_id);
        INSERT INTO alert_models (model_id, group_key, alert_id) SELECT model_id, group_key, id FROM alerts;
      `);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Brings the database to SCHEMA_VERSION. Runs in one IMMEDIATE transaction that re-reads the
 * version, so two processes opening the same new file do not both migrate it.
 */
export function migrate(db: Database.Database, file: string): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new StoreError('STORE_SCHEMA', `database ${file} has schema version ${current}, newer than this collector understands (${SCHEMA_VERSION}); upgrade the collector`);
    }
    for (const m of MIGRATIONS) {
      if (m.version > current) m.up(db);
    }
    // Catalogue fields added after the events table was created become new (NULL) columns.
    const existing = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('events') as string[]));
    for (const c of EVENT_COLUMNS) {
      if (!existing.has(c.column)) db.exec(`ALTER TABLE events ADD COLUMN ${columnDef(c).replace(' NOT NULL', '')}`);
    }
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
