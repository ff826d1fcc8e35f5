// Expands the few glob forms the file sensor's paths use (`/home/*/.ssh`, `/etc/cron*`): `*`
// and `?` within one path segment. Only existing paths are returned.
import { existsSync, readdirSync } from 'node:fs';

const MAGIC = /[*?]/;

export function expandPaths(patterns: string[]): string[] {
  const out = new Set<string>();
  for (const p of patterns) for (const x of expandOne(p)) out.add(x);
  return dropNested([...out].sort());
}

function expandOne(pattern: string): string[] {
  if (!MAGIC.test(pattern)) return existsSync(pattern) ? [pattern] : [];
  let bases = ['/'];
  for (const seg of pattern.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const base of bases) {
      const prefix = base === '/' ? '/' : `${base}/`;
      if (!MAGIC.test(seg)) {
        if (existsSync(prefix + seg)) next.push(prefix + seg);
        continue;
      }
      const re = new RegExp(`^${seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      let names: string[];
      try {
        names = readdirSync(base);
      } catch {
        continue;
      }
      for (const n of names) if (re.test(n) && !(n.startsWith('.') && !seg.startsWith('.'))) next.push(prefix + n);
    }
    bases = next;
  }
  return bases;
}

/** A path under another watched path is already covered (watches are recursive). */
export function dropNested(sorted: string[]): string[] {
  const out: string[] = [];
  for (const p of sorted) if (!out.some((q) => p === q || p.startsWith(q.endsWith('/') ? q : `${q}/`))) out.push(p);
  return out;
}
