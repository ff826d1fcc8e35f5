// Compiles a Sigma `detection:` block (named selections + condition) into one closure over an
// EventView, once at load time. Also derives the executable basenames an event must have for
// the rule to match at all, which the engine uses as an index.
import { ConditionSyntaxError, expandPattern, parseCondition, type Cond } from './condition.js';
import { DetectionError } from './errors.js';
import { KEYWORD_FIELDS } from './field-map.js';
import { compileField, type ViewPredicate } from './field-matcher.js';
import { reqAnd, reqOr, type Requirement } from './literal-index.js';
import { slotOf } from './event-view.js';
import { compileSigmaStrings, requiredPiece } from './sigma-string.js';

export interface CompiledDetection {
  test: ViewPredicate;
  /** Lower-cased executable basenames; undefined = the rule may match any executable. */
  imageNames?: Set<string>;
  /** Literals one of which a matching event contains; undefined = no such literal known. */
  requirement?: Requirement;
}

interface Part {
  test: ViewPredicate;
  imageNames?: Set<string>;
  requirement?: Requirement;
}

const FALSE: ViewPredicate = () => false;
const TRUE: ViewPredicate = () => true;

function smallest(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  let best: Set<string> | undefined;
  for (const s of sets) if (s && (!best || s.size < best.size)) best = s;
  return best;
}

function union(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  if (sets.length === 0 || sets.some((s) => !s)) return undefined;
  const out = new Set<string>();
  for (const s of sets) for (const x of s!) out.add(x);
  return out;
}

function andAll(parts: Part[]): Part {
  if (parts.length === 0) return { test: TRUE };
  const tests = parts.map((p) => p.test);
  const test: ViewPredicate = tests.length === 1 ? tests[0]
    : tests.length === 2 ? ((a, b) => (v: Parameters<ViewPredicate>[0]) => a(v) && b(v))(tests[0], tests[1])
      : (v) => { for (const t of tests) if (!t(v)) return false; return true; };
  return { test, imageNames: smallest(parts.map((p) => p.imageNames)), requirement: reqAnd(parts.map((p) => p.requirement)) };
}

function orAll(parts: Part[]): Part {
  if (parts.length === 0) return { test: FALSE };
  const tests = parts.map((p) => p.test);
  const test: ViewPredicate = tests.length === 1 ? tests[0]
    : (v) => { for (const t of tests) if (t(v)) return true; return false; };
  return { test, imageNames: union(parts.map((p) => p.imageNames)), requirement: reqOr(parts.map((p) => p.requirement)) };
}

/** Keywords (OR): each is looked for, case-insensitively, inside any keyword field. */
function keywords(values: unknown[], path: (string | number)[]): Part {
  for (const v of values) if (v === null || typeof v === 'object') throw new DetectionError('E_VALUE', 'a keyword must be a string or number', path);
  const f = compileSigmaStrings(values.map(String), 'contains', true);
  const pieces = values.map((x) => requiredPiece(String(x), 'contains', false));
  const requirement = pieces.every((x) => x !== undefined) ? KEYWORD_FIELDS.flatMap((field) => pieces.map((lit) => ({ slot: slotOf(field), lit: lit! }))) : undefined;
  return { test: (v) => { for (const t of v.keywordTexts()) if (f(t)) return true; return false; }, requirement };
}

/** A field-less key with modifiers (`'|all': [...]`): each value is searched in every keyword field. */
function keywordWithModifiers(key: string, raw: unknown, path: (string | number)[]): Part {
  const mods = key.split('|').slice(1);
  const all = mods.includes('all');
  const rest = mods.filter((m) => m !== 'all');
  if (!rest.some((m) => ['contains', 'startswith', 'endswith', 're'].includes(m))) rest.unshift('contains');
  const values = Array.isArray(raw) ? raw : [raw];
  const perValue = values.map((v) => orAll(KEYWORD_FIELDS.map((f) => {
    const c = compileField([f, ...rest].join('|'), v, path);
    return { test: c.test, requirement: c.requirement };
  })));
  return all ? andAll(perValue) : orAll(perValue);
}

function selectionMap(map: Record<string, unknown>, path: (string | number)[]): Part {
  const keys = Object.keys(map);
  if (keys.length === 0) throw new DetectionError('E_RULE_SHAPE', 'a selection map is empty', path);
  return andAll(keys.map((k) => {
    if (k.startsWith('|')) return keywordWithModifiers(k, map[k], [...path, k]);
    const f = compileField(k, map[k], [...path, k]);
    return { test: f.test, imageNames: f.imageNames, requirement: f.requirement };
  }));
}

/** A selection: a map (AND of fields), a list of maps (OR), or keywords (a string or list of strings). */
export function compileSelection(sel: unknown, path: (string | number)[]): Part {
  if (Array.isArray(sel)) {
    if (sel.length === 0) throw new DetectionError('E_RULE_SHAPE', 'a selection list is empty', path);
    const isMap = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
    const maps = sel.flatMap((item, i) => (isMap(item) ? [selectionMap(item as Record<string, unknown>, [...path, i])] : []));
    const words = sel.filter((item) => !isMap(item));
    return orAll(words.length > 0 ? [keywords(words, path), ...maps] : maps);
  }
  if (sel !== null && typeof sel === 'object') return selectionMap(sel as Record<string, unknown>, path);
  return keywords([sel], path);
}

function compileCond(c: Cond, sels: Map<string, Part>, names: string[], path: (string | number)[]): Part {
  switch (c.op) {
    case 'ref': {
      const p = sels.get(c.name);
      if (!p) throw new DetectionError('E_CONDITION', `the condition names '${c.name}', which is not a selection`, path);
      return p;
    }
    case 'and': return andAll(c.args.map((a) => compileCond(a, sels, names, path)));
    case 'or': return orAll(c.args.map((a) => compileCond(a, sels, names, path)));
    case 'not': {
      const inner = compileCond(c.arg, sels, names, path).test;
      return { test: (v) => !inner(v) };
    }
    case 'of': {
      const matched = expandPattern(c.pattern, names);
      if (matched.length === 0) throw new DetectionError('E_CONDITION', `'${c.count} of ${c.pattern}' matches no selection`, path);
      const parts = matched.map((n) => sels.get(n)!);
      if (c.count === 'all') return andAll(parts);
      if (c.count === 1) return orAll(parts);
      const n = c.count;
      const tests = parts.map((p) => p.test);
      return {
        test: (v) => { let k = 0; for (const t of tests) if (t(v) && ++k >= n) return true; return false; },
        imageNames: union(parts.map((p) => p.imageNames)),
        requirement: reqOr(parts.map((p) => p.requirement)),
      };
    }
  }
}

export function compileDetection(detection: unknown): CompiledDetection {
  if (detection === null || typeof detection !== 'object' || Array.isArray(detection)) {
    throw new DetectionError('E_RULE_SHAPE', 'detection must be a map of selections and a condition', ['detection']);
  }
  const det = detection as Record<string, unknown>;
  const sels = new Map<string, Part>();
  for (const [name, sel] of Object.entries(det)) {
    if (name === 'condition' || name === 'timeframe') continue;
    sels.set(name, compileSelection(sel, ['detection', name]));
  }
  if (det.timeframe !== undefined) {
    throw new DetectionError('E_CONDITION', 'timeframe in a detection is deprecated Sigma; use a correlation rule', ['detection', 'timeframe']);
  }
  const raw = det.condition;
  const conds = Array.isArray(raw) ? raw : [raw];
  if (raw === undefined || conds.length === 0 || conds.some((c) => typeof c !== 'string')) {
    throw new DetectionError('E_CONDITION', 'detection.condition must be a string (or a list of strings)', ['detection', 'condition']);
  }
  const names = [...sels.keys()];
  const parts = (conds as string[]).map((src, i) => {
    const path = Array.isArray(raw) ? ['detection', 'condition', i] : ['detection', 'condition'];
    let ast: Cond;
    try {
      ast = parseCondition(src);
    } catch (cause) {
      if (cause instanceof ConditionSyntaxError) throw new DetectionError('E_CONDITION', cause.message, path, { cause });
      throw cause;
    }
    return compileCond(ast, sels, names, path);
  });
  const p = orAll(parts);
  return { test: p.test, imageNames: p.imageNames, requirement: p.requirement };
}
