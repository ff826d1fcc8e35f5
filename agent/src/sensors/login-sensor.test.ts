// The login sensor tailing a real file: appended sshd lines become LoginEvents, other programs'
// lines are ignored, and rotation (rename + new file) is followed. A journal that cannot be read
// is said in a notice, and the auth log is read instead when there is one.
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { wire, type xdr } from '../../../proto/index.js';
import { defaultSensorsConfig } from './config.js';
import { LoginSensor } from './login-sensor.js';
import { ProcessTable } from './process-table.js';
import { startHarness, type Harness } from './testing/run-harness.js';
import { UserNames } from './user-names.js';

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

describe('login sensor (journal path failing)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xdr-login-journal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function sensor(journalctl: string, authLog: string) {
    const events: xdr.v1.IEvent[] = [];
    const ctx = {
      emit: (ev: xdr.v1.IEvent) => events.push(ev), log: pino({ level: 'silent' }), hostId: 'h', agentPid: process.pid, users: new UserNames(),
      table: new ProcessTable({ hostId: 'h', bootTimeMs: 0, clockTicks: 100, agentPid: process.pid }),
    };
    const cfg = { ...defaultSensorsConfig().login, source: 'journal' as const, auth_log_paths: [authLog], poll_interval_ms: 20 };
    return { s: new LoginSensor(cfg, ctx, { journalctl }), events };
  }
  // (on a host without journald, a first notice says that journalctl may show nothing)
  const about = (events: xdr.v1.IEvent[], bin: string) => events.find((e) => e.notice?.message?.startsWith(bin))?.notice;
  const until = async (what: string, pred: () => boolean) => {
    for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 25));
    if (!pred()) throw new Error(`timed out waiting for ${what}`);
  };

  it('says journalctl could not be started and falls back to the auth log', async () => {
    const log = join(dir, 'auth.log');
    writeFileSync(log, '');
    const bin = join(dir, 'no-such-journalctl');
    const { s, events } = sensor(bin, log);
    await s.start();
    await until('a notice', () => !!about(events, bin));
    const n = about(events, bin)!;
    expect(n).toMatchObject({ code: 'sensor_degraded', sensor: 'login' });
    expect(n.message).toContain('could not be started (ENOENT)');
    expect(n.message).toContain(`read from ${log} instead of the journal`);
    expect(s.mode()).toBe(`file:${log}`);
    appendFileSync(log, 'Mar  5 09:15:02 web1 sshd[1234]: Accepted publickey for carol from 192.0.2.10 port 51234 ssh2\n');
    await until('the login from the auth log', () => events.some((e) => e.login?.userName === 'carol'));
    await s.stop();
  });

  it('says when journalctl cannot be started and there is no auth log either', async () => {
    const bin = join(dir, 'no-such-journalctl');
    const { s, events } = sensor(bin, join(dir, 'missing.log'));
    await s.start();
    await until('a notice', () => !!about(events, bin));
    expect(about(events, bin)).toMatchObject({ code: 'sensor_error', sensor: 'login' });
    expect(about(events, bin)!.message).toMatch(/sshd logins are not seen/);
    expect(s.mode()).toBe('none');
    await s.stop();
  });

  it('reports journalctl exiting with its stderr, once, and does not restart it silently', async () => {
    const fake = join(dir, 'journalctl-fails');
    writeFileSync(fake, '#!/bin/sh\necho "No journal files were found." >&2\nexit 1\n', { mode: 0o755 });
    const { s, events } = sensor(fake, join(dir, 'missing.log'));
    await s.start();
    await until('a notice', () => !!about(events, fake));
    const n = about(events, fake)!;
    expect(n.code).toBe('sensor_error');
    expect(n.message).toContain('exited (1): No journal files were found.');
    expect(s.counters().restarts).toBe(1);
    await s.stop();
  });
});
