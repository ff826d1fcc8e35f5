// Sigma plain values: `*` and `?` wildcards, `\` escapes (`\*`, `\?`, `\\`; any other backslash
// is literal). Compiles one value and a match position into a string test, using plain string
// operations when the value has no wildcard and an anchored RegExp otherwise.

export type Position = 'equals' | 'contains' | 'startswith' | 'endswith';

type Token = { lit: string } | { any: true } | { one: true };

export function tokenize(value: string): Token[] {
  const out: Token[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ lit });
    lit = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      const n = value[i + 1];
      if (n === '*' || n === '?' || n === '\\') {
        lit += n;
        i++;
      } else {
        lit += c;
      }
    } else if (c === '*') {
      flush();
      out.push({ any: true });
    } else if (c === '?') {
      flush();
      out.push({ one: true });
    } else {
      lit += c;
    }
  }
  flush();
  return out;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Returns a test for one value. `lower` lower-cases the value's literal parts (the caller then
 * passes lower-cased event text); `literal` skips wildcard parsing (for base64-encoded values).
 */
export function compileSigmaString(value: string, position: Position, lower: boolean, literal = false): (s: string) => boolean {
  const tokens: Token[] = literal ? (value ? [{ lit: value }] : []) : tokenize(value);
  const norm = (s: string): string => (lower ? s.toLowerCase() : s);
  if (tokens.every((t) => 'lit' in t)) {
    const lit = norm(tokens.map((t) => (t as { lit: string }).lit).join(''));
    switch (position) {
      case 'equals': return (s) => s === lit;
      case 'contains': return (s) => s.includes(lit);
      case 'startswith': return (s) => s.startsWith(lit);
      case 'endswith': return (s) => s.endsWith(lit);
    }
  }
  const body = tokens.map((t) => ('lit' in t ? escapeRe(norm(t.lit)) : 'any' in t ? '.*' : '.')).join('');
  const src = (position === 'equals' || position === 'startswith' ? '^' : '') + body + (position === 'equals' || position === 'endswith' ? '$' : '');
  const re = new RegExp(src, 's');
  return (s) => re.test(s);
}

/** The value's literal text when it has no wildcard (used for indexing), else undefined. */
export function literalOf(value: string): string | undefined {
  const tokens = tokenize(value);
  if (!tokens.every((t) => 'lit' in t)) return undefined;
  return tokens.map((t) => (t as { lit: string }).lit).join('');
}

/**
 * One test for a whole OR list of values at one position. Literal values looked for anywhere
 * (`contains`) are joined into one alternation RegExp, which scans the text once instead of
 * once per value; other values keep their own test.
 */
export function compileSigmaStrings(values: readonly string[], position: Position, lower: boolean, literal = false): (s: string) => boolean {
  const tests: ((s: string) => boolean)[] = [];
  const lits: string[] = [];
  for (const v of values) {
    const lit = literal ? v : literalOf(v);
    if (position === 'contains' && lit !== undefined && lit !== '') lits.push(lower ? lit.toLowerCase() : lit);
    else tests.push(compileSigmaString(v, position, lower, literal));
  }
  if (lits.length >= 4) {
    const re = new RegExp(lits.map(escapeRe).join('|'));
    tests.unshift((s) => re.test(s));
  } else {
    for (const l of lits) tests.unshift((s) => s.includes(l));
  }
  if (tests.length === 1) return tests[0];
  return (s) => { for (const t of tests) if (t(s)) return true; return false; };
}
