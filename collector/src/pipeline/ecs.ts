// The normalised event (ARCHITECTURE.md, contract 2): one flat record keyed by Elastic Common
// Schema field names. This catalogue is the single list of fields that the store keeps as
// columns, the API filters on, search queries and Sigma rules map to.

export type EcsType = 'date' | 'keyword' | 'text' | 'long' | 'ip' | 'keyword[]' | 'ip[]';

export interface EcsFieldSpec {
  /** ECS name, e.g. `process.command_line`. */
  name: string;
  type: EcsType;
}

const f = (name: string, type: EcsType): EcsFieldSpec => ({ name, type });

export const ECS_FIELDS = [
  f('@timestamp', 'date'),
  f('event.id', 'keyword'),
  f('event.kind', 'keyword'),
  f('event.category', 'keyword'),
  f('event.type', 'keyword'),
  f('event.action', 'keyword'),
  f('event.outcome', 'keyword'),
  f('event.reason', 'text'),
  f('event.count', 'long'),
  f('host.id', 'keyword'),
  f('host.name', 'keyword'),
  f('host.ip', 'ip[]'),
  f('agent.id', 'keyword'),
  f('process.entity_id', 'keyword'),
  f('process.pid', 'long'),
  f('process.name', 'keyword'),
  f('process.executable', 'keyword'),
  f('process.command_line', 'text'),
  f('process.args', 'keyword[]'),
  f('process.working_directory', 'keyword'),
  f('process.hash.sha256', 'keyword'),
  f('process.user.name', 'keyword'),
  f('process.user.id', 'keyword'),
  f('process.start', 'date'),
  f('process.exit_code', 'long'),
  f('process.parent.entity_id', 'keyword'),
  f('process.parent.pid', 'long'),
  f('process.parent.name', 'keyword'),
  f('process.parent.executable', 'keyword'),
  f('process.parent.command_line', 'text'),
  f('file.path', 'keyword'),
  f('file.name', 'keyword'),
  f('file.directory', 'keyword'),
  f('file.extension', 'keyword'),
  f('file.original.path', 'keyword'),
  f('file.size', 'long'),
  f('file.mode', 'keyword'),
  f('file.owner', 'keyword'),
  f('file.hash.sha256', 'keyword'),
  f('source.ip', 'ip'),
  f('source.port', 'long'),
  f('destination.ip', 'ip'),
  f('destination.port', 'long'),
  f('destination.domain', 'keyword'),
  f('network.transport', 'keyword'),
  f('network.direction', 'keyword'),
  f('user.name', 'keyword'),
] as const satisfies readonly EcsFieldSpec[];

export type EcsField = (typeof ECS_FIELDS)[number]['name'];
export type EcsValue = string | number | string[];

/**
 * One normalised event. `@timestamp` is milliseconds since the epoch inside the collector (cheap
 * to compare and index); the API renders it as an ISO 8601 string.
 */
export type EcsEvent = { '@timestamp': number } & Partial<Record<EcsField, EcsValue>>;

export const ECS_FIELD_NAMES: ReadonlySet<string> = new Set(ECS_FIELDS.map((x) => x.name));
export const ECS_FIELD_TYPES: ReadonlyMap<string, EcsType> = new Map(ECS_FIELDS.map((x) => [x.name, x.type]));

export function isEcsField(name: string): name is EcsField {
  return ECS_FIELD_NAMES.has(name);
}
