// The collector as a real process: agents enroll and stream over real TLS WebSockets; every
// kind of bad input is refused with a reason, the collector keeps running and stored data is
// untouched.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, authMessage } from '../../proto/index.js';
import { BIN, api, countEvents, runOk, startCollector, tempDir, type CollectorProcess } from './harness.js';
import { RawAgent, enrollRaw, helloRaw, syntheticEvent, type RawIdentity } from './raw-agent.js';

let c: CollectorProcess;
let cert: string;
let id: RawIdentity;

async function enrollToken(args: string[] = []): Promise<string> {
  return JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--json', ...args])).token;
}

async function expectRefusal(agent: RawAgent, code: string): Promise<void> {
  const frame = await agent.next();
  expect(frame.body).toBe('refusal');
  expect(frame.refusal!.code).toBe(code);
  expect(frame.refusal!.reason!.length).toBeGreaterThan(10);
  expect((await agent.closed).code).toBe(1008);
}

beforeAll(async () => {
  c = await startCollector(tempDir('gw'), ['--max-frame-bytes', '65536']);
  cert = readFileSync(join(c.dataDir, 'tls', 'collector.crt'), 'utf8');
  id = await enrollRaw(c.agentUrl, cert, await enrollToken(), 'gw-host');
});

afterAll(async () => {
  await c?.stop();
});

describe('gateway', () => {
  it('commits a batch, acks it, and ignores the same batch sent again', async () => {
    const agent = await helloRaw(c.agentUrl, cert, id, 'gw-host');
    const events = Array.from({ length: 50 }, (_, i) => syntheticEvent(i, 'dup'));
    agent.send({ batch: { seq: 1, events } });
    const ack = await agent.next();
    expect(ack.ack).toMatchObject({ seq: 1, duplicate: false });
    agent.send({ batch: { seq: 1, events } });
    const again = await agent.next();
    expect(again.ack).toMatchObject({ seq: 1, duplicate: true });
    expect(await countEvents(c, `agent.id=${id.agentId}`)).toBe(50);
    const page = await api(c, `/api/v1/events?agent.id=${id.agentId}&limit=1`);
    expect(page.body.events[0]).toMatchObject({
      'agent.id': id.agentId, 'host.name': 'gw-host', 'event.category': 'process', 'process.name': 'curl',
      'process.parent.name': 'bash', 'process.user.id': '0',
    });
    expect(page.body.events[0]['event.id']).toMatch(new RegExp(`^${id.agentId}:1:\\d+$`));
    agent.close();
  });

  describe('refuses bad input with a reason and keeps running', () => {
    let before = 0;
    beforeAll(async () => { before = await countEvents(c); });
    afterAll(async () => {
      expect(await countEvents(c)).toBe(before);
      const health = await api(c, '/healthz');
      expect(health.status).toBe(200);
    });

    it('garbage instead of a frame', async () => {
      const a = await RawAgent.connect(c.agentUrl, cert);
      a.send(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
      await expectRefusal(a, 'bad_frame');
    });

    it('a text frame', async () => {
      const a = await RawAgent.connect(c.agentUrl, cert);
      a.ws.send('hello?');
      await expectRefusal(a, 'bad_frame');
    });

    it('a batch before authenticating', async () => {
      const a = await RawAgent.connect(c.agentUrl, cert);
      a.send({ batch: { seq: 7, events: [syntheticEvent(1, 'sneaky')] } });
      await expectRefusal(a, 'unexpected_frame');
    });

    it('a wrong protocol version', async () => {
      const a = await RawAgent.connect(c.agentUrl, cert);
      a.send({ hello: { protocolVersion: PROTOCOL_VERSION + 1, agentId: id.agentId, signature: sign(null, authMessage(a.challenge.nonce!, id.agentId), id.privateKey) } });
      await expectRefusal(a, 'protocol_version');
    });

    it('a signature by another key', async () => {
      const a = await RawAgent.connect(c.agentUrl, cert);
      const other = generateKeyPairSync('ed25519').privateKey;
      a.send({ hello: { protocolVersion: PROTOCOL_VERSION, agentId: id.agentId, signature: sign(null, authMessage(a.challenge.nonce!, id.agentId), other) } });
      await expectRefusal(a, 'bad_signature');
    });

    it('a signature over an old nonce (replay)', async () => {
      const first = await RawAgent.connect(c.agentUrl, cert);
      const replayed = sign(null, authMessage(first.challenge.nonce!, id.agentId), id.privateKey);
      first.close();
      const a = await RawAgent.connect(c.agentUrl, cert);
      a.send({ hello: { protocolVersion: PROTOCOL_VERSION, agentId: id.agentId, signature: replayed } });
      await expectRefusal(a, 'bad_signature');
    });

    it('an unknown agent', async () => {
      const a = await RawAgent.connect(c.agentUrl, cert);
      a.send({ hello: { protocolVersion: PROTOCOL_VERSION, agentId: 'no-such-agent', signature: Buffer.alloc(64) } });
      await expectRefusal(a, 'unknown_agent');
    });

    it('a frame over the size bound', async () => {
      const a = await helloRaw(c.agentUrl, cert, id, 'gw-host');
      a.send({ batch: { seq: 99, events: Array.from({ length: 2000 }, (_, i) => syntheticEvent(i, 'big')) } });
      expect((await a.closed).code).toBe(1009);
    });

    it('a malformed batch after authenticating', async () => {
      const a = await helloRaw(c.agentUrl, cert, id, 'gw-host');
      a.send(Buffer.from([0x1a, 0x05, 0x08, 0x01, 0x12, 0x7f, 0x00]));
      await expectRefusal(a, 'bad_frame');
    });

    it('a batch with more events than the bound', async () => {
      const a = await helloRaw(c.agentUrl, cert, id, 'gw-host');
      a.send({ batch: { seq: 5, events: Array.from({ length: 10_001 }, () => ({ timeMs: 1 })) } });
      await expectRefusal(a, 'bad_frame');
    });

    it('enrollment with an unknown, used-up or expired token', async () => {
      await expect(enrollRaw(c.agentUrl, cert, 'xdrenroll_nope')).rejects.toThrow(/unknown_token/);
      const once = await enrollToken(['--uses', '1']);
      await enrollRaw(c.agentUrl, cert, once);
      await expect(enrollRaw(c.agentUrl, cert, once)).rejects.toThrow(/token_used_up/);
      const short = await enrollToken(['--ttl', '1s']);
      await new Promise((r) => setTimeout(r, 1200));
      await expect(enrollRaw(c.agentUrl, cert, short)).rejects.toThrow(/expired_token/);
    });

    it('a revoked agent, also while it is connected', async () => {
      const victim = await enrollRaw(c.agentUrl, cert, await enrollToken(), 'victim');
      const connected = await helloRaw(c.agentUrl, cert, victim, 'victim');
      const online = await api(c, '/api/v1/agents');
      expect(online.body.find((a: { id: string }) => a.id === victim.agentId)).toMatchObject({ online: true, hostname: 'victim' });
      await runOk(BIN.collector, ['agent', 'revoke', victim.agentId, '--data', c.dataDir]);
      // the connected agent is cut off at its next heartbeat
      connected.send({ heartbeat: { sentAtMs: Date.now() } });
      expect((await connected.next()).body).toBe('heartbeat');
      await expectRefusal(connected, 'revoked_agent');
      await expect(helloRaw(c.agentUrl, cert, victim, 'victim')).rejects.toThrow(/revoked_agent/);
    });

    it('counts every refusal by reason in /metrics', async () => {
      const m = await api<string>(c, '/metrics');
      for (const reason of ['bad_frame', 'unexpected_frame', 'protocol_version', 'bad_signature', 'unknown_agent', 'frame_too_large', 'token_used_up', 'revoked_agent']) {
        expect(m.body).toMatch(new RegExp(`xdr_frames_refused_total\\{reason="${reason}"\\} [1-9]`));
      }
    });
  });
});
