// Reconnect delays: exponential growth with full jitter (a uniformly random delay between 0 and
// the exponential ceiling), so a fleet that lost its collector does not reconnect in lockstep.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** After network failures and collector restarts. */
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };
/** After a refusal that will not fix itself soon (revoked, unknown agent, ...). */
export const REFUSED_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 300_000 };

/** Delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
