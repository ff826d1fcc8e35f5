import { describe, expect, it } from 'vitest';
import { decodeAddress, parseProcNet, TCP_LISTEN } from './proc-net.js';

describe('proc-net', () => {
  it('decodes IPv4, IPv6 and v4-mapped addresses (little-endian words)', () => {
    expect(decodeAddress('0100007F')).toBe('127.0.0.1');
    expect(decodeAddress('00000000')).toBe('0.0.0.0');
    expect(decodeAddress('00000000000000000000000001000000')).toBe('::1');
    expect(decodeAddress('00000000000000000000000000000000')).toBe('::');
    expect(decodeAddress('0000000000000000FFFF00000100007F')).toBe('127.0.0.1');
    expect(decodeAddress('B80D0120000000000000000001000000')).toBe('2001:db8::1');
  });

  it('parses /proc/net/tcp rows', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:C350 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 23456 1 0000000000000000 20 4 30 10 -1',
    ].join('\n');
    const rows = parseProcNet(text, 'tcp');
    expect(rows).toEqual([
      { transport: 'tcp', localIp: '127.0.0.1', localPort: 8080, remoteIp: '0.0.0.0', remotePort: 0, state: TCP_LISTEN, uid: 0, inode: 12345 },
      { transport: 'tcp', localIp: '127.0.0.1', localPort: 50000, remoteIp: '127.0.0.1', remotePort: 8080, state: 1, uid: 1000, inode: 23456 },
    ]);
  });
});
