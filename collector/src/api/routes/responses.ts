// Response Management: request an action on a host, approve, deny or cancel it, follow it, and
// download what it brought back (a collected file, a shell transcript). The response service
// (collector/src/response) does the work and writes the audit entries; these routes validate,
// authorise and render. The shell's WebSocket is in responses-shell.ts.
import type { FastifyPluginAsync } from 'fastify';
import { ACTIONS, type ActionKind } from '../../../../proto/command.js';
import { EXPIRES_IN, evidenceZip, transcriptAsciicast, transcriptOutput, type ResponseService } from '../../response/index.js';
import { RESPONSE_STATUSES, type ResponseCursor, type ResponseStatus, type Store } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { parseInstant } from '../event-query.js';
import { errorResponses } from '../schemas.js';
import { actionKindSchema, callerOf, renderResponse, responseIdParams, responseSchema, viaService } from './responses-render.js';
import responsesShellRoutes from './responses-shell.js';

export interface ResponsesRouteOptions {
  store: Store;
  /** absent: the routes exist (and are documented) but answer 503 */
  responses?: ResponseService;
}

const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

interface ListQuery {
  agent_id?: string;
  action?: string;
  status?: string;
  requested_by?: string;
  since?: string;
  until?: string;
  limit: number;
  cursor?: string;
}

interface CreateBody {
  agent_id: string;
  action: ActionKind;
  params?: Record<string, unknown>;
  reason?: string;
  expires_in?: number;
}

function encodeCursor(c: ResponseCursor): string {
  return Buffer.from(`1.${c.at}.${c.id}`, 'utf8').toString('base64url');
}

function decodeCursor(text: string): ResponseCursor {
  const m = /^1\.(\d{1,16})\.([0-9a-f-]{36})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(text) || !m) {
    throw new ApiError('XDR_BAD_CURSOR', `cursor "${text.slice(0, 80)}" is malformed: pass back the next_cursor of a previous response unchanged`);
  }
  return { at: Number(m[1]), id: m[2] };
}

function commaList<T extends string>(name: string, text: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.find((s) => !(allowed as readonly string[]).includes(s));
  if (bad !== undefined || items.length === 0) {
    throw new ApiError('XDR_BAD_QUERY', `query parameter "${name}" must be a comma list of ${allowed.join(', ')}${bad !== undefined ? `; "${bad}" is not one` : ''}`);
  }
  return items as T[];
}

function instant(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseInstant(text);
  if (ms === undefined) throw new ApiError('XDR_BAD_TIME_RANGE', `"${name}" is "${text}": give epoch milliseconds or ISO 8601 with a zone, e.g. 2024-05-01T12:00:00Z`);
  return ms;
}

const responsesRoutes: FastifyPluginAsync<ResponsesRouteOptions> = async (app, { store, responses }) => {
  const service = (): ResponseService => {
    if (!responses) throw new ApiError('XDR_RESPONSE_UNAVAILABLE', 'this collector runs without the response service');
    return responses;
  };

  app.post<{ Body: CreateBody }>('/responses', {
    config: { minRole: 'responder' },
    schema: {
      summary: 'Request a response action on a host (audited)',
      description: 'The action is queued (or pending_approval when the approval policy names its kind), signed and sent when the agent is online. `agent_id` may be an agent id or a hostname.',
      tags: ['response'],
      querystring: emptyQuery,
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['agent_id', 'action'],
        properties: {
          agent_id: { type: 'string', minLength: 1, maxLength: 256, description: 'an agent id, or a hostname that names exactly one agent' },
          action: actionKindSchema,
          params: { type: 'object', additionalProperties: true, description: "the action's parameters (proto/command.ts ActionParams)" },
          reason: { type: 'string', maxLength: 2000 },
          expires_in: { type: 'integer', minimum: EXPIRES_IN.min, maximum: EXPIRES_IN.max, default: EXPIRES_IN.default, description: 'seconds until the action expires if it has not run' },
        },
      },
      response: { 201: responseSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const b = request.body;
    const r = await viaService(service().create({ agent: b.agent_id, action: b.action, params: b.params, reason: b.reason, expiresIn: b.expires_in }, callerOf(request)));
    return reply.code(201).send(renderResponse(r));
  });

  app.get<{ Querystring: ListQuery }>('/responses', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Response actions, newest first',
      tags: ['response'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          agent_id: { type: 'string', minLength: 1, maxLength: 128 },
          action: { type: 'string', minLength: 1, maxLength: 200, description: `comma list of ${ACTIONS.join(', ')}` },
          status: { type: 'string', minLength: 1, maxLength: 200, description: `comma list of ${RESPONSE_STATUSES.join(', ')}` },
          requested_by: { type: 'string', minLength: 1, maxLength: 64 },
          since: { type: 'string', maxLength: 40, description: 'requested at or after: ISO 8601 with a zone, or epoch ms' },
          until: { type: 'string', maxLength: 40, description: 'requested strictly before' },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          cursor: { type: 'string', maxLength: 80 },
        },
      },
      response: {
        200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: responseSchema }, next_cursor: { type: 'string' } } },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const q = request.query;
    const since = instant('since', q.since);
    const until = instant('until', q.until);
    if (since !== undefined && until !== undefined && since >= until) throw new ApiError('XDR_BAD_TIME_RANGE', '"since" must be before "until"');
    const page = await service().list({
      agentId: q.agent_id, action: commaList('action', q.action, ACTIONS), status: commaList<ResponseStatus>('status', q.status, RESPONSE_STATUSES),
      requestedBy: q.requested_by, since, until, limit: q.limit, after: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
    });
    return { items: page.items.map(renderResponse), ...(page.next ? { next_cursor: encodeCursor(page.next) } : {}) };
  });

  app.get('/responses/policy', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'The approval policy: action kinds that need a second person\'s approval',
      tags: ['response'],
      querystring: emptyQuery,
      response: { 200: { type: 'object', required: ['approval_required'], properties: { approval_required: { type: 'array', items: actionKindSchema } } }, ...errorResponses },
    },
  }, async () => ({ approval_required: (await service().policy()).approvalRequired }));

  app.put<{ Body: { approval_required: ActionKind[] } }>('/responses/policy', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Set the approval policy (audited)',
      tags: ['response'],
      querystring: emptyQuery,
      body: {
        type: 'object', additionalProperties: false, required: ['approval_required'],
        properties: { approval_required: { type: 'array', uniqueItems: true, maxItems: ACTIONS.length, items: actionKindSchema } },
      },
      response: { 200: { type: 'object', required: ['approval_required'], properties: { approval_required: { type: 'array', items: actionKindSchema } } }, ...errorResponses },
    },
  }, async (request) => ({
    approval_required: (await service().setPolicy({ approvalRequired: request.body.approval_required }, callerOf(request))).approvalRequired,
  }));

  app.get<{ Params: { id: string } }>('/responses/:id', {
    config: { minRole: 'viewer' },
    schema: { summary: 'One response action', tags: ['response'], params: responseIdParams, querystring: emptyQuery, response: { 200: responseSchema, ...errorResponses } },
  }, async (request) => renderResponse(await viaService(service().get(request.params.id))));

  app.post<{ Params: { id: string } }>('/responses/:id/approve', {
    config: { minRole: 'responder' },
    schema: {
      summary: 'Approve a pending action (audited); never by the person who requested it',
      tags: ['response'], params: responseIdParams, querystring: emptyQuery, response: { 200: responseSchema, ...errorResponses },
    },
  }, async (request) => renderResponse(await viaService(service().approve(request.params.id, callerOf(request)))));

  app.post<{ Params: { id: string }; Body: { reason?: string } | undefined }>('/responses/:id/deny', {
    config: { minRole: 'responder' },
    schema: {
      summary: 'Deny a pending action: it is cancelled (audited)',
      tags: ['response'], params: responseIdParams, querystring: emptyQuery,
      body: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } },
      response: { 200: responseSchema, ...errorResponses },
    },
  }, async (request) => renderResponse(await viaService(service().deny(request.params.id, callerOf(request), request.body?.reason))));

  app.post<{ Params: { id: string } }>('/responses/:id/cancel', {
    config: { minRole: 'responder' },
    schema: {
      summary: 'Cancel a pending_approval or queued action; close an open shell (audited)',
      tags: ['response'], params: responseIdParams, querystring: emptyQuery, response: { 200: responseSchema, ...errorResponses },
    },
  }, async (request) => renderResponse(await viaService(service().cancel(request.params.id, callerOf(request)))));

  app.get<{ Params: { id: string } }>('/responses/:id/file', {
    config: { minRole: 'analyst' },
    schema: {
      summary: 'Download a collected file as a zip protected with the password "infected" (ZipCrypto; audited)',
      description: 'The zip holds the file under its base name and metadata.json (path, sha256, size, host, collected at). Headers X-File-SHA256 and X-File-Size describe the file itself.',
      tags: ['response'], params: responseIdParams, querystring: emptyQuery,
      response: { 200: { description: 'application/zip', type: 'string', format: 'binary' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const { record, file } = await viaService(service().evidence(request.params.id));
    const f = record.file!;
    await store.appendAudit({ at: Date.now(), actor: callerOf(request).user, action: 'response.file.download', target: record.id, details: { path: f.path, sha256: f.sha256 } });
    const zip = evidenceZip(file, {
      action_id: record.id, path: f.path, sha256: f.sha256, size: f.size, host: record.hostname, agent_id: record.agentId,
      collected_at: new Date(record.finishedAt ?? record.requestedAt).toISOString(), collected_by: record.requestedBy,
      stat: record.result ? Object.fromEntries(['mode', 'uid', 'gid', 'owner', 'mtime_ms'].filter((k) => k in record.result!).map((k) => [k, record.result![k]])) : null,
    });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${record.id}.zip"`)
      .header('x-file-sha256', f.sha256)
      .header('x-file-size', String(f.size))
      .send(zip);
  });

  app.get<{ Params: { id: string }; Querystring: { format: 'asciicast' | 'raw' } }>('/responses/:id/transcript', {
    config: { minRole: 'responder' },
    schema: {
      summary: "A shell's transcript: what the terminal showed and the keystrokes, with times",
      description: 'format=asciicast (default): asciicast v2 (`asciinema play` replays it), one line per chunk `[seconds, "o"|"i"|"r", text]`. format=raw: the terminal output bytes alone (application/octet-stream). Header X-Transcript-Truncated says whether the bound cut it.',
      tags: ['response'], params: responseIdParams,
      querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['asciicast', 'raw'], default: 'asciicast' } } },
      response: { 200: { description: 'application/x-asciicast or application/octet-stream', type: 'string', format: 'binary' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const { record, chunks } = await viaService(service().transcript(request.params.id));
    reply.header('x-transcript-truncated', String(record.transcript.truncated));
    if (request.query.format === 'raw') return reply.header('content-type', 'application/octet-stream').send(transcriptOutput(chunks));
    return reply.header('content-type', 'application/x-asciicast').send(Buffer.from(transcriptAsciicast(record, chunks), 'utf8'));
  });

  await app.register(responsesShellRoutes, { responses });
};

export default responsesRoutes;
