// Stage 1 of loading: find rule files in folders and parse them into YAML documents, keeping
// enough of the parse tree to point an error at a line and column. Knows nothing about Sigma.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isNode, isScalar, parseAllDocuments, type Document } from 'yaml';
import type { SourcePos } from './errors.js';
import type { UnsupportedRule } from './types.js';

export interface RawDocument {
  file: string;
  /** 0-based index of the document in a multi-document file. */
  index: number;
  value: unknown;
  /** Line/column of the node at `path` (or of its nearest existing ancestor). */
  locate(path: readonly (string | number)[]): SourcePos | undefined;
}

export interface ReadResult {
  files: number;
  docs: RawDocument[];
  errors: UnsupportedRule[];
}

/** Lists `.yml`/`.yaml` files under each entry (a folder, walked recursively, or a file), sorted. */
export function listRuleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        walk(join(p, name));
      }
    } else if (/\.ya?ml$/i.test(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p);
  return out;
}

/** Parses one file's text; `file` is only used in positions and errors. */
export function parseRuleText(file: string, text: string): { docs: RawDocument[]; errors: UnsupportedRule[] } {
  const lineCounter = new LineCounter();
  const docs: RawDocument[] = [];
  const errors: UnsupportedRule[] = [];
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const list = Array.isArray(parsed) ? parsed : [];
  if (!Array.isArray(parsed)) {
    // An empty stream parses to an EmptyStream: nothing to load.
    return { docs, errors };
  }
  list.forEach((doc: Document, index) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      errors.push({
        file, id: '', title: '', code: 'E_YAML',
        reason: `YAML document ${index + 1}: ${e.message.split('\n')[0]}`,
        line: pos?.line, col: pos?.col,
      });
      return;
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return; // an empty document (e.g. a trailing `---`)
    const locate = (path: readonly (string | number)[]): SourcePos | undefined => {
      for (let n = path.length; n >= 0; n--) {
        // Point at the key of a map entry (`Frob: 1` -> `Frob`), else at the node itself.
        const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : undefined;
        if (isMap(parent)) {
          const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === path[n - 1]);
          if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]);
        }
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
      }
      return undefined;
    };
    docs.push({ file, index, value, locate });
  });
  return { docs, errors };
}

/** Reads every rule file under `paths`. A file that cannot be read or parsed is reported, not thrown. */
export function readRuleFiles(paths: readonly string[]): ReadResult {
  const docs: RawDocument[] = [];
  const errors: UnsupportedRule[] = [];
  let files = 0;
  for (const file of listRuleFiles(paths)) {
    files++;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      errors.push({ file, id: '', title: '', code: 'E_READ', reason: `cannot read: ${(cause as Error).message}` });
      continue;
    }
    const r = parseRuleText(file, text);
    docs.push(...r.docs);
    errors.push(...r.errors);
  }
  return { files, docs, errors };
}
