// A collector stand-in for agent tests: real TLS (a fresh self-signed certificate), real
// WebSocket, the real wire codec, and just enough protocol (challenge, enroll, hello with
// signature check, batches, heartbeats) to observe what the agent sends. Tests steer acking.
import { createPublicKey, generateKeyPairSync, randomBytes, randomUUID, verify, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { WebSocketServer, type WebSocket } from 'ws';
import { PROTOCOL_VERSION, authMessage, wire, type xdr } from '../../../proto/index.js';

export interface TestCert {
  certPem: string;
  keyPem: string;
  fingerprint: string;
}

export async function selfSignedCert(): Promise<TestCert> {
  x509.cryptoProvider.set(webcrypto as never);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8).toString('hex'),
    name: 'CN=fake-collector',
    notBefore: new Date(now - 3_600_000),
    notAfter: new Date(now + 86_400_000),
    keys: keys as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      // deliberately not 127.0.0.1: the agent must trust the pin, not the name
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'collector.invalid' }]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/.{64}/g, '$&\n').trimEnd()}\n-----END PRIVATE KEY-----\n`;
  const certPem = cert.toString('pem');
  return { certPem, keyPem, fingerprint: new X509Certificate(certPem).fingerprint256.replaceAll(':', '').toLowerCase() };
}

export interface ReceivedBatch {
  seq: number;
  events: xdr.v1.IEvent[];
  connection: number;
  acked: boolean;
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class FakeCollector {
  readonly tokens = new Set<string>(['good-token']);
  readonly agents = new Map<string, KeyObject>();
  readonly revoked = new Set<string>();
  readonly commandKey = generateKeyPairSync('ed25519').publicKey;
  readonly enrolls: xdr.v1.IEnrollRequest[] = [];
  readonly hellos: Array<{ hello: xdr.v1.IHello; nonce: Buffer }> = [];
  readonly batches: ReceivedBatch[] = [];
  readonly heartbeats: xdr.v1.IHeartbeat[] = [];
  /** TCP connections accepted, WebSocket upgrades seen */
  tcpConnections = 0;
  upgrades = 0;
  /** decides per batch whether to ack it (default: yes) */
  shouldAck: (b: ReceivedBatch) => boolean = () => true;
  heartbeatMs = 1_000;
  /** when set, heartbeats and batches get no answer (a hung collector) */
  silent = false;
  maxFrameBytes = 4 * 1024 * 1024;
  private readonly sockets = new Set<WebSocket>();
  private connectionCount = 0;

  private constructor(readonly cert: TestCert, private readonly server: Server, private readonly wss: WebSocketServer) {}

  static async start(cert?: TestCert): Promise<FakeCollector> {
    const tls = cert ?? (await selfSignedCert());
    const server = createServer({ cert: tls.certPem, key: tls.keyPem });
    const wss = new WebSocketServer({ server });
    const fc = new FakeCollector(tls, server, wss);
    server.on('connection', () => fc.tcpConnections++);
    server.on('upgrade', () => fc.upgrades++);
    wss.on('connection', (ws) => fc.onConnection(ws));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fc;
  }

  get url(): string {
    return `wss://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The agent connection that opened last (tests that speak response frames send on it). */
  newestSocket(): WebSocket | undefined {
    return [...this.sockets].at(-1);
  }

  get online(): number {
    return this.sockets.size;
  }

  /** Drops every agent connection without a close handshake. */
  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  async close(): Promise<void> {
    this.dropAll();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when `predicate` holds, polling; rejects after timeoutMs. */
  async until(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private onConnection(ws: WebSocket): void {
    const id = ++this.connectionCount;
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    const nonce = randomBytes(32);
    let agentId = '';
    const send = (f: xdr.v1.ICollectorFrame) => ws.send(wire.CollectorFrame.encode(f).finish());
    const refuse = (code: string, reason: string) => {
      send({ refusal: { code, reason } });
      ws.close(1008, code);
    };
    send({ challenge: { protocolVersion: PROTOCOL_VERSION, nonce, collectorId: 'fake' } });
    ws.on('message', (data) => {
      const frame = wire.AgentFrame.decode(data as Buffer);
      switch (frame.body) {
        case 'enroll': {
          const req = frame.enroll!;
          this.enrolls.push(req);
          if (!this.tokens.has(req.token ?? '')) return refuse('unknown_token', 'the enrollment token is not known');
          const id = randomUUID();
          this.agents.set(id, createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, req.publicKey!]), format: 'der', type: 'spki' }));
          send({ enrolled: { agentId: id, commandPublicKey: this.commandKey.export({ format: 'jwk' }).x ? Buffer.from(this.commandKey.export({ format: 'jwk' }).x!, 'base64url') : undefined } });
          ws.close(1000, 'enrolled');
          return;
        }
        case 'hello': {
          const hello = frame.hello!;
          this.hellos.push({ hello, nonce });
          const key = this.agents.get(hello.agentId ?? '');
          if (!key) return refuse('unknown_agent', 'no enrolled agent has this id');
          if (this.revoked.has(hello.agentId!)) return refuse('revoked_agent', 'this agent was revoked');
          if (!verify(null, authMessage(nonce, hello.agentId!), key, hello.signature!)) return refuse('bad_signature', 'bad signature');
          agentId = hello.agentId!;
          send({ welcome: { sessionId: randomUUID(), heartbeatIntervalMs: this.heartbeatMs, maxFrameBytes: this.maxFrameBytes } });
          return;
        }
        case 'batch': {
          if (!agentId) return refuse('unexpected_frame', 'batch before hello');
          const b: ReceivedBatch = { seq: Number(frame.batch!.seq), events: frame.batch!.events ?? [], connection: id, acked: false };
          this.batches.push(b);
          b.acked = this.shouldAck(b) && !this.silent;
          if (b.acked) send({ ack: { seq: b.seq } });
          return;
        }
        case 'heartbeat':
          this.heartbeats.push(frame.heartbeat!);
          if (!this.silent) send({ heartbeat: { sentAtMs: Date.now() } });
          return;
        default:
          return;
      }
    });
  }
}
