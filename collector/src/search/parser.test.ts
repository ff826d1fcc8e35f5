// The grammar: valid queries to their AST, and every error with its column and what was expected.
import { describe, expect, it } from 'vitest';
import { SearchError, parseQuery, MAX_DEPTH, MAX_QUERY_LENGTH, MAX_TERMS } from './index.js';
import { ipToHex, parseCidr } from './cidr.js';

const exact = (text: string, quoted = false) => ({ kind: 'exact', text, quoted });
const m = (field: string, text: string, quoted = false) => ({ kind: 'match', field, value: exact(text, quoted) });

function fails(query: string): SearchError {
  try {
    parseQuery(query);
  } catch (err) {
    expect(err).toBeInstanceOf(SearchError);
    return err as SearchError;
  }
  throw new Error(`"${query}" parsed`);
}

describe('parseQuery: valid queries', () => {
  it.each([
    ['', { kind: 'all' }],
    ['   ', { kind: 'all' }],
    ['*', { kind: 'all' }],
    ['process.name:curl', m('process.name', 'curl')],
    ['process.name : curl', m('process.name', 'curl')],
    ['process.command_line:*base64*', { kind: 'match', field: 'process.command_line', value: { kind: 'wildcard', parts: ['', 'base64', ''] } }],
    ['file.path:/tmp/*.sh', { kind: 'match', field: 'file.path', value: { kind: 'wildcard', parts: ['/tmp/', '.sh'] } }],
    ['file.path:/tmp/\\*', m('file.path', '/tmp/*')],
    ['process.command_line:"curl -s http://x"', m('process.command_line', 'curl -s http://x', true)],
    ['"a \\"quoted\\" word"', { kind: 'text', value: exact('a "quoted" word', true) }],
    ['file.hash.sha256:*', { kind: 'exists', field: 'file.hash.sha256' }],
    ['destination.port >= 1024', { kind: 'range', field: 'destination.port', op: '>=', value: 1024 }],
    ['destination.port>1024', { kind: 'range', field: 'destination.port', op: '>', value: 1024 }],
    ['destination.port < 10', { kind: 'range', field: 'destination.port', op: '<', value: 10 }],
    ['destination.port <= -1', { kind: 'range', field: 'destination.port', op: '<=', value: -1 }],
    ['@timestamp >= 2024-05-01T12:00:00Z', { kind: 'range', field: '@timestamp', op: '>=', value: Date.parse('2024-05-01T12:00:00Z') }],
    ['destination.port:443', m('destination.port', '443')],
    ['destination.ip:10.0.0.0/8', { kind: 'cidr', field: 'destination.ip', cidr: '10.0.0.0/8', lo: '00000000000000000000ffff0a000000', hi: '00000000000000000000ffff0affffff' }],
    ['source.ip:fd00::/8', { kind: 'cidr', field: 'source.ip', cidr: 'fd00::/8', lo: 'fd000000000000000000000000000000', hi: 'fdffffffffffffffffffffffffffffff' }],
    ['host.ip:fe80::1', { kind: 'cidr', field: 'host.ip', cidr: 'fe80::1', lo: 'fe800000000000000000000000000001', hi: 'fe800000000000000000000000000001' }],
    ['destination.ip:10.0.*', { kind: 'match', field: 'destination.ip', value: { kind: 'wildcard', parts: ['10.0.', ''] } }],
    ['base64', { kind: 'text', value: exact('base64') }],
    ['a b', { kind: 'and', children: [{ kind: 'text', value: exact('a') }, { kind: 'text', value: exact('b') }] }],
    ['a AND b Or c', { kind: 'or', children: [
      { kind: 'and', children: [{ kind: 'text', value: exact('a') }, { kind: 'text', value: exact('b') }] },
      { kind: 'text', value: exact('c') },
    ] }],
    ['not process.name:sshd', { kind: 'not', child: m('process.name', 'sshd') }],
    ['NOT NOT a', { kind: 'not', child: { kind: 'not', child: { kind: 'text', value: exact('a') } } }],
    ['(a or b) c', { kind: 'and', children: [
      { kind: 'or', children: [{ kind: 'text', value: exact('a') }, { kind: 'text', value: exact('b') }] },
      { kind: 'text', value: exact('c') },
    ] }],
    ['process.name:(curl or wget)', { kind: 'or', children: [m('process.name', 'curl'), m('process.name', 'wget')] }],
    ['process.name:(curl or (wget and not "x y"))', { kind: 'or', children: [
      m('process.name', 'curl'),
      { kind: 'and', children: [m('process.name', 'wget'), { kind: 'not', child: m('process.name', 'x y', true) }] },
    ] }],
    ['"and"', { kind: 'text', value: exact('and', true) }],
    ['process.name:"or"', m('process.name', 'or', true)],
    ["user.name:o'brien;--", m('user.name', "o'brien;--")],
    ['process.name:naïve✓', m('process.name', 'naïve✓')],
  ])('%s', (query, ast) => {
    expect(parseQuery(query)).toEqual(ast);
  });
});

describe('parseQuery: errors name the column and what was expected', () => {
  it.each([
    // [query, code, column, message fragment]
    ['process.nam:curl', 'SEARCH_UNKNOWN_FIELD', 1, 'unknown field "process.nam": did you mean "process.name"?'],
    ['a and procss.name:x', 'SEARCH_UNKNOWN_FIELD', 7, 'did you mean "process.name"?'],
    ['http://example.com', 'SEARCH_UNKNOWN_FIELD', 1, 'to search for the text, quote it'],
    ['zzzzzzzzzzzz:1', 'SEARCH_UNKNOWN_FIELD', 1, 'fields are ECS names'],
    ['process.name:', 'SEARCH_SYNTAX', 14, 'expected a value, "*" or "(" after "process.name:", got the end of the query'],
    ['process.name:)', 'SEARCH_SYNTAX', 14, 'expected a value, "*" or "(" after "process.name:", got ")"'],
    ['process.name:(curl', 'SEARCH_SYNTAX', 19, 'expected ")" to close the "(" at column 14, got the end of the query'],
    ['process.name:()', 'SEARCH_SYNTAX', 15, 'expected a value for process.name, "not" or "(", got ")"'],
    ['(a or b', 'SEARCH_SYNTAX', 8, 'expected ")" to close the "(" at column 1'],
    ['a or b)', 'SEARCH_SYNTAX', 7, 'unbalanced ")"'],
    ['a or', 'SEARCH_SYNTAX', 5, 'expected a term: field:value, field >= number, a word, a "phrase", "not" or "(", got the end of the query'],
    ['and a', 'SEARCH_SYNTAX', 1, 'expected a term'],
    ['a and or b', 'SEARCH_SYNTAX', 7, 'got the operator "or"'],
    ['not', 'SEARCH_SYNTAX', 4, 'expected a term'],
    ['()', 'SEARCH_SYNTAX', 2, 'expected a term'],
    ['"unterminated', 'SEARCH_SYNTAX', 1, 'unterminated phrase: expected a closing \'"\''],
    ['a\\', 'SEARCH_SYNTAX', 2, 'expected a character after it'],
    ['process.pid = 5', 'SEARCH_SYNTAX', 13, 'unexpected "="'],
    ['destination.port >=', 'SEARCH_SYNTAX', 20, 'expected a number or time after "destination.port >="'],
    ['destination.port >= "x"', 'SEARCH_SYNTAX', 21, 'expected a number or time'],
    ['destination.port:abc', 'SEARCH_BAD_VALUE', 18, 'destination.port holds integers, got "abc"'],
    ['destination.port:8*', 'SEARCH_BAD_VALUE', 18, 'wildcards apply to text fields'],
    ['destination.port >= 1.5', 'SEARCH_BAD_VALUE', 21, 'expected an integer after >='],
    ['process.name >= 3', 'SEARCH_BAD_VALUE', 17, 'ranges apply to numeric and time fields; process.name is keyword'],
    ['@timestamp >= yesterday', 'SEARCH_BAD_VALUE', 15, 'expected a time'],
    ['@timestamp:2024-05-01T12:00:00', 'SEARCH_BAD_VALUE', 12, 'ISO 8601 with a zone'],
    ['destination.ip:10.0.0.0/33', 'SEARCH_BAD_VALUE', 16, 'expected a CIDR block'],
    ['destination.ip:10.0.0.0/x', 'SEARCH_BAD_VALUE', 16, 'expected a CIDR block'],
    ['destination.ip:example.com', 'SEARCH_BAD_VALUE', 16, 'holds IP addresses'],
  ])('%s', (query, code, column, fragment) => {
    const err = fails(query);
    expect({ code: err.code, column: err.column }).toEqual({ code, column });
    expect(err.message).toContain(fragment);
    expect(err.message.startsWith(`column ${column}: `)).toBe(true);
  });

  it('bounds length, nesting and terms', () => {
    expect(fails('a'.repeat(MAX_QUERY_LENGTH + 1)).code).toBe('SEARCH_TOO_COMPLEX');
    expect(fails(`${'('.repeat(MAX_DEPTH + 1)}a${')'.repeat(MAX_DEPTH + 1)}`).code).toBe('SEARCH_TOO_COMPLEX');
    expect(fails(Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(' ')).code).toBe('SEARCH_TOO_COMPLEX');
  });
});

describe('IP addresses as hex ranges', () => {
  it('maps v4 into ::ffff:0:0/96 and expands v6', () => {
    expect(ipToHex('10.1.2.3')).toBe('00000000000000000000ffff0a010203');
    expect(ipToHex('::ffff:10.1.2.3')).toBe('00000000000000000000ffff0a010203');
    expect(ipToHex('2001:db8::1')).toBe('20010db8000000000000000000000001');
    expect(ipToHex('not an ip')).toBeNull();
    expect(ipToHex(null)).toBeNull();
  });

  it('CIDR blocks, host bits ignored', () => {
    expect(parseCidr('172.16.5.4/12')).toEqual({ lo: '00000000000000000000ffffac100000', hi: '00000000000000000000ffffac1fffff' });
    expect(parseCidr('0.0.0.0/0')).toEqual({ lo: '00000000000000000000ffff00000000', hi: '00000000000000000000ffffffffffff' });
    expect(parseCidr('::/0')).toEqual({ lo: '0'.repeat(32), hi: 'f'.repeat(32) });
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
  });
});
