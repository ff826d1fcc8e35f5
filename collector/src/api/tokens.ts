// API bearer tokens: how they are made, hashed and stored. The collector keeps only the SHA-256
// of a token; the plain token is shown once, to whoever created it. Used by the API's token
// routes, `xdr-collector token create` and the first-start admin bootstrap.
import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenRecord, Role, Store } from '../store/store.js';

export const API_TOKEN_PREFIX = 'xdr_';
/** `xdr_` + base64url of 32 random bytes (43 characters). */
export const API_TOKEN_PATTERN = /^xdr_[A-Za-z0-9_-]{43}$/;
/** Names of users: what the audit log shows as the actor. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** sha256 hex of the token, the only form the store keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface CreateApiTokenInput {
  user: string;
  role: Role;
  /** who asks: a user name from the API, or "cli" / "system" */
  actor: string;
  now?: number;
}

export interface CreatedApiToken {
  /** the plain token: show it once, it cannot be recovered */
  token: string;
  /** the token's id (not secret): what `DELETE /api/v1/tokens/:id` and the audit log name */
  id: string;
  record: ApiTokenRecord;
}

/** Stores a new token's hash, records it in the audit log and returns the plain token once. */
export async function createApiToken(store: Store, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  if (!USER_NAME_PATTERN.test(input.user)) {
    throw new RangeError(`user name "${input.user}" is not valid: use 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit`);
  }
  const token = generateApiToken();
  const record: ApiTokenRecord = {
    id: 'tok_' + randomBytes(8).toString('hex'),
    hash: hashToken(token),
    user: input.user,
    role: input.role,
    createdAt: input.now ?? Date.now(),
    revokedAt: null,
  };
  await store.createApiToken(record);
  await store.appendAudit({
    at: record.createdAt,
    actor: input.actor,
    action: 'token.create',
    target: record.id,
    details: { user: record.user, role: record.role },
  });
  return { token, id: record.id, record };
}
