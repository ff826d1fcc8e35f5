// Test helpers: a command key pair, signed commands as the collector makes them, a link that
// records what the response side sends, and the stand-in collector's side of response frames.
import { generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import { wire, type xdr } from '../../../../proto/index.js';
import { commandSigningBytes, type ActionKind } from '../../../../proto/command.js';
import { enroll } from '../../enroll.js';
import type { FakeCollector } from '../../testing/fake-collector.js';
import type { ResponseLink } from '../context.js';

export interface CommandKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** raw 32 bytes, base64, as identity.json pins it */
  publicBase64: string;
}

export function commandKeys(): CommandKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, publicBase64: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64') };
}

/**
 * Enrolls an agent state directory with the stand-in collector, then pins a command key whose
 * private half the test holds (the stand-in keeps its own to itself).
 */
export async function enrollWithTestCommandKey(fc: FakeCollector, stateDir: string): Promise<{ agentId: string; keys: CommandKeys }> {
  const { identity } = await enroll({ collector: fc.url, token: 'good-token', fingerprint: fc.cert.fingerprint, stateDir });
  const keys = commandKeys();
  const idFile = join(stateDir, 'identity.json');
  writeFileSync(idFile, JSON.stringify({ ...JSON.parse(readFileSync(idFile, 'utf8')), commandPublicKey: keys.publicBase64 }));
  return { agentId: identity.agentId, keys };
}

export function signedCommand(
  key: KeyObject,
  agentId: string,
  action: ActionKind | string,
  params: unknown = {},
  extra: Partial<xdr.v1.ICommand> = {},
): xdr.v1.ICommand {
  const cmd: xdr.v1.ICommand = {
    actionId: randomUUID(), agentId, action, paramsJson: Buffer.from(JSON.stringify(params)), nonce: randomBytes(16),
    expiresAtMs: Date.now() + 60_000, ...extra,
  };
  return { ...cmd, signature: extra.signature ?? sign(null, commandSigningBytes(cmd), key) };
}

export class RecordingLink implements ResponseLink {
  readonly frames: xdr.v1.IAgentFrame[] = [];
  online = true;
  maxFrameBytes = 4 * 1024 * 1024;
  /** delay before each send resolves */
  delayMs = 0;
  outstanding = 0;
  maxOutstanding = 0;

  async send(frame: xdr.v1.IAgentFrame): Promise<void> {
    if (!this.online) throw new Error('not connected to the collector');
    this.outstanding++;
    this.maxOutstanding = Math.max(this.maxOutstanding, this.outstanding);
    this.frames.push(frame);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    this.outstanding--;
  }

  results(actionId?: string): xdr.v1.ICommandResult[] {
    return this.frames.filter((f) => f.commandResult && (!actionId || f.commandResult.actionId === actionId)).map((f) => f.commandResult!);
  }

  async until(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const tapped = new WeakSet<WebSocket>();

/**
 * The stand-in collector's newest agent socket; the agent's response frames on it (command
 * results, shell data) are handed to `onFrame`, once per socket.
 */
export function responseSocket(fc: FakeCollector, onFrame: (frame: xdr.v1.IAgentFrame) => void): WebSocket {
  const ws = fc.newestSocket();
  if (!ws) throw new Error('no agent connected');
  if (!tapped.has(ws)) {
    tapped.add(ws);
    ws.on('message', (data) => {
      const f = wire.AgentFrame.decode(data as Buffer);
      if (f.commandResult || f.shellData) onFrame(f);
    });
  }
  return ws;
}
