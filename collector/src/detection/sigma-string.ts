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

interface Shape {
  tokens: Token[];
  /** anchored at the start / end of the text */
  start: boolean;
  end: boolean;
}

/**
 * Tokens and anchors of a value at a position. Leading and trailing `*` only drop an anchor
 * (`*foo*` is `contains foo`): an unanchored RegExp that starts with `.*` backtracks badly.
 */
function shape(value: string, position: Position, literal: boolean): Shape {
  const tokens: Token[] = literal ? (value ? [{ lit: value }] : []) : tokenize(value);
  let start = position === 'equals' || position === 'startswith';
  let end = position === 'equals' || position === 'endswith';
  while (tokens.length > 0 && 'any' in tokens[0]) { tokens.shift(); start = false; }
  while (tokens.length > 0 && 'any' in tokens[tokens.length - 1]) { tokens.pop(); end = false; }
  return { tokens, start, end };
}

const isLiteral = (sh: Shape): boolean => sh.tokens.every((t) => 'lit' in t);
const litText = (sh: Shape): string => sh.tokens.map((t) => (t as { lit: string }).lit).join('');

/**
 * Returns a test for one value. `lower` lower-cases the value's literal parts (the caller then
 * passes lower-cased event text); `literal` skips wildcard parsing (for base64-encoded values).
 */
export function compileSigmaString(value: string, position: Position, lower: boolean, literal = false): (s: string) => boolean {
  const sh = shape(value, position, literal);
  const norm = (s: string): string => (lower ? s.toLowerCase() : s);
  if (isLiteral(sh)) {
    const lit = norm(litText(sh));
    if (sh.start && sh.end) return (s) => s === lit;
    if (sh.start) return (s) => s.startsWith(lit);
    if (sh.end) return (s) => s.endsWith(lit);
    return (s) => s.includes(lit);
  }
  const body = sh.tokens.map((t) => ('lit' in t ? escapeRe(norm(t.lit)) : 'any' in t ? '.*' : '.')).join('');
  const re = new RegExp((sh.start ? '^' : '') + body + (sh.end ? '$' : ''), 's');
  return (s) => re.test(s);
}

/** The value's literal text when it has no wildcard (used for indexing), else undefined. */
export function literalOf(value: string): string | undefined {
  const tokens = tokenize(value);
  if (!tokens.every((t) => 'lit' in t)) return undefined;
  return tokens.map((t) => (t as { lit: string }).lit).join('');
}

/**
 * One test for a whole OR list of values at one position. Values that come down to "contains
 * this literal" are joined into one alternation RegExp, which scans the text once instead of
 * once per value; other values keep their own test.
 */
export function compileSigmaStrings(values: readonly string[], position: Position, lower: boolean, literal = false): (s: string) => boolean {
  const tests: ((s: string) => boolean)[] = [];
  const lits: string[] = [];
  for (const v of values) {
    const sh = shape(v, position, literal);
    if (!sh.start && !sh.end && isLiteral(sh) && sh.tokens.length > 0) lits.push(lower ? litText(sh).toLowerCase() : litText(sh));
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

/** The longest literal piece of a value (lower-cased when `lower`): text any match must contain. */
export function requiredPiece(value: string, position: Position, literal: boolean): string | undefined {
  const sh = shape(value, position, literal);
  let best = '';
  for (const t of sh.tokens) if ('lit' in t && t.lit.length > best.length) best = t.lit;
  return best ? best.toLowerCase() : undefined;
}
