// Why the gateway refuses a connection or a frame. The code travels to the agent in a Refusal
// frame, is the `reason` label of xdr_frames_refused_total, and is logged with the details.
export const REFUSALS = {
  bad_frame: 'the frame is not a valid AgentFrame',
  frame_too_large: 'the frame is larger than the collector accepts',
  unexpected_frame: 'the frame is not allowed in this state of the connection',
  protocol_version: 'the agent speaks a protocol version this collector does not',
  handshake_timeout: 'the agent did not authenticate in time',
  unknown_agent: 'no enrolled agent has this id',
  revoked_agent: 'this agent was revoked by an administrator',
  bad_signature: "the signature does not prove the agent's enrolled key",
  bad_enrollment: 'the enrollment request is malformed',
  unknown_token: 'the enrollment token is not known',
  expired_token: 'the enrollment token has expired',
  token_used_up: 'the enrollment token has no uses left',
  superseded: 'a newer connection of the same agent replaced this one',
  heartbeat_timeout: 'nothing was received from the agent for three heartbeat intervals',
  shutting_down: 'the collector is shutting down',
} as const;

export type RefusalCode = keyof typeof REFUSALS;
