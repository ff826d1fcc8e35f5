// Every error a user of xdr-agent can see, with a stable code. The CLI prints `code: message`
// and maps the code to an exit status; nothing else in the agent invents user-facing codes.
export const AGENT_ERRORS = {
  usage: 'the command line is not valid',
  bad_config: 'the configuration file is not valid',
  not_enrolled: 'this state directory holds no agent identity',
  already_enrolled: 'this state directory already holds an agent identity',
  state_corrupt: 'a file in the state directory cannot be read',
  state_locked: 'another xdr-agent process uses this state directory',
  bad_fingerprint: 'the fingerprint is not a SHA-256 hex digest',
  fingerprint_mismatch: "the collector's certificate does not match the expected fingerprint",
  collector_unreachable: 'the collector cannot be reached',
  protocol_version: 'the collector speaks another protocol version',
  protocol_error: 'the collector sent something the protocol does not allow here',
  refused: 'the collector refused the request',
} as const;

export type AgentErrorCode = keyof typeof AGENT_ERRORS;

export class AgentError extends Error {
  constructor(readonly code: AgentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AgentError';
  }
}
