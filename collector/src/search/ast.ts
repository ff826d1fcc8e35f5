// The search language's abstract syntax tree: what parseQuery returns and what the store
// compiles to SQL. Plain data (no SQL, no functions), so it can be logged, compared in tests
// and compiled by any store.
import type { EcsField } from '../pipeline/ecs.js';

/** A value to match: exact text, or a wildcard pattern (`*` between literal parts). */
export type MatchValue =
  | { kind: 'exact'; text: string; quoted: boolean }
  /** `parts` are the literal runs between `*`s: `*base64*` is ['', 'base64', '']. */
  | { kind: 'wildcard'; parts: string[] };

export type RangeOp = '>' | '>=' | '<' | '<=';

export type SearchNode =
  | { kind: 'and'; children: SearchNode[] }
  | { kind: 'or'; children: SearchNode[] }
  | { kind: 'not'; child: SearchNode }
  /** `field:value`; equality for keyword, numeric, ip and date fields; "contains" for text fields. */
  | { kind: 'match'; field: EcsField; value: MatchValue }
  /** `field >= value`; value is a number (long fields) or ms since the epoch (date fields). */
  | { kind: 'range'; field: EcsField; op: RangeOp; value: number }
  /** `ip.field:10.0.0.0/8`: `lo`/`hi` are the first and last address as 32 hex digits (IPv4 as ::ffff:a.b.c.d). */
  | { kind: 'cidr'; field: EcsField; cidr: string; lo: string; hi: string }
  /** `field:*` */
  | { kind: 'exists'; field: EcsField }
  /** A bare word or phrase: contained (case-insensitive) in any of BARE_WORD_FIELDS. */
  | { kind: 'text'; value: MatchValue }
  /** The empty query: matches everything. */
  | { kind: 'all' };
