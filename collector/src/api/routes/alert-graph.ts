// GET /api/v1/alerts/:id/graph: what happened in an alert as nodes (host, user, process, file, IP
// address, domain) and edges (spawned, executed, wrote, read, connected, logged_in), drawn from
// the alert's evidence events and the activity of the processes involved, so the console can
// draw it. Bounded (events, nodes, edges); `truncated` says when a bound was hit. Each node
// carries `pivot`, the search query (POST /api/v1/search) that finds its related activity.
import type { FastifyPluginAsync } from 'fastify';
import { MAX_ITEMS } from '../../detection/alerts/alert-builder.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { buildAlertGraph, GRAPH_EDGE_TYPES, GRAPH_NODE_TYPES } from './alert-graph-build.js';

/** Bounds of one graph; the request may lower, never raise them. */
export const GRAPH_MAX_EVENTS = 2_000;
export const GRAPH_MAX_NODES = 500;
export const GRAPH_MAX_EDGES = 2_000;
/** Activity of the alert's processes is taken this long before first_seen and after last_seen. */
export const GRAPH_WINDOW_MS = 3_600_000;

const nodeSchema = {
  type: 'object',
  required: ['id', 'type', 'label', 'fields', 'pivot', 'evidence'],
  properties: {
    id: { type: 'string', description: 'stable within and across requests: "process:<process.entity_id>", "host:<host.id>", "user:<host.id>:<user.name>", "file:<host.id>:<file.path>", "ip:<address>", "domain:<name>" (components URI-encoded, except entity ids and addresses)' },
    type: { type: 'string', enum: GRAPH_NODE_TYPES },
    label: { type: 'string', description: 'process: "name (pid)"; file: base name; others: the value' },
    fields: {
      type: 'object',
      additionalProperties: { type: ['string', 'integer'] },
      description: 'key fields by ECS name. process: process.entity_id, process.pid, process.name, process.executable, process.command_line, '
        + 'process.user.name, process.parent.entity_id, process.start, host.id; host: host.id, host.name; user: user.name, host.id; '
        + 'file: file.path, host.id; ip: ip; domain: destination.domain. A field is absent when no event had it.',
    },
    pivot: { type: 'string', description: 'search-language query for the related activity (collector/src/search/README.md)' },
    evidence: { type: 'boolean', description: 'an evidence event of the alert (an OAT) involves this node' },
  },
} as const;

const edgeSchema = {
  type: 'object',
  required: ['id', 'type', 'source', 'target', 'count', 'event_ids', 'first_seen', 'last_seen'],
  properties: {
    id: { type: 'string' },
    type: {
      type: 'string', enum: GRAPH_EDGE_TYPES,
      description: 'spawned: parent process -> process; executed: user -> process, process -> file (its executable); '
        + 'wrote / read: process -> file (file events); connected: process -> ip (network events; the remote end), ip -> domain; '
        + 'logged_in: ip -> user, user -> host (authentication events)',
    },
    source: { type: 'string', description: 'node id' },
    target: { type: 'string', description: 'node id' },
    outcome: { type: 'string', description: 'logged_in only: success or failure' },
    count: { type: 'integer', description: 'events behind the edge' },
    event_ids: { type: 'array', items: { type: 'string' }, description: 'up to 20 of them' },
    first_seen: { type: 'string', format: 'date-time' },
    last_seen: { type: 'string', format: 'date-time' },
  },
} as const;

const alertGraphRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Params: { id: string }; Querystring: { max_events: number; max_nodes: number } }>('/alerts/:id/graph', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'The graph of an alert: hosts, users, processes, files, IP addresses, domains and how they relate',
      description: `Drawn from the alert's evidence events, the start events of its processes and their parents, the activity of its processes `
        + `(from ${GRAPH_WINDOW_MS / 60_000} minutes before first_seen to as long after last_seen) and the starts of their children. `
        + `At most ${GRAPH_MAX_EVENTS} events, ${GRAPH_MAX_NODES} nodes and ${GRAPH_MAX_EDGES} edges; \`truncated\` says when a bound was hit. `
        + 'Processes are nodes by process.entity_id, never by pid. Every node has `pivot`, a query for POST /api/v1/search.',
      tags: ['detection', 'investigation'],
      params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', format: 'uuid' } } },
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          max_events: { type: 'integer', minimum: 1, maximum: GRAPH_MAX_EVENTS, default: GRAPH_MAX_EVENTS },
          max_nodes: { type: 'integer', minimum: 1, maximum: GRAPH_MAX_NODES, default: GRAPH_MAX_NODES },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['alert_id', 'nodes', 'edges', 'events', 'truncated', 'bounds'],
          properties: {
            alert_id: { type: 'string' },
            nodes: { type: 'array', items: nodeSchema },
            edges: { type: 'array', items: edgeSchema },
            events: { type: 'integer', description: 'events the graph was drawn from' },
            truncated: { type: 'boolean', description: 'a bound (events, nodes or edges) was hit: more related activity exists' },
            bounds: {
              type: 'object',
              properties: { max_events: { type: 'integer' }, max_nodes: { type: 'integer' }, max_edges: { type: 'integer' }, window_ms: { type: 'integer' } },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const alert = await store.getAlert(request.params.id);
    if (!alert) throw new ApiError('XDR_ALERT_NOT_FOUND', `no alert with id "${request.params.id}"`);
    const maxEvents = request.query.max_events ?? GRAPH_MAX_EVENTS;
    const maxNodes = request.query.max_nodes ?? GRAPH_MAX_NODES;
    // the scope's host list is capped: a full list may miss hosts, so then look everywhere
    const hostIds = alert.scope.hosts.length < MAX_ITEMS ? alert.scope.hosts.map((h) => h.id) : undefined;
    const related = await store.alertGraphEvents({
      eventIds: alert.eventIds, hostIds, from: alert.firstSeen, to: alert.lastSeen, windowMs: GRAPH_WINDOW_MS, maxEvents,
    });
    const graph = buildAlertGraph(related.events, new Set(alert.eventIds), { maxNodes, maxEdges: GRAPH_MAX_EDGES });
    return {
      alert_id: alert.id,
      nodes: graph.nodes,
      edges: graph.edges,
      events: related.events.length,
      truncated: related.truncated || graph.truncated,
      bounds: { max_events: maxEvents, max_nodes: maxNodes, max_edges: GRAPH_MAX_EDGES, window_ms: GRAPH_WINDOW_MS },
    };
  });
};

export default alertGraphRoutes;
