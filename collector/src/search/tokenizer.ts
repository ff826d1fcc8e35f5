// The search language's lexer. Tokens are read on demand by the parser, in one of two modes:
// in `value` mode (after `field:` or a comparison) a word may contain `:` so that IPv6
// addresses and ISO times need no quotes; in `term` mode `:` ends a word (it follows a field).
import { SearchError } from './errors.js';

export type TokenKind = 'lparen' | 'rparen' | 'colon' | 'cmp' | 'word' | 'phrase' | 'and' | 'or' | 'not' | 'eof';
export type LexMode = 'term' | 'value';

export interface Token {
  kind: TokenKind;
  /** 1-based column of the token's first character */
  column: number;
  /** offset just past the token */
  end: number;
  /** the token as written */
  raw: string;
  /** word/phrase: the text with escapes resolved; cmp: the operator */
  text: string;
  /** word: the literal runs between unescaped `*`s; one element when there is no wildcard */
  parts: string[];
}

const SPACE = /\s/;
/** Characters that end a word in either mode (`:` too in term mode). */
const STOP = new Set(['(', ')', '"', '<', '>', '=']);
const KEYWORDS = new Map<string, TokenKind>([['and', 'and'], ['or', 'or'], ['not', 'not']]);

export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof': return 'the end of the query';
    case 'phrase': return `the phrase ${t.raw}`;
    case 'word': return `"${t.raw}"`;
    case 'and':
    case 'or':
    case 'not': return `the operator "${t.raw}"`;
    default: return `"${t.raw}"`;
  }
}

/** The token that starts at or after `pos`. */
export function lex(src: string, pos: number, mode: LexMode): Token {
  let i = pos;
  while (i < src.length && SPACE.test(src[i]!)) i++;
  const column = i + 1;
  const tok = (kind: TokenKind, end: number, text = src.slice(i, end), parts: string[] = [text]): Token =>
    ({ kind, column, end, raw: src.slice(i, end), text, parts });
  if (i >= src.length) return tok('eof', i, '');
  const c = src[i]!;
  if (c === '(') return tok('lparen', i + 1);
  if (c === ')') return tok('rparen', i + 1);
  if (c === ':') return tok('colon', i + 1);
  if (c === '<' || c === '>') return src[i + 1] === '=' ? tok('cmp', i + 2) : tok('cmp', i + 1);
  if (c === '=') throw new SearchError('SEARCH_SYNTAX', column, 'unexpected "=": write field:value for equality, or >=, <= for a range');
  if (c === '"') {
    let text = '';
    let j = i + 1;
    for (;;) {
      if (j >= src.length) throw new SearchError('SEARCH_SYNTAX', column, 'unterminated phrase: expected a closing \'"\'');
      const d = src[j]!;
      if (d === '"') break;
      if (d === '\\' && j + 1 < src.length) { text += src[j + 1]; j += 2; continue; }
      text += d;
      j++;
    }
    return tok('phrase', j + 1, text, [text]);
  }
  // A word: up to whitespace or a stop character; `\` escapes the next character; an unescaped
  // `*` splits the literal parts.
  const parts: string[] = [''];
  let j = i;
  while (j < src.length) {
    const d = src[j]!;
    if (SPACE.test(d) || STOP.has(d) || (d === ':' && mode === 'term')) break;
    if (d === '\\') {
      if (j + 1 >= src.length) throw new SearchError('SEARCH_SYNTAX', j + 1, 'a "\\" at the end of the query escapes nothing: expected a character after it');
      parts[parts.length - 1] += src[j + 1];
      j += 2;
      continue;
    }
    if (d === '*') parts.push('');
    else parts[parts.length - 1] += d;
    j++;
  }
  const raw = src.slice(i, j);
  const keyword = KEYWORDS.get(raw.toLowerCase());
  if (keyword !== undefined) return tok(keyword, j, raw, [raw]);
  return tok('word', j, parts.join('*'), parts);
}
