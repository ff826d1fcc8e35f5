// The rule authors' loop: runs given events through a fresh engine built from the loaded
// content (plus rules sent with the request, which win over loaded ones with the same id) and
// answers what matched, the OATs and the alerts it would make. Nothing is stored and the live
// engine's correlation state is not touched.
import type { EcsEvent } from '../pipeline/ecs.js';
import type { AlertDetectionFields, AssetCriticality } from '../store/store.js';
import { buildAlertFields, hostsOf, sameAttack, type Evidence, type EvidenceFilter } from './alerts/alert-builder.js';
import { filterOf, oatOf } from './detection-stage.js';
import { buildTunable, concatContent, parseContent, type ContentSources } from './tunable-loader.js';
import type { Tuning } from './tuning.js';
import type { Layer, UnsupportedRule } from './types.js';

export interface DryRunInput {
  /** the content the collector loaded (parsed once at start) */
  loaded: ContentSources;
  /** rule files sent with the request */
  rules?: readonly { file: string; text: string }[];
  /** only the sent rules, not the loaded content */
  onlyRules?: boolean;
  /** apply the live tuning (disabled detections, exceptions); default true */
  tuning?: Tuning;
  criticalityOf?: (hostId: string) => AssetCriticality | undefined;
  events: readonly EcsEvent[];
}

export interface DryRunResult {
  events: number;
  loaded: Record<Layer, number>;
  /** problems in the sent rules (all problems when onlyRules) */
  unsupported: UnsupportedRule[];
  matches: Array<{ id: string; title: string; layer: Layer; level: string; count: number }>;
  oats: Array<{ event_id: string; rule_id: string; rule_title: string; risk: string; techniques: string[]; tactics: string[]; host_id: string | null; process_entity_id: string | null }>;
  firings: Array<{ id: string; title: string; layer: Layer; group_key: string; event_ids: string[]; matched_rules: string[] }>;
  alerts: AlertDetectionFields[];
}

export function dryRun(input: DryRunInput): DryRunResult {
  const sent = input.rules?.length ? parseContent(input.rules) : undefined;
  const content = sent ? (input.onlyRules ? sent : concatContent(sent, input.loaded)) : input.onlyRules ? concatContent() : input.loaded;
  const tuning = input.tuning;
  const { engine, report } = buildTunable(content, tuning ? (id, ev) => tuning.allowsFilter(id, ev) : undefined);
  const sentFiles = new Set(input.rules?.map((r) => r.file) ?? []);
  const unsupported = input.onlyRules ? report.unsupported : report.unsupported.filter((u) => sentFiles.has(u.file));

  const matches = new Map<string, DryRunResult['matches'][number]>();
  const oats: DryRunResult['oats'] = [];
  const firings: DryRunResult['firings'] = [];
  const evidence = new Map<string, Evidence>();
  const alerts = new Map<string, AlertDetectionFields>();
  for (const ev of input.events) {
    for (const h of engine.process(ev)) {
      if (h.kind === 'correlation' && tuning && !tuning.allowsCorrelation(h)) continue;
      const m = matches.get(h.id);
      if (m) m.count++;
      else matches.set(h.id, { id: h.id, title: h.title, layer: h.layer, level: h.level, count: 1 });
      if (h.kind === 'filter') {
        const o = oatOf(h);
        oats.push({
          event_id: o.eventId, rule_id: o.ruleId, rule_title: o.ruleTitle, risk: o.level, techniques: o.techniques,
          tactics: o.tactics, host_id: o.hostId, process_entity_id: o.processEntityId,
        });
        const e = evidence.get(h.eventId);
        if (e) (e.filters as EvidenceFilter[]).push(filterOf(h));
        else evidence.set(h.eventId, { event: ev, filters: [filterOf(h)] });
        continue;
      }
      firings.push({ id: h.id, title: h.title, layer: h.layer, group_key: h.groupKey, event_ids: h.eventIds, matched_rules: h.matchedRules });
      if (h.layer !== 'model') continue;
      const key = `${h.id}\u0000${h.groupKey}`;
      const ev2 = h.eventIds.flatMap((id) => evidence.get(id) ?? []);
      // as the store does: the alert of this key, else the alert of the same attack, else a new one
      const hosts = hostsOf(h, ev2);
      const existing = alerts.get(key)
        ?? [...new Set(alerts.values())].find((a) => a.scope.hosts.some((x) => hosts.includes(x.id)) && sameAttack(h, ev2, a));
      alerts.set(key, buildAlertFields(h, ev2, input.criticalityOf ?? (() => undefined), existing));
      if (existing) for (const [k, a] of alerts) if (a === existing) alerts.set(k, alerts.get(key)!);
    }
  }
  return {
    events: input.events.length,
    loaded: report.loaded,
    unsupported,
    matches: [...matches.values()],
    oats,
    firings,
    alerts: [...new Set(alerts.values())].sort((a, b) => b.score - a.score),
  };
}

/**
 * One event of a `detections test` file: an ECS JSON object; `@timestamp` may be ISO 8601 or
 * epoch ms. Events without an `event.id` get `test:<line>`. Returns the reason when unusable.
 */
export function toTestEvent(raw: unknown, n: number): EcsEvent | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `event ${n} is not a JSON object`;
  const ev = { ...(raw as Record<string, unknown>) };
  const ts = ev['@timestamp'];
  if (ts === undefined) ev['@timestamp'] = Date.now();
  else if (typeof ts === 'string') {
    const ms = /^\d+$/.test(ts) ? Number(ts) : Date.parse(ts);
    if (Number.isNaN(ms)) return `event ${n}: @timestamp "${ts}" is not ISO 8601 or epoch ms`;
    ev['@timestamp'] = ms;
  } else if (typeof ts !== 'number') return `event ${n}: @timestamp must be a string or a number`;
  if (typeof ev['event.id'] !== 'string' || ev['event.id'] === '') ev['event.id'] = `test:${n}`;
  return ev as EcsEvent;
}
