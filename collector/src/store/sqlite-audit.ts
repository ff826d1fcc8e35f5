// The audit log in the embedded store: appends that extend the hash chain (audit-chain.ts) and
// the walk that verifies it. An append reads the last hash and inserts in one IMMEDIATE
// transaction, so two writers (the server and a CLI command) cannot fork the chain.
import type Database from 'better-sqlite3';
import { AUDIT_GENESIS, auditHash } from './audit-chain.js';
import type { AuditEntry, AuditVerification, StoredAuditEntry } from './store.js';

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  details: string;
  prev_hash: string | null;
  hash: string | null;
}

function toEntry(r: AuditRow): StoredAuditEntry {
  return {
    id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.target,
    details: JSON.parse(r.details) as Record<string, unknown>, prevHash: r.prev_hash ?? '', hash: r.hash ?? '',
  };
}

export class SqliteAudit {
  private readonly last: Database.Statement<[], { id: number; hash: string | null }>;
  private readonly insert: Database.Statement<[number, number, string, string, string, string, string, string]>;
  private readonly list: Database.Statement<[number], AuditRow>;
  private readonly appendTx: Database.Transaction<(e: AuditEntry) => StoredAuditEntry>;

  constructor(private readonly db: Database.Database) {
    this.last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1');
    this.insert = db.prepare('INSERT INTO audit (id, at, actor, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.list = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?');
    this.appendTx = db.transaction((e: AuditEntry) => {
      const last = this.last.get();
      const id = (last?.id ?? 0) + 1;
      const prevHash = last?.hash ?? AUDIT_GENESIS;
      const details = JSON.stringify(e.details ?? {});
      // hash what is stored (details read back from its JSON), so verification recomputes the same
      const stored = { id, at: e.at, actor: e.actor, action: e.action, target: e.target, details: JSON.parse(details) as Record<string, unknown> };
      const hash = auditHash(prevHash, stored);
      this.insert.run(id, e.at, e.actor, e.action, e.target, details, prevHash, hash);
      return { ...stored, prevHash, hash };
    });
  }

  /** Appends one entry; inside another transaction it joins it (a savepoint). */
  append(e: AuditEntry): StoredAuditEntry {
    return this.db.inTransaction ? this.appendTx(e) : this.appendTx.immediate(e);
  }

  /** Newest first. */
  recent(limit: number): StoredAuditEntry[] {
    return this.list.all(limit).map(toEntry);
  }

  /** Walks the whole chain oldest first; stops at the first entry that does not match. */
  verify(): AuditVerification {
    let prev = AUDIT_GENESIS;
    let entries = 0;
    let lastId = 0;
    const walk = this.db.prepare<[], AuditRow>('SELECT * FROM audit ORDER BY id');
    for (const r of walk.iterate()) {
      entries++;
      const bad = (reason: string): AuditVerification => ({ ok: false, entries, lastHash: prev, firstBad: { id: r.id, action: r.action, at: r.at, reason } });
      if (r.id !== lastId + 1) return bad(`entry ${r.id} follows entry ${lastId}: ${r.id - lastId - 1} entr${r.id - lastId - 1 === 1 ? 'y is' : 'ies are'} missing`);
      lastId = r.id;
      if (r.prev_hash !== prev) return bad(`prev_hash ${r.prev_hash ?? 'null'} is not the hash of the entry before (${prev})`);
      let details: unknown;
      try {
        details = JSON.parse(r.details);
      } catch {
        return bad('details are not valid JSON');
      }
      const expected = auditHash(prev, { id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.target, details });
      if (r.hash !== expected) return bad(`hash ${r.hash ?? 'null'} does not match the entry's content (expected ${expected}): the entry was altered`);
      prev = expected;
    }
    return { ok: true, entries, lastHash: prev };
  }
}
