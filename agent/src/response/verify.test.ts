// Command verification: every refusal (unsigned, bad signature, expired, replayed even after a
// restart, other agent, policy), the persisted replay journal and the response: config section.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAgentConfigFile } from '../config-file.js';
import { defaultResponseConfig, parseResponseConfig, type ResponseConfig } from './config.js';
import { ReplayJournal } from './replay-journal.js';
import { commandKeys, signedCommand, type CommandKeys } from './testing/commands.js';
import { CommandVerifier, commandKeyFromBase64, MAX_COMMAND_LIFETIME_MS } from './verify.js';

const AGENT = '6f1d3c1e-0000-4000-8000-000000000001';
let dir: string;
let keys: CommandKeys;

function verifier(policy: ResponseConfig = defaultResponseConfig(), journalFile = join(dir, 'replay.json'), now?: () => number): CommandVerifier {
  return new CommandVerifier({
    agentId: AGENT, commandKey: commandKeyFromBase64(keys.publicBase64), journal: new ReplayJournal(journalFile, undefined, now),
    policy, policySource: '/etc/xdr-agent/agent.yaml', now,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-verify-'));
  keys = commandKeys();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('command verification', () => {
  it('accepts a signed, fresh command for this agent and returns its validated params', () => {
    const v = verifier().check(signedCommand(keys.privateKey, AGENT, 'collect_file', { path: '/etc/hostname' }));
    expect(v).toEqual({ ok: true, action: 'collect_file', params: { path: '/etc/hostname' } });
  });

  it('refuses an unsigned command', () => {
    const cmd = signedCommand(keys.privateKey, AGENT, 'restore');
    expect(verifier().check({ ...cmd, signature: new Uint8Array() })).toEqual({ ok: false, code: 'unsigned', reason: 'refused: the command is not signed' });
  });

  it('refuses a command signed by another key, and one changed after signing', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(verifier().check(signedCommand(other, AGENT, 'restore'))).toEqual({
      ok: false, code: 'bad_signature', reason: 'refused: signature does not verify with the pinned command key',
    });
    const cmd = signedCommand(keys.privateKey, AGENT, 'collect_file', { path: '/etc/hostname' });
    const tampered = { ...cmd, paramsJson: Buffer.from(JSON.stringify({ path: '/etc/shadow' })) };
    expect(verifier().check(tampered)).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(verifier().check({ ...cmd, expiresAtMs: Number(cmd.expiresAtMs) + 1 })).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('refuses a command meant for another agent (the agent id is signed too)', () => {
    const v = verifier().check(signedCommand(keys.privateKey, 'some-other-agent', 'restore'));
    expect(v).toMatchObject({ ok: false, code: 'other_agent' });
    expect(!v.ok && v.reason).toMatch(/^refused: the command is meant for agent "some-other-agent", this is 6f1d/);
  });

  it('refuses an expired command and one that expires too far ahead', () => {
    const expired = verifier().check(signedCommand(keys.privateKey, AGENT, 'restore', {}, { expiresAtMs: Date.now() - 1000 }));
    expect(expired).toMatchObject({ ok: false, code: 'expired', reason: expect.stringMatching(/^refused: the command expired at /) });
    const far = verifier().check(signedCommand(keys.privateKey, AGENT, 'restore', {}, { expiresAtMs: Date.now() + MAX_COMMAND_LIFETIME_MS + 60_000 }));
    expect(far).toMatchObject({ ok: false, code: 'too_far_ahead' });
    const none = verifier().check(signedCommand(keys.privateKey, AGENT, 'restore', {}, { expiresAtMs: 0 }));
    expect(none).toEqual({ ok: false, code: 'expired', reason: 'refused: the command carries no valid expiry (expires_at_ms)' });
  });

  it('refuses a replay: the same command, the same action id, the same nonce', () => {
    const v = verifier();
    const cmd = signedCommand(keys.privateKey, AGENT, 'restore');
    expect(v.check(cmd).ok).toBe(true);
    expect(v.check(cmd)).toMatchObject({ ok: false, code: 'replayed', reason: `refused: replay: action ${cmd.actionId} was already received by this agent` });
    const sameId = signedCommand(keys.privateKey, AGENT, 'restore', {}, { actionId: cmd.actionId! });
    expect(v.check(sameId)).toMatchObject({ ok: false, code: 'replayed' });
    const sameNonce = signedCommand(keys.privateKey, AGENT, 'restore', {}, { nonce: cmd.nonce! });
    expect(v.check(sameNonce)).toMatchObject({ ok: false, code: 'replayed', reason: expect.stringContaining('nonce') });
  });

  it('refuses a replay after a restart: the journal is on disk before the command runs', () => {
    const cmd = signedCommand(keys.privateKey, AGENT, 'restore');
    expect(verifier().check(cmd).ok).toBe(true);
    const stored = JSON.parse(readFileSync(join(dir, 'replay.json'), 'utf8'));
    expect(stored).toEqual([{ a: cmd.actionId, n: Buffer.from(cmd.nonce!).toString('hex'), x: Number(cmd.expiresAtMs) }]);
    // a new verifier (a restarted agent) loads the journal
    expect(verifier().check(cmd)).toMatchObject({ ok: false, code: 'replayed' });
  });

  it('prunes journal entries past their expiry and bounds the journal', () => {
    let now = Date.now();
    const clock = () => now;
    const v = verifier(undefined, undefined, clock);
    const cmd = signedCommand(keys.privateKey, AGENT, 'restore', {}, { expiresAtMs: now + 1_000 });
    expect(v.check(cmd).ok).toBe(true);
    now += 2_000;
    expect(v.check(signedCommand(keys.privateKey, AGENT, 'restore', {}, { expiresAtMs: now + 1_000 })).ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'replay.json'), 'utf8'))).toHaveLength(1);
    // the old command is now refused as expired, not as a replay
    expect(v.check(cmd)).toMatchObject({ ok: false, code: 'expired' });

    const small = new ReplayJournal(join(dir, 'small.json'), 2);
    small.record('a', '01', Date.now() + 60_000);
    small.record('b', '02', Date.now() + 60_000);
    expect(() => small.record('c', '03', Date.now() + 60_000)).toThrow(/holds 2 unexpired commands/);
  });

  it('refuses to start on a corrupt journal rather than forget what it has seen', () => {
    writeFileSync(join(dir, 'replay.json'), '{not json');
    expect(() => new ReplayJournal(join(dir, 'replay.json'))).toThrow(/replay journal .* is not JSON/);
  });

  it("refuses an action kind that the agent's policy refuses, naming the policy", () => {
    const policy = parseResponseConfig({ refuse: ['shell', 'run_script'] });
    const v = verifier(policy).check(signedCommand(keys.privateKey, AGENT, 'shell', {}));
    expect(v).toEqual({ ok: false, code: 'policy', reason: "refused: shell is refused by this agent's policy (response.refuse in /etc/xdr-agent/agent.yaml)" });
    expect(verifier(policy).check(signedCommand(keys.privateKey, AGENT, 'restore')).ok).toBe(true);
  });

  it('refuses params beyond the local bounds and invalid params, naming the field', () => {
    const policy = parseResponseConfig({ script_timeout_max_s: 30 });
    const v = verifier(policy).check(signedCommand(keys.privateKey, AGENT, 'run_script', { interpreter: 'sh', script: 'true', timeout_s: 60 }));
    expect(v).toMatchObject({ ok: false, code: 'policy', reason: expect.stringContaining('params.timeout_s 60 exceeds') });
    const bad = verifier().check(signedCommand(keys.privateKey, AGENT, 'collect_file', { path: 'relative' }));
    expect(bad).toEqual({ ok: false, code: 'bad_params', reason: 'refused: params.path must be an absolute path' });
    const unknown = verifier().check(signedCommand(keys.privateKey, AGENT, 'format_disk', {}));
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_action' });
  });

  it('refuses everything when the pinned key is unusable', () => {
    expect(() => commandKeyFromBase64(Buffer.alloc(7).toString('base64'))).toThrow(/7 bytes/);
    const v = new CommandVerifier({
      agentId: AGENT, commandKey: new Error('bad key'), journal: new ReplayJournal(join(dir, 'r.json')), policy: defaultResponseConfig(), policySource: 'x',
    });
    expect(v.check(signedCommand(keys.privateKey, AGENT, 'restore'))).toMatchObject({ ok: false, code: 'bad_signature' });
  });
});

describe('response: config section', () => {
  it('has defaults and validates every key, naming the bad one', () => {
    expect(parseResponseConfig(undefined)).toEqual(defaultResponseConfig());
    expect(parseResponseConfig({ refuse: ['shell'], shell: '/bin/sh', collect_max_bytes: 1024 })).toMatchObject({ refuse: ['shell'], shell: '/bin/sh', collect_max_bytes: 1024 });
    expect(() => parseResponseConfig({ refuze: [] })).toThrow('response.refuze is not a known key');
    expect(() => parseResponseConfig({ refuse: ['shell', 'reboot'] })).toThrow('response.refuse[1] must be one of isolate, restore');
    expect(() => parseResponseConfig({ shell: 'bash' })).toThrow('response.shell must be an absolute path');
    expect(() => parseResponseConfig({ collect_max_bytes: 0 })).toThrow('response.collect_max_bytes must be an integer in 1-');
    expect(() => parseResponseConfig([])).toThrow('response must be a mapping');
  });

  it('is read from agent.yaml beside the sensors, a bad key named with the file', () => {
    const file = join(dir, 'agent.yaml');
    writeFileSync(file, 'sensors:\n  network: { enabled: false }\nresponse:\n  refuse: [shell, run_script]\n  shell: /bin/sh\n');
    const loaded = loadAgentConfigFile(file, true);
    expect(loaded.response).toMatchObject({ refuse: ['shell', 'run_script'], shell: '/bin/sh' });
    expect(loaded.sensors.network.enabled).toBe(false);
    writeFileSync(file, 'response:\n  refuse: shell\n');
    expect(() => loadAgentConfigFile(file, true)).toThrow(`${file}: response.refuse must be a list of action kinds`);
    expect(loadAgentConfigFile(join(dir, 'absent.yaml'), false).response).toEqual(defaultResponseConfig());
  });
});
