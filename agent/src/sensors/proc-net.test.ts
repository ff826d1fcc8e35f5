import { describe, expect, it } from 'vitest';
import { decodeAddress, parseProcNet, tcpCounters, TCP_LISTEN } from './proc-net.js';

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

  it('sums up the TCP counters that change when a socket opens or closes', () => {
    const snmp = [
      'Ip: Forwarding DefaultTTL', 'Ip: 1 64',
      'Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs',
      'Tcp: 1 200 120000 -1 10028 9578 253 2999 33 648061 630598',
    ].join('\n');
    const sockstat = 'sockets: used 175\nTCP: inuse 40 orphan 1 tw 19 alloc 40 mem 49\nUDP: inuse 0 mem 0\n';
    const c = tcpCounters(snmp, sockstat, 'TCP6: inuse 0\nUDP6: inuse 0\n');
    expect(c).toEqual({ signature: '10028 9578 253 2999 33 |40 1 40|0', inuse4: 40, inuse6: 0 });
    // traffic alone (segments, memory) does not change it; a new connection does
    const busier = snmp.replace('648061 630598', '700000 700000');
    expect(tcpCounters(busier, sockstat.replace('mem 49', 'mem 80'), 'TCP6: inuse 0\n').signature).toBe(c.signature);
    // nor do TIME_WAIT sockets expiring; a connection that closes leaves inuse
    expect(tcpCounters(snmp, sockstat.replace('tw 19', 'tw 3'), 'TCP6: inuse 0\n').signature).toBe(c.signature);
    expect(tcpCounters(snmp, sockstat.replace('inuse 40', 'inuse 39'), 'TCP6: inuse 0\n').signature).not.toBe(c.signature);
    expect(tcpCounters(snmp.replace('10028', '10029'), sockstat, 'TCP6: inuse 0\n').signature).not.toBe(c.signature);
    // unreadable counters: no signature, so the tables are read every time
    expect(tcpCounters('', '', '')).toEqual({ signature: '', inuse4: -1, inuse6: -1 });
  });
});
