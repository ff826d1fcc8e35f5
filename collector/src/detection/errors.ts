// The catalogue of detection load errors. Every reason a rule file cannot be run carries one of
// these stable codes; README.md lists them all (a test fails when one is missing there).

export const DETECTION_ERRORS = {
  E_READ: 'the file could not be read',
  E_YAML: 'the file is not valid YAML',
  E_RULE_SHAPE: 'the document is not a Sigma rule (missing or mistyped title, id, detection, logsource or correlation)',
  E_DUPLICATE_ID: 'another loaded rule already has this id',
  E_LOGSOURCE: 'the logsource names events the agent does not produce',
  E_FIELD: 'a field has no honest ECS mapping',
  E_MODIFIER: 'a field modifier is unknown or not supported',
  E_VALUE: 'a value cannot be used with its modifiers (bad regex, CIDR, number, ...)',
  E_CONDITION: 'the condition does not parse or names no selection',
  E_CORRELATION: 'the correlation is malformed, names unknown or unusable rules, or forms a cycle',
  E_XDR: 'the custom `xdr:` block is malformed (layer, score)',
} as const;

export type DetectionErrorCode = keyof typeof DETECTION_ERRORS;

/** Where in a file something went wrong; line and col are 1-based. */
export interface SourcePos {
  line: number;
  col: number;
}

/** Thrown by the compile stages; the loader turns it into an UnsupportedRule entry. */
export class DetectionError extends Error {
  readonly code: DetectionErrorCode;
  /** Path in the YAML document (e.g. ['detection', 'selection', 'Image|endswith']) used to locate the error. */
  readonly path: readonly (string | number)[] | undefined;

  constructor(code: DetectionErrorCode, message: string, path?: readonly (string | number)[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DetectionError';
    this.code = code;
    this.path = path;
  }
}
