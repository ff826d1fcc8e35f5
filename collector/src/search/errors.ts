// Errors of the search language. Each carries a stable code, the 1-based column of the input
// where the problem starts, and what was expected there, so a console can underline it.

export type SearchErrorCode =
  /** the text does not follow the grammar (README.md): a token is missing or out of place */
  | 'SEARCH_SYNTAX'
  /** a field name that is not in the ECS catalogue */
  | 'SEARCH_UNKNOWN_FIELD'
  /** a value that cannot be compared with its field (a word for a number, a bad address or CIDR) */
  | 'SEARCH_BAD_VALUE'
  /** the query is over a size bound (length, nesting, terms) */
  | 'SEARCH_TOO_COMPLEX';

export class SearchError extends Error {
  override readonly name = 'SearchError';

  constructor(
    readonly code: SearchErrorCode,
    /** 1-based column in the query text */
    readonly column: number,
    /** the bare reason, without the column prefix */
    readonly reason: string,
  ) {
    super(`column ${column}: ${reason}`);
  }
}
