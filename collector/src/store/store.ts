// The store (ARCHITECTURE.md, contract 4): every durable thing the collector keeps, behind one
// async interface. SQLite is the embedded default; PostgreSQL comes later for shared fleets.
// Nothing outside collector/src/store writes SQL.
import type { EcsEvent, EcsField } from '../pipeline/ecs.js';
import type { SearchNode } from '../search/ast.js';

/** One agent batch, normalised; `events[i]` is event i of the batch (identity agentId, seq, i). */
export interface BatchToCommit {
  agentId: string;
  seq: number;
  events: EcsEvent[];
}

export interface CommitOutcome {
  /** true when (agentId, seq) had already been committed: nothing was written. */
  duplicate: boolean;
  /** events written by this commit (0 for a duplicate). */
  written: number;
}

export type Role = 'viewer' | 'analyst' | 'responder' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'responder', 'admin'];

export interface HostInventoryRecord {
  hostId: string;
  hostname: string;
  osName: string;
  osVersion: string;
  osPlatform: string;
  kernel: string;
  arch: string;
  ips: string[];
  macs: string[];
  cpuModel: string;
  cpuCores: number;
  memoryBytes: number;
  collectedAt: number;
}

export interface AgentRecord {
  id: string;
  publicKey: Buffer;            // Ed25519, 32 raw bytes
  hostname: string;
  inventory: HostInventoryRecord | null;
  version: string;
  enrolledAt: number;           // ms since epoch
  lastSeen: number | null;
  revokedAt: number | null;
  isolated: boolean;
}

export interface NewAgent {
  id: string;
  publicKey: Buffer;
  hostname: string;
  inventory: HostInventoryRecord | null;
  version: string;
  enrolledAt: number;
}

export type EnrollOutcome =
  | { ok: true; agent: AgentRecord }
  | { ok: false; reason: 'unknown_token' | 'expired_token' | 'token_used_up' };

export interface EnrollTokenRecord {
  id: string;
  hash: string;                 // sha256 hex of the token; the token itself is never stored
  createdAt: number;
  expiresAt: number;
  usesLeft: number;
  createdBy: string;
}

export interface ApiTokenRecord {
  id: string;
  hash: string;                 // sha256 hex of the token
  user: string;                 // the named user this token belongs to
  role: Role;
  createdAt: number;
  revokedAt: number | null;
}

export interface EventFilter {
  /** field = value, all must hold. Values compare as the field's type (numbers for long fields). */
  equals?: Array<{ field: EcsField; value: string | number }>;
  from?: number;                /** ms, inclusive */
  to?: number;                  /** ms, exclusive */
}

export interface EventCursor {
  ts: number;
  rowid: number;
}

export interface EventQuery extends EventFilter {
  limit: number;
  /** keyset pagination: continue after this position (newest first). */
  after?: EventCursor;
}

export interface EventPage {
  events: EcsEvent[];
  /** position of the last event returned, when more may follow. */
  next?: EventCursor;
}

export interface AuditEntry {
  at: number;
  actor: string;                /** user name, or "system" / "cli" */
  action: string;               /** e.g. "agent.revoke", "token.create" */
  target: string;
  details: Record<string, unknown>;
}


// ---- Search (collector/src/search parses the language; the store compiles its AST) ----

export interface SearchSort {
  /** a scalar ECS field (not an array field) */
  field: EcsField;
  order: 'asc' | 'desc';
}

/** Keyset position: the sort value and row id of the last event of a page. */
export interface SearchCursor {
  value: string | number | null;
  id: number;
}

export interface SearchFilter {
  query: SearchNode;
  from?: number;                /** ms, inclusive */
  to?: number;                  /** ms, exclusive */
}

export interface SearchRequest extends SearchFilter {
  limit: number;
  /** default `@timestamp` desc */
  sort?: SearchSort;
  after?: SearchCursor;
}

export interface SearchPage {
  events: EcsEvent[];
  /** matching events, counted up to SEARCH_TOTAL_CAP */
  total: number;
  /** true when more than `total` match (the count stopped at the cap) */
  totalCapped: boolean;
  next?: SearchCursor;
}

export interface SearchAggRequest extends SearchFilter {
  terms?: { field: EcsField; size: number };
  /** bucket width in ms; omitted: chosen so that the range has at most ~60 buckets */
  histogram?: { interval?: number };
}

export interface SearchAggs {
  terms?: { field: EcsField; buckets: Array<{ value: string | number; count: number }>; other: number };
  histogram?: { interval: number; buckets: Array<{ start: number; count: number }> };
}

export interface ProcessNode {
  entityId: string;
  pid?: number;
  name?: string;
  executable?: string;
  commandLine?: string;
  user?: string;
  parentEntityId?: string;
  hostName?: string;
  start?: number;
  end?: number;
  exitCode?: number;
  fileEvents: number;
  networkEvents: number;
  /** only present when the store has an OAT table (detection results); absent otherwise */
  oats?: number;
  children: ProcessNode[];
}

export interface ProcessTreeBounds {
  maxAncestors: number;
  maxDepth: number;
  maxNodes: number;
}

export interface ProcessTree {
  /** oldest first; the first is the first process the agent saw in this lineage */
  ancestors: ProcessNode[];
  /** the process itself, its descendants in `children` */
  process: ProcessNode;
  /** true when a bound stopped the walk (more ancestors or descendants exist) */
  truncated: { ancestors: boolean; descendants: boolean };
}

export interface SavedQueryRecord {
  id: string;
  owner: string;
  name: string;
  query: string;
  description: string | null;
  createdAt: number;
}

export interface Store {
  /**
   * Commits the batches in one transaction (group commit) that is durable (fsynced) when the
   * promise resolves; only then may the caller ack them. Batches already committed are
   * reported as duplicates and not written again.
   */
  commitBatches(batches: BatchToCommit[]): Promise<CommitOutcome[]>;
  queryEvents(query: EventQuery): Promise<EventPage>;
  countEvents(filter: EventFilter): Promise<number>;
  /** Deletes activity older than `before` (ms) in chunks so writers are never blocked long; returns rows deleted. */
  deleteEventsBefore(before: number): Promise<number>;

  enrollAgent(tokenHash: string, agent: NewAgent, now: number): Promise<EnrollOutcome>;
  getAgent(id: string): Promise<AgentRecord | undefined>;
  listAgents(): Promise<AgentRecord[]>;
  /** Records a connection: last seen, version and (when sent) inventory. */
  touchAgent(id: string, seen: { at: number; version?: string; inventory?: HostInventoryRecord }): Promise<void>;
  /** Returns false when no such agent. Revoked agents are refused at their next connection. */
  revokeAgent(id: string, at: number): Promise<boolean>;

  createEnrollToken(token: EnrollTokenRecord): Promise<void>;
  listEnrollTokens(): Promise<EnrollTokenRecord[]>;

  createApiToken(token: ApiTokenRecord): Promise<void>;
  findApiToken(hash: string): Promise<ApiTokenRecord | undefined>;
  listApiTokens(): Promise<ApiTokenRecord[]>;
  revokeApiToken(id: string, at: number): Promise<boolean>;

  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;

  /** Events matching a search query, in the requested order, with a capped total. */
  searchEvents(request: SearchRequest): Promise<SearchPage>;
  /** Top values of a field and/or a time histogram over the events matching a query. */
  aggregateEvents(request: SearchAggRequest): Promise<SearchAggs>;
  /** Brings the substring index up to date with up to `maxRows` new events; returns rows indexed. */
  indexSearchText(maxRows: number): Promise<number>;
  /** The execution profile of a process: ancestors, itself, descendants; undefined when no event names it. */
  processTree(entityId: string, bounds: ProcessTreeBounds): Promise<ProcessTree | undefined>;

  listSavedQueries(owner: string): Promise<SavedQueryRecord[]>;
  createSavedQuery(record: SavedQueryRecord): Promise<void>;
  /** Deletes the owner's query; false when the owner has no query with this id. */
  deleteSavedQuery(owner: string, id: string): Promise<boolean>;

  close(): Promise<void>;
}
