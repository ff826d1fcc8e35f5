// Runs compiled correlations over rule matches. State is per correlation and per group key,
// bounded three ways: windows expire by event time (timespan behind the newest event seen),
// a cap on groups per correlation (least recently updated shed first) and a cap on entries per
// group (oldest shed first). Everything shed, expired or too late is counted in stats.
// A firing resets its group, so an ongoing attack fires again only on fresh evidence.
import type { EcsEvent } from '../pipeline/ecs.js';
import type { CompiledCorrelation } from './correlation-compiler.js';
import { LINEAGE_FIELD } from './field-map.js';
import type { LineageTracker } from './lineage.js';
import type { CorrelationHit } from './types.js';

export interface CorrelationLimits {
  /** Groups kept per correlation (default 10,000). */
  maxGroups?: number;
  /** Matches kept per group (default 256). */
  maxEntriesPerGroup?: number;
}

export interface CorrelationStats {
  /** Groups currently held, over all correlations. */
  groups: number;
  /** Groups dropped because a correlation hit maxGroups. */
  groupsShed: number;
  /** Matches dropped because a group hit maxEntriesPerGroup. */
  entriesShed: number;
  /** Groups removed because their whole window had passed. */
  windowsExpired: number;
  /** Matches ignored because they were older than the window when they arrived. */
  lateDropped: number;
  firings: number;
}

interface Entry {
  ts: number;
  rule: number;
  ids: readonly string[];
  value?: string;
}

interface Group {
  entries: Entry[];
  values: Map<string, number>;
  group: Record<string, string>;
}

const SWEEP_EVERY = 4096;

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.join(',') : String(v);
}

export class CorrelationState {
  private readonly groups = new Map<string, Group>();
  private readonly ruleIndex: Map<string, number>;
  private watermark = -Infinity;
  private adds = 0;

  constructor(
    readonly c: CompiledCorrelation,
    private readonly maxGroups: number,
    private readonly maxEntries: number,
    private readonly stats: CorrelationStats,
    private readonly lineage: LineageTracker,
  ) {
    this.ruleIndex = new Map(c.inputs.map((id, i) => [id, i]));
  }

  get size(): number {
    return this.groups.size;
  }

  /** Records that `ruleId` matched (`ev` is the event, or a correlation's triggering event). */
  add(ruleId: string, ev: EcsEvent, ids: readonly string[]): CorrelationHit | undefined {
    const rule = this.ruleIndex.get(ruleId);
    if (rule === undefined) return undefined;
    const c = this.c;
    const ts = ev['@timestamp'];
    if (ts > this.watermark) this.watermark = ts;
    const cutoff = this.watermark - c.timespanMs;
    if (ts < cutoff) {
      this.stats.lateDropped++;
      return undefined;
    }
    if (++this.adds % SWEEP_EVERY === 0) this.sweep();

    let key = '';
    const group: Record<string, string> = {};
    for (const g of c.groupBy) {
      const f = g.byRule.get(ruleId)!;
      const v = f === LINEAGE_FIELD ? this.lineage.keyFor(ev) : text((ev as Record<string, unknown>)[f]);
      group[g.name] = v;
      key += (key ? '|' : '') + g.name + '=' + v;
    }

    let g = this.groups.get(key);
    if (g) {
      this.groups.delete(key); // re-inserted below: Map order = least recently updated first
      this.prune(g, cutoff);
    } else {
      if (this.groups.size >= this.maxGroups) this.sweep();
      if (this.groups.size >= this.maxGroups) {
        const oldest = this.groups.keys().next().value as string;
        this.groups.delete(oldest);
        this.stats.groups--;
        this.stats.groupsShed++;
      }
      g = { entries: [], values: new Map(), group };
      this.stats.groups++;
    }
    this.groups.set(key, g);

    if (g.entries.length >= this.maxEntries) {
      this.drop(g, g.entries.shift()!);
      this.stats.entriesShed++;
    }
    let value: string | undefined;
    if (c.valueField) {
      const f = c.valueField.get(ruleId)!;
      const v = f === LINEAGE_FIELD ? this.lineage.keyFor(ev) : text((ev as Record<string, unknown>)[f]);
      if (v !== '') {
        value = v;
        g.values.set(v, (g.values.get(v) ?? 0) + 1);
      }
    }
    // keep entries sorted by time; arrivals are nearly in order, so this is a short scan
    const entry: Entry = { ts, rule, ids, value };
    let i = g.entries.length;
    while (i > 0 && g.entries[i - 1].ts > ts) i--;
    g.entries.splice(i, 0, entry);

    if (!this.satisfied(g)) return undefined;
    this.groups.delete(key);
    this.stats.groups--;
    this.stats.firings++;
    return this.hit(key, g, ts);
  }

  private satisfied(g: Group): boolean {
    const c = this.c;
    switch (c.type) {
      case 'event_count': return c.satisfied(g.entries.length);
      case 'value_count': return c.satisfied(g.values.size);
      case 'temporal': {
        const seen = new Set<number>();
        for (const e of g.entries) seen.add(e.rule);
        return c.satisfied(seen.size);
      }
      case 'temporal_ordered': {
        let want = 0;
        for (const e of g.entries) if (e.rule === want && ++want === c.inputs.length) return true;
        return false;
      }
    }
  }

  private drop(g: Group, e: Entry): void {
    if (e.value === undefined) return;
    const n = (g.values.get(e.value) ?? 1) - 1;
    if (n <= 0) g.values.delete(e.value);
    else g.values.set(e.value, n);
  }

  private prune(g: Group, cutoff: number): void {
    let k = 0;
    while (k < g.entries.length && g.entries[k].ts < cutoff) this.drop(g, g.entries[k++]);
    if (k > 0) g.entries.splice(0, k);
  }

  /** Removes groups whose newest match has left the window. */
  sweep(): void {
    const cutoff = this.watermark - this.c.timespanMs;
    for (const [key, g] of this.groups) {
      const last = g.entries[g.entries.length - 1];
      if (!last || last.ts < cutoff) {
        this.groups.delete(key);
        this.stats.groups--;
        this.stats.windowsExpired++;
      }
    }
  }

  private hit(groupKey: string, g: Group, ts: number): CorrelationHit {
    const ids = new Set<string>();
    const rules = new Set<string>();
    for (const e of g.entries) {
      for (const id of e.ids) ids.add(id);
      rules.add(this.c.inputs[e.rule]);
    }
    return {
      ...this.c.meta,
      kind: 'correlation',
      type: this.c.type,
      groupKey,
      group: g.group,
      eventIds: [...ids],
      matchedRules: [...rules],
      firstSeen: g.entries[0].ts,
      lastSeen: g.entries[g.entries.length - 1].ts,
      timestamp: ts,
    };
  }
}

/** All correlations, dispatched by input rule id. Models are fed by the firings of rules. */
export class Correlator {
  readonly stats: CorrelationStats = { groups: 0, groupsShed: 0, entriesShed: 0, windowsExpired: 0, lateDropped: 0, firings: 0 };
  private readonly byInput = new Map<string, CorrelationState[]>();

  constructor(correlations: readonly CompiledCorrelation[], lineage: LineageTracker, limits: CorrelationLimits = {}) {
    const maxGroups = limits.maxGroups ?? 10_000;
    const maxEntries = limits.maxEntriesPerGroup ?? 256;
    for (const c of correlations) {
      const st = new CorrelationState(c, maxGroups, maxEntries, this.stats, lineage);
      for (const id of new Set(c.inputs)) {
        let list = this.byInput.get(id);
        if (!list) this.byInput.set(id, (list = []));
        list.push(st);
      }
    }
  }

  /** True when some correlation listens to `ruleId` (lets the engine skip work). */
  listens(ruleId: string): boolean {
    return this.byInput.has(ruleId);
  }

  /**
   * Feeds one match and, transitively, the firings it causes (rule -> model). Firings are
   * appended to `out` in the order they happen.
   */
  feed(ruleId: string, ev: EcsEvent, ids: readonly string[], out: CorrelationHit[], depth = 0): void {
    const list = this.byInput.get(ruleId);
    if (!list || depth > 16) return;
    for (const st of list) {
      const hit = st.add(ruleId, ev, ids);
      if (hit) {
        out.push(hit);
        this.feed(hit.id, ev, hit.eventIds, out, depth + 1);
      }
    }
  }
}
