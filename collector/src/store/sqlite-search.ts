// Search over the SQLite store: compiles the search language's AST (collector/src/search) to
// parameterised SQL, runs pages, capped counts, aggregations and process trees, keeps the
// substring index (FTS5 trigram) caught up, and stores saved queries. Column names come only
// from the ECS catalogue and operators from fixed lists; every value is a bound parameter, so
// no query text can change the SQL (sqlite-search.test.ts checks it).
import type Database from 'better-sqlite3';
import type { EcsEvent, EcsField } from '../pipeline/ecs.js';
import type { MatchValue, SearchNode } from '../search/ast.js';
import { ipToHex } from '../search/cidr.js';
import { BARE_WORD_FIELDS } from '../search/fields.js';
import { EVENT_COLUMNS, EVENT_COLUMN_BY_FIELD, rowToEvent, type EventColumn } from './event-columns.js';
import { StoreError } from './errors.js';
import type {
  ProcessNode,
  ProcessTree,
  ProcessTreeBounds,
  SavedQueryRecord,
  SearchAggRequest,
  SearchAggs,
  SearchCursor,
  SearchFilter,
  SearchPage,
  SearchRequest,
  SearchSort,
} from './store.js';

/** `total` counts matches up to this many, then reports `totalCapped`. */
export const SEARCH_TOTAL_CAP = 10_000;
/** Below this many substring-index candidates the index drives the query; above, the time-ordered scan does. */
export const FTS_DRIVE_MAX = 50_000;
/** Trigram index: a literal shorter than this cannot be looked up. */
const FTS_MIN_LITERAL = 3;
/** Rows indexed per transaction: ~0.1-0.2 s of trigram indexing, so ingest commits interleave. */
const INDEX_CHUNK = 2_000;
/** Auto histogram: the smallest of these widths giving at most HISTOGRAM_TARGET buckets. */
const NICE_INTERVALS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 10_800, 21_600, 43_200, 86_400, 604_800].map((s) => s * 1000);
const HISTOGRAM_TARGET = 60;
export const HISTOGRAM_MAX_BUCKETS = 1000;
const STATEMENT_CACHE = 256;

const SELECT_COLUMNS = `events.id, ${EVENT_COLUMNS.map((c) => `events.${c.column}`).join(', ')}`;
const FTS_COLUMNS: ReadonlySet<string> = new Set(BARE_WORD_FIELDS.map((f) => EVENT_COLUMN_BY_FIELD.get(f)!.column));
const BARE_COLUMNS: readonly string[] = [...FTS_COLUMNS];
const RANGE_OPS: ReadonlySet<string> = new Set(['>', '>=', '<', '<=']);
const HEX_ADDRESS = /^[0-9a-f]{32}$/;

function bad(message: string, field?: string): StoreError {
  return new StoreError('STORE_BAD_QUERY', message, field === undefined ? {} : { field });
}

function columnOf(field: string): EventColumn {
  const c = EVENT_COLUMN_BY_FIELD.get(field);
  if (c === undefined) throw bad(`cannot search "${field}": not an ECS field of the catalogue`, field);
  return c;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** LIKE pattern of a value: `contains` wraps it in %...%; wildcard parts are joined by %. */
function likePattern(v: MatchValue, contains: boolean): string {
  const body = v.kind === 'exact' ? escapeLike(v.text) : v.parts.map(escapeLike).join('%');
  return contains ? `%${body}%` : body;
}

function literalsOf(v: MatchValue): string[] {
  return (v.kind === 'exact' ? [v.text] : v.parts).filter((p) => [...p].length >= FTS_MIN_LITERAL);
}

/** An FTS5 string literal: the only FTS5 syntax user text ever reaches, quoted as FTS5 documents. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

interface Sql {
  sql: string;
  params: unknown[];
}

/** The WHERE predicate of a query, and the FTS5 expression of its required substring terms, if any. */
export interface CompiledQuery extends Sql {
  /** MATCH expression that every result satisfies (a superset filter), when the query has one */
  fts?: string;
}

class Compiler {
  readonly params: unknown[] = [];

  node(n: SearchNode): string {
    switch (n.kind) {
      case 'all':
        return '1';
      case 'and':
      case 'or':
        if (!Array.isArray(n.children) || n.children.length === 0) throw bad(`"${n.kind}" needs at least one operand`);
        return `(${n.children.map((c) => this.node(c)).join(n.kind === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        // A missing field is "not equal": NULL comparisons count as false before negating.
        return `NOT coalesce(${this.node(n.child)}, 0)`;
      case 'exists':
        return `events.${columnOf(n.field).column} IS NOT NULL`;
      case 'range': {
        const c = columnOf(n.field);
        if (c.kind !== 'integer') throw bad(`range on "${n.field}": ranges apply to numeric and time fields`, n.field);
        if (!RANGE_OPS.has(n.op)) throw bad(`unknown range operator ${JSON.stringify(n.op)}`, n.field);
        if (typeof n.value !== 'number' || !Number.isFinite(n.value)) throw bad(`range on "${n.field}" needs a number`, n.field);
        this.params.push(n.value);
        return `events.${c.column} ${n.op} ?`;
      }
      case 'cidr': {
        const c = columnOf(n.field);
        if (c.type !== 'ip' && c.type !== 'ip[]') throw bad(`"${n.field}" is not an IP field`, n.field);
        if (!HEX_ADDRESS.test(n.lo) || !HEX_ADDRESS.test(n.hi)) throw bad(`invalid address range for "${n.field}"`, n.field);
        this.params.push(n.lo, n.hi);
        return c.kind === 'json'
          ? `EXISTS (SELECT 1 FROM json_each(events.${c.column}) WHERE xdr_ip_hex(json_each.value) BETWEEN ? AND ?)`
          : `xdr_ip_hex(events.${c.column}) BETWEEN ? AND ?`;
      }
      case 'match':
        return this.match(n.field, n.value);
      case 'text': {
        const pattern = likePattern(n.value, true);
        for (let i = 0; i < BARE_COLUMNS.length; i++) this.params.push(pattern);
        return `(${BARE_COLUMNS.map((c) => `events.${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`;
      }
      default:
        throw bad(`unknown search node ${JSON.stringify((n as { kind?: unknown }).kind)}`);
    }
  }

  private match(field: EcsField, v: MatchValue): string {
    const c = columnOf(field);
    const target = c.kind === 'json' ? 'json_each.value' : `events.${c.column}`;
    let pred: string;
    if (c.kind === 'integer') {
      const n = v.kind === 'exact' ? Number(v.text) : NaN;
      if (v.kind !== 'exact' || v.text.trim() === '' || !Number.isFinite(n)) throw bad(`"${field}" holds numbers; got a value that is not one`, field);
      pred = `${target} = ?`;
      this.params.push(n);
    } else if (v.kind === 'exact' && c.type !== 'text') {
      pred = `${target} = ?`;
      this.params.push(v.text);
    } else {
      // Text fields (command lines) match when they contain the value; wildcards anchor.
      pred = `${target} LIKE ? ESCAPE '\\'`;
      this.params.push(likePattern(v, v.kind === 'exact'));
    }
    return c.kind === 'json' ? `EXISTS (SELECT 1 FROM json_each(events.${c.column}) WHERE ${pred})` : pred;
  }
}

/** The FTS5 expression for one top-level (required) term, when the trigram index can narrow it. */
function ftsTerm(n: SearchNode): string | undefined {
  if (n.kind === 'text') {
    const lits = literalsOf(n.value);
    return lits.length === 0 ? undefined : lits.map(ftsString).join(' AND ');
  }
  if (n.kind === 'match') {
    const c = EVENT_COLUMN_BY_FIELD.get(n.field);
    if (c === undefined || !FTS_COLUMNS.has(c.column)) return undefined;
    // Exact equality on keyword fields is served by b-tree indexes or a plain comparison.
    if (n.value.kind === 'exact' && c.type !== 'text') return undefined;
    const lits = literalsOf(n.value);
    return lits.length === 0 ? undefined : lits.map((l) => `{${c.column}} : ${ftsString(l)}`).join(' AND ');
  }
  return undefined;
}

/** Compiles a query's AST to a WHERE predicate with bound parameters (exported for tests). */
export function compileQuery(query: SearchNode): CompiledQuery {
  const c = new Compiler();
  const sql = c.node(query);
  const required = query.kind === 'and' ? query.children : [query];
  const fts = required.map(ftsTerm).filter((x): x is string => x !== undefined);
  return { sql, params: c.params, ...(fts.length > 0 ? { fts: fts.join(' AND ') } : {}) };
}

function checkTime(name: string, v: number | undefined): void {
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw bad(`"${name}" must be ms since the epoch, got ${JSON.stringify(v)}`, name);
}

function sortColumn(sort: SearchSort | undefined): { c: EventColumn; desc: boolean } {
  if (sort === undefined) return { c: EVENT_COLUMN_BY_FIELD.get('@timestamp')!, desc: true };
  const c = columnOf(sort.field);
  if (c.kind === 'json') throw bad(`cannot sort on "${sort.field}": it holds a list`, sort.field);
  if (sort.order !== 'asc' && sort.order !== 'desc') throw bad(`sort order must be asc or desc, got ${JSON.stringify(sort.order)}`, 'sort');
  return { c, desc: sort.order === 'desc' };
}

/** How a query runs: driven by the substring index (few candidates) or by a scan in index order. */
type Plan = { mode: 'scan' } | { mode: 'fts' | 'scan-fts-count'; match: string; watermark: number };

/** The parts of a WHERE clause, in order, and their parameters. */
class Where {
  readonly terms: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.terms.push(sql);
    this.params.push(...params);
    return this;
  }

  get sql(): string {
    return this.terms.length === 0 ? '' : `WHERE ${this.terms.join(' AND ')}`;
  }
}

export class SqliteSearch {
  private readonly cache = new Map<string, Database.Statement>();
  private readonly stmt;
  private readonly indexTx: Database.Transaction<(maxRows: number) => number>;
  private readonly hasOats: boolean;

  constructor(private readonly db: Database.Database) {
    // IPv4 and IPv6 as 32 hex digits, so a CIDR block is a BETWEEN (search/cidr.ts).
    db.function('xdr_ip_hex', { deterministic: true }, (ip: unknown) => ipToHex(ip));
    this.stmt = {
      watermark: db.prepare<[], number>("SELECT indexed_upto FROM search_index_state WHERE name = 'events_fts'").pluck(),
      setWatermark: db.prepare<[number]>("UPDATE search_index_state SET indexed_upto = ? WHERE name = 'events_fts'"),
      maxId: db.prepare<[], number | null>('SELECT max(id) FROM events').pluck(),
      wipeIndex: db.prepare("INSERT INTO events_fts (events_fts) VALUES ('delete-all')"),
      indexRows: db.prepare<[number, number]>(
        `INSERT INTO events_fts (rowid, ${BARE_COLUMNS.join(', ')})
         SELECT id, ${BARE_COLUMNS.join(', ')} FROM events
         WHERE id > ? AND id <= ? AND (${BARE_COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')})`,
      ),
      rowsInRange: db.prepare<[number, number, number], number>('SELECT count(*) FROM (SELECT 1 FROM events WHERE ts >= ? AND ts < ? LIMIT ?)').pluck(),
      probe: db.prepare<[string, number], number>('SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ?)').pluck(),
      processEvents: db.prepare<[string], Record<string, unknown>>(
        `SELECT ts, event_type, process_pid, process_name, process_executable, process_command_line, process_user_name,
                user_name, process_parent_entity_id, host_name, process_start, process_exit_code
         FROM events WHERE process_entity_id = ? AND event_category = 'process' ORDER BY ts LIMIT 50`,
      ),
      activity: db.prepare<[string], { files: number | null; network: number | null; total: number }>(
        `SELECT sum(event_category = 'file') AS files, sum(event_category = 'network') AS network, count(*) AS total
         FROM events WHERE process_entity_id = ?`,
      ),
      children: db.prepare<[string], string>(
        'SELECT DISTINCT process_entity_id FROM events WHERE process_parent_entity_id = ? AND process_entity_id IS NOT NULL',
      ).pluck(),
      listSaved: db.prepare<[string], { id: string; owner: string; name: string; query: string; description: string | null; created_at: number }>(
        'SELECT * FROM saved_queries WHERE owner = ? ORDER BY created_at, id',
      ),
      insertSaved: db.prepare('INSERT INTO saved_queries (id, owner, name, query, description, created_at) VALUES (@id, @owner, @name, @query, @description, @createdAt)'),
      deleteSaved: db.prepare<[string, string]>('DELETE FROM saved_queries WHERE owner = ? AND id = ?'),
    };
    const s = this.stmt;
    this.indexTx = db.transaction((maxRows: number) => {
      let from = s.watermark.get() ?? 0;
      const maxId = s.maxId.get() ?? 0;
      if (maxId < from) {
        // Every row above maxId is gone, so their ids will be handed out again: start over.
        s.wipeIndex.run();
        from = 0;
      }
      const upto = Math.min(maxId, from + maxRows);
      if (upto > from) s.indexRows.run(from, upto);
      s.setWatermark.run(upto);
      return upto - from;
    });
    // OAT counts appear on tree nodes only once detection keeps OATs in a table keyed by process.
    const oatColumns = db.prepare<[], string>("SELECT name FROM pragma_table_info('oats')").pluck().all();
    this.hasOats = oatColumns.includes('process_entity_id');
  }

  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (st === undefined) {
      st = this.db.prepare(sql);
      if (this.cache.size >= STATEMENT_CACHE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, st);
    }
    return st;
  }

  /** Event rows the substring index has not reached yet (they are searched by scanning). */
  indexLag(): number {
    return Math.max(0, (this.stmt.maxId.get() ?? 0) - (this.stmt.watermark.get() ?? 0));
  }

  /** Indexes up to INDEX_CHUNK events above the watermark in one transaction; returns rows indexed (0: caught up). */
  indexChunk(maxRows: number): number {
    return this.indexTx.immediate(Math.max(0, Math.min(INDEX_CHUNK, maxRows)));
  }

  /**
   * Substring index or scan. The index drives when the query has a required substring term
   * with fewer than FTS_DRIVE_MAX candidates, unless the time range itself holds fewer rows
   * than that (then a scan of the range is cheaper than asking the index). With more
   * candidates the page comes from the time-ordered scan (frequent terms fill it quickly) and
   * the count from the index.
   */
  plan(compiled: CompiledQuery, filter: SearchFilter): Plan {
    if (compiled.fts === undefined) return { mode: 'scan' };
    if (filter.from !== undefined || filter.to !== undefined) {
      const inRange = this.stmt.rowsInRange.get(filter.from ?? Number.MIN_SAFE_INTEGER, filter.to ?? Number.MAX_SAFE_INTEGER, FTS_DRIVE_MAX);
      if (inRange !== undefined && inRange < FTS_DRIVE_MAX) return { mode: 'scan' };
    }
    const n = this.stmt.probe.get(compiled.fts, FTS_DRIVE_MAX) ?? FTS_DRIVE_MAX;
    const watermark = this.stmt.watermark.get() ?? 0;
    return { mode: n < FTS_DRIVE_MAX ? 'fts' : 'scan-fts-count', match: compiled.fts, watermark };
  }

  /** The WHERE clause of a filter under a plan; SQL text depends only on the query's shape and the plan. */
  where(filter: SearchFilter, compiled: CompiledQuery, plan: Plan): Where {
    checkTime('from', filter.from);
    checkTime('to', filter.to);
    const w = new Where();
    // In index-driven mode the time bounds are written +ts so that the planner does not trade
    // the few candidate rowids for a time-index scan.
    const ts = plan.mode === 'fts' ? '+events.ts' : 'events.ts';
    if (plan.mode === 'fts') {
      // Candidates from the index, plus every row the index has not caught up with yet.
      w.add('events.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ? UNION ALL SELECT id FROM events WHERE id > ?)', plan.match, plan.watermark);
    }
    if (filter.from !== undefined) w.add(`${ts} >= ?`, filter.from);
    if (filter.to !== undefined) w.add(`${ts} < ?`, filter.to);
    if (compiled.sql !== '1') w.add(compiled.sql, ...compiled.params);
    return w;
  }

  /** The SQL and parameters of a page (exported for the injection tests). */
  pageSql(request: SearchRequest, plan: Plan, compiled = compileQuery(request.query)): Sql {
    const { c, desc } = sortColumn(request.sort);
    const w = this.where(request, compiled, plan);
    const x = plan.mode === 'fts' && c.column === 'ts' ? '+events.ts' : `events.${c.column}`;
    const after = request.after;
    if (after !== undefined) {
      if (!Number.isSafeInteger(after.id)) throw bad(`invalid cursor ${JSON.stringify(after)}`, 'cursor');
      const cmp = desc ? '<' : '>';
      if (after.value === null) {
        // NULLs sort first ascending, last descending.
        if (desc) w.add(`(${x} IS NULL AND events.id < ?)`, after.id);
        else w.add(`(${x} IS NOT NULL OR events.id > ?)`, after.id);
      } else {
        if (c.column === 'ts') w.add(`${x} ${desc ? '<=' : '>='} ?`, after.value);
        const nulls = desc && c.column !== 'ts' ? ` OR ${x} IS NULL` : '';
        w.add(`(${x} ${cmp} ? OR (${x} = ? AND events.id ${cmp} ?)${nulls})`, after.value, after.value, after.id);
      }
    }
    if (!Number.isSafeInteger(request.limit) || request.limit < 1) throw bad(`limit must be a positive integer, got ${JSON.stringify(request.limit)}`, 'limit');
    const dir = desc ? 'DESC' : 'ASC';
    return {
      sql: `SELECT ${SELECT_COLUMNS} FROM events ${w.sql} ORDER BY ${x} ${dir}, events.id ${dir} LIMIT ?`,
      params: [...w.params, request.limit + 1],
    };
  }

  search(request: SearchRequest): SearchPage {
    const compiled = compileQuery(request.query);
    const plan = this.plan(compiled, request);
    const { sql, params } = this.pageSql(request, plan, compiled);
    const rows = this.prepared(sql).raw(true).all(...params) as unknown[][];
    const more = rows.length > request.limit;
    if (more) rows.length = request.limit;
    const upTo = Math.max(SEARCH_TOTAL_CAP, Number.isSafeInteger(request.countUpTo) ? request.countUpTo! : 0);
    const total = request.count === false ? rows.length : this.count(request, compiled, plan, upTo);
    const page: SearchPage = { events: rows.map(rowToEvent), total: Math.min(total, upTo), totalCapped: total > upTo };
    if (more) {
      const last = rows[rows.length - 1]!;
      const { c } = sortColumn(request.sort);
      page.next = { value: last[1 + c.position] as string | number | null, id: last[0] as number };
    }
    return page;
  }

  /** Matches up to `upTo` + 1. */
  private count(filter: SearchFilter, compiled: CompiledQuery, plan: Plan, upTo: number): number {
    const cap = upTo + 1;
    if (plan.mode !== 'scan-fts-count') {
      const w = this.where(filter, compiled, plan);
      return this.prepared(`SELECT count(*) FROM (SELECT 1 FROM events ${w.sql} LIMIT ?)`).pluck().get(...w.params, cap) as number;
    }
    // A frequent substring: walk the index's matches (in rowid order, stopping at the cap)
    // rather than scanning the table for them, plus the rows the index has not caught up with.
    const w = this.where(filter, compiled, { mode: 'scan' });
    const rest = w.sql === '' ? '' : ` AND ${w.terms.join(' AND ')}`;
    return this.prepared(
      `SELECT count(*) FROM (SELECT 1 FROM events_fts JOIN events ON events.id = events_fts.rowid WHERE events_fts MATCH ? AND events.id <= ?${rest}`
      + ` UNION ALL SELECT 1 FROM events WHERE events.id > ?${rest} LIMIT ?)`,
    ).pluck().get(plan.match, plan.watermark, ...w.params, plan.watermark, ...w.params, cap) as number;
  }

  aggregate(request: SearchAggRequest): SearchAggs {
    const compiled = compileQuery(request.query);
    // Aggregations read every match: the index helps only when it drives.
    const chosen = this.plan(compiled, request);
    const plan: Plan = chosen.mode === 'fts' ? chosen : { mode: 'scan' };
    const out: SearchAggs = {};
    if (request.terms !== undefined) {
      const { field, size } = request.terms;
      const c = columnOf(field);
      if (!Number.isSafeInteger(size) || size < 1) throw bad(`terms size must be a positive integer, got ${JSON.stringify(size)}`, 'size');
      const w = this.where(request, compiled, plan);
      const from = c.kind === 'json' ? `events, json_each(events.${c.column}) AS j` : 'events';
      const value = c.kind === 'json' ? 'j.value' : `events.${c.column}`;
      if (c.kind !== 'json') w.add(`${value} IS NOT NULL`);
      const rows = this.prepared(
        `SELECT v, n, sum(n) OVER () AS total FROM (SELECT ${value} AS v, count(*) AS n FROM ${from} ${w.sql} GROUP BY v) ORDER BY n DESC, v LIMIT ?`,
      ).all(...w.params, size) as Array<{ v: string | number; n: number; total: number }>;
      const top = rows.reduce((sum, r) => sum + r.n, 0);
      out.terms = { field, buckets: rows.map((r) => ({ value: r.v, count: r.n })), other: (rows[0]?.total ?? 0) - top };
    }
    if (request.histogram !== undefined) {
      const w = this.where(request, compiled, plan);
      let interval = request.histogram.interval;
      let lo = request.from;
      let hi = request.to;
      if (lo === undefined || hi === undefined) {
        const r = this.prepared(`SELECT min(events.ts) AS lo, max(events.ts) AS hi FROM events ${w.sql}`).get(...w.params) as { lo: number | null; hi: number | null };
        lo ??= r.lo ?? 0;
        hi ??= (r.hi ?? 0) + 1;
      }
      const span = Math.max(1, hi - lo);
      if (interval === undefined) interval = NICE_INTERVALS.find((i) => span / i <= HISTOGRAM_TARGET) ?? NICE_INTERVALS[NICE_INTERVALS.length - 1]!;
      if (!Number.isSafeInteger(interval) || interval < 1) throw bad(`histogram interval must be a positive number of ms, got ${JSON.stringify(interval)}`, 'interval');
      if (span / interval > HISTOGRAM_MAX_BUCKETS) {
        throw bad(`histogram interval ${interval} ms gives ${Math.ceil(span / interval)} buckets over this range; the limit is ${HISTOGRAM_MAX_BUCKETS}: widen the interval or narrow from/to`, 'interval');
      }
      const rows = this.prepared(`SELECT events.ts - (events.ts % ?) AS b, count(*) AS n FROM events ${w.sql} GROUP BY b ORDER BY b`)
        .all(interval, ...w.params) as Array<{ b: number; n: number }>;
      out.histogram = { interval, buckets: rows.map((r) => ({ start: r.b, count: r.n })) };
    }
    return out;
  }

  /** One node of a tree: what the process's own events say about it; undefined when no event names it. */
  private node(entityId: string): ProcessNode | undefined {
    const counts = this.stmt.activity.get(entityId)!;
    const rows = this.stmt.processEvents.all(entityId);
    if (counts.total === 0) return undefined;
    const n: ProcessNode = { entityId, fileEvents: counts.files ?? 0, networkEvents: counts.network ?? 0, children: [] };
    const first = <T>(key: string): T | undefined => rows.find((r) => r[key] !== null)?.[key] as T | undefined;
    const set = <K extends keyof ProcessNode>(k: K, v: ProcessNode[K] | undefined) => { if (v !== undefined) n[k] = v; };
    set('pid', first<number>('process_pid'));
    set('name', first<string>('process_name'));
    set('executable', first<string>('process_executable'));
    set('commandLine', first<string>('process_command_line'));
    set('user', first<string>('process_user_name') ?? first<string>('user_name'));
    set('parentEntityId', first<string>('process_parent_entity_id'));
    set('hostName', first<string>('host_name'));
    set('start', first<number>('process_start') ?? (rows.find((r) => r.event_type === 'start')?.ts as number | undefined));
    const end = rows.findLast((r) => r.event_type === 'end');
    set('end', end?.ts as number | undefined);
    set('exitCode', (end?.process_exit_code ?? undefined) as number | undefined);
    if (this.hasOats) n.oats = this.prepared('SELECT count(*) FROM oats WHERE process_entity_id = ?').pluck().get(entityId) as number;
    return n;
  }

  processTree(entityId: string, bounds: ProcessTreeBounds): ProcessTree | undefined {
    const self = this.node(entityId);
    if (self === undefined) return undefined;
    // Ancestors: follow parent entity ids (never pids, which the kernel reuses) until a parent
    // the agent never saw, a loop, or the bound.
    const ancestors: ProcessNode[] = [];
    const seen = new Set([entityId]);
    let truncatedUp = false;
    for (let parent = self.parentEntityId; parent !== undefined && !seen.has(parent);) {
      if (ancestors.length >= bounds.maxAncestors) { truncatedUp = true; break; }
      seen.add(parent);
      const p = this.node(parent);
      if (p === undefined) break;
      ancestors.unshift(p);
      parent = p.parentEntityId;
    }
    // Descendants, breadth first, bounded in depth and count.
    let truncatedDown = false;
    let count = 1 + ancestors.length;
    let level = [self];
    for (let depth = 1; level.length > 0; depth++) {
      const nextLevel: ProcessNode[] = [];
      for (const parent of level) {
        for (const childId of this.stmt.children.all(parent.entityId)) {
          if (seen.has(childId)) continue;
          if (depth > bounds.maxDepth || count >= bounds.maxNodes) { truncatedDown = true; break; }
          seen.add(childId);
          const child = this.node(childId);
          if (child === undefined) continue;
          parent.children.push(child);
          nextLevel.push(child);
          count++;
        }
        parent.children.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
      }
      level = nextLevel;
    }
    return { ancestors, process: self, truncated: { ancestors: truncatedUp, descendants: truncatedDown } };
  }

  listSaved(owner: string): SavedQueryRecord[] {
    return this.stmt.listSaved.all(owner).map((r) => ({
      id: r.id, owner: r.owner, name: r.name, query: r.query, description: r.description, createdAt: r.created_at,
    }));
  }

  createSaved(record: SavedQueryRecord): void {
    this.stmt.insertSaved.run(record);
  }

  deleteSaved(owner: string, id: string): boolean {
    return this.stmt.deleteSaved.run(owner, id).changes > 0;
  }
}

/** The SQL of a search page and its count for a query, for tests that compare hostile and benign input. */
export function explainSearch(search: SqliteSearch, request: SearchRequest, mode: 'scan' | 'fts' = 'scan'): Sql {
  const compiled = compileQuery(request.query);
  const plan: Plan = mode === 'scan' || compiled.fts === undefined ? { mode: 'scan' } : { mode: 'fts', match: compiled.fts, watermark: 0 };
  return search.pageSql(request, plan, compiled);
}

export type { SearchCursor };
