// The search language's parser: query text -> SearchNode (ast.ts), with field names checked
// against the ECS catalogue and values against their field's type. Recursive descent over the
// grammar in README.md; every error names its column and what was expected there.
import { isIP } from 'node:net';
import type { EcsField } from '../pipeline/ecs.js';
import type { MatchValue, RangeOp, SearchNode } from './ast.js';
import { parseCidr, ipToHex } from './cidr.js';
import { SearchError } from './errors.js';
import { fieldType, suggestField } from './fields.js';
import { describeToken, lex, type LexMode, type Token } from './tokenizer.js';

/** Bounds: a query is typed by a person; anything past these is refused, not slowly compiled. */
export const MAX_QUERY_LENGTH = 4096;
export const MAX_DEPTH = 32;
export const MAX_TERMS = 128;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

const TERM_START = 'a term: field:value, field >= number, a word, a "phrase", "not" or "("';

function instant(text: string): number | undefined {
  if (/^-?\d{1,16}$/.test(text)) return Number(text);
  if (!ISO_8601.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private terms = 0;

  constructor(private readonly src: string) {}

  private peek(mode: LexMode = 'term'): Token {
    return lex(this.src, this.pos, mode);
  }

  private next(mode: LexMode = 'term'): Token {
    const t = lex(this.src, this.pos, mode);
    this.pos = t.end;
    return t;
  }

  private fail(t: Token, expected: string): never {
    throw new SearchError('SEARCH_SYNTAX', t.column, `expected ${expected}, got ${describeToken(t)}`);
  }

  parse(): SearchNode {
    if (this.src.length > MAX_QUERY_LENGTH) {
      throw new SearchError('SEARCH_TOO_COMPLEX', MAX_QUERY_LENGTH + 1, `the query is ${this.src.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
    }
    if (this.peek().kind === 'eof') return { kind: 'all' };
    const node = this.orExpr(undefined);
    const t = this.peek();
    if (t.kind === 'rparen') throw new SearchError('SEARCH_SYNTAX', t.column, 'unbalanced ")": expected "and", "or", a term or the end of the query');
    if (t.kind !== 'eof') this.fail(t, '"and", "or", a term or the end of the query');
    return node;
  }

  private mode(field: EcsField | undefined): LexMode {
    return field === undefined ? 'term' : 'value';
  }

  /** or_expr = and_expr { "or" and_expr } */
  private orExpr(field: EcsField | undefined): SearchNode {
    const children = [this.andExpr(field)];
    while (this.peek(this.mode(field)).kind === 'or') {
      this.next(this.mode(field));
      children.push(this.andExpr(field));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  /** and_expr = not_expr { [ "and" ] not_expr } */
  private andExpr(field: EcsField | undefined): SearchNode {
    const children = [this.notExpr(field)];
    for (;;) {
      const t = this.peek(this.mode(field));
      if (t.kind === 'and') {
        this.next(this.mode(field));
        children.push(this.notExpr(field));
      } else if (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'not') {
        children.push(this.notExpr(field));
      } else break;
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  /** not_expr = "not" not_expr | primary */
  private notExpr(field: EcsField | undefined): SearchNode {
    const t = this.peek(this.mode(field));
    if (t.kind !== 'not') return this.primary(field);
    this.next(this.mode(field));
    return { kind: 'not', child: this.nested(t, () => this.notExpr(field)) };
  }

  private nested(at: Token, fn: () => SearchNode): SearchNode {
    if (++this.depth > MAX_DEPTH) throw new SearchError('SEARCH_TOO_COMPLEX', at.column, `nesting deeper than ${MAX_DEPTH} levels`);
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  private group(open: Token, field: EcsField | undefined): SearchNode {
    return this.nested(open, () => {
      const inner = this.orExpr(field);
      const close = this.next(this.mode(field));
      if (close.kind !== 'rparen') this.fail(close, `")" to close the "(" at column ${open.column}`);
      return inner;
    });
  }

  private countTerm(t: Token): void {
    if (++this.terms > MAX_TERMS) throw new SearchError('SEARCH_TOO_COMPLEX', t.column, `more than ${MAX_TERMS} terms`);
  }

  /** primary = "(" or_expr ")" | field_term | bare_term   (inside field:( ... ): a value) */
  private primary(field: EcsField | undefined): SearchNode {
    const t = this.next(this.mode(field));
    if (t.kind === 'lparen') return this.group(t, field);
    if (t.kind !== 'word' && t.kind !== 'phrase') {
      this.fail(t, field === undefined ? TERM_START : `a value for ${field}, "not" or "("`);
    }
    this.countTerm(t);
    if (field !== undefined) return valueNode(field, t);
    if (t.kind === 'word') {
      const after = this.peek();
      if (after.kind === 'colon' || after.kind === 'cmp') return this.fieldTerm(t);
    }
    return bareNode(t);
  }

  /** field_term = field ":" ( value | "(" value_expr ")" ) | field cmp scalar */
  private fieldTerm(name: Token): SearchNode {
    const field = checkField(name);
    const op = this.next();
    const v = this.next('value');
    if (op.kind === 'cmp') {
      if (v.kind !== 'word') this.fail(v, `a number or time after "${name.raw} ${op.text}"`);
      return rangeNode(field, op.text as RangeOp, v);
    }
    if (v.kind === 'lparen') return this.group(v, field);
    if (v.kind !== 'word' && v.kind !== 'phrase') this.fail(v, `a value, "*" or "(" after "${name.raw}:"`);
    return valueNode(field, v);
  }
}

function checkField(t: Token): EcsField {
  const name = t.text;
  if (fieldType(name) !== undefined && t.parts.length === 1) return name as EcsField;
  const hint = suggestField(name);
  throw new SearchError(
    'SEARCH_UNKNOWN_FIELD',
    t.column,
    `unknown field "${t.raw}"${hint ? `: did you mean "${hint}"?` : ': fields are ECS names such as process.name or destination.port'}`
      + ` (to search for the text, quote it: "${t.raw}:...")`,
  );
}

function matchValue(t: Token): MatchValue {
  if (t.kind === 'phrase') return { kind: 'exact', text: t.text, quoted: true };
  return t.parts.length === 1 ? { kind: 'exact', text: t.text, quoted: false } : { kind: 'wildcard', parts: t.parts };
}

function bad(t: Token, reason: string): never {
  throw new SearchError('SEARCH_BAD_VALUE', t.column, reason);
}

function bareNode(t: Token): SearchNode {
  if (t.kind === 'word' && t.parts.every((p) => p === '')) return { kind: 'all' };
  return { kind: 'text', value: matchValue(t) };
}

function valueNode(field: EcsField, t: Token): SearchNode {
  const type = fieldType(field)!;
  const isWord = t.kind === 'word';
  if (isWord && t.parts.length === 2 && t.parts[0] === '' && t.parts[1] === '') return { kind: 'exists', field };
  const value = matchValue(t);
  switch (type) {
    case 'long':
    case 'date': {
      if (value.kind === 'wildcard') bad(t, `${field} holds ${type === 'long' ? 'numbers' : 'times'}: wildcards apply to text fields; use a range (${field} >= ...) instead`);
      const n = type === 'long' ? integer(value.text) : instant(value.text);
      if (n === undefined) bad(t, type === 'long' ? `${field} holds integers, got ${describeToken(t)}` : `${field} holds times: expected epoch ms or ISO 8601 with a zone, got ${describeToken(t)}`);
      return { kind: 'match', field, value: { kind: 'exact', text: String(n), quoted: value.quoted } };
    }
    case 'ip':
    case 'ip[]': {
      if (value.kind === 'wildcard') return { kind: 'match', field, value };
      if (value.text.includes('/')) {
        const range = parseCidr(value.text);
        if (!range) bad(t, `expected a CIDR block such as 10.0.0.0/8 or fd00::/8 for ${field}, got ${describeToken(t)}`);
        return { kind: 'cidr', field, cidr: value.text, ...range };
      }
      if (isIP(value.text) === 0) bad(t, `${field} holds IP addresses: expected an IPv4/IPv6 address or a CIDR block, got ${describeToken(t)}`);
      const hex = ipToHex(value.text)!;
      return { kind: 'cidr', field, cidr: value.text, lo: hex, hi: hex };
    }
    default:
      return { kind: 'match', field, value };
  }
}

function integer(text: string): number | undefined {
  if (!/^-?\d{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

function rangeNode(field: EcsField, op: RangeOp, t: Token): SearchNode {
  const type = fieldType(field)!;
  if (type !== 'long' && type !== 'date') bad(t, `ranges apply to numeric and time fields; ${field} is ${type}`);
  if (t.parts.length > 1) bad(t, `expected a ${type === 'long' ? 'number' : 'time'} after ${op}, got ${describeToken(t)}`);
  const n = type === 'long' ? integer(t.text) : instant(t.text);
  if (n === undefined) bad(t, type === 'long' ? `expected an integer after ${op}, got ${describeToken(t)}` : `expected a time (epoch ms or ISO 8601 with a zone) after ${op}, got ${describeToken(t)}`);
  return { kind: 'range', field, op, value: n };
}

/** Parses a query of the search language (README.md); throws SearchError naming the column. */
export function parseQuery(text: string): SearchNode {
  return new Parser(text).parse();
}
