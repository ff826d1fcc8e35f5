// One-time enrollment tokens: printed once, stored only as a SHA-256 hash with an expiry and a
// number of uses; the gateway consumes a use when an agent enrolls with it.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';

export function hashEnrollToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createEnrollToken(
  store: Store,
  opts: { ttlMs: number; uses: number; actor: string; now?: number },
): Promise<{ id: string; token: string; expiresAt: number; uses: number }> {
  const now = opts.now ?? Date.now();
  const token = `xdrenroll_${randomBytes(24).toString('base64url')}`;
  const id = randomUUID();
  const expiresAt = now + opts.ttlMs;
  await store.createEnrollToken({ id, hash: hashEnrollToken(token), createdAt: now, expiresAt, usesLeft: opts.uses, createdBy: opts.actor });
  await store.appendAudit({ at: now, actor: opts.actor, action: 'enroll_token.create', target: id, details: { expiresAt, uses: opts.uses } });
  return { id, token, expiresAt, uses: opts.uses };
}
