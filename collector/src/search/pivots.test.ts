// Pivots parse with the real parser, and a hostile value stays one literal term.
import { describe, expect, it } from 'vitest';
import type { SearchNode } from './ast.js';
import { parseQuery, MAX_QUERY_LENGTH } from './parser.js';
import { commandPivot, domainPivot, filePivot, hostPivot, ipPivot, processPivot, quote, term, userPivot } from './pivots.js';

const HOSTILE = [
  'plain', 'a"b', 'a\\b', 'ends with \\', '\\"', '"', '""', '\\', ') or (host.id:*', 'x) or not (y', 'or', 'AND', 'not', 'a or b',
  '*', '/tmp/*', 'a b', 'foo:bar', 'destination.port >= 1', '=', '<script>', 'line\nbreak\ttab', 'ünïcødé 😀', '(', ')', '',
  'process.name:curl', "'single'", '%_like_%', "'; DROP TABLE events; --",
];

const exact = (field: string, text: string): SearchNode => ({ kind: 'match', field: field as never, value: { kind: 'exact', text, quoted: true } });

describe('pivots', () => {
  it('quote escapes only quotes and backslashes', () => {
    expect(quote('a"b\\c (d) or e')).toBe('"a\\"b\\\\c (d) or e"');
  });

  it.each(HOSTILE)('a hostile value stays one exact term: %j', (v) => {
    expect(parseQuery(term('file.path', v))).toEqual(exact('file.path', v));
    expect(parseQuery(commandPivot(v))).toEqual(exact('process.command_line', v));
    expect(parseQuery(domainPivot(v))).toEqual(exact('destination.domain', v));
    expect(parseQuery(hostPivot(v))).toEqual(exact('host.id', v));
    expect(parseQuery(processPivot(v))).toEqual({ kind: 'or', children: [exact('process.entity_id', v), exact('process.parent.entity_id', v)] });
    expect(parseQuery(userPivot(v, v))).toEqual({
      kind: 'and', children: [exact('host.id', v), { kind: 'or', children: [exact('user.name', v), exact('process.user.name', v)] }],
    });
    expect(parseQuery(filePivot(v))).toEqual({ kind: 'or', children: [exact('file.path', v), exact('process.executable', v)] });
  });

  it('an IP pivot matches either end of a connection, v4 and v6; a non-address is searched as text', () => {
    const v4 = parseQuery(ipPivot('203.0.113.5'));
    expect(v4).toMatchObject({ kind: 'or', children: [{ kind: 'cidr', field: 'source.ip', cidr: '203.0.113.5' }, { kind: 'cidr', field: 'destination.ip', cidr: '203.0.113.5' }] });
    expect(parseQuery(ipPivot('2001:db8::1'))).toMatchObject({ kind: 'or', children: [{ kind: 'cidr', field: 'source.ip' }, { kind: 'cidr', field: 'destination.ip' }] });
    expect(parseQuery(ipPivot('1.2.3.4") or (x'))).toEqual({ kind: 'text', value: { kind: 'exact', text: '1.2.3.4") or (x', quoted: true } });
    expect(parseQuery(ipPivot('fe80::1%eth0'))).toMatchObject({ kind: 'text' });
  });

  it('a value too long for a query is cut: a contained phrase for text fields, an escaped prefix for keywords', () => {
    const long = `/tmp/${'a" (or) \\'.repeat(1000)}`;
    for (const q of [commandPivot(long), filePivot(long, long), userPivot(long, long), processPivot(long), ipPivot(long)]) {
      expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      expect(() => parseQuery(q)).not.toThrow();
    }
    const cmd = parseQuery(commandPivot(long)) as Extract<SearchNode, { kind: 'match' }>;
    expect(cmd.value.kind === 'exact' && long.startsWith(cmd.value.text) && cmd.value.text.length > 500).toBe(true);
    const path = parseQuery(term('file.path', long)) as Extract<SearchNode, { kind: 'match' }>;
    expect(path.value.kind).toBe('wildcard');
    if (path.value.kind === 'wildcard') {
      expect(path.value.parts).toHaveLength(2);
      expect(long.startsWith(path.value.parts[0]!)).toBe(true);
      expect(path.value.parts[1]).toBe('');
    }
  });

  it('random strings over a hostile alphabet always parse to the same literal', () => {
    const alphabet = ['a', 'o', 'r', 'n', 'd', ' ', '"', '\\', '(', ')', '*', ':', '<', '>', '=', '\n', 'é', '😀'];
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let i = 0; i < 500; i++) {
      const v = Array.from({ length: 1 + rand(30) }, () => alphabet[rand(alphabet.length)]).join('');
      expect(parseQuery(term('process.name', v))).toEqual(exact('process.name', v));
    }
  });
});
