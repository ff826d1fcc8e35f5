// Loads content for the running collector: the same three stages as loader.ts, but every
// filter's compiled predicate is followed by a gate (tuning: disabled detections, exceptions),
// so that a switched-off or excepted filter neither makes an OAT nor feeds a correlation, and a
// change applies to the live engine without recompiling or losing correlation state.
// The parsed documents are kept so that a dry run (`detections test`) can build a fresh engine.
import { compileCorrelations } from './correlation-compiler.js';
import { compileDetection } from './detection-compiler.js';
import { DetectionEngine, type CompiledFilter, type EngineOptions } from './engine.js';
import { DetectionError } from './errors.js';
import type { LoadReport } from './loader.js';
import { resolveLogsource } from './logsource.js';
import { attackOf, collectRules, toUnsupported } from './rule-collector.js';
import { parseRuleText, readRuleFiles, type RawDocument } from './sigma-reader.js';
import type { EcsEvent } from '../pipeline/ecs.js';
import type { Layer, RuleMeta, UnsupportedRule } from './types.js';

/** Called after a filter matched; false suppresses the match. */
export type FilterGate = (ruleId: string, ev: EcsEvent) => boolean;

export interface ContentSources {
  docs: RawDocument[];
  readErrors: UnsupportedRule[];
  files: number;
}

export interface TunableDetection {
  engine: DetectionEngine;
  report: LoadReport;
}

/** Stage 1 only: reads and parses every Sigma file under `dirs` (in order). */
export function readContent(dirs: readonly string[]): ContentSources {
  const r = readRuleFiles(dirs);
  return { docs: r.docs, readErrors: r.errors, files: r.files };
}

/** Stage 1 from text in memory (rules sent to `detections test`). */
export function parseContent(sources: readonly { file: string; text: string }[]): ContentSources {
  const out: ContentSources = { docs: [], readErrors: [], files: sources.length };
  for (const s of sources) {
    const r = parseRuleText(s.file, s.text);
    out.docs.push(...r.docs);
    out.readErrors.push(...r.errors);
  }
  return out;
}

/** Stages 2 and 3 over already parsed content; `gate` (when given) follows every filter's predicate. */
export function buildTunable(src: ContentSources, gate?: FilterGate, opts: EngineOptions = {}): TunableDetection {
  const collected = collectRules(src.docs);
  const unsupported: UnsupportedRule[] = [...src.readErrors, ...collected.unsupported];
  const filters: CompiledFilter[] = [];
  const byRef = new Map<string, RuleMeta>();
  const unusable = new Set<string>();
  for (const spec of collected.filters) {
    try {
      const ls = resolveLogsource(spec.logsource);
      if (!ls.ok) throw new DetectionError('E_LOGSOURCE', ls.reason, ['logsource']);
      const det = compileDetection(spec.detection);
      const meta = {
        id: spec.id, name: spec.name, title: spec.title, level: spec.level, layer: 'filter' as const,
        score: spec.score, tags: spec.tags, file: spec.doc.file, ...attackOf(spec),
      };
      const test = det.test;
      const id = spec.id;
      filters.push({
        meta, actions: ls.actions, imageNames: det.imageNames, requirement: det.requirement,
        test: gate ? (view) => test(view) && gate(id, view.ev) : test,
      });
      byRef.set(spec.id, meta);
      if (spec.name) byRef.set(spec.name, meta);
    } catch (err) {
      unsupported.push(toUnsupported(spec.doc, spec.id, spec.title, err));
      unusable.add(spec.id);
      if (spec.name) unusable.add(spec.name);
    }
  }
  const corr = compileCorrelations(collected.correlations, byRef, unusable);
  unsupported.push(...corr.unsupported);
  const loaded: Record<Layer, number> = { filter: filters.length, rule: 0, model: 0 };
  for (const c of corr.compiled) loaded[c.meta.layer]++;
  return {
    engine: new DetectionEngine(filters, corr.compiled, opts),
    report: { files: src.files, documents: src.docs.length + src.readErrors.length, loaded, unsupported },
  };
}

/** Several sources as one, in order (the first document with an id wins). */
export function concatContent(...parts: ContentSources[]): ContentSources {
  return {
    docs: parts.flatMap((p) => p.docs),
    readErrors: parts.flatMap((p) => p.readErrors),
    files: parts.reduce((n, p) => n + p.files, 0),
  };
}
