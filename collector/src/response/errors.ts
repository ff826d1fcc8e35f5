// Why the response service refuses a request. The codes are the API's (api/errors.ts), so the
// routes hand them on unchanged; the message names the input at fault and what to do.
export type ResponseErrorCode =
  | 'XDR_RESPONSE_NOT_FOUND'
  | 'XDR_AGENT_NOT_FOUND'
  | 'XDR_AGENT_AMBIGUOUS'
  | 'XDR_AGENT_REVOKED'
  | 'XDR_BAD_ACTION'
  | 'XDR_ACTION_CONFLICT'
  | 'XDR_SELF_APPROVAL'
  | 'XDR_FORBIDDEN'
  | 'XDR_EVIDENCE_NOT_FOUND'
  | 'XDR_TRANSCRIPT_NOT_FOUND'
  | 'XDR_SHELL_BUSY';

export class ResponseError extends Error {
  override readonly name = 'ResponseError';

  constructor(readonly code: ResponseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
