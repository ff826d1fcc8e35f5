// The login sensor tailing a real file: appended sshd lines become LoginEvents, other programs'
// lines are ignored, and rotation (rename + new file) is followed.
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wire } from '../../../proto/index.js';
import { startHarness, type Harness } from './testing/run-harness.js';

const off = { enabled: false };

describe('login sensor (auth.log)', () => {
  let h: Harness;
  let dir: string;
  let log: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xdr-login-'));
    log = join(dir, 'auth.log');
    writeFileSync(log, 'Mar  5 09:00:00 web1 sshd[10]: Accepted password for old from 192.0.2.1 port 1 ssh2\n');
    h = await startHarness({ quiet: true, sensors: { process: off, file: off, network: off, login: { source: 'file', auth_log_paths: [log], poll_interval_ms: 50 } } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports successes and failures appended after start, follows rotation', async () => {
    expect(h.lastStats?.sensors.login.mode).toBe(`file:${log}`);
    appendFileSync(log, [
      'Mar  5 09:15:02 web1 sshd[1234]: Accepted publickey for alice from 192.0.2.10 port 51234 ssh2: ED25519 SHA256:abc',
      'Mar  5 09:15:03 web1 sudo: alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/id',
      'Mar  5 09:15:04 web1 sshd[1235]: Failed password for invalid user admin from 203.0.113.5 port 40001 ssh2',
    ].join('\n') + '\n');
    const ok = await h.waitFor((ev) => ev.login?.userName === 'alice');
    expect(ok.login).toMatchObject({ outcome: wire.LoginEvent.Outcome.SUCCESS, sourceIp: '192.0.2.10', sourcePort: 51234, method: 'publickey', service: 'sshd' });
    expect(ok.login!.process!.pid).toBe(1234);
    const bad = await h.waitFor((ev) => ev.login?.userName === 'admin');
    expect(bad.login).toMatchObject({ outcome: wire.LoginEvent.Outcome.FAILURE, sourceIp: '203.0.113.5', method: 'password' });

    // logrotate: the old file is renamed (a last line lands in it), a new one is created
    renameSync(log, `${log}.1`);
    appendFileSync(`${log}.1`, 'Mar  5 09:16:00 web1 sshd[1236]: Failed password for root from 203.0.113.6 port 2 ssh2\n');
    writeFileSync(log, '2026-03-05T09:17:00+00:00 web1 sshd-session[1237]: Accepted password for bob from 2001:db8::5 port 3 ssh2\n');
    await h.waitFor((ev) => ev.login?.sourceIp === '203.0.113.6', 5000, 'last line of the rotated file');
    const bob = await h.waitFor((ev) => ev.login?.userName === 'bob', 5000, 'first line of the new file');
    expect(Number(bob.timeMs)).toBe(Date.parse('2026-03-05T09:17:00Z'));
    expect(h.events.some((ev) => ev.login?.userName === 'old')).toBe(false);
    expect(h.events.filter((ev) => ev.login).length).toBe(4);
  });
});
