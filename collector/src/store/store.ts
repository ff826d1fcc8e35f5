// The store (ARCHITECTURE.md, contract 4): every durable thing the collector keeps, behind one
// async interface. SQLite is the embedded default; PostgreSQL comes later for shared fleets.
// Nothing outside collector/src/store writes SQL.
import type { EcsEvent, EcsField } from '../pipeline/ecs.js';
import type { ActionKind } from '../../../proto/command.js';
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

/** An audit entry as stored: its place in the log and in the hash chain (store/audit-chain.ts). */
export interface StoredAuditEntry extends AuditEntry {
  id: number;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  /** entries checked (up to and including the first bad one) */
  entries: number;
  /** the hash of the last good entry: record it elsewhere to detect a truncated tail later */
  lastHash: string;
  firstBad?: { id: number; action: string; at: number; reason: string };
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
  /** count matches up to this many (default and minimum: the store's SEARCH_TOTAL_CAP) */
  countUpTo?: number;
  /** false: skip counting (`total` is then the page's length), for follow-up pages of an export */
  count?: boolean;
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

/** The events behind an alert that its graph is drawn from (store/sqlite-graph.ts). */
export interface AlertGraphEventsRequest {
  /** the alert's evidence events (event.id) */
  eventIds: readonly string[];
  /** the alert's first and last seen (ms); evidence is looked up in this span */
  from: number;
  to: number;
  /** the alert's hosts (host.id); when given, evidence is looked up on these hosts only */
  hostIds?: readonly string[];
  /** activity of the processes involved is taken within [from - windowMs, to + windowMs] */
  windowMs: number;
  /** at most this many events in all */
  maxEvents: number;
}

export interface AlertGraphEvents {
  /** evidence first, then the processes' starts, their activity and their children's starts; each event once */
  events: EcsEvent[];
  /** true when `maxEvents` cut the list (more related events exist) */
  truncated: boolean;
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

  /** Appends to the hash-chained audit log. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(limit: number): Promise<StoredAuditEntry[]>;
  /** Walks the audit chain from the first entry; names the first entry that does not match. */
  verifyAudit(): Promise<AuditVerification>;

  // ---- response (store/sqlite-response.ts) ----
  /** Agents whose hostname is exactly this (several when hosts share a name). */
  findAgentsByHostname(hostname: string): Promise<AgentRecord[]>;
  /** Sets the agent's isolation state; false when no such agent. */
  setAgentIsolated(id: string, isolated: boolean): Promise<boolean>;
  /** Inserts a new action and its audit entry in one transaction. */
  createResponse(record: ResponseRecord, audit: AuditEntry): Promise<void>;
  getResponse(id: string): Promise<ResponseRecord | undefined>;
  listResponses(query: ResponseQuery): Promise<ResponsePage>;
  /** Actions in these statuses (e.g. the live ones), optionally of one agent or expiring before a time; oldest first. */
  responsesInStatus(statuses: readonly ResponseStatus[], filter?: { agentId?: string; expiresBefore?: number }): Promise<ResponseRecord[]>;
  /**
   * Moves an action from one of `from` to `to`, sets the given fields and appends the audit
   * entry, in one transaction. Returns the updated action; undefined when the action does not
   * exist or is no longer in one of `from` (nothing is written then).
   */
  transitionResponse(id: string, t: ResponseTransition): Promise<ResponseRecord | undefined>;
  /** Appends to a shell's transcript up to `maxBytes` in all; what does not fit is dropped and the action marked truncated. */
  appendTranscript(actionId: string, chunks: TranscriptChunk[], maxBytes: number): Promise<{ bytes: number; truncated: boolean }>;
  readTranscript(actionId: string): Promise<TranscriptChunk[]>;

  /** Events matching a search query, in the requested order, with a capped total. */
  searchEvents(request: SearchRequest): Promise<SearchPage>;
  /** Top values of a field and/or a time histogram over the events matching a query. */
  aggregateEvents(request: SearchAggRequest): Promise<SearchAggs>;
  /** Brings the substring index up to date with up to `maxRows` new events; returns rows indexed. */
  indexSearchText(maxRows: number): Promise<number>;
  /** Event rows the substring index has not reached yet. */
  searchIndexLag(): Promise<number>;
  /** The execution profile of a process: ancestors, itself, descendants; undefined when no event names it. */
  processTree(entityId: string, bounds: ProcessTreeBounds): Promise<ProcessTree | undefined>;

  /** The events an alert graph is drawn from: evidence plus the activity of the processes involved. */
  alertGraphEvents(request: AlertGraphEventsRequest): Promise<AlertGraphEvents>;

  listSavedQueries(owner: string): Promise<SavedQueryRecord[]>;
  createSavedQuery(record: SavedQueryRecord): Promise<void>;
  /** Deletes the owner's query; false when the owner has no query with this id. */
  deleteSavedQuery(owner: string, id: string): Promise<boolean>;

  // ---- detection: OATs, alerts, tuning (store/sqlite-detection.ts) ----
  /** Writes OATs and folds model firings into alerts, in one transaction. */
  recordDetections(write: DetectionWrite): Promise<DetectionWriteResult>;
  queryOats(query: OatQuery): Promise<OatPage>;
  /** OATs of these events (evidence of an alert), oldest first, at most `limit`. */
  oatsForEvents(eventIds: readonly string[], limit: number): Promise<OatRecord[]>;
  listAlerts(query: AlertQuery): Promise<AlertPage>;
  getAlert(id: string): Promise<AlertRecord | undefined>;
  /** An analyst's change; undefined when no such alert. */
  updateAlert(id: string, patch: AlertPatch): Promise<AlertRecord | undefined>;
  /** Open alerts (not closed) that involve this host. */
  openAlertsOfHost(hostId: string): Promise<AlertRecord[]>;
  setAlertScores(scores: Array<{ id: string; score: number; scoreParts: AlertScoreParts }>, at: number): Promise<void>;
  listDetectionStates(): Promise<DetectionStateRecord[]>;
  setDetectionState(state: DetectionStateRecord): Promise<void>;
  listExceptions(): Promise<DetectionExceptionRecord[]>;
  getException(id: string): Promise<DetectionExceptionRecord | undefined>;
  /** Inserts or replaces by id. */
  saveException(record: DetectionExceptionRecord): Promise<void>;
  deleteException(id: string): Promise<boolean>;
  listHostCriticality(): Promise<HostCriticalityRecord[]>;
  /** criticality null: back to the default (medium). */
  setHostCriticality(hostId: string, criticality: AssetCriticality | null, by: string, at: number): Promise<void>;
  /** Retention for OATs (alerts are kept: they are the record of what was investigated). */
  deleteOatsBefore(before: number): Promise<number>;

  close(): Promise<void>;
}


// ---- Detection (collector/src/detection runs it; these are what it keeps) ----

export type RiskLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export const RISK_LEVELS: readonly RiskLevel[] = ['informational', 'low', 'medium', 'high', 'critical'];

/** An Observed Attack Technique: one filter match on one event. */
export interface OatRecord {
  /** assigned by the store */
  id?: number;
  ts: number;
  ruleId: string;
  ruleTitle: string;
  level: RiskLevel;
  techniques: string[];
  tactics: string[];
  hostId: string | null;
  hostName: string | null;
  processEntityId: string | null;
  userName: string | null;
  eventId: string;
  /** the matching event, as detection saw it */
  event: EcsEvent;
}

export interface OatCursor {
  ts: number;
  id: number;
}

export interface OatQuery {
  hostId?: string;
  /** T1059 also matches its sub-techniques (T1059.004) */
  technique?: string;
  tactic?: string;
  /** exact risk levels */
  risk?: RiskLevel[];
  ruleId?: string;
  processEntityId?: string;
  eventId?: string;
  from?: number;
  to?: number;
  limit: number;
  after?: OatCursor;
}

export interface OatPage {
  oats: OatRecord[];
  next?: OatCursor;
}

export type AlertStatus = 'new' | 'in_progress' | 'closed';
export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'in_progress', 'closed'];
export type AlertResolution = 'true_positive' | 'false_positive' | 'benign';
export const ALERT_RESOLUTIONS: readonly AlertResolution[] = ['true_positive', 'false_positive', 'benign'];

export interface AlertNote {
  at: number;
  author: string;
  text: string;
}

/** One highlighted value (a command, an address, a file) and the events behind it. */
export interface HighlightItem {
  value: string;
  eventIds: string[];
  count: number;
}

export interface AlertHighlights {
  commands: HighlightItem[];
  sourceIps: HighlightItem[];
  destinationIps: HighlightItem[];
  files: HighlightItem[];
}

export interface AlertScope {
  hosts: Array<{ id: string; name: string | null }>;
  users: string[];
  processes: Array<{ entityId: string; name: string | null; pid: number | null }>;
  files: string[];
  ips: string[];
}

export interface AlertOatSummary {
  /** distinct (filter, event) matches behind the alert */
  count: number;
  byLevel: Record<RiskLevel, number>;
  filters: Array<{ id: string; title: string; level: RiskLevel; count: number }>;
}

/** The inputs of the score, kept so that a change of asset criticality can re-score an alert. */
export interface AlertScoreParts {
  base: number;
  oatPoints: number;
  breadth: number;
  criticality: string;
  factor: number;
}

/** What detection writes about an alert; an analyst's fields (status, assignee, notes) are separate. */
/** A model that fired for the attack an alert describes. */
export interface AlertModel {
  id: string;
  title: string;
  level: RiskLevel;
  groupKey: string;
  /** its group-by values */
  group: Record<string, string>;
  /** times it fired for this attack */
  firings: number;
}

export interface AlertDetectionFields {
  /** the model whose firing created the alert (its identity; `models` lists every model that joined) */
  modelId: string;
  modelTitle: string;
  level: RiskLevel;
  groupKey: string;
  group: Record<string, string>;
  score: number;
  scoreParts: AlertScoreParts;
  firstSeen: number;
  lastSeen: number;
  /** times any of its models fired for this attack */
  firings: number;
  /** every model that fired for this attack, the creating one first (bounded like highlights) */
  models: AlertModel[];
  eventIds: string[];
  matchedRules: string[];
  techniques: string[];
  tactics: string[];
  oats: AlertOatSummary;
  scope: AlertScope;
  highlights: AlertHighlights;
}

export interface AlertRecord extends AlertDetectionFields {
  id: string;
  status: AlertStatus;
  resolution: AlertResolution | null;
  assignee: string | null;
  notes: AlertNote[];
  createdAt: number;
  updatedAt: number;
}

/**
 * One model firing to fold into its alert: the open alert of (modelId, groupKey); else an open
 * alert on one of `hostIds` that `sameAttack` accepts (another model saw the same attack); else a
 * new one.
 */
export interface AlertUpsert {
  modelId: string;
  groupKey: string;
  /** id for the alert when a new one is created */
  newId: string;
  /** the hosts the firing's events come from */
  hostIds: readonly string[];
  /** whether an open alert that is not of this firing's key describes the same attack */
  sameAttack(open: AlertRecord): boolean;
  /** runs inside the store's transaction with the alert found, if any */
  build(existing: AlertRecord | undefined): AlertDetectionFields;
}

export interface DetectionWrite {
  oats: OatRecord[];
  alerts: AlertUpsert[];
  at: number;
}

export interface DetectionWriteResult {
  created: AlertRecord[];
  updated: AlertRecord[];
}

export interface AlertCursor {
  score: number;
  id: string;
}

export interface AlertQuery {
  status?: AlertStatus[];
  minScore?: number;
  level?: RiskLevel[];
  hostId?: string;
  modelId?: string;
  assignee?: string;
  /** alerts seen (last_seen) at or after */
  from?: number;
  /** alerts first seen strictly before */
  to?: number;
  limit: number;
  after?: AlertCursor;
}

export interface AlertPage {
  alerts: AlertRecord[];
  next?: AlertCursor;
}

export interface AlertPatch {
  status?: AlertStatus;
  /** set with status closed; cleared when an alert is reopened */
  resolution?: AlertResolution | null;
  assignee?: string | null;
  addNote?: AlertNote;
  at: number;
}

export interface DetectionStateRecord {
  ruleId: string;
  enabled: boolean;
  updatedBy: string;
  updatedAt: number;
}

export type ExceptionOp = 'equals' | 'contains' | 'startswith' | 'endswith';
export const EXCEPTION_OPS: readonly ExceptionOp[] = ['equals', 'contains', 'startswith', 'endswith'];

export interface ExceptionCondition {
  /** an ECS field name */
  field: string;
  op: ExceptionOp;
  /** any of these (case-sensitive) */
  values: string[];
}

export interface DetectionExceptionRecord {
  id: string;
  /** the filter, rule or model it applies to */
  ruleId: string;
  /** host.id or host.name values it is limited to; empty: every host */
  hosts: string[];
  /** all must hold */
  conditions: ExceptionCondition[];
  comment: string;
  enabled: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export type AssetCriticality = 'low' | 'medium' | 'high' | 'critical';
export const ASSET_CRITICALITIES: readonly AssetCriticality[] = ['low', 'medium', 'high', 'critical'];

export interface HostCriticalityRecord {
  hostId: string;
  criticality: AssetCriticality;
  updatedBy: string;
  updatedAt: number;
}


// ---- Response (collector/src/response runs it; these are what it keeps) ----

export type ResponseStatus = 'pending_approval' | 'queued' | 'sent' | 'running' | 'succeeded' | 'failed' | 'expired' | 'cancelled';
export const RESPONSE_STATUSES: readonly ResponseStatus[] = ['pending_approval', 'queued', 'sent', 'running', 'succeeded', 'failed', 'expired', 'cancelled'];
/** Statuses an action can still leave. */
export const LIVE_RESPONSE_STATUSES: readonly ResponseStatus[] = ['pending_approval', 'queued', 'sent', 'running'];

export interface ResponseFile {
  /** the path on the host */
  path: string;
  size: number;
  sha256: string;
}

export interface ResponseRecord {
  id: string;
  agentId: string;
  /** the agent's hostname when the action was requested */
  hostname: string;
  action: ActionKind;
  params: Record<string, unknown>;
  status: ResponseStatus;
  reason: string | null;
  requestedBy: string;
  requestedAt: number;
  approvedBy: string | null;
  approvedAt: number | null;
  sentAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  expiresAt: number;
  result: Record<string, unknown> | null;
  error: string | null;
  /** the agent refused the command (signature, replay, expiry, its policy) */
  refused: boolean;
  file: ResponseFile | null;
  transcript: { bytes: number; truncated: boolean };
}

export interface ResponseCursor {
  at: number;
  id: string;
}

export interface ResponseQuery {
  agentId?: string;
  action?: ActionKind[];
  status?: ResponseStatus[];
  requestedBy?: string;
  /** requested at or after (ms) */
  since?: number;
  /** requested strictly before (ms) */
  until?: number;
  limit: number;
  after?: ResponseCursor;
}

export interface ResponsePage {
  /** newest first */
  items: ResponseRecord[];
  next?: ResponseCursor;
}

/** Fields a transition may set alongside the status. */
export type ResponsePatch = Partial<Pick<ResponseRecord,
  'approvedBy' | 'approvedAt' | 'sentAt' | 'startedAt' | 'finishedAt' | 'result' | 'error' | 'refused' | 'file'>>;

export interface ResponseTransition {
  from: readonly ResponseStatus[];
  to: ResponseStatus;
  set?: ResponsePatch;
  audit: AuditEntry;
}

export interface TranscriptChunk {
  at: number;
  /** o: terminal output, i: keystrokes, r: resize (data is "COLSxROWS") */
  dir: 'o' | 'i' | 'r';
  data: Buffer;
}
