// The execution profile of a process: its ancestors up to the first process the agent saw, the
// process, and its descendants, each with its command line, user, times, exit code and counts
// of its file and network activity. Walked by entity id (host, pid, start time), never by pid,
// so a reused pid never joins two processes' trees.
import type { FastifyPluginAsync } from 'fastify';
import type { ProcessNode, Store } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';

export interface ProcessesRouteOptions {
  store: Store;
}

/** Bounds of one tree; the request may lower, never raise them. */
export const TREE_MAX_ANCESTORS = 64;
export const TREE_MAX_DEPTH = 16;
export const TREE_MAX_NODES = 500;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function render(n: ProcessNode, withChildren: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    entity_id: n.entityId,
    pid: n.pid,
    name: n.name,
    executable: n.executable,
    command_line: n.commandLine,
    user: n.user,
    parent_entity_id: n.parentEntityId,
    host_name: n.hostName,
    start: iso(n.start),
    end: iso(n.end),
    exit_code: n.exitCode,
    file_events: n.fileEvents,
    network_events: n.networkEvents,
    oats: n.oats,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  if (withChildren) out.children = n.children.map((c) => render(c, true));
  return out;
}

const nodeProperties = {
  entity_id: { type: 'string' },
  pid: { type: 'integer' },
  name: { type: 'string' },
  executable: { type: 'string' },
  command_line: { type: 'string' },
  user: { type: 'string' },
  parent_entity_id: { type: 'string' },
  host_name: { type: 'string' },
  start: { type: 'string', format: 'date-time' },
  end: { type: 'string', format: 'date-time' },
  exit_code: { type: 'integer' },
  file_events: { type: 'integer', description: 'events of category file whose process.entity_id is this process' },
  network_events: { type: 'integer', description: 'events of category network whose process.entity_id is this process' },
  oats: { type: 'integer', description: 'Observed Attack Techniques on this process; present only once the store keeps OATs' },
} as const;

const processesRoutes: FastifyPluginAsync<ProcessesRouteOptions> = async (app, { store }) => {
  app.addSchema({
    $id: 'xdrProcessNode',
    type: 'object',
    required: ['entity_id', 'file_events', 'network_events'],
    properties: { ...nodeProperties, children: { type: 'array', items: { $ref: 'xdrProcessNode#' } } },
  });

  app.get<{ Params: { entityId: string }; Querystring: { max_depth: number; max_nodes: number } }>('/processes/:entityId/tree', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Execution profile: ancestors, the process and its descendants',
      description: `At most ${TREE_MAX_ANCESTORS} ancestors, ${TREE_MAX_DEPTH} levels and ${TREE_MAX_NODES} processes; `
        + '`truncated` says when a bound cut the tree. Ancestors are oldest first and carry no children.',
      tags: ['investigation'],
      params: {
        type: 'object',
        required: ['entityId'],
        additionalProperties: false,
        properties: { entityId: { type: 'string', minLength: 1, maxLength: 256 } },
      },
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          max_depth: { type: 'integer', minimum: 1, maximum: TREE_MAX_DEPTH, default: TREE_MAX_DEPTH },
          max_nodes: { type: 'integer', minimum: 1, maximum: TREE_MAX_NODES, default: TREE_MAX_NODES },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['ancestors', 'process', 'truncated'],
          properties: {
            ancestors: { type: 'array', items: { type: 'object', properties: nodeProperties } },
            process: { $ref: 'xdrProcessNode#' },
            truncated: {
              type: 'object',
              properties: { ancestors: { type: 'boolean' }, descendants: { type: 'boolean' } },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { entityId } = request.params;
    const tree = await store.processTree(entityId, {
      maxAncestors: TREE_MAX_ANCESTORS, maxDepth: request.query.max_depth, maxNodes: request.query.max_nodes,
    });
    if (tree === undefined) throw new ApiError('XDR_PROCESS_NOT_FOUND', `no event names process.entity_id "${entityId}"`);
    return {
      ancestors: tree.ancestors.map((a) => render(a, false)),
      process: render(tree.process, true),
      truncated: tree.truncated,
    };
  });
};

export default processesRoutes;
