import { createPublicKey, createPrivateKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from './commands.js';
import { FakeCollector, selfSignedCert } from './testing/fake-collector.js';

let fc: FakeCollector;
let state: string;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  fc = await FakeCollector.start();
});
afterAll(() => fc.close());
beforeEach(() => {
  state = join(mkdtempSync(join(tmpdir(), 'xdr-enroll-')), 'state');
  return () => rmSync(join(state, '..'), { recursive: true, force: true });
});

describe('xdr-agent enroll', () => {
  it('enrolls over pinned TLS and stores the identity with 0600 files in a 0700 directory', async () => {
    const fingerprint = fc.cert.fingerprint.toUpperCase().match(/../g)!.join(':');
    const r = await cli('enroll', '--collector', fc.url, '--token', 'good-token', '--fingerprint', fingerprint, '--state', state, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ agentId: expect.any(String), fingerprint: fc.cert.fingerprint, stateDir: state });

    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(statSync(join(state, 'identity.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(state, 'agent.key')).mode & 0o777).toBe(0o600);
    const identity = JSON.parse(readFileSync(join(state, 'identity.json'), 'utf8'));
    expect(identity).toEqual({
      agentId: out.agentId,
      collectorUrl: `${fc.url}/`,
      fingerprint: fc.cert.fingerprint,
      collectorCertPem: expect.stringContaining('BEGIN CERTIFICATE'),
      commandPublicKey: Buffer.from(fc.commandKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64'),
      enrolledAt: expect.any(String),
    });

    // the key the collector registered is the stored private key's public half
    const req = fc.enrolls.at(-1)!;
    expect(req.token).toBe('good-token');
    expect(req.inventory?.hostId).toMatch(/^[0-9a-f]{32}$/);
    const key = createPrivateKey(readFileSync(join(state, 'agent.key'), 'utf8'));
    const msg = Buffer.from('proof');
    expect(verify(null, msg, fc.agents.get(out.agentId)!, sign(null, msg, key))).toBe(true);
    expect(createPublicKey(key).export({ format: 'jwk' }).x).toBe(Buffer.from(req.publicKey!).toString('base64url'));

    const status = await cli('status', '--state', state, '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ enrolled: true, agentId: out.agentId, fingerprint: fc.cert.fingerprint, spool: { batches: 0, bytes: 0 } });
  });

  it('trusts on first use without --fingerprint and prints the fingerprint', async () => {
    const r = await cli('enroll', '--collector', fc.url, '--token', 'good-token', '--state', state);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(fc.cert.fingerprint);
    expect(r.stdout).toMatch(/first use/);
  });

  it('refuses a wrong --fingerprint before any WebSocket or token is sent', async () => {
    const other = await selfSignedCert();
    const before = { tcp: fc.tcpConnections, upgrades: fc.upgrades, enrolls: fc.enrolls.length };
    const r = await cli('enroll', '--collector', fc.url, '--token', 'good-token', '--fingerprint', other.fingerprint, '--state', state);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fingerprint_mismatch');
    expect(r.stderr).toContain(fc.cert.fingerprint);
    await new Promise((r) => setTimeout(r, 100));
    expect(fc.tcpConnections).toBe(before.tcp + 1); // the probe only
    expect(fc.upgrades).toBe(before.upgrades);
    expect(fc.enrolls.length).toBe(before.enrolls);
    expect(() => statSync(join(state, 'identity.json'))).toThrow();
  });

  it('prints the refusal code and reason and exits 1 on a bad token', async () => {
    const r = await cli('enroll', '--collector', fc.url, '--token', 'nope', '--state', state);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused.*unknown_token: the enrollment token is not known/);
    expect(() => statSync(join(state, 'identity.json'))).toThrow();
  });

  it('will not overwrite an identity without --force', async () => {
    expect((await cli('enroll', '--collector', fc.url, '--token', 'good-token', '--state', state)).code).toBe(0);
    const again = await cli('enroll', '--collector', fc.url, '--token', 'good-token', '--state', state);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already_enrolled');
    expect((await cli('enroll', '--collector', fc.url, '--token', 'good-token', '--state', state, '--force')).code).toBe(0);
  });

  it('validates options with exit status 2', async () => {
    for (const argv of [
      ['enroll', '--token', 't'],
      ['enroll', '--collector', 'ws://x:1', '--token', 't'],
      ['enroll', '--collector', fc.url, '--token', 't', '--fingerprint', 'abc'],
      ['enroll', '--collector', fc.url, '--token', 't', '--bogus'],
      ['run', '--synthetic', '-5'],
      ['run', '--synthetic', '10', '--synthetic-count', '1.5'],
      ['run', '--log-level', 'loud'],
      ['run', '--spool-max', '10KiB'],
      ['frobnicate'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/^xdr-agent: usage: /);
    }
  });

  it('run without an identity says how to enroll', async () => {
    const r = await cli('run', '--state', state);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not_enrolled');
    expect(r.stderr).toContain('xdr-agent enroll');
  });
});
