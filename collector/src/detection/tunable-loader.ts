// Loads content for the running collector in the stages of loader.ts, keeping the parsed
// documents so that a dry run (`detections test`) can build a fresh engine, and gating every
// filter with the live tuning (see buildDetection).
import type { EngineOptions } from './engine.js';
import { buildDetection, type FilterGate, type LoadedDetection } from './loader.js';
import { parseRuleText, readRuleFiles, type RawDocument } from './sigma-reader.js';
import type { UnsupportedRule } from './types.js';

export type { FilterGate } from './loader.js';

export interface ContentSources {
  docs: RawDocument[];
  readErrors: UnsupportedRule[];
  files: number;
}

export type TunableDetection = LoadedDetection;

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
  return buildDetection(src.docs, src.readErrors, src.files, opts, gate);
}

/** Several sources as one, in order (the first document with an id wins). */
export function concatContent(...parts: ContentSources[]): ContentSources {
  return {
    docs: parts.flatMap((p) => p.docs),
    readErrors: parts.flatMap((p) => p.readErrors),
    files: parts.reduce((n, p) => n + p.files, 0),
  };
}
