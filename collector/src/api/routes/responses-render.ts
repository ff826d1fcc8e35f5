// How a response action looks in the API (collector/src/response/README.md), its JSON schema,
// and the mapping of the response service's refusals to API errors.
import type { FastifyRequest } from 'fastify';
import { ACTIONS } from '../../../../proto/command.js';
import type { Caller } from '../../response/index.js';
import { ResponseError } from '../../response/errors.js';
import { RESPONSE_STATUSES, type ResponseRecord } from '../../store/store.js';
import { ApiError } from '../errors.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const nullableIso = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const actionKindSchema = { type: 'string', enum: ACTIONS } as const;
export const responseStatusSchema = { type: 'string', enum: RESPONSE_STATUSES } as const;

export const responseSchema = {
  type: 'object',
  required: ['id', 'agent_id', 'hostname', 'action', 'params', 'status', 'reason', 'requested_by', 'requested_at', 'approved_by', 'approved_at',
    'sent_at', 'started_at', 'finished_at', 'expires_at', 'result', 'error', 'refused', 'file', 'transcript'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    agent_id: { type: 'string' },
    hostname: { type: 'string', description: "the agent's hostname when the action was requested" },
    action: actionKindSchema,
    params: { type: 'object', additionalProperties: true },
    status: responseStatusSchema,
    reason: nullableString,
    requested_by: { type: 'string' },
    requested_at: { type: 'string', format: 'date-time' },
    approved_by: nullableString,
    approved_at: nullableIso,
    sent_at: nullableIso,
    started_at: nullableIso,
    finished_at: nullableIso,
    expires_at: { type: 'string', format: 'date-time' },
    result: { type: ['object', 'null'], additionalProperties: true, description: "the agent's result (proto/command.ts ActionResults)" },
    error: nullableString,
    refused: { type: 'boolean', description: 'the agent refused the command (signature, replay, expiry, its local policy); the reason is in error' },
    file: {
      type: ['object', 'null'],
      description: 'a collected file (GET /responses/:id/file downloads it)',
      properties: { path: { type: 'string' }, size: { type: 'integer' }, sha256: { type: 'string' } },
    },
    transcript: {
      type: ['object', 'null'],
      description: "a shell's recorded transcript (GET /responses/:id/transcript); null for other actions",
      properties: { bytes: { type: 'integer' }, truncated: { type: 'boolean' } },
    },
  },
} as const;

export function renderResponse(r: ResponseRecord) {
  return {
    id: r.id, agent_id: r.agentId, hostname: r.hostname, action: r.action, params: r.params, status: r.status, reason: r.reason,
    requested_by: r.requestedBy, requested_at: new Date(r.requestedAt).toISOString(), approved_by: r.approvedBy, approved_at: iso(r.approvedAt),
    sent_at: iso(r.sentAt), started_at: iso(r.startedAt), finished_at: iso(r.finishedAt), expires_at: new Date(r.expiresAt).toISOString(),
    result: r.result, error: r.error, refused: r.refused, file: r.file,
    transcript: r.action === 'shell' ? r.transcript : null,
  };
}

/** Runs a service call, turning its refusals into API errors with the same code. */
export async function viaService<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ResponseError) throw new ApiError(err.code, err.message, { cause: err });
    throw err;
  }
}

export const responseIdParams = {
  type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', format: 'uuid' } },
} as const;

export function callerOf(request: FastifyRequest): Caller {
  if (!request.who) throw new Error(`route ${request.routeOptions.url} needs an authenticated caller`);
  return { user: request.who.user, role: request.who.role };
}
