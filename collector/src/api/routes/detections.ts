// Detections: every loaded filter, rule and model with its state and hits since start; switch
// any of them on or off (live, audited); the load report; and the rule authors' dry run.
import type { FastifyPluginAsync } from 'fastify';
import type { DetectionStage } from '../../detection/detection-stage.js';
import { dryRun, toTestEvent } from '../../detection/dry-run.js';
import { renderModels } from '../../detection/alerts/render.js';
import type { RuleMeta } from '../../detection/index.js';
import type { EcsEvent } from '../../pipeline/ecs.js';
import type { Store } from '../../store/store.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';

const open = { type: 'object', additionalProperties: true } as const;
/** The dry run takes files of events, larger than the API's usual JSON bodies. */
export const TEST_BODY_LIMIT = 8 * 1024 * 1024;
export const TEST_MAX_EVENTS = 20_000;

const detectionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    title: { type: 'string' },
    layer: { type: 'string', enum: ['filter', 'rule', 'model'] },
    level: { type: 'string' },
    score: { type: 'integer' },
    techniques: { type: 'array', items: { type: 'string' } },
    tactics: { type: 'array', items: { type: 'string' } },
    tags: { type: 'array', items: { type: 'string' } },
    file: { type: 'string' },
    enabled: { type: 'boolean' },
    hits: { type: 'integer', description: 'matches (filters) or firings (rules, models) since the collector started' },
  },
} as const;

const detectionIdParams = {
  type: 'object', required: ['id'], additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^/\\s]+$' } },
} as const;

function need(detection: DetectionStage | undefined): DetectionStage {
  if (!detection) throw new ApiError('XDR_DETECTION_UNAVAILABLE', 'this collector runs without detection');
  return detection;
}

function render(d: DetectionStage, r: RuleMeta) {
  return {
    id: r.id, ...(r.name ? { name: r.name } : {}), title: r.title, layer: r.layer, level: r.level, ...(r.score !== undefined ? { score: r.score } : {}),
    techniques: r.techniques, tactics: r.tactics, tags: r.tags, file: r.file, enabled: d.tuning.isEnabled(r.id), hits: d.hitsOf(r.id),
  };
}

async function setEnabled(store: Store, d: DetectionStage, ids: readonly string[], enabled: boolean, actor: string): Promise<RuleMeta[]> {
  const rules = ids.map((id) => {
    const r = d.rule(id);
    if (!r) throw new ApiError('XDR_DETECTION_NOT_FOUND', `no loaded filter, rule or model has the id "${id}"`);
    return r;
  });
  const at = Date.now();
  for (const r of rules) {
    if (d.tuning.isEnabled(r.id) === enabled) continue;
    await store.setDetectionState({ ruleId: r.id, enabled, updatedBy: actor, updatedAt: at });
    await store.appendAudit({ at, actor, action: enabled ? 'detection.enable' : 'detection.disable', target: r.id, details: { title: r.title, layer: r.layer } });
  }
  await d.reloadTuning();
  return rules;
}

interface ListQuery { layer?: 'filter' | 'rule' | 'model'; enabled?: boolean; q?: string; technique?: string }

const detectionsRoutes: FastifyPluginAsync<{ store: Store; detection?: DetectionStage }> = async (app, { store, detection }) => {
  app.get<{ Querystring: ListQuery }>('/detections', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Loaded filters, rules and models with their state and hits',
      tags: ['detection'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          layer: { type: 'string', enum: ['filter', 'rule', 'model'] },
          enabled: { type: 'boolean' },
          q: { type: 'string', minLength: 1, maxLength: 200, description: 'substring of the id, name or title (case-insensitive)' },
          technique: { type: 'string', pattern: '^T\\d{4}(\\.\\d{3})?$' },
        },
      },
      response: { 200: { type: 'array', items: detectionSchema }, ...errorResponses },
    },
  }, async (request) => {
    const d = need(detection);
    const { layer, enabled, q, technique } = request.query;
    const needle = q?.toLowerCase();
    return d.rules()
      .filter((r) => (layer === undefined || r.layer === layer)
        && (enabled === undefined || d.tuning.isEnabled(r.id) === enabled)
        && (technique === undefined || r.techniques.some((t) => t === technique || t.startsWith(`${technique}.`)))
        && (needle === undefined || `${r.id}\n${r.name ?? ''}\n${r.title}`.toLowerCase().includes(needle)))
      .map((r) => render(d, r));
  });

  app.get('/detections/report', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'What the collector loaded (files, counts, every unsupported rule with its reason) and the detection stage counters',
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: {
        200: { type: 'object', properties: { files: { type: 'integer' }, documents: { type: 'integer' }, loaded: open, unsupported: { type: 'array', items: open }, stats: open } },
        ...errorResponses,
      },
    },
  }, async () => {
    const d = need(detection);
    return { ...d.report, stats: d.stats() };
  });

  app.patch<{ Body: { ids: string[]; enabled: boolean } }>('/detections', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Switch several detections on or off; applies at once (audited)',
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      body: {
        type: 'object', additionalProperties: false, required: ['ids', 'enabled'],
        properties: { ids: { type: 'array', minItems: 1, maxItems: 5000, uniqueItems: true, items: detectionIdParams.properties.id }, enabled: { type: 'boolean' } },
      },
      response: { 200: { type: 'array', items: detectionSchema }, ...errorResponses },
    },
  }, async (request) => {
    const d = need(detection);
    const rules = await setEnabled(store, d, request.body.ids, request.body.enabled, actorOf(request));
    return rules.map((r) => render(d, r));
  });

  app.patch<{ Params: { id: string }; Body: { enabled: boolean } }>('/detections/:id', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Switch a filter, rule or model on or off; applies at once (audited)',
      tags: ['detection'],
      params: detectionIdParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      body: { type: 'object', additionalProperties: false, required: ['enabled'], properties: { enabled: { type: 'boolean' } } },
      response: { 200: detectionSchema, ...errorResponses },
    },
  }, async (request) => {
    const d = need(detection);
    const [r] = await setEnabled(store, d, [request.params.id], request.body.enabled, actorOf(request));
    return render(d, r);
  });

  app.post<{ Body: { events: unknown[]; rules?: Array<{ file: string; text: string }>; only_rules?: boolean; ignore_tuning?: boolean } }>('/detections/test', {
    config: { minRole: 'analyst' },
    bodyLimit: TEST_BODY_LIMIT,
    schema: {
      summary: 'Dry run: events (ECS JSON) through the loaded content and optional rule files; nothing is stored',
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['events'],
        properties: {
          events: { type: 'array', maxItems: TEST_MAX_EVENTS, items: {} },
          rules: {
            type: 'array', maxItems: 1000,
            items: { type: 'object', additionalProperties: false, required: ['file', 'text'], properties: { file: { type: 'string', minLength: 1, maxLength: 1024 }, text: { type: 'string', maxLength: 1_000_000 } } },
            description: 'Sigma YAML files; a rule here wins over a loaded rule with the same id',
          },
          only_rules: { type: 'boolean', default: false, description: 'run only the given rules, not the loaded content' },
          ignore_tuning: { type: 'boolean', default: false, description: 'ignore disabled detections and exceptions' },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            events: { type: 'integer' }, loaded: open, unsupported: { type: 'array', items: open }, matches: { type: 'array', items: open },
            oats: { type: 'array', items: open }, firings: { type: 'array', items: open }, alerts: { type: 'array', items: open },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const d = need(detection);
    const events: EcsEvent[] = [];
    request.body.events.forEach((raw, i) => {
      const ev = toTestEvent(raw, i + 1);
      if (typeof ev === 'string') throw new ApiError('XDR_BAD_EVENTS', ev);
      events.push(ev);
    });
    const r = dryRun({
      loaded: d.sources, rules: request.body.rules, onlyRules: request.body.only_rules,
      tuning: request.body.ignore_tuning ? undefined : d.tuning, criticalityOf: d.criticalityOf, events,
    });
    return {
      ...r,
      alerts: r.alerts.map((a) => ({
        model_id: a.modelId, title: a.modelTitle, level: a.level, score: a.score, score_parts: a.scoreParts, group_key: a.groupKey,
        firings: a.firings, models: renderModels(a.models),
        first_seen: new Date(a.firstSeen).toISOString(), last_seen: new Date(a.lastSeen).toISOString(),
        techniques: a.techniques, tactics: a.tactics, event_ids: a.eventIds, scope: a.scope, highlights: a.highlights, oats: a.oats,
      })),
    };
  });
};

export default detectionsRoutes;
