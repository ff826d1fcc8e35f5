// Builds the Command frame for an action and signs it with the collector's command key:
// Ed25519 over commandSigningBytes (proto/command.ts), a fresh 16-byte nonce per send, and the
// action's expiry, so an agent can refuse anything unsigned, replayed, late or not meant for it.
import { randomBytes, sign } from 'node:crypto';
import { commandSigningBytes } from '../../../proto/command.js';
import type { xdr } from '../../../proto/index.js';
import type { CommandKey } from '../trust/command-key.js';
import type { ResponseRecord } from '../store/store.js';

export function signCommand(key: Pick<CommandKey, 'privateKey'>, a: Pick<ResponseRecord, 'id' | 'agentId' | 'action' | 'params' | 'expiresAt'>): xdr.v1.ICommand {
  const cmd: xdr.v1.ICommand = {
    actionId: a.id,
    agentId: a.agentId,
    action: a.action,
    paramsJson: Buffer.from(JSON.stringify(a.params), 'utf8'),
    nonce: randomBytes(16),
    expiresAtMs: a.expiresAt,
  };
  cmd.signature = sign(null, commandSigningBytes(cmd), key.privateKey);
  return cmd;
}
