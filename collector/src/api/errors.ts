// The catalogue of every error the REST API answers with. Each has a stable code (scripts match
// on it), an HTTP status and a one-line meaning; collector/src/api/README.md documents the same
// table and errors.test.ts fails when the two drift apart. Bodies are always
// `{ "error": { "code", "message" } }`, where the message names the input at fault.

export const API_ERRORS = {
  XDR_UNAUTHORIZED: { status: 401, meaning: 'No bearer token, a malformed one, or one the collector does not know.' },
  XDR_TOKEN_REVOKED: { status: 401, meaning: 'The bearer token was revoked; ask an admin for a new one.' },
  XDR_FORBIDDEN: { status: 403, meaning: "The token's role is below the role the route needs; the message names both." },
  XDR_BAD_REQUEST: { status: 400, meaning: 'The path parameters or the JSON body do not match the route schema, or the body is not valid JSON.' },
  XDR_BAD_QUERY: { status: 400, meaning: 'A query parameter is unknown, repeated, empty or of the wrong type; the message names it.' },
  XDR_BAD_TIME_RANGE: { status: 400, meaning: '`from`/`to` is not ISO 8601 (with a zone) or epoch milliseconds, or `from` is not before `to`.' },
  XDR_BAD_CURSOR: { status: 400, meaning: '`cursor` is not one this API returned as `next_cursor`.' },
  XDR_BAD_SEARCH: { status: 400, meaning: 'The search query does not parse or names an unknown field; the message gives the column and what was expected.' },
  XDR_NOT_FOUND: { status: 404, meaning: 'No route for this method and path; see /api/v1/openapi.json.' },
  XDR_AGENT_NOT_FOUND: { status: 404, meaning: 'No agent with this id.' },
  XDR_TOKEN_NOT_FOUND: { status: 404, meaning: 'No API token with this id.' },
  XDR_PROCESS_NOT_FOUND: { status: 404, meaning: 'No event names this process entity id.' },
  XDR_SAVED_QUERY_NOT_FOUND: { status: 404, meaning: 'You have no saved query with this id (another user\'s queries are not visible).' },
  XDR_ALERT_NOT_FOUND: { status: 404, meaning: 'No Workbench alert with this id.' },
  XDR_DETECTION_NOT_FOUND: { status: 404, meaning: 'No loaded filter, rule or model has this id.' },
  XDR_EXCEPTION_NOT_FOUND: { status: 404, meaning: 'No detection exception with this id.' },
  XDR_BAD_EXCEPTION: { status: 400, meaning: 'The exception names an unknown detection or field, has no condition, or (from an alert) a field the alert\'s events do not have.' },
  XDR_BAD_TRANSITION: { status: 400, meaning: 'The alert change is not allowed: closing needs a resolution, a resolution needs status closed, an exception needs a false-positive close.' },
  XDR_BAD_EVENTS: { status: 400, meaning: 'An event given to `detections/test` is not a JSON object or has an unusable `@timestamp`; the message names its line.' },
  XDR_RESPONSE_NOT_FOUND: { status: 404, meaning: 'No response action with this id.' },
  XDR_AGENT_AMBIGUOUS: { status: 409, meaning: 'The hostname given as `agent_id` names several agents; the message lists their ids: give one of them.' },
  XDR_AGENT_REVOKED: { status: 409, meaning: 'The agent was revoked; it can receive no action.' },
  XDR_BAD_ACTION: { status: 400, meaning: 'The action\'s `params` (or `expires_in`) are not valid for its kind; the message names the field.' },
  XDR_ACTION_CONFLICT: { status: 409, meaning: 'The action is not in a status that allows this (approve, deny, cancel, attach a shell); the message says which it is in.' },
  XDR_SELF_APPROVAL: { status: 403, meaning: 'Nobody approves their own action: a second responder or admin must.' },
  XDR_EVIDENCE_NOT_FOUND: { status: 404, meaning: 'The action is not a succeeded `collect_file`, so it has no file to download.' },
  XDR_TRANSCRIPT_NOT_FOUND: { status: 404, meaning: 'The action is not a `shell`, so it has no transcript.' },
  XDR_SHELL_BUSY: { status: 409, meaning: 'Another responder is attached to this shell; one viewer at a time.' },
  XDR_RESPONSE_UNAVAILABLE: { status: 503, meaning: 'This collector runs without the response service.' },
  XDR_BODY_TOO_LARGE: { status: 413, meaning: 'The request body is over the limit (64 KiB).' },
  XDR_UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'The body is not `application/json`.' },
  XDR_INTERNAL: { status: 500, meaning: 'The collector failed; the message carries the request id to find in its log.' },
  XDR_STORE_UNAVAILABLE: { status: 503, meaning: 'The store could not take a write (locked too long, disk full); retry later.' },
  XDR_DETECTION_UNAVAILABLE: { status: 503, meaning: 'This collector runs without a detection stage.' },
  XDR_STREAM_FULL: { status: 503, meaning: 'The live alert stream has as many subscribers as it allows; retry later, or poll GET /api/v1/alerts.' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;

  constructor(readonly code: ApiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.statusCode = API_ERRORS[code].status;
  }
}

/** The body of every error response. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}
