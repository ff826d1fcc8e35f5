// Builds what an alert says from a model firing and the events behind it: impact scope,
// highlights (each value linked to its events), the OAT summary and the score; and folds a
// later firing of the same attack, by the same model or another, into the alert it already
// has. Pure: the live stage and the dry run (`detections test`) share it. Every list is
// bounded, so a long attack cannot grow an alert without limit.
import type { EcsEvent } from '../../pipeline/ecs.js';
import {
  RISK_LEVELS,
  type AlertDetectionFields,
  type AlertHighlights,
  type AlertModel,
  type AlertOatSummary,
  type AlertScope,
  type AssetCriticality,
  type HighlightItem,
  type RiskLevel,
} from '../../store/store.js';
import { LEVEL_BASE, scoreOf, scoreParts } from '../scoring.js';
import type { CorrelationHit } from '../types.js';

/** Items kept per highlight or scope category. */
export const MAX_ITEMS = 50;
/** Event ids kept per highlight item. */
export const MAX_ITEM_EVENTS = 20;
/** Evidence event ids kept per alert. */
export const MAX_ALERT_EVENTS = 500;

/** A filter that matched an evidence event (what an OAT says about its rule). */
export interface EvidenceFilter {
  id: string;
  title: string;
  level: RiskLevel;
  techniques: readonly string[];
  tactics: readonly string[];
}

/** An event behind a firing, with the filters it matched. */
export interface Evidence {
  event: EcsEvent;
  filters: readonly EvidenceFilter[];
}

/**
 * How long after an alert's last event a firing of another model can still join it as the same
 * attack (when they share events or processes).
 */
export const ATTACK_GAP_MS = 2 * 60 * 60 * 1000;

/** Executables in these folders are ordinary programs, not "suspicious files" of an alert. */
const SYSTEM_DIRS = ['/usr/bin/', '/bin/', '/usr/sbin/', '/sbin/', '/usr/local/bin/', '/usr/local/sbin/', '/usr/lib/', '/lib/', '/usr/libexec/', '/snap/bin/'];

function str(ev: EcsEvent, field: string): string | undefined {
  const v = (ev as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

function emptyHighlights(): AlertHighlights {
  return { commands: [], sourceIps: [], destinationIps: [], files: [] };
}

function emptyScope(): AlertScope {
  return { hosts: [], users: [], processes: [], files: [], ips: [] };
}

function emptyOats(): AlertOatSummary {
  return { count: 0, byLevel: { informational: 0, low: 0, medium: 0, high: 0, critical: 0 }, filters: [] };
}

function addItem(list: HighlightItem[], value: string | undefined, eventId: string): void {
  if (value === undefined) return;
  let item = list.find((x) => x.value === value);
  if (!item) {
    if (list.length >= MAX_ITEMS) return;
    list.push((item = { value, eventIds: [], count: 0 }));
  }
  item.count++;
  if (eventId && item.eventIds.length < MAX_ITEM_EVENTS && !item.eventIds.includes(eventId)) item.eventIds.push(eventId);
}

function addString(list: string[], v: string | undefined): void {
  if (v !== undefined && list.length < MAX_ITEMS && !list.includes(v)) list.push(v);
}

function suspiciousExecutable(path: string | undefined): string | undefined {
  if (!path || SYSTEM_DIRS.some((d) => path.startsWith(d))) return undefined;
  return path;
}

// Typed copies of an existing alert's lists: structuredClone of the same objects cost ~0.5 ms per
// alert upsert (inside the store's write transaction), these a few microseconds.
function copyItems(list: readonly HighlightItem[]): HighlightItem[] {
  return list.map((x) => ({ value: x.value, eventIds: [...x.eventIds], count: x.count }));
}

function copyHighlights(h: AlertHighlights): AlertHighlights {
  return { commands: copyItems(h.commands), sourceIps: copyItems(h.sourceIps), destinationIps: copyItems(h.destinationIps), files: copyItems(h.files) };
}

function copyScope(s: AlertScope): AlertScope {
  return {
    hosts: s.hosts.map((h) => ({ ...h })), users: [...s.users], processes: s.processes.map((p) => ({ ...p })),
    files: [...s.files], ips: [...s.ips],
  };
}

function copyOats(o: AlertOatSummary): AlertOatSummary {
  return { count: o.count, byLevel: { ...o.byLevel }, filters: o.filters.map((f) => ({ ...f })) };
}

/**
 * Whether a firing of another model belongs to the attack of the open alert `a`: some of its
 * events are already evidence of `a`, or some of its evidence came from a process in `a`'s scope,
 * within ATTACK_GAP_MS of `a`'s last event. (A dropper that installs a miner fires the dropper
 * model and the cryptominer model on the same download: one attack, one alert.)
 */
export function sameAttack(hit: CorrelationHit, evidence: readonly Evidence[], a: AlertDetectionFields): boolean {
  if (a.lastSeen < hit.firstSeen - ATTACK_GAP_MS) return false;
  const events = new Set(a.eventIds);
  if (hit.eventIds.some((id) => events.has(id))) return true;
  const processes = new Set(a.scope.processes.map((p) => p.entityId));
  return evidence.some(({ event }) => {
    const entity = str(event, 'process.entity_id');
    return entity !== undefined && processes.has(entity);
  });
}

/** The hosts a firing's events come from (and the host it is grouped by). */
export function hostsOf(hit: CorrelationHit, evidence: readonly Evidence[]): string[] {
  const hosts = new Set<string>();
  if (hit.group['host.id']) hosts.add(hit.group['host.id']);
  for (const { event } of evidence) {
    const h = str(event, 'host.id');
    if (h !== undefined) hosts.add(h);
  }
  return [...hosts];
}

function foldModel(existing: readonly AlertModel[], hit: CorrelationHit): AlertModel[] {
  const models = existing.map((m) => ({ ...m }));
  const mine = models.find((m) => m.id === hit.id && m.groupKey === hit.groupKey);
  if (mine) mine.firings++;
  else if (models.length < MAX_ITEMS) models.push({ id: hit.id, title: hit.title, level: hit.level, groupKey: hit.groupKey, group: hit.group, firings: 1 });
  return models;
}

function higherLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}

/**
 * The alert fields after this firing: a new alert's, or `existing`'s with the firing folded in.
 * `evidence` holds the events of `hit.eventIds` that could be found (oldest first).
 */
export function buildAlertFields(
  hit: CorrelationHit,
  evidence: readonly Evidence[],
  criticalityOf: (hostId: string) => AssetCriticality | undefined,
  existing?: AlertDetectionFields,
): AlertDetectionFields {
  const highlights = existing ? copyHighlights(existing.highlights) : emptyHighlights();
  const scope = existing ? copyScope(existing.scope) : emptyScope();
  const oats = existing ? copyOats(existing.oats) : emptyOats();
  // Techniques and tactics are those of the OATs behind the alert: what was observed, not every
  // technique the model's rules could have matched (the score's breadth counts them).
  const techniques = new Set(existing?.techniques ?? []);
  const tactics = new Set(existing?.tactics ?? []);
  const seen = new Set(existing?.eventIds ?? []);
  // the model's window starts at its first rule firing; the attack starts at its first event
  let firstSeen = Math.min(existing?.firstSeen ?? Infinity, hit.firstSeen);
  let lastSeen = Math.max(existing?.lastSeen ?? -Infinity, hit.lastSeen);

  for (const { event: ev, filters } of evidence) {
    const id = str(ev, 'event.id') ?? '';
    const fresh = !seen.has(id);
    if (!fresh) continue;
    firstSeen = Math.min(firstSeen, ev['@timestamp']);
    lastSeen = Math.max(lastSeen, ev['@timestamp']);
    const action = str(ev, 'event.action');
    if (action === 'process_started') {
      addItem(highlights.commands, str(ev, 'process.command_line'), id);
      addItem(highlights.files, suspiciousExecutable(str(ev, 'process.executable')), id);
    }
    if (str(ev, 'file.path')) addItem(highlights.files, str(ev, 'file.path'), id);
    addItem(highlights.sourceIps, str(ev, 'source.ip'), id);
    addItem(highlights.destinationIps, str(ev, 'destination.ip'), id);

    const hostId = str(ev, 'host.id');
    if (hostId && !scope.hosts.some((h) => h.id === hostId) && scope.hosts.length < MAX_ITEMS) {
      scope.hosts.push({ id: hostId, name: str(ev, 'host.name') ?? null });
    }
    addString(scope.users, str(ev, 'process.user.name') ?? str(ev, 'user.name'));
    const entity = str(ev, 'process.entity_id');
    if (entity && !scope.processes.some((p) => p.entityId === entity) && scope.processes.length < MAX_ITEMS) {
      const pid = (ev as Record<string, unknown>)['process.pid'];
      scope.processes.push({ entityId: entity, name: str(ev, 'process.name') ?? null, pid: typeof pid === 'number' ? pid : null });
    }
    addString(scope.files, str(ev, 'file.path'));
    if (action === 'process_started') addString(scope.files, suspiciousExecutable(str(ev, 'process.executable')));
    addString(scope.ips, str(ev, 'source.ip'));
    addString(scope.ips, str(ev, 'destination.ip'));

    for (const f of filters) {
      oats.count++;
      oats.byLevel[f.level]++;
      const entry = oats.filters.find((x) => x.id === f.id);
      if (entry) entry.count++;
      else if (oats.filters.length < MAX_ITEMS) oats.filters.push({ id: f.id, title: f.title, level: f.level, count: 1 });
      for (const t of f.techniques) techniques.add(t);
      for (const t of f.tactics) tactics.add(t);
    }
  }
  // a host named in the group (host.id) is in scope even when no evidence event was found
  const groupHost = hit.group['host.id'];
  if (groupHost && !scope.hosts.some((h) => h.id === groupHost)) scope.hosts.push({ id: groupHost, name: hit.group['host.name'] ?? null });

  const eventIds = [...(existing?.eventIds ?? [])];
  for (const id of hit.eventIds) if (!seen.has(id) && eventIds.length < MAX_ALERT_EVENTS) { eventIds.push(id); seen.add(id); }

  const oatLevels: RiskLevel[] = [];
  for (const l of RISK_LEVELS) for (let i = 0; i < oats.byLevel[l]; i++) oatLevels.push(l);
  // An alert several models fired for scores by the strongest of them.
  const base = Math.max(hit.score ?? LEVEL_BASE[hit.level], existing?.scoreParts.base ?? 0);
  const parts = scoreParts({
    modelLevel: hit.level,
    modelScore: base,
    oatLevels,
    techniques: techniques.size,
    hostCriticality: scope.hosts.map((h) => criticalityOf(h.id) ?? 'medium'),
  });
  return {
    modelId: existing?.modelId ?? hit.id,
    modelTitle: existing?.modelTitle ?? hit.title,
    level: existing ? higherLevel(existing.level, hit.level) : hit.level,
    groupKey: existing?.groupKey ?? hit.groupKey,
    group: existing?.group ?? hit.group,
    score: scoreOf(parts),
    scoreParts: parts,
    firstSeen,
    lastSeen,
    firings: (existing?.firings ?? 0) + 1,
    models: foldModel(existing?.models ?? [], hit),
    eventIds,
    matchedRules: [...new Set([...(existing?.matchedRules ?? []), ...hit.matchedRules])],
    techniques: [...techniques].sort(),
    tactics: [...tactics].sort(),
    oats,
    scope,
    highlights,
  };
}
