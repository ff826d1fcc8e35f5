// Parses /proc/net/{tcp,tcp6,udp,udp6}. Addresses are hex words in host byte order (little-endian
// on every platform we ship), ports are hex in network order.
import { endianness } from 'node:os';

export interface SocketRow {
  transport: 'tcp' | 'udp';
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  state: number;
  inode: number;
  uid: number;
}

export const TCP_ESTABLISHED = 0x01;
export const TCP_SYN_SENT = 0x02;
export const TCP_TIME_WAIT = 0x06;
export const TCP_CLOSE = 0x07;
export const TCP_LISTEN = 0x0a;

const LE = endianness() === 'LE';

export function parseProcNet(text: string, transport: 'tcp' | 'udp'): SocketRow[] {
  const rows: SocketRow[] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].trim().split(/\s+/);
    if (f.length < 10) continue;
    const [lip, lport] = f[1].split(':');
    const [rip, rport] = f[2].split(':');
    rows.push({
      transport, localIp: decodeAddress(lip), localPort: parseInt(lport, 16), remoteIp: decodeAddress(rip),
      remotePort: parseInt(rport, 16), state: parseInt(f[3], 16), uid: Number(f[7]), inode: Number(f[9]),
    });
  }
  return rows;
}

/** 8 hex digits: IPv4; 32: IPv6 as four 32-bit words, each in host order. v4-mapped IPv6 is shown as IPv4. */
export function decodeAddress(hex: string): string {
  if (hex.length === 8) return ipv4(hex);
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    const b = [0, 2, 4, 6].map((o) => parseInt(word.slice(o, o + 2), 16));
    bytes.push(...(LE ? b.reverse() : b));
  }
  if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return compressIpv6(groups);
}

function ipv4(hex: string): string {
  const b = [0, 2, 4, 6].map((o) => parseInt(hex.slice(o, o + 2), 16));
  return (LE ? b.reverse() : b).join('.');
}

function compressIpv6(groups: string[]): string {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

export function isUnspecified(ip: string): boolean {
  return ip === '0.0.0.0' || ip === '::';
}

export interface TcpCounters {
  /** Changes whenever a TCP socket of this network namespace may have opened or closed. */
  signature: string;
  /** TCP sockets in use, IPv4 and IPv6 (-1: unknown). With 0, /proc/net/tcp{,6} has no rows worth reading. */
  inuse4: number;
  inuse6: number;
}

/**
 * What the kernel's TCP counters say about the sockets of this network namespace: open attempts
 * and opens (snmp `Tcp:` ActiveOpens, PassiveOpens, AttemptFails, EstabResets, CurrEstab) and
 * sockets in use, orphaned and allocated (sockstat `TCP:`, sockstat6 `TCP6:`). Reading these
 * costs microseconds; reading /proc/net/tcp walks the whole connection hash table (milliseconds
 * on a big host, even when the namespace has no socket). The TIME_WAIT count is left out: it
 * falls as old connections expire, which changes nothing the network sensor reports, while a
 * connection entering TIME_WAIT also leaves `inuse`.
 */
export function tcpCounters(snmp: string, sockstat: string, sockstat6: string): TcpCounters {
  const lines = snmp.split('\n').filter((l) => l.startsWith('Tcp:'));
  let counters = '';
  if (lines.length >= 2) {
    const names = lines[0].trim().split(/\s+/);
    const values = lines[1].trim().split(/\s+/);
    for (const n of ['ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'CurrEstab']) counters += `${values[names.indexOf(n)]} `;
  }
  const tcp = /^TCP: inuse (\d+) orphan (\d+) tw \d+ alloc (\d+)/m.exec(sockstat);
  const tcp6 = /^TCP6: inuse (\d+)/m.exec(sockstat6);
  return {
    signature: counters && tcp && tcp6 ? `${counters}|${tcp.slice(1).join(' ')}|${tcp6[1]}` : '',
    inuse4: tcp ? Number(tcp[1]) : -1,
    inuse6: tcp6 ? Number(tcp6[1]) : -1,
  };
}
