import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuleset, type RulesetSpec } from './ruleset.js';

const base: RulesetSpec = { collector: { addresses: ['10.1.2.3'], port: 8443 }, allow: [], allowDns: false, allowDhcp: false };

function rules(text: string, chain: string): string[] {
  const body = text.split(`\tchain ${chain} {\n`)[1]!.split('\t}')[0]!;
  return body.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe('buildRuleset', () => {
  it('replaces the table atomically: create-if-absent, delete, add', () => {
    const lines = buildRuleset(base).split('\n');
    expect(lines.slice(0, 3)).toEqual(['table inet xdr_isolation {}', 'delete table inet xdr_isolation', 'table inet xdr_isolation {']);
  });

  it('drops by default on input, output and forward, ahead of the filter tables, and cuts flows it did not allow', () => {
    const text = buildRuleset(base);
    for (const c of ['input', 'output', 'forward']) {
      expect(rules(text, c)[0]).toBe(`type filter hook ${c} priority filter - 10; policy drop;`);
      expect(rules(text, c).at(-1)).toBe('counter comment "dropped by the isolation"');
    }
    expect(rules(text, 'forward')).toHaveLength(2);
    // established traffic passes only with the mark of a flow this table allowed
    expect(text).not.toMatch(/^\s*ct state established,related accept$/m);
    expect(rules(text, 'input').slice(1, 4)).toEqual([
      'iif "lo" accept',
      'ct mark and 0x08000000 == 0x08000000 accept',
      'icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert, mld-listener-query, mld-listener-report, mld2-listener-report } accept',
    ]);
    expect(rules(text, 'output')[1]).toBe('oif "lo" accept');
  });

  it('allows the IPv4 collector address and port, both ways', () => {
    const text = buildRuleset(base);
    expect(rules(text, 'output')).toContain('ip daddr 10.1.2.3 tcp dport 8443 ct mark set ct mark or 0x08000000 accept');
    expect(rules(text, 'input')).toContain('ct state established,related ip saddr 10.1.2.3 tcp sport 8443 ct mark set ct mark or 0x08000000 accept');
    expect(text).not.toContain('ip6 daddr');
  });

  it('allows every address of a dual-stack collector, per family, once each', () => {
    const text = buildRuleset({ ...base, collector: { addresses: ['fd00::1', '10.1.2.3', '10.1.2.4', 'fd00::1'], port: 443 } });
    expect(rules(text, 'output')).toContain('ip daddr { 10.1.2.3, 10.1.2.4 } tcp dport 443 ct mark set ct mark or 0x08000000 accept');
    expect(rules(text, 'output')).toContain('ip6 daddr fd00::1 tcp dport 443 ct mark set ct mark or 0x08000000 accept');
    expect(rules(text, 'input')).toContain('ct state established,related ip6 saddr fd00::1 tcp sport 443 ct mark set ct mark or 0x08000000 accept');
  });

  it('turns allowlist entries into peer + destination-port rules both ways', () => {
    const text = buildRuleset({
      ...base,
      allow: [
        { cidr: '192.168.0.0/16' },
        { cidr: '10.9.0.0/24', ports: [22] },
        { cidr: '2001:db8::/32', ports: [443, 8443], protocol: 'tcp' },
        { cidr: '10.8.0.1', protocol: 'udp' },
      ],
    });
    const out = rules(text, 'output');
    const inp = rules(text, 'input');
    const m = 'ct mark set ct mark or 0x08000000 accept';
    expect(out).toContain(`ip daddr 192.168.0.0/16 ${m}`);
    expect(out).toContain(`ip daddr 10.9.0.0/24 meta l4proto { tcp, udp } th dport 22 ${m}`);
    expect(out).toContain(`ip6 daddr 2001:db8::/32 tcp dport { 443, 8443 } ${m}`);
    expect(out).toContain(`ip daddr 10.8.0.1 meta l4proto udp ${m}`);
    expect(inp).toContain(`ip saddr 10.9.0.0/24 meta l4proto { tcp, udp } th dport 22 ${m}`);
    expect(inp).toContain(`ip6 saddr 2001:db8::/32 tcp dport { 443, 8443 } ${m}`);
  });

  it('allows DNS and DHCP only when asked', () => {
    const none = buildRuleset(base);
    expect(none).not.toMatch(/dport 53|dport 67|dport 547/);
    const text = buildRuleset({ ...base, allowDns: true, allowDhcp: true });
    const m = 'ct mark set ct mark or 0x08000000 accept';
    expect(rules(text, 'output')).toEqual(expect.arrayContaining([
      `udp dport 53 ${m}`, `tcp dport 53 ${m}`,
      `meta nfproto ipv4 udp sport 68 udp dport 67 ${m}`, `meta nfproto ipv6 udp sport 546 udp dport 547 ${m}`,
    ]));
    expect(rules(text, 'input')).toEqual(expect.arrayContaining([
      'meta nfproto ipv4 udp sport 67 udp dport 68 accept', 'meta nfproto ipv6 udp sport 547 udp dport 546 accept',
    ]));
  });

  it('refuses input that is not an address, CIDR or port (nothing reaches nft unchecked)', () => {
    expect(() => buildRuleset({ ...base, collector: { addresses: [], port: 1 } })).toThrow(/no address/);
    expect(() => buildRuleset({ ...base, collector: { addresses: ['collector.example'], port: 1 } })).toThrow(/"collector.example" is not an IPv4 or IPv6 address/);
    expect(() => buildRuleset({ ...base, collector: { addresses: ['10.0.0.1'], port: 0 } })).toThrow(/collector port 0/);
    expect(() => buildRuleset({ ...base, allow: [{ cidr: '10.0.0.0/8 accept; flush ruleset' }] })).toThrow(/allow\[0\]\.cidr/);
    expect(() => buildRuleset({ ...base, allow: [{ cidr: '10.0.0.0/33' }] })).toThrow(/allow\[0\]\.cidr/);
    expect(() => buildRuleset({ ...base, allow: [{ cidr: 'fd00::/129' }] })).toThrow(/allow\[0\]\.cidr/);
    expect(() => buildRuleset({ ...base, allow: [{ cidr: '10.0.0.0/8', ports: [70000] }] })).toThrow(/allow\[0\]\.ports 70000/);
    expect(() => buildRuleset({ ...base, allow: [{ cidr: '10.0.0.0/8', protocol: 'icmp' as 'tcp' }] })).toThrow(/protocol/);
  });
});

// nft itself checks the text (`nft -c`, nothing applied), in a network namespace of the test's own.
const nftReason = process.getuid?.() !== 0 ? 'not root'
  : spawnSync('ip', ['-V']).status !== 0 ? 'no ip (iproute2)'
    : spawnSync('nft', ['--version']).status !== 0 ? 'no nft (nftables)' : undefined;

describe.skipIf(nftReason !== undefined)(`nft accepts the ruleset${nftReason ? ` (skipped: ${nftReason})` : ''}`, () => {
  const ns = `xdrt-${process.pid}-rs`;
  beforeAll(() => execFileSync('ip', ['netns', 'add', ns]));
  afterAll(() => spawnSync('ip', ['netns', 'del', ns]));

  const check = (spec: RulesetSpec) => {
    const r = spawnSync('ip', ['netns', 'exec', ns, 'nft', '-c', '-f', '-'], { input: buildRuleset(spec), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  };

  it('v4 collector, no allowlist', () => check(base));
  it('dual-stack collector, every kind of allowlist entry, DNS and DHCP', () => check({
    collector: { addresses: ['10.1.2.3', '10.1.2.4', 'fd00::1'], port: 443 },
    allow: [
      { cidr: '192.168.0.0/16' }, { cidr: '10.9.0.0/24', ports: [22] }, { cidr: '2001:db8::/32', ports: [443, 8443], protocol: 'tcp' },
      { cidr: '10.8.0.1', protocol: 'udp' }, { cidr: 'fe80::1', ports: [53], protocol: 'udp' },
    ],
    allowDns: true, allowDhcp: true,
  }));
  it('v6-only collector', () => check({ ...base, collector: { addresses: ['2001:db8::10'], port: 8443 } }));
});
