// An alert as the API, xdrctl and the outbound sinks show it: snake_case JSON, ISO 8601 times.
// One rendering, so a webhook receiver sees exactly what GET /api/v1/alerts/:id returns.
import { commandPivot, filePivot, ipPivot } from '../../search/pivots.js';
import type { AlertModel, AlertRecord, HighlightItem, OatRecord } from '../../store/store.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** Each highlight with `pivot`: the search query (search/README.md) for its related activity. */
function items(list: readonly HighlightItem[], pivot: (value: string) => string) {
  return list.map((x) => ({ value: x.value, count: x.count, event_ids: x.eventIds, pivot: pivot(x.value) }));
}

const anyFile = (path: string) => filePivot(path);

/** The models that fired for an alert's attack, as the API shows them. */
export function renderModels(models: readonly AlertModel[]) {
  return models.map((m) => ({ id: m.id, title: m.title, level: m.level, group_key: m.groupKey, group: m.group, firings: m.firings }));
}

export function renderAlert(a: AlertRecord) {
  return {
    id: a.id,
    model_id: a.modelId,
    title: a.modelTitle,
    level: a.level,
    score: a.score,
    score_parts: {
      base: a.scoreParts.base, oat_points: a.scoreParts.oatPoints, breadth: a.scoreParts.breadth,
      criticality: a.scoreParts.criticality, factor: a.scoreParts.factor,
    },
    status: a.status,
    resolution: a.resolution,
    assignee: a.assignee,
    notes: a.notes.map((n) => ({ at: iso(n.at), author: n.author, text: n.text })),
    first_seen: iso(a.firstSeen),
    last_seen: iso(a.lastSeen),
    created_at: iso(a.createdAt),
    updated_at: iso(a.updatedAt),
    firings: a.firings,
    models: renderModels(a.models),
    group_key: a.groupKey,
    group: a.group,
    techniques: a.techniques,
    tactics: a.tactics,
    matched_rules: a.matchedRules,
    event_ids: a.eventIds,
    oats: { count: a.oats.count, by_level: a.oats.byLevel, filters: a.oats.filters },
    scope: {
      hosts: a.scope.hosts,
      users: a.scope.users,
      processes: a.scope.processes.map((p) => ({ entity_id: p.entityId, name: p.name, pid: p.pid })),
      files: a.scope.files,
      ips: a.scope.ips,
    },
    highlights: {
      commands: items(a.highlights.commands, commandPivot),
      source_ips: items(a.highlights.sourceIps, ipPivot),
      destination_ips: items(a.highlights.destinationIps, ipPivot),
      files: items(a.highlights.files, anyFile),
    },
  };
}

export type RenderedAlert = ReturnType<typeof renderAlert>;

export function renderOat(o: OatRecord) {
  return {
    id: o.id ?? 0,
    '@timestamp': iso(o.ts),
    rule_id: o.ruleId,
    rule_title: o.ruleTitle,
    risk: o.level,
    techniques: o.techniques,
    tactics: o.tactics,
    host_id: o.hostId,
    host_name: o.hostName,
    process_entity_id: o.processEntityId,
    user_name: o.userName,
    event_id: o.eventId,
  };
}
