// Observed Attack Techniques: every filter match, newest first, filtered by host, technique,
// tactic, risk and time; paginated by position like /events.
import type { FastifyPluginAsync } from 'fastify';
import { renderOat } from '../../detection/alerts/render.js';
import { TACTICS } from '../../detection/index.js';
import { RISK_LEVELS, type OatQuery, type RiskLevel, type Store } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { decodeCursor, encodeCursor, parseInstant } from '../event-query.js';
import { errorResponses, timeRangeProperties } from '../schemas.js';

export const oatSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    '@timestamp': { type: 'string', format: 'date-time' },
    rule_id: { type: 'string' },
    rule_title: { type: 'string' },
    risk: { type: 'string', enum: RISK_LEVELS },
    techniques: { type: 'array', items: { type: 'string' } },
    tactics: { type: 'array', items: { type: 'string' } },
    host_id: { type: ['string', 'null'] },
    host_name: { type: ['string', 'null'] },
    process_entity_id: { type: ['string', 'null'] },
    user_name: { type: ['string', 'null'] },
    event_id: { type: 'string' },
    event: { type: 'object', additionalProperties: true, description: 'the matching event (only with ?with_event=true)' },
  },
} as const;

const keyword = { type: 'string', minLength: 1, maxLength: 256 } as const;

/** `from`/`to` as ms, checked; shared with /alerts. */
export function timeRange(q: { from?: string; to?: string }): { from?: number; to?: number } {
  const out: { from?: number; to?: number } = {};
  for (const name of ['from', 'to'] as const) {
    const text = q[name];
    if (text === undefined) continue;
    const ms = parseInstant(text);
    if (ms === undefined) throw new ApiError('XDR_BAD_TIME_RANGE', `"${name}" is "${text}": give epoch milliseconds or ISO 8601 with a zone, e.g. 2024-05-01T12:00:00Z`);
    out[name] = ms;
  }
  if (out.from !== undefined && out.to !== undefined && out.from >= out.to) throw new ApiError('XDR_BAD_TIME_RANGE', '"from" must be before "to"');
  return out;
}

/** `a,b,c` of an enum; names the parameter when a value is not allowed. */
export function enumList<T extends string>(text: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const v of list) if (!allowed.includes(v as T)) throw new ApiError('XDR_BAD_QUERY', `query parameter "${name}" has "${v}": use ${allowed.join(', ')} (comma-separated)`);
  return list as T[];
}

interface OatQueryString {
  host?: string; technique?: string; tactic?: string; risk?: string; rule_id?: string; process_entity_id?: string;
  event_id?: string; from?: string; to?: string; limit?: number; cursor?: string; with_event?: boolean;
}

const oatRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: OatQueryString }>('/oat', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'Observed Attack Techniques (every filter match), newest first',
      tags: ['detection'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          host: { ...keyword, description: 'host.id' },
          technique: { type: 'string', pattern: '^T\\d{4}(\\.\\d{3})?$', description: 'ATT&CK technique; T1059 includes its sub-techniques' },
          tactic: { ...keyword, description: 'ATT&CK tactic id (TA0002) or name (execution)' },
          risk: { ...keyword, description: `risk levels, comma-separated: ${RISK_LEVELS.join(', ')}` },
          rule_id: keyword,
          process_entity_id: keyword,
          event_id: keyword,
          ...timeRangeProperties,
          limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 100 },
          cursor: { type: 'string', maxLength: 100 },
          with_event: { type: 'boolean', default: false },
        },
      },
      response: {
        200: { type: 'object', required: ['oats'], properties: { oats: { type: 'array', items: oatSchema }, next_cursor: { type: 'string' } } },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const q = request.query;
    let tactic = q.tactic;
    if (tactic !== undefined && !/^TA\d{4}$/.test(tactic)) {
      tactic = TACTICS.get(tactic.toLowerCase().replace(/[ _]/g, '-'));
      if (!tactic) throw new ApiError('XDR_BAD_QUERY', `query parameter "tactic" is "${q.tactic}": give an ATT&CK tactic id (TA0002) or name (${[...TACTICS.keys()].join(', ')})`);
    }
    const query: OatQuery = {
      hostId: q.host, technique: q.technique, tactic, risk: enumList<RiskLevel>(q.risk, RISK_LEVELS, 'risk'), ruleId: q.rule_id,
      processEntityId: q.process_entity_id, eventId: q.event_id, ...timeRange(q), limit: q.limit ?? 100,
    };
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      query.after = { ts: c.ts, id: c.rowid };
    }
    const page = await store.queryOats(query);
    return {
      oats: page.oats.map((o) => (q.with_event ? { ...renderOat(o), event: { ...o.event, '@timestamp': new Date(o.event['@timestamp']).toISOString() } } : renderOat(o))),
      ...(page.next ? { next_cursor: encodeCursor({ ts: page.next.ts, rowid: page.next.id }) } : {}),
    };
  });
};

export default oatRoutes;
