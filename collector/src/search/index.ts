// The search language (README.md): text -> AST. The store compiles the AST to SQL
// (store/sqlite-search.ts); nothing here knows SQL.
export type { MatchValue, RangeOp, SearchNode } from './ast.js';
export { SearchError, type SearchErrorCode } from './errors.js';
export { parseQuery, MAX_QUERY_LENGTH, MAX_DEPTH, MAX_TERMS } from './parser.js';
export { BARE_WORD_FIELDS, suggestField } from './fields.js';
export { ipToHex, parseCidr } from './cidr.js';
