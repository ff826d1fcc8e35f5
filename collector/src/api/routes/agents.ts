// Agents: the fleet as the collector knows it (enrolment, inventory, presence) and revocation.
import type { FastifyPluginAsync } from 'fastify';
import type { AgentRecord, HostInventoryRecord, Store } from '../../store/store.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { errorResponses, idParamsSchema } from '../schemas.js';

export interface AgentsRouteOptions {
  store: Store;
  presence: { isOnline(agentId: string): boolean };
}

const nullableString = { type: ['string', 'null'] } as const;

const agentSummarySchema = {
  type: 'object',
  required: ['id', 'hostname', 'os', 'ips', 'version', 'online', 'last_seen', 'enrolled_at', 'revoked', 'isolated'],
  properties: {
    id: { type: 'string' },
    hostname: { type: 'string' },
    os: { ...nullableString, description: 'e.g. "Debian GNU/Linux 12", from the inventory; null before the first inventory' },
    ips: { type: 'array', items: { type: 'string' } },
    version: { type: 'string', description: 'agent version' },
    online: { type: 'boolean', description: 'has an authenticated connection to this collector now' },
    last_seen: { ...nullableString, format: 'date-time' },
    enrolled_at: { type: 'string', format: 'date-time' },
    revoked: { type: 'boolean' },
    isolated: { type: 'boolean' },
  },
} as const;

const inventorySchema = {
  type: ['object', 'null'],
  properties: {
    host_id: { type: 'string' },
    hostname: { type: 'string' },
    os_name: { type: 'string' },
    os_version: { type: 'string' },
    os_platform: { type: 'string' },
    kernel: { type: 'string' },
    arch: { type: 'string' },
    ips: { type: 'array', items: { type: 'string' } },
    macs: { type: 'array', items: { type: 'string' } },
    cpu_model: { type: 'string' },
    cpu_cores: { type: 'integer' },
    memory_bytes: { type: 'integer' },
    collected_at: { type: 'string', format: 'date-time' },
  },
} as const;

const agentDetailSchema = {
  ...agentSummarySchema,
  required: [...agentSummarySchema.required, 'revoked_at', 'inventory'],
  properties: {
    ...agentSummarySchema.properties,
    revoked_at: { ...nullableString, format: 'date-time' },
    inventory: inventorySchema,
  },
} as const;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function osLabel(inv: HostInventoryRecord | null): string | null {
  if (!inv) return null;
  const name = inv.osName.trim();
  const version = inv.osVersion.trim();
  if (!version || name.includes(version)) return name || null;
  return `${name} ${version}`.trim();
}

export function agentSummary(a: AgentRecord, online: boolean) {
  return {
    id: a.id,
    hostname: a.hostname,
    os: osLabel(a.inventory),
    ips: a.inventory?.ips ?? [],
    version: a.version,
    online,
    last_seen: iso(a.lastSeen),
    enrolled_at: new Date(a.enrolledAt).toISOString(),
    revoked: a.revokedAt !== null,
    isolated: a.isolated,
  };
}

function agentDetail(a: AgentRecord, online: boolean) {
  const inv = a.inventory;
  return {
    ...agentSummary(a, online),
    revoked_at: iso(a.revokedAt),
    inventory: inv && {
      host_id: inv.hostId, hostname: inv.hostname, os_name: inv.osName, os_version: inv.osVersion,
      os_platform: inv.osPlatform, kernel: inv.kernel, arch: inv.arch, ips: inv.ips, macs: inv.macs,
      cpu_model: inv.cpuModel, cpu_cores: inv.cpuCores, memory_bytes: inv.memoryBytes,
      collected_at: new Date(inv.collectedAt).toISOString(),
    },
  };
}

const agentsRoutes: FastifyPluginAsync<AgentsRouteOptions> = async (app, { store, presence }) => {
  app.get('/agents', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'List enrolled agents',
      tags: ['agents'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: { type: 'array', items: agentSummarySchema }, ...errorResponses },
    },
  }, async () => {
    const agents = await store.listAgents();
    return agents.map((a) => agentSummary(a, presence.isOnline(a.id)));
  });

  app.get<{ Params: { id: string } }>('/agents/:id', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'One agent, with its host inventory',
      tags: ['agents'],
      params: idParamsSchema,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: agentDetailSchema, ...errorResponses },
    },
  }, async (request) => {
    const agent = await store.getAgent(request.params.id);
    if (!agent) throw new ApiError('XDR_AGENT_NOT_FOUND', `no agent with id "${request.params.id}"`);
    return agentDetail(agent, presence.isOnline(agent.id));
  });

  app.post<{ Params: { id: string } }>('/agents/:id/revoke', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Revoke an agent: its connections are refused from now on (audited)',
      tags: ['agents'],
      params: idParamsSchema,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: agentDetailSchema, ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params;
    const before = await store.getAgent(id);
    if (!before) throw new ApiError('XDR_AGENT_NOT_FOUND', `no agent with id "${id}"`);
    // Revoking twice changes nothing: keep the first revocation time and audit only the change.
    if (before.revokedAt === null) {
      const at = Date.now();
      if (!(await store.revokeAgent(id, at))) throw new ApiError('XDR_AGENT_NOT_FOUND', `no agent with id "${id}"`);
      await store.appendAudit({ at, actor: actorOf(request), action: 'agent.revoke', target: id, details: { hostname: before.hostname } });
      request.log.info({ agentId: id }, 'agent revoked');
    }
    const after = (await store.getAgent(id)) ?? before;
    return agentDetail(after, presence.isOnline(id));
  });
};

export default agentsRoutes;
