import { describe, expect, it } from 'vitest';
import { isSshdProgram, parseSshdMessage, parseSyslogLine } from './sshd-parser.js';

describe('parseSshdMessage', () => {
  it.each([
    ['Accepted password for alice from 192.0.2.10 port 51234 ssh2', { outcome: 'success', user: 'alice', ip: '192.0.2.10', port: 51234, method: 'password', invalidUser: false }],
    ['Accepted publickey for root from 2001:db8::7 port 50022 ssh2: ED25519 SHA256:Zx3Q1n0yX4z3kqV5uQ5uA2kq9N8v8pC0m8ZkQnJc0aE', { outcome: 'success', user: 'root', ip: '2001:db8::7', port: 50022, method: 'publickey', invalidUser: false }],
    ['Accepted publickey for deploy from 10.1.2.3 port 40022 ssh2: RSA-CERT SHA256:abc ID ci (serial 7) CA RSA SHA256:def', { outcome: 'success', user: 'deploy', ip: '10.1.2.3', port: 40022, method: 'publickey', invalidUser: false }],
    ['Accepted keyboard-interactive/pam for bob from 198.51.100.4 port 2222 ssh2', { outcome: 'success', user: 'bob', ip: '198.51.100.4', port: 2222, method: 'keyboard-interactive/pam', invalidUser: false }],
    ['Failed password for root from 203.0.113.5 port 40000 ssh2', { outcome: 'failure', user: 'root', ip: '203.0.113.5', port: 40000, method: 'password', invalidUser: false }],
    ['Failed password for invalid user admin from 203.0.113.5 port 40001 ssh2', { outcome: 'failure', user: 'admin', ip: '203.0.113.5', port: 40001, method: 'password', invalidUser: true }],
    ['Failed publickey for alice from ::ffff:192.0.2.9 port 5022 ssh2: ECDSA SHA256:xyz', { outcome: 'failure', user: 'alice', ip: '::ffff:192.0.2.9', port: 5022, method: 'publickey', invalidUser: false }],
    ['Failed none for invalid user oracle from 203.0.113.7 port 3333 ssh2', { outcome: 'failure', user: 'oracle', ip: '203.0.113.7', port: 3333, method: 'none', invalidUser: true }],
    ['Invalid user admin from 203.0.113.5 port 40000', { outcome: 'failure', user: 'admin', ip: '203.0.113.5', port: 40000, method: '', invalidUser: true }],
    ['Invalid user test from 203.0.113.8', { outcome: 'failure', user: 'test', ip: '203.0.113.8', port: 0, method: '', invalidUser: true }],
    ['error: maximum authentication attempts exceeded for root from 203.0.113.5 port 40002 ssh2 [preauth]', { outcome: 'failure', user: 'root', ip: '203.0.113.5', port: 40002, method: 'max_attempts', invalidUser: false }],
  ])('%s', (line, expected) => {
    expect(parseSshdMessage(line)).toEqual(expected);
  });

  it.each([
    'Connection closed by 203.0.113.5 port 40000 [preauth]',
    'Received disconnect from 203.0.113.5 port 40000:11: Bye Bye [preauth]',
    'pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)',
    'Server listening on 0.0.0.0 port 22.',
    'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.5  user=root',
  ])('ignores %s', (line) => {
    expect(parseSshdMessage(line)).toBeUndefined();
  });
});

describe('parseSyslogLine', () => {
  it('reads a classic auth.log line as local time in the current year', () => {
    const now = new Date(2026, 5, 1, 12, 0, 0);
    const l = parseSyslogLine('Mar  5 09:15:02 web1 sshd[1234]: Accepted password for alice from 192.0.2.10 port 51234 ssh2', now)!;
    expect(l).toMatchObject({ host: 'web1', program: 'sshd', pid: 1234, message: 'Accepted password for alice from 192.0.2.10 port 51234 ssh2' });
    expect(l.timeMs).toBe(new Date(2026, 2, 5, 9, 15, 2).getTime());
  });

  it('puts a December line read in January in the previous year', () => {
    const l = parseSyslogLine('Dec 31 23:59:59 h sshd[1]: x', new Date(2027, 0, 1, 0, 0, 5))!;
    expect(new Date(l.timeMs!).getFullYear()).toBe(2026);
  });

  it('reads RFC 3339 timestamps (rsyslog high precision) and sshd-session', () => {
    const l = parseSyslogLine('2026-03-05T09:15:02.123456+01:00 web1 sshd-session[88]: Failed password for root from 203.0.113.5 port 40000 ssh2')!;
    expect(l).toMatchObject({ program: 'sshd-session', pid: 88, timeMs: Date.UTC(2026, 2, 5, 8, 15, 2, 123) });
    expect(isSshdProgram(l.program)).toBe(true);
    expect(isSshdProgram('sudo')).toBe(false);
  });

  it('returns undefined for lines that are not syslog', () => {
    expect(parseSyslogLine('garbage')).toBeUndefined();
  });
});
