// The per-event hot path. Filters are pre-indexed by event.action (from their logsource) and,
// where a rule can only match some executables, by the executable's basename; an event is
// tested against only those rules. Filter matches feed the correlator (rules, then models).
import type { EcsEvent } from '../pipeline/ecs.js';
import { Correlator, type CorrelationLimits, type CorrelationStats } from './correlator.js';
import type { CompiledCorrelation } from './correlation-compiler.js';
import { EventView } from './event-view.js';
import { KEYWORD_FIELDS } from './field-map.js';
import type { ViewPredicate } from './field-matcher.js';
import { LineageTracker, type LineageOptions } from './lineage.js';
import { ALL_ACTIONS } from './logsource.js';
import type { CorrelationHit, DetectionHit, FilterHit, RuleMeta } from './types.js';

export interface CompiledFilter {
  meta: RuleMeta & { layer: 'filter' };
  test: ViewPredicate;
  /** event.action values the rule can match (ALL_ACTIONS for any). */
  actions: readonly string[];
  imageNames?: ReadonlySet<string>;
}

export interface EngineOptions {
  correlation?: CorrelationLimits;
  lineage?: LineageOptions;
}

export interface EngineStats {
  events: number;
  filterHits: number;
  correlationHits: number;
  /** Times a filter threw while testing an event (the rule is skipped for that event). */
  ruleErrors: number;
  correlation: CorrelationStats;
  lineage: { entities: number; evicted: number };
}

interface Indexed {
  f: CompiledFilter;
  ordinal: number;
}

interface Bucket {
  all: Indexed[];
  byImage: Map<string, Indexed[]>;
}

function newBucket(): Bucket {
  return { all: [], byImage: new Map() };
}

function addTo(b: Bucket, x: Indexed): void {
  if (!x.f.imageNames) {
    b.all.push(x);
    return;
  }
  for (const name of x.f.imageNames) {
    let list = b.byImage.get(name);
    if (!list) b.byImage.set(name, (list = []));
    list.push(x);
  }
}

export class DetectionEngine {
  private readonly view = new EventView(KEYWORD_FIELDS);
  private readonly buckets = new Map<string, Bucket>();
  private readonly fallback = newBucket();
  private readonly lineage: LineageTracker;
  private readonly correlator: Correlator;
  private readonly metas: RuleMeta[];
  private counts = { events: 0, filterHits: 0, correlationHits: 0, ruleErrors: 0 };

  constructor(filters: readonly CompiledFilter[], correlations: readonly CompiledCorrelation[], opts: EngineOptions = {}) {
    this.lineage = new LineageTracker(opts.lineage);
    this.correlator = new Correlator(correlations, this.lineage, opts.correlation);
    this.metas = [...filters.map((f) => f.meta), ...correlations.map((c) => c.meta)];
    const indexed = filters.map((f, ordinal) => ({ f, ordinal }));
    for (const x of indexed) {
      for (const a of x.f.actions) if (a !== ALL_ACTIONS && !this.buckets.has(a)) this.buckets.set(a, newBucket());
    }
    for (const x of indexed) {
      if (x.f.actions.includes(ALL_ACTIONS)) {
        addTo(this.fallback, x);
        for (const b of this.buckets.values()) addTo(b, x);
      } else {
        for (const a of x.f.actions) addTo(this.buckets.get(a)!, x);
      }
    }
  }

  /** Every loaded filter, rule and model. */
  rules(): readonly RuleMeta[] {
    return this.metas;
  }

  /** Runs one event through filters and correlations; returns filter hits, then correlation firings. */
  process(ev: EcsEvent): DetectionHit[] {
    this.counts.events++;
    this.view.reset(ev);
    this.lineage.observe(ev);
    const action = ev['event.action'];
    const b = (typeof action === 'string' && this.buckets.get(action)) || this.fallback;
    let matched: Indexed[] | undefined;
    for (const x of b.all) if (this.test(x)) (matched ??= []).push(x);
    const exe = ev['process.executable'];
    if (typeof exe === 'string' && b.byImage.size > 0) {
      const list = b.byImage.get(exe.slice(exe.lastIndexOf('/') + 1).toLowerCase());
      if (list) {
        const before = matched?.length ?? 0;
        for (const x of list) if (this.test(x)) (matched ??= []).push(x);
        if (before > 0 && matched!.length > before) matched!.sort((p, q) => p.ordinal - q.ordinal);
      }
    }
    if (!matched) return [];

    const eventId = typeof ev['event.id'] === 'string' ? ev['event.id'] : '';
    const hits: DetectionHit[] = [];
    const fired: CorrelationHit[] = [];
    for (const { f } of matched) {
      const hit: FilterHit = { ...f.meta, kind: 'filter', layer: 'filter', eventId, timestamp: ev['@timestamp'], event: ev };
      hits.push(hit);
      if (this.correlator.listens(f.meta.id)) this.correlator.feed(f.meta.id, ev, eventId ? [eventId] : [], fired);
    }
    this.counts.filterHits += hits.length;
    this.counts.correlationHits += fired.length;
    for (const h of fired) hits.push(h);
    return hits;
  }

  private test(x: Indexed): boolean {
    try {
      return x.f.test(this.view);
    } catch {
      this.counts.ruleErrors++;
      return false;
    }
  }

  stats(): EngineStats {
    return {
      ...this.counts,
      correlation: { ...this.correlator.stats },
      lineage: { entities: this.lineage.size, evicted: this.lineage.evicted },
    };
  }
}
