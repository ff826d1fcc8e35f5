// Parses a Sigma detection condition into a small AST: and/or/not, parentheses, `N of pattern*`,
// `all of pattern*`, `1 of them`, `all of them`. The compiler turns the AST into closures.

export type Cond =
  | { op: 'ref'; name: string }
  | { op: 'and' | 'or'; args: Cond[] }
  | { op: 'not'; arg: Cond }
  | { op: 'of'; count: number | 'all'; pattern: string };

/** Thrown with a message that says where in the condition the parse failed. */
export class ConditionSyntaxError extends Error {}

const TOKEN = /\s*(\(|\)|[^\s()]+)/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) out.push(m[1]);
  if (src.slice(TOKEN.lastIndex).trim() !== '') throw new ConditionSyntaxError(`cannot read '${src.slice(TOKEN.lastIndex)}'`);
  return out;
}

export function parseCondition(src: string): Cond {
  if (src.includes('|')) throw new ConditionSyntaxError("aggregations after '|' (count, near) are deprecated Sigma; use a correlation rule");
  const toks = tokenize(src.trim());
  let i = 0;
  const peek = (): string | undefined => toks[i]?.toLowerCase();
  const fail = (what: string): never => {
    throw new ConditionSyntaxError(`${what} at token ${i + 1} ('${toks[i] ?? 'end of condition'}') in '${src}'`);
  };
  const or = (): Cond => {
    const args = [and()];
    while (peek() === 'or') { i++; args.push(and()); }
    return args.length === 1 ? args[0] : { op: 'or', args };
  };
  const and = (): Cond => {
    const args = [not()];
    while (peek() === 'and') { i++; args.push(not()); }
    return args.length === 1 ? args[0] : { op: 'and', args };
  };
  const not = (): Cond => {
    if (peek() === 'not') { i++; return { op: 'not', arg: not() }; }
    return primary();
  };
  const primary = (): Cond => {
    const t = toks[i];
    if (t === undefined) return fail('expected a selection');
    if (t === '(') {
      i++;
      const e = or();
      if (toks[i] !== ')') fail("expected ')'");
      i++;
      return e;
    }
    if (t === ')') return fail("unexpected ')'");
    const lt = t.toLowerCase();
    if (toks[i + 1]?.toLowerCase() === 'of') {
      let count: number | 'all';
      if (lt === 'all') count = 'all';
      else if (lt === 'any') count = 1;
      else if (/^[1-9][0-9]*$/.test(lt)) count = Number(lt);
      else return fail("expected 'all', 'any' or a number before 'of'");
      i += 2;
      const pat = toks[i];
      if (pat === undefined || pat === '(' || pat === ')') return fail("expected a selection pattern or 'them' after 'of'");
      i++;
      return { op: 'of', count, pattern: pat };
    }
    if (['and', 'or', 'not', 'of'].includes(lt)) return fail(`unexpected '${t}'`);
    i++;
    return { op: 'ref', name: t };
  };
  const e = or();
  if (i < toks.length) fail('unexpected extra input');
  return e;
}

/** Selection names matched by an `of` pattern (`them` = every selection not starting with `_`). */
export function expandPattern(pattern: string, names: readonly string[]): string[] {
  if (pattern.toLowerCase() === 'them') return names.filter((n) => !n.startsWith('_'));
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return names.filter((n) => re.test(n));
}
