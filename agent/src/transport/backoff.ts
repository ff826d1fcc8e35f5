// Reconnect delays: exponential growth with jitter, so a fleet that lost its collector does not
// reconnect in lockstep. Full jitter (uniform in [0, ceiling)) for network failures; equal jitter
// (uniform in [ceiling/2, ceiling)) after refusals, so a refused agent never retries at once.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  jitter: 'full' | 'equal';
}

/** After network failures and collector restarts. */
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000, jitter: 'full' };
/** After a refusal that will not fix itself soon (revoked, unknown agent, ...). */
export const REFUSED_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 300_000, jitter: 'equal' };

/** Delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return policy.jitter === 'full' ? Math.floor(random() * ceiling) : Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}
