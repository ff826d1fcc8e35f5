// The wire codec, generated from proto/xdr.proto (see proto/gen). Everything that speaks the
// wire imports it from here.
import { xdr } from './gen/xdr.js';

export const wire = xdr.v1;
export type { xdr } from './gen/xdr.js';
export const PROTOCOL_VERSION = xdr.v1.ProtocolVersion.PROTOCOL_VERSION_CURRENT;

/** What the agent signs to prove its key on a connection: binds the key to this agent id and this nonce. */
export function authMessage(nonce: Uint8Array, agentId: string): Buffer {
  return Buffer.concat([Buffer.from(`xdr-auth-v1\n${agentId}\n`), nonce]);
}
