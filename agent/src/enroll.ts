// Enrollment: learn and pin the collector's certificate, prove nothing yet but hold a one-time
// token, and trade it plus a fresh Ed25519 public key for an agent id. The token only ever
// travels over a connection whose certificate matches the pinned fingerprint.
import { generateKeyPairSync } from 'node:crypto';
import type { WebSocket } from 'ws';
import { PROTOCOL_VERSION, type xdr } from '../../proto/index.js';
import { AgentError } from './errors.js';
import { Inventory } from './inventory.js';
import { StateDir, type Identity } from './state-dir.js';
import { decodeCollectorFrame, encodeAgentFrame, openCollectorSocket } from './transport/collector-socket.js';
import { normaliseFingerprint, parseCollectorUrl, probeCertificate } from './transport/tls-pin.js';
import { AGENT_VERSION } from './version.js';

export interface EnrollOptions {
  collector: string;
  token: string;
  /** expected certificate fingerprint; without it the first certificate seen is trusted */
  fingerprint?: string;
  stateDir: string;
  /** replace an existing identity */
  force?: boolean;
  timeoutMs?: number;
}

export interface EnrollResult {
  identity: Identity;
  stateDir: string;
  /** true when no fingerprint was given and the certificate was trusted on first use */
  trustedOnFirstUse: boolean;
}

/** Reads frames one at a time from a socket; rejects on close, error, timeout or a bad frame. */
function frameReader(ws: WebSocket, timeoutMs: number): () => Promise<xdr.v1.CollectorFrame> {
  const queue: xdr.v1.CollectorFrame[] = [];
  let failure: Error | null = null;
  let waiter: { resolve: (f: xdr.v1.CollectorFrame) => void; reject: (e: Error) => void } | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    waiter?.reject(failure);
    waiter = null;
  };
  ws.on('message', (data, isBinary) => {
    try {
      queue.push(decodeCollectorFrame(data, isBinary));
    } catch (err) {
      fail(err as Error);
      return;
    }
    if (waiter) {
      waiter.resolve(queue.shift()!);
      waiter = null;
    }
  });
  ws.on('error', (err) => fail(err.name === 'AgentError' ? err : new AgentError('collector_unreachable', `cannot connect to the collector: ${err.message}`, { cause: err })));
  ws.on('close', (code, reason) => fail(new AgentError('protocol_error', `the collector closed the connection (${code}${reason.length ? ` ${reason}` : ''}) before answering`)));
  return () => {
    if (queue.length) return Promise.resolve(queue.shift()!);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new AgentError('collector_unreachable', `no answer from the collector within ${timeoutMs} ms`)), timeoutMs);
      waiter = {
        resolve: (f) => (clearTimeout(timer), resolve(f)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  };
}

export async function enroll(opts: EnrollOptions): Promise<EnrollResult> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const url = parseCollectorUrl(opts.collector);
  const expected = opts.fingerprint === undefined ? undefined : normaliseFingerprint(opts.fingerprint);
  const state = new StateDir(opts.stateDir);
  const existing = state.readIdentity();
  if (existing && !opts.force) {
    throw new AgentError('already_enrolled', `${state.path} already holds agent ${existing.agentId} (collector ${existing.collectorUrl}); pass --force to enroll again with a new identity`);
  }

  // The pre-flight probe sends nothing: a wrong certificate is refused before the token leaves.
  const cert = await probeCertificate(url, timeoutMs);
  if (expected && cert.fingerprint !== expected) {
    throw new AgentError('fingerprint_mismatch', `the collector at ${url.host}:${url.port} presents certificate ${cert.fingerprint}, not the expected ${expected}; nothing was sent`);
  }

  state.ensure();
  const inventory = await new Inventory(state.hostIdFile).get();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const rawPublicKey = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');

  const ws = openCollectorSocket(url.href, cert.pem, cert.fingerprint, timeoutMs);
  const next = frameReader(ws, timeoutMs);
  try {
    const challenge = await next();
    if (challenge.body !== 'challenge') throw new AgentError('protocol_error', `expected Challenge, the collector sent ${challenge.body}`);
    if (challenge.challenge!.protocolVersion !== PROTOCOL_VERSION) {
      throw new AgentError('protocol_version', `the collector speaks protocol ${challenge.challenge!.protocolVersion}, this agent ${PROTOCOL_VERSION}; upgrade the older side`);
    }
    ws.send(encodeAgentFrame({ enroll: { protocolVersion: PROTOCOL_VERSION, token: opts.token, publicKey: rawPublicKey, inventory, agentVersion: AGENT_VERSION } }));
    const answer = await next();
    if (answer.body === 'refusal') {
      throw new AgentError('refused', `the collector refused the enrollment: ${answer.refusal!.code}: ${answer.refusal!.reason}`);
    }
    if (answer.body !== 'enrolled' || !answer.enrolled!.agentId) throw new AgentError('protocol_error', `expected EnrollResponse, the collector sent ${answer.body}`);
    const identity: Identity = {
      agentId: answer.enrolled!.agentId,
      collectorUrl: url.href,
      fingerprint: cert.fingerprint,
      collectorCertPem: cert.pem,
      commandPublicKey: Buffer.from(answer.enrolled!.commandPublicKey ?? []).toString('base64'),
      enrolledAt: new Date().toISOString(),
    };
    state.saveIdentity(identity, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    return { identity, stateDir: state.path, trustedOnFirstUse: !expected };
  } finally {
    ws.close(1000, 'enrollment done');
  }
}
