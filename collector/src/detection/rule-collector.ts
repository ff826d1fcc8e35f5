// Stage 2 of loading: turns parsed YAML documents into typed rule specs (detection rules and
// correlation rules) with their metadata, checking shape, ids and the custom `xdr:` block.
// Nothing is compiled here; errors become UnsupportedRule entries with file, line and column.
import { parseAttackTags } from './attack-tags.js';
import { DetectionError } from './errors.js';
import type { RawDocument } from './sigma-reader.js';
import { LEVELS, type Layer, type Level, type UnsupportedRule } from './types.js';

interface SpecBase {
  id: string;
  name?: string;
  title: string;
  level: Level;
  tags: string[];
  /** Layer the file asked for in `xdr.layer`, if any. */
  layer?: Layer;
  score?: number;
  doc: RawDocument;
}

export interface FilterSpec extends SpecBase {
  kind: 'filter';
  logsource: unknown;
  detection: unknown;
}

export interface CorrelationSpec extends SpecBase {
  kind: 'correlation';
  correlation: Record<string, unknown>;
}

export type RuleSpec = FilterSpec | CorrelationSpec;

export interface Collected {
  filters: FilterSpec[];
  correlations: CorrelationSpec[];
  unsupported: UnsupportedRule[];
}

/** Builds an UnsupportedRule from an error thrown while handling `doc`. */
export function toUnsupported(doc: RawDocument, id: string, title: string, err: unknown): UnsupportedRule {
  if (err instanceof DetectionError) {
    const pos = err.path ? doc.locate(err.path) : undefined;
    return { file: doc.file, id, title, code: err.code, reason: err.message, line: pos?.line, col: pos?.col };
  }
  throw err;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function collectOne(doc: RawDocument): RuleSpec {
  const v = doc.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new DetectionError('E_RULE_SHAPE', 'the document is not a map', []);
  const r = v as Record<string, unknown>;
  if (r.action !== undefined) throw new DetectionError('E_RULE_SHAPE', `rule collections (action: ${String(r.action)}) are not supported; write each rule as its own document`, ['action']);
  const title = str(r.title);
  if (!title) throw new DetectionError('E_RULE_SHAPE', 'title is missing', []);
  const name = str(r.name);
  const id = str(r.id) ?? name;
  if (!id) throw new DetectionError('E_RULE_SHAPE', 'id (or name) is missing', []);
  let level: Level = 'medium';
  if (r.level !== undefined) {
    if (!LEVELS.includes(r.level as Level)) throw new DetectionError('E_RULE_SHAPE', `level '${String(r.level)}' is not one of ${LEVELS.join(', ')}`, ['level']);
    level = r.level as Level;
  }
  const tags = Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === 'string') : [];
  let layer: Layer | undefined;
  let score: number | undefined;
  if (r.xdr !== undefined) {
    if (r.xdr === null || typeof r.xdr !== 'object') throw new DetectionError('E_XDR', 'xdr must be a map { layer, score }', ['xdr']);
    const x = r.xdr as Record<string, unknown>;
    if (x.layer !== undefined) {
      if (x.layer !== 'filter' && x.layer !== 'rule' && x.layer !== 'model') throw new DetectionError('E_XDR', `xdr.layer must be filter, rule or model, not '${String(x.layer)}'`, ['xdr', 'layer']);
      layer = x.layer;
    }
    if (x.score !== undefined) {
      if (typeof x.score !== 'number' || x.score < 0 || x.score > 100) throw new DetectionError('E_XDR', 'xdr.score must be a number from 0 to 100', ['xdr', 'score']);
      score = x.score;
    }
  }
  const base = { id, name, title, level, tags, layer, score, doc };
  if (r.correlation !== undefined) {
    if (r.detection !== undefined) throw new DetectionError('E_RULE_SHAPE', 'a document has both detection and correlation', ['correlation']);
    if (r.correlation === null || typeof r.correlation !== 'object' || Array.isArray(r.correlation)) {
      throw new DetectionError('E_CORRELATION', 'correlation must be a map', ['correlation']);
    }
    if (layer === 'filter') throw new DetectionError('E_XDR', 'a correlation rule cannot be xdr.layer filter', ['xdr', 'layer']);
    return { ...base, kind: 'correlation', correlation: r.correlation as Record<string, unknown> };
  }
  if (r.detection === undefined) throw new DetectionError('E_RULE_SHAPE', 'detection (or correlation) is missing', []);
  if (layer !== undefined && layer !== 'filter') throw new DetectionError('E_XDR', `a detection rule is a filter; xdr.layer ${layer} needs a correlation rule`, ['xdr', 'layer']);
  return { ...base, kind: 'filter', logsource: r.logsource, detection: r.detection };
}

export function collectRules(docs: readonly RawDocument[]): Collected {
  const out: Collected = { filters: [], correlations: [], unsupported: [] };
  const seen = new Map<string, string>();
  for (const doc of docs) {
    const r = doc.value as Record<string, unknown> | null;
    const id = typeof r?.id === 'string' ? r.id : '';
    const title = typeof r?.title === 'string' ? r.title : '';
    let spec: RuleSpec;
    try {
      spec = collectOne(doc);
      const prev = seen.get(spec.id);
      if (prev !== undefined) throw new DetectionError('E_DUPLICATE_ID', `id ${spec.id} is already used by ${prev}`, ['id']);
      if (spec.name && spec.name !== spec.id && seen.has(spec.name)) {
        throw new DetectionError('E_DUPLICATE_ID', `name ${spec.name} is already used by ${seen.get(spec.name)}`, ['name']);
      }
    } catch (err) {
      out.unsupported.push(toUnsupported(doc, id, title, err));
      continue;
    }
    seen.set(spec.id, doc.file);
    if (spec.name) seen.set(spec.name, doc.file);
    if (spec.kind === 'filter') out.filters.push(spec);
    else out.correlations.push(spec);
  }
  return out;
}

/** ATT&CK refs of a spec, for hits. */
export function attackOf(spec: RuleSpec): ReturnType<typeof parseAttackTags> {
  return parseAttackTags(spec.tags);
}
