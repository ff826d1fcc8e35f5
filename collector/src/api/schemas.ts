// JSON schemas shared by the routes, built once at start-up. The event schemas are derived from
// the ECS catalogue (pipeline/ecs.ts), so a field added there becomes a filter and a response
// property here without touching the API.
import { ECS_FIELDS, type EcsType } from '../pipeline/ecs.js';
import { API_ERRORS } from './errors.js';

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(API_ERRORS) },
        message: { type: 'string' },
      },
    },
  },
} as const;

/** Response schemas every route carries for its failures. */
export const errorResponses = { '4xx': errorSchema, '5xx': errorSchema } as const;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function filterSchemaFor(name: string, type: EcsType): Record<string, unknown> {
  switch (type) {
    case 'long':
      return { type: 'integer', minimum: -MAX_SAFE, maximum: MAX_SAFE, description: `${name} equals this integer` };
    case 'date':
      return { type: 'string', maxLength: 40, description: `${name} equals this instant (ISO 8601 with a zone, or epoch ms)` };
    case 'ip':
      return { type: 'string', maxLength: 45, description: `${name} equals this IPv4/IPv6 address` };
    case 'ip[]':
      return { type: 'string', maxLength: 45, description: `${name} contains this IPv4/IPv6 address` };
    case 'keyword[]':
      return { type: 'string', minLength: 1, maxLength: 4096, description: `${name} contains this value` };
    default:
      return { type: 'string', minLength: 1, maxLength: 4096, description: `${name} equals this value (exact, case-sensitive)` };
  }
}

function responseSchemaFor(type: EcsType): Record<string, unknown> {
  switch (type) {
    case 'long': return { type: 'integer' };
    case 'date': return { type: 'string', format: 'date-time' };
    case 'keyword[]':
    case 'ip[]': return { type: 'array', items: { type: 'string' } };
    default: return { type: 'string' };
  }
}

/** One querystring property per ECS field: `?process.name=curl`. */
export const ecsFilterProperties: Record<string, Record<string, unknown>> = Object.fromEntries(
  ECS_FIELDS.map((f) => [f.name, filterSchemaFor(f.name, f.type)]),
);

export const timeRangeProperties = {
  from: { type: 'string', maxLength: 40, description: 'Events at or after this instant: ISO 8601 with a zone (2024-05-01T12:00:00Z), a date (UTC), or epoch ms' },
  to: { type: 'string', maxLength: 40, description: 'Events strictly before this instant; same formats as `from`' },
} as const;

/** A flat ECS event as the API renders it: `@timestamp` (and other dates) as ISO 8601. */
export const ecsEventSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['@timestamp'],
  properties: Object.fromEntries(ECS_FIELDS.map((f) => [f.name, responseSchemaFor(f.type)])),
} as const;

export const roleSchema = { type: 'string', enum: ['viewer', 'analyst', 'responder', 'admin'] } as const;

/** Ids in paths: agent ids are UUIDs today, tokens hex; keep it to safe characters, bounded. */
export const idParamsSchema = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._:-]+$' } },
} as const;
