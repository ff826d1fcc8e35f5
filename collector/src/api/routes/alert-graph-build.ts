// The alert graph (GET /api/v1/alerts/:id/graph): nodes and edges drawn from the events behind an
// alert (store.alertGraphEvents). Pure: events in, graph out. Processes are nodes by
// process.entity_id (host, pid, start time), never by pid, so a reused pid makes a new node.
// Every node carries `pivot`, the search query for its related activity (search/pivots.ts).
import type { EcsEvent } from '../../pipeline/ecs.js';
import { domainPivot, filePivot, hostPivot, ipPivot, processPivot, userPivot } from '../../search/pivots.js';

export const GRAPH_NODE_TYPES = ['host', 'user', 'process', 'file', 'ip', 'domain'] as const;
export type GraphNodeType = (typeof GRAPH_NODE_TYPES)[number];
export const GRAPH_EDGE_TYPES = ['spawned', 'executed', 'wrote', 'read', 'connected', 'logged_in'] as const;
export type GraphEdgeType = (typeof GRAPH_EDGE_TYPES)[number];

/** Event ids kept per edge (the edge's `count` counts them all). */
export const MAX_EDGE_EVENTS = 20;

export interface GraphNode {
  id: string;
  type: GraphNodeType;
  label: string;
  /** key fields, by ECS name (process: process.entity_id, process.pid, process.name, ...) */
  fields: Record<string, string | number>;
  /** search query for the node's related activity */
  pivot: string;
  /** an evidence event of the alert involves this node */
  evidence: boolean;
}

export interface GraphEdge {
  id: string;
  type: GraphEdgeType;
  source: string;
  target: string;
  /** logged_in only: the logins' outcome (success and failure are separate edges) */
  outcome?: string;
  count: number;
  event_ids: string[];
  first_seen: string;
  last_seen: string;
}

export interface GraphBounds {
  maxNodes: number;
  maxEdges: number;
}

export interface BuiltGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** true when a node or edge was left out because of a bound */
  truncated: boolean;
}

function str(ev: EcsEvent, field: string): string | undefined {
  const v = (ev as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function num(ev: EcsEvent, field: string): number | undefined {
  const v = (ev as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : undefined;
}

const enc = encodeURIComponent;
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1) || path;
const iso = (ms: number) => new Date(ms).toISOString();

/** File events that only read; every other file action (create, modify, delete, rename, chmod) writes. */
function isRead(ev: EcsEvent): boolean {
  const type = str(ev, 'event.type');
  const action = str(ev, 'event.action') ?? '';
  return type === 'access' || /(^|_)(read|opened|accessed)($|_)/.test(action);
}

export function buildAlertGraph(events: readonly EcsEvent[], evidenceIds: ReadonlySet<string>, bounds: GraphBounds): BuiltGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge & { first: number; last: number }>();
  let truncated = false;

  /** The node (made if new, its missing fields filled); undefined when the node bound is hit. */
  const node = (id: string, type: GraphNodeType, label: string, pivot: () => string, fields: Record<string, string | number | undefined>, evidence: boolean, own = false): string | undefined => {
    let n = nodes.get(id);
    if (!n) {
      if (nodes.size >= bounds.maxNodes) { truncated = true; return undefined; }
      n = { id, type, label, fields: {}, pivot: pivot(), evidence: false };
      nodes.set(id, n);
    }
    // a process's own start event says best what it is: its fields and label win over what
    // other events (a child's process.parent.*, an activity event) said
    if (own) n.label = label;
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && (own || n.fields[k] === undefined)) n.fields[k] = v;
    if (evidence) n.evidence = true;
    return id;
  };

  const edge = (type: GraphEdgeType, source: string | undefined, target: string | undefined, ev: EcsEvent, outcome?: string): void => {
    if (source === undefined || target === undefined || source === target) return;
    const id = `${type}:${source}->${target}${outcome ? `:${outcome}` : ''}`;
    let e = edges.get(id);
    if (!e) {
      if (edges.size >= bounds.maxEdges) { truncated = true; return; }
      e = { id, type, source, target, ...(outcome ? { outcome } : {}), count: 0, event_ids: [], first_seen: '', last_seen: '', first: Infinity, last: -Infinity };
      edges.set(id, e);
    }
    e.count++;
    const eventId = str(ev, 'event.id');
    if (eventId && e.event_ids.length < MAX_EDGE_EVENTS && !e.event_ids.includes(eventId)) e.event_ids.push(eventId);
    e.first = Math.min(e.first, ev['@timestamp']);
    e.last = Math.max(e.last, ev['@timestamp']);
  };

  for (const ev of events) {
    const evidence = evidenceIds.has(str(ev, 'event.id') ?? '');
    const hostId = str(ev, 'host.id');
    const category = str(ev, 'event.category');
    const h = hostId === undefined ? '' : hostId;
    const host = hostId === undefined ? undefined
      : node(`host:${enc(hostId)}`, 'host', str(ev, 'host.name') ?? hostId, () => hostPivot(hostId), { 'host.id': hostId, 'host.name': str(ev, 'host.name') }, evidence);
    const user = (name: string | undefined) => name === undefined ? undefined
      : node(`user:${enc(h)}:${enc(name)}`, 'user', name, () => userPivot(name, hostId), { 'user.name': name, 'host.id': hostId }, evidence);
    const file = (path: string | undefined) => path === undefined ? undefined
      : node(`file:${enc(h)}:${enc(path)}`, 'file', basename(path), () => filePivot(path, hostId), { 'file.path': path, 'host.id': hostId }, evidence);
    const ip = (addr: string | undefined) => addr === undefined ? undefined
      : node(`ip:${addr}`, 'ip', addr, () => ipPivot(addr), { ip: addr }, evidence);

    const entity = str(ev, 'process.entity_id');
    const isStart = category === 'process' && (str(ev, 'event.type') === 'start' || str(ev, 'event.action') === 'process_started');
    const procName = str(ev, 'process.name') ?? (str(ev, 'process.executable') ? basename(str(ev, 'process.executable')!) : undefined);
    const proc = entity === undefined ? undefined : node(
      `process:${entity}`, 'process',
      `${procName ?? entity}${num(ev, 'process.pid') !== undefined ? ` (${num(ev, 'process.pid')})` : ''}`,
      () => processPivot(entity),
      {
        'process.entity_id': entity, 'process.pid': num(ev, 'process.pid'), 'process.name': procName,
        'process.executable': str(ev, 'process.executable'), 'process.command_line': str(ev, 'process.command_line'),
        'process.user.name': str(ev, 'process.user.name'), 'process.parent.entity_id': str(ev, 'process.parent.entity_id'),
        'host.id': hostId, ...(isStart ? { 'process.start': iso(ev['@timestamp']) } : {}),
      },
      evidence,
      isStart,
    );

    if (isStart && proc) {
      const parentEntity = str(ev, 'process.parent.entity_id');
      if (parentEntity) {
        const parentExe = str(ev, 'process.parent.executable');
        const parentName = str(ev, 'process.parent.name') ?? (parentExe ? basename(parentExe) : undefined);
        const parentPid = num(ev, 'process.parent.pid');
        const parent = node(
          `process:${parentEntity}`, 'process', `${parentName ?? parentEntity}${parentPid !== undefined ? ` (${parentPid})` : ''}`,
          () => processPivot(parentEntity),
          {
            'process.entity_id': parentEntity, 'process.pid': parentPid, 'process.name': parentName,
            'process.executable': parentExe, 'process.command_line': str(ev, 'process.parent.command_line'), 'host.id': hostId,
          },
          false,
        );
        edge('spawned', parent, proc, ev);
      }
      edge('executed', user(str(ev, 'process.user.name')), proc, ev);
      edge('executed', proc, file(str(ev, 'process.executable')), ev);
    } else if (category === 'file' && proc) {
      edge(isRead(ev) ? 'read' : 'wrote', proc, file(str(ev, 'file.path')), ev);
    } else if (category === 'network') {
      const remote = str(ev, 'network.direction') === 'ingress' ? str(ev, 'source.ip') : str(ev, 'destination.ip') ?? str(ev, 'source.ip');
      const remoteNode = ip(remote);
      if (proc) edge('connected', proc, remoteNode, ev);
      const domain = str(ev, 'destination.domain');
      if (domain !== undefined) {
        const d = node(`domain:${enc(domain.toLowerCase())}`, 'domain', domain, () => domainPivot(domain), { 'destination.domain': domain }, evidence);
        edge('connected', remoteNode, d, ev);
      }
    } else if (category === 'authentication') {
      const outcome = str(ev, 'event.outcome') ?? 'success';
      const u = user(str(ev, 'user.name'));
      edge('logged_in', ip(str(ev, 'source.ip')), u, ev, outcome);
      edge('logged_in', u, host, ev, outcome);
    }
  }

  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].map(({ first, last, ...e }) => ({ ...e, first_seen: iso(first), last_seen: iso(last) })),
    truncated,
  };
}
