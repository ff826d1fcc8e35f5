// Tuning: which detections are switched off and which exceptions suppress their matches. The
// detection stage consults it on every match (never on a non-matching event, so it costs nothing
// on the hot path); the API replaces its state after a change, so changes apply without restart.
// A filter that is off or excepted does not match at all: no OAT, and no input to correlations.
import type { EcsEvent } from '../pipeline/ecs.js';
import type { DetectionExceptionRecord, ExceptionCondition } from '../store/store.js';
import type { CorrelationHit } from './types.js';

type Test = (v: string) => boolean;

interface CompiledException {
  id: string;
  hosts: ReadonlySet<string> | undefined;
  conditions: Array<{ field: string; test: Test }>;
}

function compileCondition(c: ExceptionCondition): { field: string; test: Test } {
  const values = c.values;
  let test: Test;
  switch (c.op) {
    case 'equals': { const set = new Set(values); test = (v) => set.has(v); break; }
    case 'contains': test = (v) => values.some((x) => v.includes(x)); break;
    case 'startswith': test = (v) => values.some((x) => v.startsWith(x)); break;
    case 'endswith': test = (v) => values.some((x) => v.endsWith(x)); break;
  }
  return { field: c.field, test };
}

function fieldValues(source: Record<string, unknown>, field: string): string[] {
  const v = source[field];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

export interface TuningCounters {
  /** matches suppressed by an exception, per exception id */
  suppressed: Map<string, number>;
  /** matches dropped because their detection is disabled */
  disabledDrops: number;
}

export class Tuning {
  private disabled = new Set<string>();
  private byRule = new Map<string, CompiledException[]>();
  readonly counters: TuningCounters = { suppressed: new Map(), disabledDrops: 0 };

  /** Replaces the whole state (after a load from the store or an API change). */
  set(disabledIds: Iterable<string>, exceptions: readonly DetectionExceptionRecord[]): void {
    const byRule = new Map<string, CompiledException[]>();
    for (const e of exceptions) {
      if (!e.enabled) continue;
      let list = byRule.get(e.ruleId);
      if (!list) byRule.set(e.ruleId, (list = []));
      list.push({ id: e.id, hosts: e.hosts.length ? new Set(e.hosts) : undefined, conditions: e.conditions.map(compileCondition) });
    }
    this.disabled = new Set(disabledIds);
    this.byRule = byRule;
  }

  isEnabled(ruleId: string): boolean {
    return !this.disabled.has(ruleId);
  }

  /** For a filter that matched `ev`: false when it is disabled or an exception covers the event. */
  allowsFilter(ruleId: string, ev: EcsEvent): boolean {
    if (this.disabled.has(ruleId)) {
      this.counters.disabledDrops++;
      return false;
    }
    const list = this.byRule.get(ruleId);
    if (!list) return true;
    const rec = ev as Record<string, unknown>;
    return !this.covered(list, rec, [rec['host.id'], rec['host.name']]);
  }

  /**
   * For a correlation firing: false when the rule/model is disabled, when one of the rules that
   * made it is disabled (its matches may have entered the group before it was switched off), or
   * an exception covers it. Exceptions on rules and models test the firing's group-by values.
   */
  allowsCorrelation(hit: CorrelationHit): boolean {
    if (this.disabled.has(hit.id) || hit.matchedRules.some((r) => this.disabled.has(r))) {
      this.counters.disabledDrops++;
      return false;
    }
    const list = this.byRule.get(hit.id);
    if (!list) return true;
    const g = hit.group as Record<string, unknown>;
    return !this.covered(list, g, [g['host.id'], g['host.name']]);
  }

  private covered(list: readonly CompiledException[], source: Record<string, unknown>, hostValues: unknown[]): boolean {
    for (const x of list) {
      if (x.hosts && !hostValues.some((h) => typeof h === 'string' && x.hosts!.has(h))) continue;
      if (x.conditions.every((c) => fieldValues(source, c.field).some(c.test))) {
        this.counters.suppressed.set(x.id, (this.counters.suppressed.get(x.id) ?? 0) + 1);
        return true;
      }
    }
    return false;
  }
}
