// Sigma field names (Sysmon for Linux / SigmaHQ linux taxonomy) to our ECS fields. A field with
// no honest equivalent in what the agent records is refused, so the rule is reported unsupported.
import { isEcsField, type EcsField } from '../pipeline/ecs.js';

export interface FieldMapping {
  ecs: EcsField;
  /** Rewrites a rule value to the ECS vocabulary (e.g. Initiated 'true' -> 'egress'); undefined = no match possible. */
  value?: (v: string | number | boolean | null) => string | number | boolean | null | undefined;
}

const initiated = (v: string | number | boolean | null): string | undefined => {
  const s = String(v).toLowerCase();
  if (s === 'true') return 'egress';
  if (s === 'false') return 'ingress';
  return undefined;
};

export const SIGMA_FIELD_MAP: ReadonlyMap<string, FieldMapping> = new Map<string, FieldMapping>([
  ['Image', { ecs: 'process.executable' }],
  ['CommandLine', { ecs: 'process.command_line' }],
  ['ParentImage', { ecs: 'process.parent.executable' }],
  ['ParentCommandLine', { ecs: 'process.parent.command_line' }],
  ['User', { ecs: 'process.user.name' }],
  ['CurrentDirectory', { ecs: 'process.working_directory' }],
  ['ProcessId', { ecs: 'process.pid' }],
  ['ParentProcessId', { ecs: 'process.parent.pid' }],
  ['ProcessGuid', { ecs: 'process.entity_id' }],
  ['ParentProcessGuid', { ecs: 'process.parent.entity_id' }],
  ['TargetFilename', { ecs: 'file.path' }],
  ['SourceFilename', { ecs: 'file.original.path' }],
  ['DestinationIp', { ecs: 'destination.ip' }],
  ['DestinationPort', { ecs: 'destination.port' }],
  ['DestinationHostname', { ecs: 'destination.domain' }],
  ['SourceIp', { ecs: 'source.ip' }],
  ['SourcePort', { ecs: 'source.port' }],
  ['Protocol', { ecs: 'network.transport' }],
  ['Initiated', { ecs: 'network.direction', value: initiated }],
  ['Computer', { ecs: 'host.name' }],
  ['Hostname', { ecs: 'host.name' }],
]);

/**
 * Fields we know and refuse, with why: mapping them to something near would make rules fire on
 * the wrong facts. Anything else neither mapped nor ECS is refused with a generic reason.
 */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ['LogonId', 'LogonId (the audit login id) is not recorded by the agent; process.user.id is the effective uid, not the same fact'],
  ['OriginalFileName', 'OriginalFileName is PE metadata that Linux executables do not carry'],
  ['IntegrityLevel', 'IntegrityLevel is a Windows concept'],
  ['ParentUser', 'ParentUser is not recorded by the agent'],
  ['Hashes', 'Hashes is a Sysmon list of several digests; match process.hash.sha256 directly instead'],
]);

/** Special group-by key: the root of the event's process lineage (see lineage.ts). */
export const LINEAGE_FIELD = 'xdr.lineage';

export type ResolvedField = { ok: true; mapping: FieldMapping } | { ok: false; reason: string };

/** Resolves a Sigma or ECS field name. ECS names pass through unchanged. */
export function resolveField(name: string): ResolvedField {
  const m = SIGMA_FIELD_MAP.get(name);
  if (m) return { ok: true, mapping: m };
  if (isEcsField(name)) return { ok: true, mapping: { ecs: name } };
  const refused = REFUSED.get(name);
  return { ok: false, reason: refused ?? `field '${name}' has no ECS mapping (neither a known Sigma field nor an ECS field the agent records)` };
}

/** Text fields that field-less (keyword) selections search. */
export const KEYWORD_FIELDS: readonly EcsField[] = [
  'process.command_line', 'process.executable', 'process.name',
  'process.parent.command_line', 'process.parent.executable', 'process.parent.name',
  'file.path', 'file.original.path', 'destination.domain', 'user.name', 'process.user.name', 'event.reason',
];
