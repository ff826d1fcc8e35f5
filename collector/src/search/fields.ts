// Which fields the search language knows, and which ones a bare word searches. Derived from the
// ECS catalogue, so a field added there is searchable here.
import { ECS_FIELDS, ECS_FIELD_TYPES, type EcsField, type EcsType } from '../pipeline/ecs.js';

/** Fields a bare word (`base64`, `"curl -s"`) is looked for in: command lines, paths and names. */
export const BARE_WORD_FIELDS: readonly EcsField[] = [
  'process.command_line',
  'process.executable',
  'process.name',
  'file.path',
  'file.name',
];

export function fieldType(name: string): EcsType | undefined {
  return ECS_FIELD_TYPES.get(name);
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The catalogue field closest to an unknown name, when one is close enough to be a typo. */
export function suggestField(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const f of ECS_FIELDS) {
    const d = f.name.endsWith(`.${lower}`) ? 1 : distance(lower, f.name);
    if (d < bestD) { bestD = d; best = f.name; }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
