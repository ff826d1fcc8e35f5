// IP addresses as fixed-width hex so that a CIDR block is a plain range comparison: every
// address becomes 32 hex digits (IPv4 as the mapped address ::ffff:a.b.c.d), and a block
// a.b.c.d/n is [lo, hi] in that space. The store registers ipToHex as an SQL function.
import { isIPv4, isIPv6 } from 'node:net';

function v4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

function v6Bytes(ip: string): number[] | undefined {
  let text = ip;
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const b = v4Bytes(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    const n = parseInt(g, 16);
    out.push(n >> 8, n & 0xff);
  }
  return out;
}

/** 16 bytes of an address (IPv4 mapped into ::ffff:0:0/96), or undefined when the text is not an address. */
function bytesOf(ip: string): number[] | undefined {
  if (isIPv4(ip)) return [...Array<number>(10).fill(0), 0xff, 0xff, ...v4Bytes(ip)];
  if (isIPv6(ip)) return v6Bytes(ip);
  return undefined;
}

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

/** The address as 32 lowercase hex digits, or null when the text is not an IPv4/IPv6 address. */
export function ipToHex(ip: unknown): string | null {
  if (typeof ip !== 'string') return null;
  const b = bytesOf(ip);
  return b === undefined ? null : hex(b);
}

export interface CidrRange {
  lo: string;
  hi: string;
}

/** `10.0.0.0/8` or `fd00::/8` as a hex range; undefined when the text is not a CIDR block. Host bits may be set (they are ignored). */
export function parseCidr(text: string): CidrRange | undefined {
  const slash = text.lastIndexOf('/');
  if (slash === -1) return undefined;
  const ip = text.slice(0, slash);
  const lenText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lenText)) return undefined;
  const v4 = isIPv4(ip);
  const bits = Number(lenText);
  if (bits > (v4 ? 32 : 128)) return undefined;
  const b = bytesOf(ip);
  if (b === undefined) return undefined;
  const prefix = v4 ? 96 + bits : bits;
  const lo = b.slice();
  const hi = b.slice();
  for (let i = 0; i < 16; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    lo[i] = b[i]! & mask;
    hi[i] = (b[i]! & mask) | (~mask & 0xff);
  }
  return { lo: hex(lo), hi: hex(hi) };
}
