// Detection: Sigma filters, correlation rules and models over ECS events. This is the folder's
// public face; other folders import from here only. See README.md for the content format.
export { loadDetection, loadDetectionFromText, type LoadOptions, type LoadReport, type LoadedDetection } from './loader.js';
export { DetectionEngine, type EngineOptions, type EngineStats } from './engine.js';
export type { CorrelationLimits, CorrelationStats } from './correlator.js';
export type { LineageOptions } from './lineage.js';
export { DETECTION_ERRORS, type DetectionErrorCode } from './errors.js';
export { SIGMA_FIELD_MAP, LINEAGE_FIELD, resolveField } from './field-map.js';
export { parseAttackTags, TACTICS } from './attack-tags.js';
export type {
  AttackRefs, CorrelationHit, CorrelationType, DetectionHit, FilterHit, Layer, Level, RuleMeta, UnsupportedRule,
} from './types.js';
