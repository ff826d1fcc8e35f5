// What an executor gets from the dispatcher: its action id, the policy, a way to send frames on
// the current session, and a signal that aborts it when the agent stops.
import type { Logger } from 'pino';
import type { xdr } from '../../../proto/index.js';
import type { ResponseConfig } from './config.js';

/** The connection as the response side sees it. */
export interface ResponseLink {
  readonly online: boolean;
  /** the current (or last) session's frame bound */
  readonly maxFrameBytes: number;
  /** Sends one frame on the current session; resolves once written to the socket, rejects when offline or the send fails. */
  send(frame: xdr.v1.IAgentFrame): Promise<void>;
}

export interface ActionContext {
  actionId: string;
  log: Logger;
  config: ResponseConfig;
  link: ResponseLink;
  /** aborted when the agent stops */
  signal: AbortSignal;
}

/** An executor's failure: the message is what the responder reads in the action's `error`. */
export class ActionError extends Error {
  override name = 'ActionError';
  /** a result that still goes with the failure (a timed-out script's output) */
  constructor(message: string, readonly result?: unknown) {
    super(message);
  }
}
