// The nftables ruleset of a host isolation, built from data by a pure function so that it can be
// read, unit-tested and checked with `nft -c` without touching a firewall. Applying it is
// isolation.ts's job.
import { isIP } from 'node:net';
import type { IsolationAllow } from '../../../../proto/command.js';

export const ISOLATION_FAMILY = 'inet';
export const ISOLATION_TABLE = 'xdr_isolation';
/** `inet xdr_isolation`, as nft names it and as results report it */
export const ISOLATION_TABLE_REF = `${ISOLATION_FAMILY} ${ISOLATION_TABLE}`;

/**
 * After conntrack (-200) and destination NAT (-100), so `ct` state and translated addresses are
 * what the rules see; before the usual filter tables (iptables-nft, ufw, firewalld at 0 and +10).
 * A drop here is final whatever other tables say.
 */
export const ISOLATION_PRIORITY = 'filter - 10';

/**
 * The conntrack mark bit of a flow that this table let through (either direction). Established
 * and related packets are accepted only when their flow carries it, so a connection opened
 * before the isolation (a reverse shell, a C2 session) is cut, not kept. One bit, OR-ed in, so
 * other users of the ct mark keep theirs.
 */
export const ALLOWED_FLOW_MARK = 0x08000000;

const MARK = `0x${ALLOWED_FLOW_MARK.toString(16).padStart(8, '0')}`;
const ALLOW = `ct mark set ct mark or ${MARK} accept`;

/** IPv6 neighbour discovery and the multicast listener reports it relies on. */
const ICMPV6_LINK = 'nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert, mld-listener-query, mld-listener-report, mld2-listener-report';

export interface RulesetSpec {
  /** every address the collector's host resolved to, IPv4 and IPv6 */
  collector: { addresses: string[]; port: number };
  allow: IsolationAllow[];
  allowDns: boolean;
  allowDhcp: boolean;
}

function family(address: string): 'ip' | 'ip6' {
  return address.includes(':') ? 'ip6' : 'ip';
}

function checkAddress(address: string, what: string): void {
  if (isIP(address) === 0) throw new Error(`${what} "${address}" is not an IPv4 or IPv6 address`);
}

/** The CIDR as nft takes it; throws on anything but an address with an optional in-range prefix. */
function checkCidr(cidr: string, what: string): string {
  const [addr, prefix, ...rest] = cidr.split('/');
  const v = isIP(addr ?? '');
  const max = v === 6 ? 128 : 32;
  if (v === 0 || rest.length > 0 || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= max))) {
    throw new Error(`${what} "${cidr}" is not an IPv4 or IPv6 address or CIDR`);
  }
  return cidr;
}

function checkPort(port: number, what: string): number {
  if (!Number.isSafeInteger(port) || port < 1 || port > 65535) throw new Error(`${what} ${port} is not a port in 1-65535`);
  return port;
}

function set(items: (string | number)[]): string {
  return items.length === 1 ? String(items[0]) : `{ ${items.join(', ')} }`;
}

/** The protocol and port match of an allowlist entry ('' when it allows all traffic). */
function portMatch(a: IsolationAllow, i: number): string {
  const ports = (a.ports ?? []).map((p) => checkPort(p, `allow[${i}].ports`));
  if (a.protocol !== undefined && a.protocol !== 'tcp' && a.protocol !== 'udp') throw new Error(`allow[${i}].protocol must be tcp or udp`);
  if (ports.length === 0) return a.protocol ? ` meta l4proto ${a.protocol}` : '';
  if (a.protocol) return ` ${a.protocol} dport ${set(ports)}`;
  return ` meta l4proto { tcp, udp } th dport ${set(ports)}`;
}

/**
 * The whole transaction for `nft -f -`: create-if-absent, delete, add, so that an isolation
 * replaces any earlier one atomically (nft applies a file all or nothing).
 *
 * Allowlist entries name the peer (cidr) and the destination port of a new flow, both ways: the
 * host may open flows to the peer on those ports, and the peer may open flows to the host's
 * services on those ports. DNS and DHCP, when allowed, are outbound (and the DHCP replies).
 */
export function buildRuleset(spec: RulesetSpec): string {
  const port = checkPort(spec.collector.port, 'collector port');
  if (spec.collector.addresses.length === 0) throw new Error('the collector has no address to allow');
  for (const a of spec.collector.addresses) checkAddress(a, 'collector address');
  const byFamily = (f: 'ip' | 'ip6') => [...new Set(spec.collector.addresses.filter((a) => family(a) === f))];

  const input: string[] = [];
  const output: string[] = [];
  for (const f of ['ip', 'ip6'] as const) {
    const addrs = byFamily(f);
    if (addrs.length === 0) continue;
    // any state on the way out: the agent's own session, opened before the isolation, carries on
    output.push(`${f} daddr ${set(addrs)} tcp dport ${port} ${ALLOW}`);
    input.push(`ct state established,related ${f} saddr ${set(addrs)} tcp sport ${port} ${ALLOW}`);
  }
  spec.allow.forEach((a, i) => {
    const cidr = checkCidr(a.cidr, `allow[${i}].cidr`);
    const f = family(cidr);
    const match = portMatch(a, i);
    output.push(`${f} daddr ${cidr}${match} ${ALLOW}`);
    input.push(`${f} saddr ${cidr}${match} ${ALLOW}`);
  });
  if (spec.allowDns) {
    output.push(`udp dport 53 ${ALLOW}`, `tcp dport 53 ${ALLOW}`);
  }
  if (spec.allowDhcp) {
    // replies may be broadcast and so belong to no tracked flow: allowed by port
    output.push(`meta nfproto ipv4 udp sport 68 udp dport 67 ${ALLOW}`, `meta nfproto ipv6 udp sport 546 udp dport 547 ${ALLOW}`);
    input.push('meta nfproto ipv4 udp sport 67 udp dport 68 accept', 'meta nfproto ipv6 udp sport 547 udp dport 546 accept');
  }

  const chain = (name: string, hook: string, rules: string[]) => [
    `\tchain ${name} {`,
    `\t\ttype filter hook ${hook} priority ${ISOLATION_PRIORITY}; policy drop;`,
    ...rules.map((r) => `\t\t${r}`),
    '\t\tcounter comment "dropped by the isolation"',
    '\t}',
  ];
  const common = (lo: string) => [
    `${lo} "lo" accept`,
    `ct mark and ${MARK} == ${MARK} accept`,
    `icmpv6 type { ${ICMPV6_LINK} } accept`,
  ];
  return [
    `table ${ISOLATION_FAMILY} ${ISOLATION_TABLE} {}`,
    `delete table ${ISOLATION_FAMILY} ${ISOLATION_TABLE}`,
    `table ${ISOLATION_FAMILY} ${ISOLATION_TABLE} {`,
    ...chain('input', 'input', [...common('iif'), ...input]),
    ...chain('output', 'output', [...common('oif'), ...output]),
    // a host that routes (containers, VMs, a VPN) stops routing: nothing new is allowed through
    ...chain('forward', 'forward', []),
    '}',
    '',
  ].join('\n');
}
