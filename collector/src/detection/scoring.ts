// The Workbench alert score, 0-100. One formula, documented in detection/alerts/README.md:
//
//   score = round( min(100, (base + oatPoints + breadth) × factor) )
//   base      = the model's xdr.score, else by its level: informational 20, low 35, medium 50,
//               high 65, critical 80; for an alert several models joined, the highest of theirs
//   oatPoints = min(15, Σ over the alert's OATs of 0/1/2/4/8 for informational/low/medium/high/critical)
//   breadth   = min(10, 2 × (distinct ATT&CK techniques among those OATs − 1))
//   factor    = asset criticality of the most critical host involved: low 0.8, medium 1.0
//               (the default), high 1.2, critical 1.4
import type { AlertScoreParts, AssetCriticality, RiskLevel } from '../store/store.js';

export const LEVEL_BASE: Readonly<Record<RiskLevel, number>> = { informational: 20, low: 35, medium: 50, high: 65, critical: 80 };
export const OAT_POINTS: Readonly<Record<RiskLevel, number>> = { informational: 0, low: 1, medium: 2, high: 4, critical: 8 };
export const CRITICALITY_FACTOR: Readonly<Record<AssetCriticality, number>> = { low: 0.8, medium: 1.0, high: 1.2, critical: 1.4 };
export const MAX_OAT_POINTS = 15;
export const MAX_BREADTH = 10;
const CRITICALITY_ORDER: readonly AssetCriticality[] = ['low', 'medium', 'high', 'critical'];

export interface ScoreInputs {
  modelLevel: RiskLevel;
  /** the model's xdr.score, when the content sets one */
  modelScore?: number;
  /** risk level of each OAT (one per filter match) behind the alert */
  oatLevels: readonly RiskLevel[];
  techniques: number;
  /** criticality of each host involved (missing hosts count as medium) */
  hostCriticality: readonly AssetCriticality[];
}

/** The most critical of the hosts' levels (medium when there are none). */
export function topCriticality(levels: readonly AssetCriticality[]): AssetCriticality {
  let best: AssetCriticality = levels.length ? 'low' : 'medium';
  for (const l of levels) if (CRITICALITY_ORDER.indexOf(l) > CRITICALITY_ORDER.indexOf(best)) best = l;
  return best;
}

export function scoreParts(x: ScoreInputs): AlertScoreParts {
  let points = 0;
  for (const l of x.oatLevels) points += OAT_POINTS[l];
  const criticality = topCriticality(x.hostCriticality);
  return {
    base: x.modelScore ?? LEVEL_BASE[x.modelLevel],
    oatPoints: Math.min(MAX_OAT_POINTS, points),
    breadth: Math.max(0, Math.min(MAX_BREADTH, 2 * (x.techniques - 1))),
    criticality,
    factor: CRITICALITY_FACTOR[criticality],
  };
}

export function scoreOf(p: AlertScoreParts): number {
  return Math.round(Math.max(0, Math.min(100, (p.base + p.oatPoints + p.breadth) * p.factor)));
}

/** The same parts under another asset criticality (an admin changed a host's). */
export function rescore(p: AlertScoreParts, criticality: AssetCriticality): AlertScoreParts {
  return { ...p, criticality, factor: CRITICALITY_FACTOR[criticality] };
}
