// The shapes the console reads from the API (see /api/v1/openapi.json); only the fields it uses.
export type RiskLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type AlertStatus = 'new' | 'in_progress' | 'closed';

export interface HighlightItem { value: string; count: number; event_ids: string[]; pivot: string }

export interface Alert {
  id: string; model_id: string; title: string; level: RiskLevel; score: number;
  score_parts: { base: number; oat_points: number; breadth: number; criticality: string; factor: number };
  status: AlertStatus; resolution: string | null; assignee: string | null;
  notes: Array<{ at: string; author: string; text: string }>;
  first_seen: string; last_seen: string; created_at: string; updated_at: string; firings: number;
  /** every model that fired for this attack, the one that created the alert first */
  models: Array<{ id: string; title: string; level: RiskLevel; group_key: string; group: Record<string, unknown>; firings: number }>;
  group: Record<string, unknown>; techniques: string[]; tactics: string[]; matched_rules: string[]; event_ids: string[];
  oats: { count: number; by_level: Record<string, number>; filters: Array<{ id: string; title: string; level: string; count: number }> };
  scope: {
    hosts: Array<{ id: string; name: string }>; users: string[];
    processes: Array<{ entity_id: string; name: string; pid: number }>; files: string[]; ips: string[];
  };
  highlights: { commands: HighlightItem[]; source_ips: HighlightItem[]; destination_ips: HighlightItem[]; files: HighlightItem[] };
  evidence?: Oat[];
}

export interface Oat {
  id: number; '@timestamp': string; rule_id: string; rule_title: string; risk: RiskLevel;
  techniques: string[]; tactics: string[]; host_id: string | null; host_name: string | null;
  process_entity_id: string | null; user_name: string | null; event_id: string;
}

export interface GraphNode { id: string; type: string; label: string; fields: Record<string, unknown>; pivot: string; evidence: boolean }
export interface GraphEdge { id: string; type: string; source: string; target: string; count: number }
export interface AlertGraph { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }

export interface Agent {
  id: string; hostname: string; os: string | null; ips: string[]; version: string; online: boolean;
  last_seen: string | null; enrolled_at: string; revoked: boolean; isolated: boolean;
}

export interface ProcessNode {
  entity_id: string; pid?: number; name?: string; executable?: string; command_line?: string; user?: string;
  parent_entity_id?: string; host_name?: string; start?: string; end?: string; exit_code?: number;
  file_events: number; network_events: number; oats?: number; children?: ProcessNode[];
}

export interface ProcessTree { ancestors: ProcessNode[]; process: ProcessNode; truncated: { ancestors?: boolean; descendants?: boolean } }

export type EcsEvent = Record<string, unknown>;

export interface SearchResult {
  events: EcsEvent[]; total: number; total_capped: boolean; next_cursor?: string;
  aggs?: {
    terms?: { field: string; buckets: Array<{ value: string | number; count: number }>; other: number };
    histogram?: { interval_ms: number; buckets: Array<{ start: string; count: number }> };
  };
}

export interface SavedQuery { id: string; name: string; query: string; description?: string; created_at: string }

export interface Detection {
  id: string; name?: string; title: string; layer: 'filter' | 'rule' | 'model'; level: string; score?: number;
  techniques: string[]; tactics: string[]; tags: string[]; file: string; enabled: boolean; hits: number;
}

export interface DetectionException {
  id: string; rule_id: string; hosts: string[]; conditions: Array<{ field: string; op: string; values: string[] }>;
  comment: string; enabled: boolean; created_by: string; created_at: string; updated_at: string;
}

export type ActionKind = 'isolate' | 'restore' | 'collect_file' | 'run_script' | 'kill_process' | 'shell';
export type ActionStatus = 'pending_approval' | 'queued' | 'sent' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'expired';

export interface ResponseAction {
  id: string; agent_id: string; hostname: string; action: ActionKind; params: Record<string, unknown>;
  status: ActionStatus; reason: string | null; requested_by: string; requested_at: string;
  approved_by: string | null; approved_at: string | null; sent_at: string | null; started_at: string | null;
  finished_at: string | null; expires_at: string; result: Record<string, unknown> | null; error: string | null;
  refused: boolean; file?: { size: number; sha256: string; path: string } | null;
}

export interface HostCriticality { host_id: string; criticality: string; updated_by: string | null; updated_at: string | null }
