// Where the built-in detection content (collector/content) is, whether this code runs from
// source (collector/src/detection/) or bundled into build/xdr-collector.mjs (repo root + build/).
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['../../content', '../collector/content'];

/** The built-in content folder, or undefined when this installation has none. */
export function builtinContentDir(): string | undefined {
  for (const rel of CANDIDATES) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
  }
  return undefined;
}
