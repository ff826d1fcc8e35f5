// Loads detection content in three stages: read (files -> YAML documents), collect (documents
// -> typed rule specs) and compile (specs -> closures and correlation state). Every document
// the engine cannot run ends up in the report with its reason; nothing is skipped silently.
import { compileCorrelations } from './correlation-compiler.js';
import { compileDetection } from './detection-compiler.js';
import type { EcsEvent } from '../pipeline/ecs.js';
import { DetectionEngine, type CompiledFilter, type EngineOptions } from './engine.js';
import { DetectionError } from './errors.js';
import { resolveLogsource } from './logsource.js';
import { attackOf, collectRules, toUnsupported } from './rule-collector.js';
import { parseRuleText, readRuleFiles, type RawDocument } from './sigma-reader.js';
import type { Layer, RuleMeta, UnsupportedRule } from './types.js';

export interface LoadOptions extends EngineOptions {
  /** Folders (walked recursively) or single files of Sigma YAML. */
  dirs: readonly string[];
}

export interface LoadReport {
  files: number;
  /** Rule documents seen (a file may hold several). */
  documents: number;
  loaded: Record<Layer, number>;
  unsupported: UnsupportedRule[];
}

export interface LoadedDetection {
  engine: DetectionEngine;
  report: LoadReport;
}

/** Called after a filter matched; false suppresses the match (tuning: disabled filters, exceptions). */
export type FilterGate = (ruleId: string, ev: EcsEvent) => boolean;

/**
 * Compiles parsed documents into an engine. `readErrors` are carried into the report. A `gate`
 * follows every filter's predicate, so a switched-off or excepted filter neither makes an OAT
 * nor feeds a correlation, and tuning applies to the live engine without recompiling.
 */
export function buildDetection(
  docs: readonly RawDocument[], readErrors: readonly UnsupportedRule[], files: number, opts: EngineOptions = {}, gate?: FilterGate,
): LoadedDetection {
  const collected = collectRules(docs);
  const unsupported: UnsupportedRule[] = [...readErrors, ...collected.unsupported];
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
      filters.push({ meta, actions: ls.actions, imageNames: det.imageNames, requirement: det.requirement, test: det.test });
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
    engine: new DetectionEngine(filters, corr.compiled, opts, gate),
    report: { files, documents: docs.length + readErrors.length, loaded, unsupported },
  };
}

/** Loads every Sigma file under `opts.dirs`. Never throws for bad content: see `report.unsupported`. */
export function loadDetection(opts: LoadOptions): LoadedDetection {
  const read = readRuleFiles(opts.dirs);
  return buildDetection(read.docs, read.errors, read.files, opts);
}

/** Same as loadDetection, from text in memory (tests, `detections test`, rule linting). */
export function loadDetectionFromText(sources: readonly { file: string; text: string }[], opts: EngineOptions = {}): LoadedDetection {
  const docs: RawDocument[] = [];
  const errors: UnsupportedRule[] = [];
  for (const s of sources) {
    const r = parseRuleText(s.file, s.text);
    docs.push(...r.docs);
    errors.push(...r.errors);
  }
  return buildDetection(docs, errors, sources.length, opts);
}
