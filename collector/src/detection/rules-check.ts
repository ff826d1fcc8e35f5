// `xdr-collector rules check DIR`: lints a folder of Sigma rules the way the collector would
// load it next to the built-in content. Every problem in DIR's files is reported as
// `file:line:col: CODE (severity) reason [id]`. Errors (the file or rule is broken, or its id
// is taken) fail the check; unsupported features (a logsource, field or modifier this engine
// does not run) are warnings, errors with --strict.
import { resolve } from 'node:path';
import type { DetectionErrorCode } from './errors.js';
import { buildTunable, concatContent, readContent } from './tunable-loader.js';
import type { Layer, UnsupportedRule } from './types.js';

export const WARNING_CODES: ReadonlySet<DetectionErrorCode> = new Set(['E_LOGSOURCE', 'E_FIELD', 'E_MODIFIER']);

export interface RulesCheckResult {
  files: number;
  loaded: Record<Layer, number>;
  problems: Array<UnsupportedRule & { severity: 'error' | 'warning' }>;
  errors: number;
  warnings: number;
}

export function checkRules(dir: string, builtinDirs: readonly string[], strict = false): RulesCheckResult {
  const base = readContent(builtinDirs);
  const mine = readContent([dir]);
  const { report } = buildTunable(concatContent(base, mine));
  const root = resolve(dir);
  const ownFiles = new Set(mine.docs.map((d) => d.file).concat(mine.readErrors.map((e) => e.file)));
  const problems = report.unsupported
    .filter((u) => ownFiles.has(u.file) || resolve(u.file).startsWith(root))
    .map((u) => ({ ...u, severity: (!strict && WARNING_CODES.has(u.code) ? 'warning' : 'error') as 'error' | 'warning' }))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  // what DIR adds (its correlations may name built-in rules, so the two are built together)
  const before = buildTunable(base).report.loaded;
  const added = { filter: report.loaded.filter - before.filter, rule: report.loaded.rule - before.rule, model: report.loaded.model - before.model };
  return {
    files: mine.files,
    loaded: added,
    problems,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

export function formatProblem(p: RulesCheckResult['problems'][number]): string {
  return `${p.file}:${p.line ?? 1}:${p.col ?? 1}: ${p.code} (${p.severity}) ${p.reason}${p.id ? ` [${p.id}]` : ''}`;
}
