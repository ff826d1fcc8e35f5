// What detection keeps in the embedded store: Observed Attack Techniques, Workbench alerts, and
// the tuning state (enabled detections, exceptions, host criticality). SqliteStore delegates to
// this class; statements are prepared once. Folding a model firing into its alert happens in
// the same transaction as the OAT inserts, so an alert never points at OATs that were not kept.
import type Database from 'better-sqlite3';
import type { EcsEvent } from '../pipeline/ecs.js';
import { StoreError } from './errors.js';
import {
  RISK_LEVELS,
  type AlertCursor,
  type AlertDetectionFields,
  type AlertPage,
  type AlertPatch,
  type AlertQuery,
  type AlertRecord,
  type AlertScoreParts,
  type AlertUpsert,
  type AssetCriticality,
  type DetectionExceptionRecord,
  type DetectionStateRecord,
  type DetectionWrite,
  type DetectionWriteResult,
  type HostCriticalityRecord,
  type OatPage,
  type OatQuery,
  type OatRecord,
  type RiskLevel,
} from './store.js';

interface OatRow {
  id: number;
  ts: number;
  rule_id: string;
  rule_title: string;
  level: RiskLevel;
  techniques: string;
  tactics: string;
  host_id: string | null;
  host_name: string | null;
  process_entity_id: string | null;
  user_name: string | null;
  event_id: string;
  event: string;
}

interface AlertRow {
  id: string;
  model_id: string;
  group_key: string;
  level: RiskLevel;
  score: number;
  status: AlertRecord['status'];
  resolution: AlertRecord['resolution'];
  assignee: string | null;
  first_seen: number;
  last_seen: number;
  created_at: number;
  updated_at: number;
  hosts: string;
  body: string;
  notes: string;
}

interface ExceptionRow {
  id: string;
  rule_id: string;
  hosts: string;
  conditions: string;
  comment: string;
  enabled: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** Notes kept per alert; older ones are dropped first (the audit log keeps every change). */
const MAX_NOTES = 200;

function toOat(r: OatRow): OatRecord {
  return {
    id: r.id, ts: r.ts, ruleId: r.rule_id, ruleTitle: r.rule_title, level: r.level,
    techniques: JSON.parse(r.techniques) as string[], tactics: JSON.parse(r.tactics) as string[],
    hostId: r.host_id, hostName: r.host_name, processEntityId: r.process_entity_id, userName: r.user_name,
    eventId: r.event_id, event: JSON.parse(r.event) as EcsEvent,
  };
}

function toAlert(r: AlertRow): AlertRecord {
  const body = JSON.parse(r.body) as AlertDetectionFields;
  // alerts written before models could fold into one alert name only their own model
  body.models ??= [{ id: body.modelId, title: body.modelTitle, level: body.level, groupKey: body.groupKey, group: body.group, firings: body.firings }];
  return {
    ...body,
    id: r.id, status: r.status, resolution: r.resolution, assignee: r.assignee,
    notes: JSON.parse(r.notes) as AlertRecord['notes'], createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function toException(r: ExceptionRow): DetectionExceptionRecord {
  return {
    id: r.id, ruleId: r.rule_id, hosts: JSON.parse(r.hosts) as string[],
    conditions: JSON.parse(r.conditions) as DetectionExceptionRecord['conditions'], comment: r.comment,
    enabled: r.enabled !== 0, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function badQuery(message: string, field: string): StoreError {
  return new StoreError('STORE_BAD_QUERY', message, { field });
}

function checkLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) throw badQuery(`limit must be a positive integer, got ${JSON.stringify(limit)}`, 'limit');
}

/** Open alerts of a host (most recently active first) a firing of another model may join. */
const JOIN_CANDIDATES = 50;

export class SqliteDetection {
  private readonly s;
  private readonly recordTx: Database.Transaction<(w: DetectionWrite) => DetectionWriteResult>;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertOat: db.prepare(`INSERT INTO oats (ts, rule_id, rule_title, level, risk, techniques, tactics, host_id, host_name,
        process_entity_id, user_name, event_id, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      openAlert: db.prepare<[string, string], AlertRow>(`SELECT a.* FROM alert_models m JOIN alerts a ON a.id = m.alert_id
        WHERE m.model_id = ? AND m.group_key = ? AND a.status != 'closed' ORDER BY a.created_at DESC LIMIT 1`),
      // the open alerts a firing may join: the most recently active on the host, bounded
      recentOpenOfHost: db.prepare<[string, number], AlertRow>(
        "SELECT * FROM alerts WHERE status != 'closed' AND EXISTS (SELECT 1 FROM json_each(alerts.hosts) WHERE value = ?) ORDER BY last_seen DESC LIMIT ?"),
      addModel: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO alert_models (model_id, group_key, alert_id) VALUES (?, ?, ?)'),
      insertAlert: db.prepare(`INSERT INTO alerts (id, model_id, group_key, level, score, status, resolution, assignee, first_seen,
        last_seen, created_at, updated_at, hosts, body, notes) VALUES (?, ?, ?, ?, ?, 'new', NULL, NULL, ?, ?, ?, ?, ?, ?, '[]')`),
      // Detection never touches status, assignee or notes: an analyst's change made meanwhile stands.
      updateDetection: db.prepare(`UPDATE alerts SET level = ?, score = ?, first_seen = ?, last_seen = ?, updated_at = ?, hosts = ?, body = ?
        WHERE id = ?`),
      getAlert: db.prepare<[string], AlertRow>('SELECT * FROM alerts WHERE id = ?'),
      updateAnalyst: db.prepare('UPDATE alerts SET status = ?, resolution = ?, assignee = ?, notes = ?, updated_at = ? WHERE id = ?'),
      openOfHost: db.prepare<[string], AlertRow>(
        "SELECT * FROM alerts WHERE status != 'closed' AND EXISTS (SELECT 1 FROM json_each(alerts.hosts) WHERE value = ?)"),
      setScore: db.prepare('UPDATE alerts SET score = ?, body = json_set(body, \'$.score\', ?, \'$.scoreParts\', json(?)), updated_at = ? WHERE id = ?'),
      listStates: db.prepare<[], { rule_id: string; enabled: number; updated_by: string; updated_at: number }>('SELECT * FROM detection_state ORDER BY rule_id'),
      setState: db.prepare(`INSERT INTO detection_state (rule_id, enabled, updated_by, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (rule_id) DO UPDATE SET enabled = excluded.enabled, updated_by = excluded.updated_by, updated_at = excluded.updated_at`),
      listExceptions: db.prepare<[], ExceptionRow>('SELECT * FROM detection_exceptions ORDER BY created_at, id'),
      getException: db.prepare<[string], ExceptionRow>('SELECT * FROM detection_exceptions WHERE id = ?'),
      saveException: db.prepare(`INSERT INTO detection_exceptions (id, rule_id, hosts, conditions, comment, enabled, created_by, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET rule_id = excluded.rule_id, hosts = excluded.hosts,
        conditions = excluded.conditions, comment = excluded.comment, enabled = excluded.enabled, updated_at = excluded.updated_at`),
      deleteException: db.prepare<[string]>('DELETE FROM detection_exceptions WHERE id = ?'),
      listCriticality: db.prepare<[], { host_id: string; criticality: AssetCriticality; updated_by: string; updated_at: number }>(
        'SELECT * FROM host_criticality ORDER BY host_id'),
      setCriticality: db.prepare(`INSERT INTO host_criticality (host_id, criticality, updated_by, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (host_id) DO UPDATE SET criticality = excluded.criticality, updated_by = excluded.updated_by, updated_at = excluded.updated_at`),
      clearCriticality: db.prepare<[string]>('DELETE FROM host_criticality WHERE host_id = ?'),
      deleteOats: db.prepare<[number, number]>('DELETE FROM oats WHERE id IN (SELECT id FROM oats WHERE ts < ? ORDER BY ts LIMIT ?)'),
    };

    const s = this.s;
    this.recordTx = db.transaction((w: DetectionWrite): DetectionWriteResult => {
      for (const o of w.oats) {
        s.insertOat.run(o.ts, o.ruleId, o.ruleTitle, o.level, RISK_LEVELS.indexOf(o.level), JSON.stringify(o.techniques),
          JSON.stringify(o.tactics), o.hostId, o.hostName, o.processEntityId, o.userName, o.eventId, JSON.stringify(o.event));
      }
      const created: AlertRecord[] = [];
      const updated: AlertRecord[] = [];
      for (const u of w.alerts) {
        const row = s.openAlert.get(u.modelId, u.groupKey);
        const existing = row ? toAlert(row) : this.attackOf(u);
        if (existing && !row) s.addModel.run(u.modelId, u.groupKey, existing.id);
        const f = u.build(existing);
        const hosts = JSON.stringify(f.scope.hosts.map((h) => h.id));
        // The record returned is made from `f` and the analyst's fields, not read back and parsed
        // again: that doubled the JSON work of every upsert inside the transaction.
        const body = JSON.stringify(f);
        if (existing) {
          s.updateDetection.run(f.level, f.score, f.firstSeen, f.lastSeen, w.at, hosts, body, existing.id);
          updated.push({
            ...f, id: existing.id, status: existing.status, resolution: existing.resolution, assignee: existing.assignee,
            notes: existing.notes, createdAt: existing.createdAt, updatedAt: w.at,
          });
        } else {
          s.insertAlert.run(u.newId, u.modelId, u.groupKey, f.level, f.score, f.firstSeen, f.lastSeen, w.at, w.at, hosts, body);
          s.addModel.run(u.modelId, u.groupKey, u.newId);
          created.push({ ...f, id: u.newId, status: 'new', resolution: null, assignee: null, notes: [], createdAt: w.at, updatedAt: w.at });
        }
      }
      return { created, updated };
    });
  }

  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.cache.size > 128) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, st);
    }
    return st;
  }

  /** The open alert, on one of the firing's hosts, of the attack another model already saw. */
  private attackOf(u: AlertUpsert): AlertRecord | undefined {
    for (const host of u.hostIds) {
      for (const r of this.s.recentOpenOfHost.iterate(host, JOIN_CANDIDATES)) {
        const a = toAlert(r);
        if (u.sameAttack(a)) return a;
      }
    }
    return undefined;
  }

  record(w: DetectionWrite): DetectionWriteResult {
    if (w.oats.length === 0 && w.alerts.length === 0) return { created: [], updated: [] };
    return this.recordTx.immediate(w);
  }

  queryOats(q: OatQuery): OatPage {
    checkLimit(q.limit);
    const terms: string[] = [];
    const params: unknown[] = [];
    const eq = (col: string, v: string | undefined) => { if (v !== undefined) { terms.push(`${col} = ?`); params.push(v); } };
    eq('host_id', q.hostId);
    eq('rule_id', q.ruleId);
    eq('process_entity_id', q.processEntityId);
    eq('event_id', q.eventId);
    if (q.technique !== undefined) {
      terms.push("EXISTS (SELECT 1 FROM json_each(oats.techniques) WHERE value = ? OR value LIKE ? || '.%')");
      params.push(q.technique, q.technique);
    }
    if (q.tactic !== undefined) {
      terms.push('EXISTS (SELECT 1 FROM json_each(oats.tactics) WHERE value = ?)');
      params.push(q.tactic);
    }
    if (q.risk && q.risk.length > 0) {
      terms.push(`risk IN (${q.risk.map(() => '?').join(', ')})`);
      params.push(...q.risk.map((r) => RISK_LEVELS.indexOf(r)));
    }
    if (q.from !== undefined) { terms.push('ts >= ?'); params.push(q.from); }
    if (q.to !== undefined) { terms.push('ts < ?'); params.push(q.to); }
    if (q.after) {
      terms.push('ts <= ? AND (ts < ? OR id < ?)');
      params.push(q.after.ts, q.after.ts, q.after.id);
    }
    params.push(q.limit + 1);
    const where = terms.length ? `WHERE ${terms.join(' AND ')}` : '';
    const rows = this.prepared(`SELECT * FROM oats ${where} ORDER BY ts DESC, id DESC LIMIT ?`).all(...params) as OatRow[];
    const more = rows.length > q.limit;
    if (more) rows.length = q.limit;
    const page: OatPage = { oats: rows.map(toOat) };
    if (more) page.next = { ts: rows[rows.length - 1].ts, id: rows[rows.length - 1].id };
    return page;
  }

  oatsForEvents(eventIds: readonly string[], limit: number): OatRecord[] {
    if (eventIds.length === 0) return [];
    const out: OatRecord[] = [];
    // chunks keep the statement under SQLite's bound on parameters
    for (let i = 0; i < eventIds.length && out.length < limit; i += 500) {
      const chunk = eventIds.slice(i, i + 500);
      const rows = this.prepared(`SELECT * FROM oats WHERE event_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY ts, id LIMIT ?`)
        .all(...chunk, limit - out.length) as OatRow[];
      for (const r of rows) out.push(toOat(r));
    }
    return out;
  }

  listAlerts(q: AlertQuery): AlertPage {
    checkLimit(q.limit);
    const terms: string[] = [];
    const params: unknown[] = [];
    const anyOf = (col: string, vs: readonly string[] | undefined) => {
      if (vs && vs.length > 0) { terms.push(`${col} IN (${vs.map(() => '?').join(', ')})`); params.push(...vs); }
    };
    anyOf('status', q.status);
    anyOf('level', q.level);
    if (q.minScore !== undefined) { terms.push('score >= ?'); params.push(q.minScore); }
    if (q.modelId !== undefined) { terms.push('EXISTS (SELECT 1 FROM alert_models m WHERE m.alert_id = alerts.id AND m.model_id = ?)'); params.push(q.modelId); }
    if (q.assignee !== undefined) { terms.push('assignee = ?'); params.push(q.assignee); }
    if (q.hostId !== undefined) { terms.push('EXISTS (SELECT 1 FROM json_each(alerts.hosts) WHERE value = ?)'); params.push(q.hostId); }
    if (q.from !== undefined) { terms.push('last_seen >= ?'); params.push(q.from); }
    if (q.to !== undefined) { terms.push('first_seen < ?'); params.push(q.to); }
    if (q.after) {
      terms.push('(score < ? OR (score = ? AND id > ?))');
      params.push(q.after.score, q.after.score, q.after.id);
    }
    params.push(q.limit + 1);
    const where = terms.length ? `WHERE ${terms.join(' AND ')}` : '';
    const rows = this.prepared(`SELECT * FROM alerts ${where} ORDER BY score DESC, id ASC LIMIT ?`).all(...params) as AlertRow[];
    const more = rows.length > q.limit;
    if (more) rows.length = q.limit;
    const page: AlertPage = { alerts: rows.map(toAlert) };
    if (more) page.next = { score: rows[rows.length - 1].score, id: rows[rows.length - 1].id } satisfies AlertCursor;
    return page;
  }

  getAlert(id: string): AlertRecord | undefined {
    const r = this.s.getAlert.get(id);
    return r ? toAlert(r) : undefined;
  }

  updateAlert(id: string, p: AlertPatch): AlertRecord | undefined {
    return this.db.transaction(() => {
      const r = this.s.getAlert.get(id);
      if (!r) return undefined;
      const a = toAlert(r);
      const status = p.status ?? a.status;
      let resolution = p.resolution !== undefined ? p.resolution : a.resolution;
      if (status !== 'closed') resolution = null;
      const assignee = p.assignee !== undefined ? p.assignee : a.assignee;
      const notes = p.addNote ? [...a.notes, p.addNote].slice(-MAX_NOTES) : a.notes;
      this.s.updateAnalyst.run(status, resolution, assignee, JSON.stringify(notes), p.at, id);
      return toAlert(this.s.getAlert.get(id)!);
    }).immediate();
  }

  openAlertsOfHost(hostId: string): AlertRecord[] {
    return this.s.openOfHost.all(hostId).map(toAlert);
  }

  setAlertScores(scores: Array<{ id: string; score: number; scoreParts: AlertScoreParts }>, at: number): void {
    this.db.transaction(() => {
      for (const x of scores) this.s.setScore.run(x.score, x.score, JSON.stringify(x.scoreParts), at, x.id);
    }).immediate();
  }

  listDetectionStates(): DetectionStateRecord[] {
    return this.s.listStates.all().map((r) => ({ ruleId: r.rule_id, enabled: r.enabled !== 0, updatedBy: r.updated_by, updatedAt: r.updated_at }));
  }

  setDetectionState(st: DetectionStateRecord): void {
    this.s.setState.run(st.ruleId, st.enabled ? 1 : 0, st.updatedBy, st.updatedAt);
  }

  listExceptions(): DetectionExceptionRecord[] {
    return this.s.listExceptions.all().map(toException);
  }

  getException(id: string): DetectionExceptionRecord | undefined {
    const r = this.s.getException.get(id);
    return r ? toException(r) : undefined;
  }

  saveException(e: DetectionExceptionRecord): void {
    this.s.saveException.run(e.id, e.ruleId, JSON.stringify(e.hosts), JSON.stringify(e.conditions), e.comment, e.enabled ? 1 : 0,
      e.createdBy, e.createdAt, e.updatedAt);
  }

  deleteException(id: string): boolean {
    return this.s.deleteException.run(id).changes > 0;
  }

  listHostCriticality(): HostCriticalityRecord[] {
    return this.s.listCriticality.all().map((r) => ({ hostId: r.host_id, criticality: r.criticality, updatedBy: r.updated_by, updatedAt: r.updated_at }));
  }

  setHostCriticality(hostId: string, c: AssetCriticality | null, by: string, at: number): void {
    if (c === null) this.s.clearCriticality.run(hostId);
    else this.s.setCriticality.run(hostId, c, by, at);
  }

  /** One chunk of OAT retention; returns rows deleted. */
  deleteOatsChunk(before: number, chunk: number): number {
    return this.s.deleteOats.run(before, chunk).changes;
  }
}
