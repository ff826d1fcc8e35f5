// Pivots: the search query (README.md grammar) that finds the activity related to one thing an
// analyst sees — an alert highlight or a node of an alert graph. Values are always written as
// quoted phrases with `"` and `\` escaped, so a hostile value (quotes, backslashes, parentheses,
// `or`, `*`) stays one literal term; a phrase is never a wildcard. Every query built here
// parses with `parseQuery` (pivots.test.ts proves it, also for hostile values).
import { isIP } from 'node:net';
import type { EcsField } from '../pipeline/ecs.js';
import { MAX_QUERY_LENGTH } from './parser.js';

/** Characters a single value may take in a pivot; longer values are cut (see `term`). */
const MAX_VALUE_CHARS = 1000;

/** `"value"` with `\` and `"` escaped: one phrase token whatever the value holds. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * `value` as a word that matches keyword values starting with it (`prefix*`): every character
 * but letters and digits escaped, so nothing in it is an operator, a stop character or a star.
 */
function prefixWord(value: string): string {
  return `${value.replace(/[^A-Za-z0-9]/gu, (c) => `\\${c}`)}*`;
}

/** The prefix of `value` whose escaped form is at most `max` characters (never splits a pair). */
function cut(value: string, max: number): string {
  let n = 0;
  let out = '';
  for (const ch of value) {
    const w = ch === '"' || ch === '\\' ? 2 : ch.length;
    if (n + w > max) break;
    n += w;
    out += ch;
  }
  return out;
}

/**
 * `field:"value"`. A value too long for a query is cut: for text fields (contains) the cut
 * phrase still matches the value; for keyword fields (equality) it becomes an escaped prefix
 * wildcard, so the pivot finds a superset rather than nothing.
 */
export function term(field: EcsField, value: string, kind: 'keyword' | 'text' = 'keyword'): string {
  const escapedLength = value.length + (value.match(/[\\"]/g)?.length ?? 0);
  if (escapedLength <= MAX_VALUE_CHARS) return `${field}:${quote(value)}`;
  if (kind === 'text') return `${field}:${quote(cut(value, MAX_VALUE_CHARS))}`;
  // half the budget: each kept character may need an escape
  return `${field}:${prefixWord([...value].slice(0, MAX_VALUE_CHARS / 2).join(''))}`;
}

/** Both ends of a connection: `source.ip:X or destination.ip:X` (any spelling of X matches). */
export function ipPivot(ip: string): string {
  // a value that is not an address cannot be an IP-field term; search it as text instead
  if (isIP(ip) === 0 || ip.includes('%')) return quote(cut(ip, MAX_VALUE_CHARS));
  return `source.ip:${quote(ip)} or destination.ip:${quote(ip)}`;
}

/** A process's own events and the starts of its children. */
export function processPivot(entityId: string): string {
  return `${term('process.entity_id', entityId)} or ${term('process.parent.entity_id', entityId)}`;
}

/** Events of a host. */
export function hostPivot(hostId: string): string {
  return term('host.id', hostId);
}

function onHost(hostId: string | undefined, q: string): string {
  return hostId === undefined ? q : `${hostPivot(hostId)} and (${q})`;
}

/** What a user did or where they logged in (on one host when given). */
export function userPivot(name: string, hostId?: string): string {
  return onHost(hostId, `${term('user.name', name)} or ${term('process.user.name', name)}`);
}

/** Activity on a file and executions of it (on one host when given). */
export function filePivot(path: string, hostId?: string): string {
  return onHost(hostId, `${term('file.path', path)} or ${term('process.executable', path)}`);
}

/** Connections to a domain. */
export function domainPivot(domain: string): string {
  return term('destination.domain', domain);
}

/** Processes started with (a command line containing) this command line. */
export function commandPivot(commandLine: string): string {
  return term('process.command_line', commandLine, 'text');
}

/** Guards the bound of the language; the builders above stay well below it. */
export function fitsQueryBound(q: string): boolean {
  return q.length <= MAX_QUERY_LENGTH;
}
