// A protocol-level agent for tests and the ingest benchmark: real TLS WebSocket, real codec,
// but every frame is chosen by the caller (so tests can send garbage, wrong versions, forged
// signatures) and batches can be pre-encoded (so a load generator stays cheap).
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, authMessage, wire, type xdr } from '../../proto/index.js';

export class RawAgent {
  readonly frames: xdr.v1.CollectorFrame[] = [];
  private waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  challenge!: xdr.v1.IChallenge;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.frames.push(wire.CollectorFrame.decode(data));
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((ok) => ws.on('close', (code, reason) => {
      ok({ code, reason: reason.toString() });
      for (const w of this.waiters.splice(0)) w();
    }));
    ws.on('error', () => { /* surfaced through `closed` */ });
  }

  static async connect(url: string, certPem: string, maxPayload = 64 * 1024 * 1024): Promise<RawAgent> {
    const fp = new X509Certificate(certPem).fingerprint256;
    const options: WebSocket.ClientOptions = {
      ca: [certPem],
      // ws types this hook as returning boolean; Node's TLS calls it expecting an Error or undefined
      checkServerIdentity: ((_host: string, cert: PeerCertificate) => (cert.fingerprint256 === fp ? undefined : new Error('fingerprint mismatch'))) as never,
      perMessageDeflate: false,
      maxPayload,
    };
    const ws = new WebSocket(url, options);
    const agent = new RawAgent(ws);
    await new Promise<void>((ok, fail) => { ws.once('open', () => ok()); ws.once('error', fail); });
    const first = await agent.next();
    if (first.body !== 'challenge') throw new Error(`expected a challenge, got ${first.body}`);
    agent.challenge = first.challenge!;
    return agent;
  }

  send(frame: xdr.v1.IAgentFrame | Uint8Array): void {
    this.ws.send(frame instanceof Uint8Array ? frame : wire.AgentFrame.encode(frame).finish());
  }

  /** The next frame from the collector; undefined when the connection closed first. */
  async next(timeoutMs = 10_000): Promise<xdr.v1.CollectorFrame> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error('connection closed');
      if (Date.now() > deadline) throw new Error('no frame from the collector in time');
      await new Promise<void>((ok) => { this.waiters.push(ok); setTimeout(ok, 100); });
    }
    return this.frames.shift()!;
  }

  close(): void {
    this.ws.close();
  }
}

export interface RawIdentity {
  agentId: string;
  privateKey: KeyObject;
}

export async function enrollRaw(url: string, certPem: string, token: string, hostname = 'raw-host'): Promise<RawIdentity> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  const agent = await RawAgent.connect(url, certPem);
  agent.send({ enroll: { protocolVersion: PROTOCOL_VERSION, token, publicKey: raw, inventory: { hostname, hostId: `host-${hostname}` }, agentVersion: 'raw' } });
  const reply = await agent.next();
  agent.close();
  if (reply.body !== 'enrolled') throw new Error(`enrollment refused: ${JSON.stringify(reply.refusal)}`);
  return { agentId: reply.enrolled!.agentId!, privateKey };
}

/** Connects and authenticates; resolves with the agent after Welcome. */
export async function helloRaw(url: string, certPem: string, id: RawIdentity, hostname = 'raw-host'): Promise<RawAgent> {
  const agent = await RawAgent.connect(url, certPem);
  agent.send({
    hello: {
      protocolVersion: PROTOCOL_VERSION, agentId: id.agentId, agentVersion: 'raw',
      inventory: { hostname, hostId: `host-${hostname}`, ips: ['10.0.0.5'] },
      signature: sign(null, authMessage(agent.challenge.nonce!, id.agentId), id.privateKey),
    },
  });
  const reply = await agent.next();
  if (reply.body !== 'welcome') throw new Error(`hello refused: ${JSON.stringify(reply.refusal)}`);
  return agent;
}

export function syntheticEvent(n: number, tag: string, timeMs = Date.now()): xdr.v1.IEvent {
  return {
    timeMs,
    process: {
      action: wire.ProcessEvent.Action.START,
      process: {
        entityId: `${tag}-${n}`, pid: 1000 + (n % 30000), ppid: 1, name: 'curl', executable: '/usr/bin/curl',
        commandLine: `curl -s http://10.0.0.1/${tag}/${n}`, args: ['curl', '-s', `http://10.0.0.1/${tag}/${n}`],
        workingDirectory: '/root', userName: 'root', userId: 0, userIdSet: true, startTimeMs: timeMs,
        parent: { entityId: `${tag}-parent`, pid: 1, name: 'bash', executable: '/bin/bash', commandLine: 'bash' },
      },
    },
  };
}
