// Types shared by the detection stages and returned by the public API (index.ts).
import type { EcsEvent } from '../pipeline/ecs.js';
import type { DetectionErrorCode } from './errors.js';

export type Layer = 'filter' | 'rule' | 'model';
export type Level = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export const LEVELS: readonly Level[] = ['informational', 'low', 'medium', 'high', 'critical'];

/** A rule the engine cannot run, with the reason; never silently skipped. */
export interface UnsupportedRule {
  file: string;
  /** '' when the document did not get far enough to have one. */
  id: string;
  title: string;
  code: DetectionErrorCode;
  reason: string;
  line?: number;
  col?: number;
}

/** ATT&CK references parsed from a rule's `attack.*` tags. */
export interface AttackRefs {
  /** e.g. ['T1059.004'] */
  techniques: string[];
  /** e.g. ['TA0002'] */
  tactics: string[];
}

/** What every loaded rule (filter, rule, model) shows about itself. */
export interface RuleMeta extends AttackRefs {
  id: string;
  /** Sigma `name`, which correlation rules may use instead of the id. */
  name?: string;
  title: string;
  level: Level;
  layer: Layer;
  /** From `xdr.score`, 0-100, when the content sets one. */
  score?: number;
  tags: string[];
  file: string;
}

/** A single event matched a filter: an Observed Attack Technique. */
export interface FilterHit extends RuleMeta {
  kind: 'filter';
  layer: 'filter';
  eventId: string;
  timestamp: number;
  event: EcsEvent;
}

/** A correlation rule (layer rule) or model fired for one group. */
export interface CorrelationHit extends RuleMeta {
  kind: 'correlation';
  layer: 'rule' | 'model';
  type: CorrelationType;
  /** Stable key of the group, e.g. `host.id=h1|xdr.lineage=h1:42:1700000000`. */
  groupKey: string;
  group: Record<string, string>;
  /** `event.id` of the events behind the firing, oldest first (bounded, see maxEntriesPerGroup). */
  eventIds: string[];
  /** Ids of the rules whose matches made this firing. */
  matchedRules: string[];
  firstSeen: number;
  lastSeen: number;
  timestamp: number;
}

export type DetectionHit = FilterHit | CorrelationHit;

export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered';
