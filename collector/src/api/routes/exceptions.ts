// Detection exceptions: field conditions (optionally limited to hosts) that suppress a filter's,
// rule's or model's matches. Applied to the live engine at once; every change is audited.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { DetectionStage } from '../../detection/detection-stage.js';
import { isEcsField } from '../../pipeline/ecs.js';
import { EXCEPTION_OPS, type DetectionExceptionRecord, type ExceptionCondition, type Store } from '../../store/store.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';

const conditionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field', 'values'],
  properties: {
    field: { type: 'string', minLength: 1, maxLength: 64, description: 'an ECS field (for rules and models: a group-by field)' },
    op: { type: 'string', enum: EXCEPTION_OPS, default: 'equals' },
    values: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 4096 }, description: 'any of these, case-sensitive' },
  },
} as const;

export const exceptionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    rule_id: { type: 'string' },
    hosts: { type: 'array', items: { type: 'string' } },
    conditions: { type: 'array', items: conditionSchema },
    comment: { type: 'string' },
    enabled: { type: 'boolean' },
    created_by: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

export function renderException(e: DetectionExceptionRecord) {
  return {
    id: e.id, rule_id: e.ruleId, hosts: e.hosts, conditions: e.conditions, comment: e.comment, enabled: e.enabled,
    created_by: e.createdBy, created_at: new Date(e.createdAt).toISOString(), updated_at: new Date(e.updatedAt).toISOString(),
  };
}

const exceptionParams = {
  type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', format: 'uuid' } },
} as const;

const bodyProperties = {
  rule_id: { type: 'string', minLength: 1, maxLength: 200 },
  hosts: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 256 }, description: 'host.id or host.name; empty or absent: every host' },
  conditions: { type: 'array', maxItems: 20, items: conditionSchema },
  comment: { type: 'string', maxLength: 1000 },
  enabled: { type: 'boolean' },
} as const;

interface Body {
  rule_id?: string;
  hosts?: string[];
  conditions?: Array<{ field: string; op?: ExceptionCondition['op']; values: string[] }>;
  comment?: string;
  enabled?: boolean;
}

function check(detection: DetectionStage | undefined, e: DetectionExceptionRecord): void {
  if (detection && !detection.rule(e.ruleId)) throw new ApiError('XDR_BAD_EXCEPTION', `rule_id "${e.ruleId}" is not a loaded filter, rule or model (GET /api/v1/detections lists them)`);
  for (const c of e.conditions) if (!isEcsField(c.field)) throw new ApiError('XDR_BAD_EXCEPTION', `condition field "${c.field}" is not an ECS field of the catalogue`);
  if (e.conditions.length === 0 && e.hosts.length === 0) {
    throw new ApiError('XDR_BAD_EXCEPTION', 'an exception needs at least one condition or host; to switch a detection off, PATCH /api/v1/detections/:id {"enabled": false}');
  }
}

const exceptionsRoutes: FastifyPluginAsync<{ store: Store; detection?: DetectionStage }> = async (app, { store, detection }) => {
  const notFound = (id: string) => new ApiError('XDR_EXCEPTION_NOT_FOUND', `no exception with id "${id}"`);

  app.get<{ Querystring: { rule_id?: string } }>('/exceptions', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Detection exceptions',
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: { rule_id: { type: 'string', minLength: 1, maxLength: 200 } } },
      response: { 200: { type: 'array', items: exceptionSchema }, ...errorResponses },
    },
  }, async (request) => {
    const list = await store.listExceptions();
    return list.filter((e) => !request.query.rule_id || e.ruleId === request.query.rule_id).map(renderException);
  });

  app.get<{ Params: { id: string } }>('/exceptions/:id', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'One detection exception',
      tags: ['detection'],
      params: exceptionParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: exceptionSchema, ...errorResponses },
    },
  }, async (request) => {
    const e = await store.getException(request.params.id);
    if (!e) throw notFound(request.params.id);
    return renderException(e);
  });

  app.post<{ Body: Body }>('/exceptions', {
    config: { minRole: 'analyst' },
    schema: {
      summary: 'Add an exception; it applies at once (audited)',
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      body: { type: 'object', additionalProperties: false, required: ['rule_id'], properties: bodyProperties },
      response: { 201: exceptionSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const b = request.body;
    const at = Date.now();
    const e: DetectionExceptionRecord = {
      id: randomUUID(), ruleId: b.rule_id!, hosts: b.hosts ?? [],
      conditions: (b.conditions ?? []).map((c) => ({ field: c.field, op: c.op ?? 'equals', values: c.values })),
      comment: b.comment ?? '', enabled: b.enabled ?? true, createdBy: actorOf(request), createdAt: at, updatedAt: at,
    };
    check(detection, e);
    await store.saveException(e);
    await store.appendAudit({ at, actor: actorOf(request), action: 'exception.create', target: e.id, details: { ruleId: e.ruleId, hosts: e.hosts, conditions: e.conditions, enabled: e.enabled } });
    await detection?.reloadTuning();
    reply.code(201);
    return renderException(e);
  });

  app.patch<{ Params: { id: string }; Body: Body }>('/exceptions/:id', {
    config: { minRole: 'analyst' },
    schema: {
      summary: 'Change an exception (enable, disable, hosts, conditions, comment); applies at once (audited)',
      tags: ['detection'],
      params: exceptionParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      body: { type: 'object', additionalProperties: false, minProperties: 1, properties: bodyProperties },
      response: { 200: exceptionSchema, ...errorResponses },
    },
  }, async (request) => {
    const before = await store.getException(request.params.id);
    if (!before) throw notFound(request.params.id);
    const b = request.body;
    const at = Date.now();
    const after: DetectionExceptionRecord = {
      ...before,
      ruleId: b.rule_id ?? before.ruleId,
      hosts: b.hosts ?? before.hosts,
      conditions: b.conditions ? b.conditions.map((c) => ({ field: c.field, op: c.op ?? 'equals', values: c.values })) : before.conditions,
      comment: b.comment ?? before.comment,
      enabled: b.enabled ?? before.enabled,
      updatedAt: at,
    };
    check(detection, after);
    await store.saveException(after);
    await store.appendAudit({ at, actor: actorOf(request), action: 'exception.update', target: after.id, details: { ...b } });
    await detection?.reloadTuning();
    return renderException(after);
  });

  app.delete<{ Params: { id: string } }>('/exceptions/:id', {
    config: { minRole: 'analyst' },
    schema: {
      summary: 'Remove an exception; applies at once (audited)',
      tags: ['detection'],
      params: exceptionParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: exceptionSchema, ...errorResponses },
    },
  }, async (request) => {
    const before = await store.getException(request.params.id);
    if (!before || !(await store.deleteException(before.id))) throw notFound(request.params.id);
    await store.appendAudit({ at: Date.now(), actor: actorOf(request), action: 'exception.delete', target: before.id, details: { ruleId: before.ruleId, conditions: before.conditions, hosts: before.hosts } });
    await detection?.reloadTuning();
    return renderException(before);
  });
};

export default exceptionsRoutes;
