// Workbench alerts: one per attack, highest score first. Analysts move an alert through
// new -> in_progress -> closed (true_positive | false_positive | benign), assign it and add
// notes (audited). Closing as false positive may create a scoped exception in the same request.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { renderAlert, renderOat } from '../../detection/alerts/render.js';
import type { DetectionStage } from '../../detection/detection-stage.js';
import { isEcsField } from '../../pipeline/ecs.js';
import {
  ALERT_RESOLUTIONS, ALERT_STATUSES, RISK_LEVELS,
  type AlertPatch, type AlertQuery, type AlertRecord, type AlertResolution, type AlertStatus,
  type DetectionExceptionRecord, type RiskLevel, type Store,
} from '../../store/store.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { errorResponses, idParamsSchema, timeRangeProperties } from '../schemas.js';
import type { AlertFeed } from './alerts-stream.js';
import { exceptionSchema, renderException } from './exceptions.js';
import { enumList, oatSchema, timeRange } from './oat.js';

const open = { type: 'object', additionalProperties: true } as const;
const highlightList = { type: 'array', items: open } as const;

export const alertSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    model_id: { type: 'string' },
    title: { type: 'string' },
    level: { type: 'string', enum: RISK_LEVELS },
    score: { type: 'integer', minimum: 0, maximum: 100 },
    score_parts: open,
    status: { type: 'string', enum: ALERT_STATUSES },
    resolution: { type: ['string', 'null'] },
    assignee: { type: ['string', 'null'] },
    notes: { type: 'array', items: open },
    first_seen: { type: 'string', format: 'date-time' },
    last_seen: { type: 'string', format: 'date-time' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    firings: { type: 'integer' },
    models: { type: 'array', items: open, description: 'every model that fired for this attack, the one that created the alert first' },
    group_key: { type: 'string' },
    group: open,
    techniques: { type: 'array', items: { type: 'string' } },
    tactics: { type: 'array', items: { type: 'string' } },
    matched_rules: { type: 'array', items: { type: 'string' } },
    event_ids: { type: 'array', items: { type: 'string' } },
    oats: open,
    scope: open,
    highlights: {
      type: 'object',
      properties: { commands: highlightList, source_ips: highlightList, destination_ips: highlightList, files: highlightList },
    },
  },
} as const;

const alertIdParams = { ...idParamsSchema, properties: { id: { type: 'string', format: 'uuid' } } } as const;
const keyword = { type: 'string', minLength: 1, maxLength: 256 } as const;

interface AlertsQueryString {
  status?: string; level?: string; min_score?: number; host?: string; model?: string; assignee?: string;
  from?: string; to?: string; limit?: number; cursor?: string;
}

interface PatchBody {
  status?: AlertStatus;
  resolution?: AlertResolution;
  assignee?: string | null;
  note?: string;
  exception?: { rule_id: string; fields: string[]; hosts?: string[]; all_hosts?: boolean; comment?: string };
}

function encodeAlertCursor(c: { score: number; id: string }): string {
  return Buffer.from(`a1.${c.score}.${c.id}`).toString('base64url');
}

function decodeAlertCursor(text: string): { score: number; id: string } {
  const m = /^a1\.(\d{1,3})\.([0-9a-f-]{36})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(text) || !m) throw new ApiError('XDR_BAD_CURSOR', `cursor "${text.slice(0, 80)}" is malformed: pass back the next_cursor of a previous response unchanged`);
  return { score: Number(m[1]), id: m[2] };
}

/**
 * The exception "this filter, on these fields' values as seen in the alert, on these hosts".
 * Values come from the alert's evidence events that the filter matched (or, for the model
 * itself, from the alert's group-by values).
 */
async function exceptionFromAlert(store: Store, detection: DetectionStage | undefined, alert: AlertRecord, spec: NonNullable<PatchBody['exception']>, actor: string, at: number): Promise<DetectionExceptionRecord> {
  const ruleIds = new Set([...alert.models.map((m) => m.id), ...alert.matchedRules, ...alert.oats.filters.map((f) => f.id)]);
  if (!ruleIds.has(spec.rule_id)) {
    throw new ApiError('XDR_BAD_EXCEPTION', `exception.rule_id "${spec.rule_id}" is not a detection of this alert; use one of: ${[...ruleIds].join(', ')}`);
  }
  if (detection && !detection.rule(spec.rule_id)) throw new ApiError('XDR_BAD_EXCEPTION', `exception.rule_id "${spec.rule_id}" is not loaded any more`);
  for (const f of spec.fields) if (!isEcsField(f)) throw new ApiError('XDR_BAD_EXCEPTION', `exception field "${f}" is not an ECS field of the catalogue`);
  const values = new Map<string, Set<string>>(spec.fields.map((f) => [f, new Set<string>()]));
  const add = (f: string, v: unknown) => {
    if (v === undefined || v === null || v === '') return;
    for (const x of Array.isArray(v) ? v : [v]) values.get(f)!.add(String(x));
  };
  const model = alert.models.find((m) => m.id === spec.rule_id);
  if (model || alert.matchedRules.includes(spec.rule_id)) {
    for (const f of spec.fields) add(f, (model ?? alert).group[f]);
  } else {
    for (const o of await store.oatsForEvents(alert.eventIds, 5_000)) {
      if (o.ruleId !== spec.rule_id) continue;
      for (const f of spec.fields) add(f, (o.event as Record<string, unknown>)[f]);
    }
  }
  for (const [f, vs] of values) {
    if (vs.size === 0) throw new ApiError('XDR_BAD_EXCEPTION', `field "${f}" has no value in the events of this alert that ${spec.rule_id} matched; choose fields they have`);
  }
  const hosts = spec.all_hosts ? [] : spec.hosts ?? alert.scope.hosts.map((h) => h.id);
  return {
    id: randomUUID(), ruleId: spec.rule_id, hosts,
    conditions: [...values].map(([field, vs]) => ({ field, op: 'equals' as const, values: [...vs].slice(0, 100) })),
    comment: spec.comment ?? `false positive: alert ${alert.id} (${alert.modelTitle})`,
    enabled: true, createdBy: actor, createdAt: at, updatedAt: at,
  };
}

const alertsRoutes: FastifyPluginAsync<{ store: Store; detection?: DetectionStage; feed?: AlertFeed }> = async (app, { store, detection, feed }) => {
  app.get<{ Querystring: AlertsQueryString }>('/alerts', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Workbench alerts, highest score first',
      tags: ['detection'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          status: { ...keyword, description: `comma-separated: ${ALERT_STATUSES.join(', ')}` },
          level: { ...keyword, description: `model levels, comma-separated: ${RISK_LEVELS.join(', ')}` },
          min_score: { type: 'integer', minimum: 0, maximum: 100 },
          host: { ...keyword, description: 'host.id involved' },
          model: { ...keyword, description: 'model id' },
          assignee: keyword,
          ...timeRangeProperties,
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          cursor: { type: 'string', maxLength: 100 },
        },
      },
      response: {
        200: { type: 'object', required: ['alerts'], properties: { alerts: { type: 'array', items: alertSchema }, next_cursor: { type: 'string' } } },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const q = request.query;
    const range = timeRange(q);
    const query: AlertQuery = {
      status: enumList<AlertStatus>(q.status, ALERT_STATUSES, 'status'), level: enumList<RiskLevel>(q.level, RISK_LEVELS, 'level'),
      minScore: q.min_score, hostId: q.host, modelId: q.model, assignee: q.assignee, from: range.from, to: range.to,
      limit: q.limit ?? 100, after: q.cursor ? decodeAlertCursor(q.cursor) : undefined,
    };
    const page = await store.listAlerts(query);
    return { alerts: page.alerts.map(renderAlert), ...(page.next ? { next_cursor: encodeAlertCursor(page.next) } : {}) };
  });

  app.get<{ Params: { id: string } }>('/alerts/:id', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'One alert with its highlights, scope and the OATs behind it',
      tags: ['detection'],
      params: alertIdParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: {
        200: { type: 'object', properties: { ...alertSchema.properties, evidence: { type: 'array', items: oatSchema } } },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const a = await store.getAlert(request.params.id);
    if (!a) throw new ApiError('XDR_ALERT_NOT_FOUND', `no alert with id "${request.params.id}"`);
    const evidence = await store.oatsForEvents(a.eventIds, 1_000);
    return { ...renderAlert(a), evidence: evidence.map(renderOat) };
  });

  app.patch<{ Params: { id: string }; Body: PatchBody }>('/alerts/:id', {
    config: { minRole: 'analyst' },
    schema: {
      summary: 'Change an alert: status, resolution, assignee, a note; optionally a false-positive exception (audited)',
      tags: ['detection'],
      params: alertIdParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      body: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          status: { type: 'string', enum: ALERT_STATUSES },
          resolution: { type: 'string', enum: ALERT_RESOLUTIONS },
          assignee: { type: ['string', 'null'], minLength: 1, maxLength: 64, pattern: '^[\\w.@-]+$' },
          note: { type: 'string', minLength: 1, maxLength: 4000 },
          exception: {
            type: 'object',
            additionalProperties: false,
            required: ['rule_id', 'fields'],
            description: 'with status closed and resolution false_positive: suppress this detection for these fields\' values (as seen in the alert) on these hosts (default: the alert\'s hosts)',
            properties: {
              rule_id: { type: 'string', minLength: 1, maxLength: 200 },
              fields: { type: 'array', minItems: 1, maxItems: 10, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
              hosts: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 256 } },
              all_hosts: { type: 'boolean' },
              comment: { type: 'string', maxLength: 1000 },
            },
          },
        },
      },
      response: {
        200: { type: 'object', required: ['alert'], properties: { alert: alertSchema, exception: exceptionSchema } },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { id } = request.params;
    const b = request.body;
    const before = await store.getAlert(id);
    if (!before) throw new ApiError('XDR_ALERT_NOT_FOUND', `no alert with id "${id}"`);
    const status = b.status ?? before.status;
    if (b.status === 'closed' && !b.resolution) throw new ApiError('XDR_BAD_TRANSITION', 'closing an alert needs a resolution: true_positive, false_positive or benign');
    if (b.resolution && status !== 'closed') throw new ApiError('XDR_BAD_TRANSITION', `a resolution is given only with status closed (the alert would be ${status})`);
    const resolution = b.resolution ?? (status === 'closed' ? before.resolution : null);
    if (b.exception && !(status === 'closed' && resolution === 'false_positive')) {
      throw new ApiError('XDR_BAD_TRANSITION', 'an exception is made only when closing as false_positive: send status closed, resolution false_positive');
    }
    if (b.exception?.hosts && b.exception.all_hosts) throw new ApiError('XDR_BAD_EXCEPTION', 'give exception.hosts or exception.all_hosts, not both');
    const actor = actorOf(request);
    const at = Date.now();
    const exception = b.exception ? await exceptionFromAlert(store, detection, before, b.exception, actor, at) : undefined;

    const patch: AlertPatch = { at };
    if (b.status !== undefined) patch.status = b.status;
    if (b.resolution !== undefined) patch.resolution = b.resolution;
    if (b.assignee !== undefined) patch.assignee = b.assignee;
    if (b.note !== undefined) patch.addNote = { at, author: actor, text: b.note };
    const after = await store.updateAlert(id, patch);
    if (!after) throw new ApiError('XDR_ALERT_NOT_FOUND', `no alert with id "${id}"`);
    const changes: Record<string, unknown> = {};
    if (after.status !== before.status) changes.status = { from: before.status, to: after.status };
    if (after.resolution !== before.resolution) changes.resolution = { from: before.resolution, to: after.resolution };
    if (after.assignee !== before.assignee) changes.assignee = { from: before.assignee, to: after.assignee };
    if (b.note !== undefined) changes.note = b.note;
    await store.appendAudit({ at, actor, action: 'alert.update', target: id, details: changes });
    if (exception) {
      await store.saveException(exception);
      await store.appendAudit({ at, actor, action: 'exception.create', target: exception.id, details: { ruleId: exception.ruleId, hosts: exception.hosts, conditions: exception.conditions, fromAlert: id } });
      await detection?.reloadTuning();
    }
    feed?.publish([after]);
    return { alert: renderAlert(after), ...(exception ? { exception: renderException(exception) } : {}) };
  });
};

export default alertsRoutes;
