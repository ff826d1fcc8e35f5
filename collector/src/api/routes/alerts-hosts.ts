// Asset criticality per host (host.id), which weighs alert scores (detection/scoring.ts).
// Admins set it; open alerts of the host are re-scored at once. Audited.
import type { FastifyPluginAsync } from 'fastify';
import type { DetectionStage } from '../../detection/detection-stage.js';
import { ASSET_CRITICALITIES, type AssetCriticality, type Store } from '../../store/store.js';
import { actorOf } from '../auth.js';
import { errorResponses } from '../schemas.js';

const criticalitySchema = {
  type: 'object',
  properties: {
    host_id: { type: 'string' },
    criticality: { type: 'string', enum: ASSET_CRITICALITIES },
    updated_by: { type: ['string', 'null'] },
    updated_at: { type: ['string', 'null'], format: 'date-time' },
    rescored_alerts: { type: 'integer' },
  },
} as const;

const hostParams = {
  type: 'object', required: ['id'], additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1, maxLength: 256, pattern: '^[^/\\s]+$', description: 'host.id' } },
} as const;

const alertsHostsRoutes: FastifyPluginAsync<{ store: Store; detection?: DetectionStage }> = async (app, { store, detection }) => {
  app.get('/hosts/criticality', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Hosts whose asset criticality was set (every other host is medium)',
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: { type: 'array', items: criticalitySchema }, ...errorResponses },
    },
  }, async () => (await store.listHostCriticality()).map((c) => ({
    host_id: c.hostId, criticality: c.criticality, updated_by: c.updatedBy, updated_at: new Date(c.updatedAt).toISOString(),
  })));

  app.put<{ Params: { id: string }; Body: { criticality: AssetCriticality | null } }>('/hosts/:id/criticality', {
    config: { minRole: 'admin' },
    schema: {
      summary: "Set a host's asset criticality (null: back to medium); its open alerts are re-scored (audited)",
      tags: ['detection'],
      params: hostParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      body: {
        type: 'object', additionalProperties: false, required: ['criticality'],
        properties: { criticality: { type: ['string', 'null'], enum: [...ASSET_CRITICALITIES, null] } },
      },
      response: { 200: criticalitySchema, ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params;
    const at = Date.now();
    const actor = actorOf(request);
    await store.setHostCriticality(id, request.body.criticality, actor, at);
    await store.appendAudit({ at, actor, action: 'host.criticality', target: id, details: { criticality: request.body.criticality } });
    const rescored = detection ? await detection.rescoreHost(id) : [];
    return {
      host_id: id, criticality: request.body.criticality ?? 'medium', updated_by: actor, updated_at: new Date(at).toISOString(),
      rescored_alerts: rescored.length,
    };
  });
};

export default alertsHostsRoutes;
