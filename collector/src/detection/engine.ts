// The per-event hot path. Filters are pre-indexed by event.action (from their logsource) and,
// where a rule can only match some executables, by the executable's basename, else by the
// literals it needs (literal-index.ts); an event is tested against only those rules. Filter
// matches (that tuning lets through) feed the correlator (rules, then models).
import type { EcsEvent } from '../pipeline/ecs.js';
import { Correlator, type CorrelationLimits, type CorrelationStats } from './correlator.js';
import type { CompiledCorrelation } from './correlation-compiler.js';
import { EventView, type TextValue } from './event-view.js';
import { KEYWORD_FIELDS } from './field-map.js';
import type { ViewPredicate } from './field-matcher.js';
import { LineageTracker, type LineageOptions } from './lineage.js';
import { LiteralAutomaton, type Requirement } from './literal-index.js';
import type { FilterGate } from './loader.js';
import { ALL_ACTIONS } from './logsource.js';
import type { CorrelationHit, DetectionHit, FilterHit, RuleMeta } from './types.js';

export interface CompiledFilter {
  meta: RuleMeta & { layer: 'filter' };
  test: ViewPredicate;
  /** event.action values the rule can match (ALL_ACTIONS for any). */
  actions: readonly string[];
  imageNames?: ReadonlySet<string>;
  requirement?: Requirement;
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
  /** Rules with no pre-filter: tested on every event of the bucket. */
  all: Indexed[];
  /** Rules that can only match these executable basenames. */
  byImage: Map<string, Indexed[]>;
  /** Rules that need a literal in a field: slot -> automaton over their literals. */
  byLiteral: Map<number, LiteralAutomaton>;
  /** byLiteral as two arrays, for the hot loop. */
  literalSlots: number[];
  literalAutomata: LiteralAutomaton[];
}

/** What process() returns for the many events that match nothing; never mutated. */
const NO_HITS = Object.freeze([]) as unknown as DetectionHit[];

function newBucket(): Bucket {
  return { all: [], byImage: new Map(), byLiteral: new Map(), literalSlots: [], literalAutomata: [] };
}

function addTo(b: Bucket, x: Indexed): void {
  if (x.f.imageNames) {
    for (const name of x.f.imageNames) {
      let list = b.byImage.get(name);
      if (!list) b.byImage.set(name, (list = []));
      list.push(x);
    }
  } else if (x.f.requirement) {
    for (const { slot, lit } of x.f.requirement) {
      let a = b.byLiteral.get(slot);
      if (!a) b.byLiteral.set(slot, (a = new LiteralAutomaton()));
      a.add(lit, x.ordinal);
    }
  } else {
    b.all.push(x);
  }
}

export class DetectionEngine {
  private readonly view = new EventView(KEYWORD_FIELDS);
  private readonly buckets = new Map<string, Bucket>();
  private readonly fallback = newBucket();
  private readonly lineage: LineageTracker;
  private readonly correlator: Correlator;
  private readonly metas: RuleMeta[];
  private readonly indexed: Indexed[];
  /** Per rule ordinal: the round (event) it was last made a candidate in (dedupes automaton hits). */
  private readonly stamp: Int32Array;
  /** The rules found by the literal scans of the current event: the first candidateCount entries. */
  private readonly candidates: Indexed[];
  private candidateCount = 0;
  /** The current event's fields for its bucket's literal slots (reused across events). */
  private readonly texts: (TextValue | undefined)[] = [];
  /** Wraps before int32 does, unlike counts.events. */
  private round = 0;
  private readonly imageNames = new Map<string, string>();
  private readonly onLiteral = (ordinal: number): void => {
    if (this.stamp[ordinal] === this.round) return;
    this.stamp[ordinal] = this.round;
    this.candidates[this.candidateCount++] = this.indexed[ordinal];
  };
  private counts = { events: 0, filterHits: 0, correlationHits: 0, ruleErrors: 0 };

  /** `gate` (tuning) is asked after a filter matched; false drops the match. */
  constructor(
    filters: readonly CompiledFilter[], correlations: readonly CompiledCorrelation[], opts: EngineOptions = {},
    private readonly gate?: FilterGate,
  ) {
    this.lineage = new LineageTracker(opts.lineage);
    this.correlator = new Correlator(correlations, this.lineage, opts.correlation);
    this.metas = [...filters.map((f) => f.meta), ...correlations.map((c) => c.meta)];
    const indexed = filters.map((f, ordinal) => ({ f, ordinal }));
    this.indexed = indexed;
    this.stamp = new Int32Array(indexed.length);
    // each rule is a candidate at most once per event (stamp)
    this.candidates = indexed.slice();
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
    // Buckets often hold the same rules for a field (file_created, file_modified...): share automata.
    const built = new Map<string, LiteralAutomaton>();
    for (const b of [this.fallback, ...this.buckets.values()]) {
      for (const [slot, a] of b.byLiteral) {
        const key = `${slot}|${a.key()}`;
        const same = built.get(key);
        if (same) b.byLiteral.set(slot, same);
        else { a.build(); built.set(key, a); }
      }
      b.literalSlots = [...b.byLiteral.keys()];
      b.literalAutomata = [...b.byLiteral.values()];
    }
  }

  /** Every loaded filter, rule and model. */
  rules(): readonly RuleMeta[] {
    return this.metas;
  }

  /** Runs one event through filters and correlations; returns filter hits, then correlation firings. */
  process(ev: EcsEvent): DetectionHit[] {
    this.counts.events++;
    if (++this.round === 0x7fffffff) { this.round = 1; this.stamp.fill(0); }
    this.view.reset(ev);
    this.lineage.observe(ev);
    const action = ev['event.action'];
    const b = (typeof action === 'string' && this.buckets.get(action)) || this.fallback;
    let matched: Indexed[] | undefined;
    for (const x of b.all) if (this.test(x)) (matched ??= []).push(x);
    if (b.byImage.size > 0) {
      const exe = ev['process.executable'];
      if (typeof exe === 'string') {
        const list = b.byImage.get(this.imageName(exe));
        if (list) for (const x of list) if (this.test(x)) (matched ??= []).push(x);
      }
    }
    const slots = b.literalSlots;
    if (slots.length > 0) {
      // All fields first, then the scans: the reads are cache misses on an event that is not in
      // the cache yet, and with nothing between them the CPU overlaps them instead of waiting
      // for each one after a scan.
      const texts = this.texts;
      for (let i = 0; i < slots.length; i++) texts[i] = this.view.text(slots[i]);
      this.candidateCount = 0;
      for (let i = 0; i < slots.length; i++) {
        const t = texts[i];
        if (t === undefined) continue;
        const automaton = b.literalAutomata[i];
        if (typeof t === 'string') {
          if (!automaton.scanAscii(t, this.onLiteral)) automaton.scan(this.view.lower(slots[i]) as string, this.onLiteral);
        } else {
          for (let k = 0; k < t.length; k++) {
            if (!automaton.scanAscii(t[k], this.onLiteral)) automaton.scan(t[k].toLowerCase(), this.onLiteral);
          }
        }
      }
      const candidates = this.candidates;
      for (let i = 0; i < this.candidateCount; i++) if (this.test(candidates[i])) (matched ??= []).push(candidates[i]);
    }
    if (!matched) return NO_HITS;
    if (matched.length > 1) matched.sort((p, q) => p.ordinal - q.ordinal);

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

  /** Lower-cased basename of an executable path; memoised, as a fleet runs few distinct executables. */
  private imageName(exe: string): string {
    let name = this.imageNames.get(exe);
    if (name === undefined) {
      name = exe.slice(exe.lastIndexOf('/') + 1).toLowerCase();
      if (this.imageNames.size >= 4096) this.imageNames.clear();
      this.imageNames.set(exe, name);
    }
    return name;
  }

  private test(x: Indexed): boolean {
    try {
      return x.f.test(this.view) && (this.gate === undefined || this.gate(x.f.meta.id, this.view.ev));
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
