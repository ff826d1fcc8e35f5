// The audit log's hash chain: each entry's hash covers the previous entry's hash and the entry
// itself, so altering, removing or reordering a stored entry breaks every hash after it.
//   hash = sha256(prev_hash || canonical JSON of {id, at, actor, action, target, details})
// Canonical JSON: object keys sorted (recursively), no whitespace, as JSON.stringify writes values.
import { createHash } from 'node:crypto';

/** prev_hash of the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export interface ChainedFields {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  /** as stored: the parsed details column */
  details: unknown;
}

export function auditHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({ id: e.id, at: e.at, actor: e.actor, action: e.action, target: e.target, details: e.details });
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}
