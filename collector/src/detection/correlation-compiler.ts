// Compiles Sigma correlation rules (v2: `correlation: { type, rules, group-by, timespan,
// condition, aliases }`) and links them to the rules they name, by id or name. A correlation
// naming another correlation is a model unless `xdr.layer` says otherwise. Unknown or unusable
// references and cycles make the correlation unsupported, and so, in turn, whatever names it.
import { DetectionError } from './errors.js';
import { LINEAGE_FIELD, resolveField } from './field-map.js';
import { attackOf, toUnsupported, type CorrelationSpec } from './rule-collector.js';
import type { CorrelationType, RuleMeta, UnsupportedRule } from './types.js';

/** Where a group-by (or value_count) field is read, per input rule id: an ECS name or LINEAGE_FIELD. */
export type FieldByRule = ReadonlyMap<string, string>;

export interface CompiledCorrelation {
  meta: RuleMeta & { layer: 'rule' | 'model' };
  type: CorrelationType;
  /** Canonical ids of the input rules, in the order written (temporal_ordered uses it). */
  inputs: string[];
  timespanMs: number;
  groupBy: { name: string; byRule: FieldByRule }[];
  valueField?: FieldByRule;
  /** For counts: count satisfies the condition. For temporal: number of distinct rules seen. */
  satisfied: (n: number) => boolean;
}

const TYPES = new Set<CorrelationType>(['event_count', 'value_count', 'temporal', 'temporal_ordered']);
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTimespan(v: unknown): number | undefined {
  const m = /^(\d+)\s*(ms|s|m|h|d|w)$/.exec(String(v ?? '').trim());
  if (!m) return undefined;
  return m[2] === 'ms' ? Number(m[1]) : Number(m[1]) * UNITS[m[2]];
}

function compileCondition(c: unknown, type: CorrelationType, nInputs: number): { satisfied: (n: number) => boolean; field?: string } {
  const path = ['correlation', 'condition'];
  if (type === 'temporal' || type === 'temporal_ordered') {
    if (c === undefined) return { satisfied: (n) => n >= nInputs };
  } else if (c === undefined || c === null || typeof c !== 'object') {
    throw new DetectionError('E_CORRELATION', `${type} needs a condition such as { gte: 10 }`, path);
  }
  if (c === null || typeof c !== 'object' || Array.isArray(c)) throw new DetectionError('E_CORRELATION', 'condition must be a map', path);
  const checks: ((n: number) => boolean)[] = [];
  let lower = false;
  let field: string | undefined;
  for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
    if (k === 'field') {
      if (typeof v !== 'string') throw new DetectionError('E_CORRELATION', 'condition.field must be a field name', [...path, k]);
      field = v;
      continue;
    }
    if (typeof v !== 'number') throw new DetectionError('E_CORRELATION', `condition.${k} must be a number`, [...path, k]);
    switch (k) {
      case 'gt': checks.push((n) => n > v); lower = true; break;
      case 'gte': checks.push((n) => n >= v); lower = true; break;
      case 'eq': checks.push((n) => n === v); lower = true; break;
      case 'lt': checks.push((n) => n < v); break;
      case 'lte': checks.push((n) => n <= v); break;
      case 'neq': checks.push((n) => n !== v); break;
      default: throw new DetectionError('E_CORRELATION', `unknown condition operator '${k}'`, [...path, k]);
    }
  }
  if (type === 'value_count' && !field) throw new DetectionError('E_CORRELATION', 'value_count needs condition.field', path);
  if (type !== 'value_count' && field) throw new DetectionError('E_CORRELATION', `condition.field only applies to value_count, not ${type}`, [...path, 'field']);
  if (type === 'temporal_ordered') throw new DetectionError('E_CORRELATION', 'temporal_ordered takes no condition: all rules must match in order', path);
  if (!lower) {
    // Firing on "fewer than N" needs a timer at window close; this engine fires on arrival only.
    throw new DetectionError('E_CORRELATION', 'a condition with only lt/lte/neq (absence of events) is not supported; give a lower bound (gt, gte or eq)', path);
  }
  return { satisfied: (n) => checks.every((f) => f(n)), field };
}

interface Parsed {
  spec: CorrelationSpec;
  type: CorrelationType;
  refs: string[];
  timespanMs: number;
  groupBy: string[];
  aliases: Record<string, Record<string, string>>;
  cond: { satisfied: (n: number) => boolean; field?: string };
}

function parseOne(spec: CorrelationSpec): Parsed {
  const c = spec.correlation;
  const type = c.type as CorrelationType;
  if (!TYPES.has(type)) throw new DetectionError('E_CORRELATION', `correlation.type '${String(c.type)}' is not one of ${[...TYPES].join(', ')}`, ['correlation', 'type']);
  const refs = (Array.isArray(c.rules) ? c.rules : [c.rules]).filter((x) => x !== undefined && x !== null).map(String);
  if (refs.length === 0) throw new DetectionError('E_CORRELATION', 'correlation.rules names no rule', ['correlation', 'rules']);
  if ((type === 'temporal' || type === 'temporal_ordered') && refs.length < 2) {
    throw new DetectionError('E_CORRELATION', `${type} needs at least two rules`, ['correlation', 'rules']);
  }
  const ts = c.timespan ?? c.timeframe;
  const timespanMs = parseTimespan(ts);
  if (!timespanMs) throw new DetectionError('E_CORRELATION', `correlation.timespan '${String(ts)}' is not a duration like 30s, 5m, 1h, 1d`, ['correlation', 'timespan']);
  const gb = c['group-by'];
  const groupBy = gb === undefined ? [] : (Array.isArray(gb) ? gb : [gb]).map(String);
  const aliases = (c.aliases ?? {}) as Record<string, Record<string, string>>;
  if (typeof aliases !== 'object' || Array.isArray(aliases)) throw new DetectionError('E_CORRELATION', 'correlation.aliases must be a map', ['correlation', 'aliases']);
  const cond = compileCondition(c.condition, type, refs.length);
  return { spec, type, refs, timespanMs, groupBy, aliases, cond };
}

/** Resolves a group-by or value field for every input rule (aliases give per-rule fields). */
function fieldByRule(name: string, p: Parsed, refToId: Map<string, string>, path: (string | number)[]): FieldByRule {
  const out = new Map<string, string>();
  const alias = p.aliases[name];
  for (const ref of p.refs) {
    const raw = alias ? alias[ref] ?? alias[refToId.get(ref) ?? ''] : name;
    if (raw === undefined) throw new DetectionError('E_CORRELATION', `alias '${name}' does not say which field of rule '${ref}' to use`, ['correlation', 'aliases', name]);
    if (raw === LINEAGE_FIELD) { out.set(refToId.get(ref)!, LINEAGE_FIELD); continue; }
    const r = resolveField(raw);
    if (!r.ok) throw new DetectionError('E_FIELD', r.reason, path);
    out.set(refToId.get(ref)!, r.mapping.ecs);
  }
  return out;
}

/**
 * Links correlations to `filters` (compiled detection rules: id and name -> meta) and to each
 * other. Returns them in dependency order (inputs before the correlations that use them).
 */
export function compileCorrelations(
  specs: readonly CorrelationSpec[],
  filters: ReadonlyMap<string, RuleMeta>,
  unusable: ReadonlySet<string>,
): { compiled: CompiledCorrelation[]; unsupported: UnsupportedRule[] } {
  const unsupported: UnsupportedRule[] = [];
  const parsed = new Map<string, Parsed>();
  const fail = (spec: CorrelationSpec, err: unknown): void => {
    unsupported.push(toUnsupported(spec.doc, spec.id, spec.title, err));
  };
  for (const spec of specs) {
    try {
      parsed.set(spec.id, parseOne(spec));
    } catch (err) {
      fail(spec, err);
    }
  }
  // names -> canonical ids, over filters and correlations
  const nameToId = new Map<string, string>();
  for (const [key, meta] of filters) nameToId.set(key, meta.id);
  for (const s of specs) {
    nameToId.set(s.id, s.id);
    if (s.name) nameToId.set(s.name, s.id);
  }
  const corrIds = new Set(specs.map((s) => s.id));
  const failed = new Set<string>(specs.filter((s) => !parsed.has(s.id)).map((s) => s.id));
  for (const u of unusable) failed.add(u);

  // Reference checks, repeated until nothing new fails (a failure spreads to its users).
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, p] of parsed) {
      if (failed.has(id)) continue;
      for (const ref of p.refs) {
        const target = nameToId.get(ref);
        let why: string | undefined;
        if (target === undefined) why = unusable.has(ref) ? `it names rule '${ref}', which is unsupported` : `it names rule '${ref}', which is not loaded`;
        else if (failed.has(target)) why = `it names rule '${ref}', which is unsupported`;
        else if (target === id) why = 'it names itself';
        if (why) {
          fail(p.spec, new DetectionError('E_CORRELATION', why, ['correlation', 'rules']));
          failed.add(id);
          changed = true;
          break;
        }
      }
    }
  }

  // Dependency order; a cycle makes every correlation on it unsupported.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, stack: string[]): boolean => {
    if (state.get(id) === 'done') return true;
    if (state.get(id) === 'visiting') return false;
    state.set(id, 'visiting');
    for (const ref of parsed.get(id)!.refs) {
      const t = nameToId.get(ref)!;
      if (corrIds.has(t) && !failed.has(t) && !visit(t, [...stack, id])) {
        if (!failed.has(id)) {
          fail(parsed.get(id)!.spec, new DetectionError('E_CORRELATION', `it is part of a cycle of correlations (${[...stack, id, t].join(' -> ')})`, ['correlation', 'rules']));
          failed.add(id);
        }
        state.set(id, 'done');
        return false;
      }
    }
    state.set(id, 'done');
    order.push(id);
    return true;
  };
  for (const id of parsed.keys()) if (!failed.has(id)) visit(id, []);

  const compiled: CompiledCorrelation[] = [];
  const metaById = new Map<string, RuleMeta>([...filters.values()].map((m) => [m.id, m]));
  for (const id of order) {
    if (failed.has(id)) continue;
    const p = parsed.get(id)!;
    const s = p.spec;
    const bad = p.refs.find((r) => failed.has(nameToId.get(r)!));
    if (bad !== undefined) {
      fail(s, new DetectionError('E_CORRELATION', `it names rule '${bad}', which is unsupported`, ['correlation', 'rules']));
      failed.add(id);
      continue;
    }
    try {
      const refToId = new Map(p.refs.map((r) => [r, nameToId.get(r)!]));
      const inputs = p.refs.map((r) => refToId.get(r)!);
      const groupBy = p.groupBy.map((g, i) => ({ name: g, byRule: fieldByRule(g, p, refToId, ['correlation', 'group-by', i]) }));
      const valueField = p.cond.field ? fieldByRule(p.cond.field, p, refToId, ['correlation', 'condition', 'field']) : undefined;
      const usesCorrelation = inputs.some((x) => corrIds.has(x));
      const layer = s.layer === 'rule' || s.layer === 'model' ? s.layer : usesCorrelation ? 'model' : 'rule';
      const own = attackOf(s);
      const techniques = [...own.techniques];
      const tactics = [...own.tactics];
      for (const x of inputs) {
        const m = metaById.get(x) ?? compiled.find((c) => c.meta.id === x)?.meta;
        for (const t of m?.techniques ?? []) if (!techniques.includes(t)) techniques.push(t);
        for (const t of m?.tactics ?? []) if (!tactics.includes(t)) tactics.push(t);
      }
      const meta = { id: s.id, name: s.name, title: s.title, level: s.level, layer, score: s.score, tags: s.tags, file: s.doc.file, techniques, tactics };
      compiled.push({ meta, type: p.type, inputs, timespanMs: p.timespanMs, groupBy, valueField, satisfied: p.cond.satisfied });
      metaById.set(s.id, meta);
    } catch (err) {
      fail(s, err);
      failed.add(id);
    }
  }
  return { compiled, unsupported };
}
