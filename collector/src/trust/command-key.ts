// The collector's Ed25519 command key. Agents pin its public key at enrollment; every response
// command is signed with it (the response work signs; enrollment hands out the public key).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CommandKey {
  privateKey: KeyObject;
  /** raw 32-byte Ed25519 public key, as sent to agents */
  publicKeyRaw: Buffer;
}

export function loadCommandKey(dataDir: string): CommandKey {
  const file = join(dataDir, 'keys', 'command.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKeyRaw: spki.subarray(spki.length - 32) };
}
