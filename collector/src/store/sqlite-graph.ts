// The events an alert graph is drawn from (api/routes/alert-graph.ts builds the graph): the
// alert's evidence events, then — by process entity id, never by pid — the start events of the
// processes involved and of their parents, the activity of the evidence processes around the
// alert, and the starts of their children. Every lookup uses an index (event ids within the
// alert's time span via events_ts; entity ids via events_entity_ts / events_parent_entity_ts)
// and the whole list is bounded by `maxEvents`; `truncated` says when the bound cut it.
import type Database from 'better-sqlite3';
import type { EcsEvent } from '../pipeline/ecs.js';
import { EVENT_COLUMNS, rowToEvent } from './event-columns.js';
import type { AlertGraphEvents, AlertGraphEventsRequest } from './store.js';

const SELECT = `SELECT id, ${EVENT_COLUMNS.map((c) => c.column).join(', ')} FROM events`;
/** Values per IN (...) list: well under SQLite's bound on parameters. */
const CHUNK = 500;
const STATEMENT_CACHE = 64;

export class SqliteGraph {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql).raw(true);
      if (this.cache.size >= STATEMENT_CACHE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, st);
    }
    return st;
  }

  alertGraphEvents(req: AlertGraphEventsRequest): AlertGraphEvents {
    const seen = new Set<number>();
    const events: EcsEvent[] = [];
    let truncated = false;

    /** Runs `where` over `values` in chunks (bound in place of its `(:list)`), adding new rows while the budget lasts. */
    const collect = (where: string, values: readonly string[], extra: readonly unknown[], tail: readonly unknown[] = []): void => {
      for (let i = 0; i < values.length; i += CHUNK) {
        const room = Math.max(0, req.maxEvents - events.length);
        const chunk = values.slice(i, i + CHUNK);
        const sql = `${SELECT} WHERE ${where.replace('(:list)', `(${chunk.map(() => '?').join(', ')})`)} ORDER BY ts, id LIMIT ?`;
        // one more than the room, to know whether the bound cut the list
        const rows = this.prepared(sql).all(...extra, ...chunk, ...tail, room + seen.size + 1) as unknown[][];
        for (const row of rows) {
          const id = row[0] as number;
          if (seen.has(id)) continue;
          if (events.length >= req.maxEvents) { truncated = true; return; }
          seen.add(id);
          events.push(rowToEvent(row));
        }
      }
    };

    // 1. evidence, looked up within the alert's span (and hosts: the (host, ts) index narrows the scan)
    const hosts = [...new Set(req.hostIds ?? [])];
    if (hosts.length > 0 && hosts.length <= CHUNK) {
      collect(`host_id IN (${hosts.map(() => '?').join(', ')}) AND ts BETWEEN ? AND ? AND event_id IN (:list)`, [...new Set(req.eventIds)], [...hosts, req.from, req.to]);
    } else {
      collect('ts BETWEEN ? AND ? AND event_id IN (:list)', [...new Set(req.eventIds)], [req.from, req.to]);
    }
    const own = new Set<string>();
    for (const ev of events) {
      const e = ev['process.entity_id'];
      if (typeof e === 'string' && e !== '') own.add(e);
    }
    const ownIds = [...own];
    // 2. the starts of the evidence processes, whenever they started; then their parents' starts
    const START = "event_category = 'process' AND event_type = 'start' AND process_entity_id IN (:list)";
    collect(START, ownIds, []);
    const parents = new Set<string>();
    for (const ev of events) {
      const p = ev['process.parent.entity_id'];
      if (typeof p === 'string' && p !== '' && !own.has(p)) parents.add(p);
    }
    collect(START, [...parents], []);
    const lo = req.from - req.windowMs;
    const hi = req.to + req.windowMs;
    // 3. what the evidence processes did around the alert
    collect('process_entity_id IN (:list) AND ts BETWEEN ? AND ?', ownIds, [], [lo, hi]);
    // 4. the processes they started around the alert
    collect("process_parent_entity_id IN (:list) AND event_category = 'process' AND ts BETWEEN ? AND ?", ownIds, [], [lo, hi]);
    return { events, truncated };
  }
}
