// The agent's state directory (default /var/lib/xdr-agent, mode 0700): its identity, its private
// key, the spool and a lock that keeps two agents off the same spool. Files that hold secrets or
// trust are written atomically with mode 0600.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AgentError } from './errors.js';

export const DEFAULT_STATE_DIR = '/var/lib/xdr-agent';

export interface Identity {
  agentId: string;
  collectorUrl: string;
  /** SHA-256 of the collector's DER certificate, 64 lowercase hex */
  fingerprint: string;
  collectorCertPem: string;
  /** the collector's Ed25519 command-signing key, raw 32 bytes in base64 */
  commandPublicKey: string;
  /** ISO 8601 */
  enrolledAt: string;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, mode); // the umask may have narrowed or an old tmp file widened it
  renameSync(tmp, path);
}

function isIdentity(v: unknown): v is Identity {
  const o = v as Record<string, unknown>;
  return !!o && typeof o === 'object'
    && ['agentId', 'collectorUrl', 'fingerprint', 'collectorCertPem', 'commandPublicKey', 'enrolledAt'].every((k) => typeof o[k] === 'string' && o[k] !== '');
}

export class StateDir {
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  get identityFile(): string {
    return join(this.path, 'identity.json');
  }

  get keyFile(): string {
    return join(this.path, 'agent.key');
  }

  get spoolDir(): string {
    return join(this.path, 'spool');
  }

  get hostIdFile(): string {
    return join(this.path, 'host-id');
  }

  get lockFile(): string {
    return join(this.path, 'agent.lock');
  }

  /** Creates the directory (0700), tightening the mode of one that exists. */
  ensure(): void {
    mkdirSync(this.path, { recursive: true, mode: 0o700 });
    chmodSync(this.path, 0o700);
  }

  /** The identity, or undefined when not enrolled; throws state_corrupt when unreadable. */
  readIdentity(): Identity | undefined {
    let text: string;
    try {
      text = readFileSync(this.identityFile, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new AgentError('state_corrupt', `cannot read ${this.identityFile}: ${(err as Error).message}`, { cause: err });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new AgentError('state_corrupt', `${this.identityFile} is not JSON: ${(err as Error).message}; enroll again with --force`, { cause: err });
    }
    if (!isIdentity(parsed)) throw new AgentError('state_corrupt', `${this.identityFile} lacks identity fields; enroll again with --force`);
    return parsed;
  }

  /** Identity and private key for `run`; throws not_enrolled when there is none. */
  loadIdentity(): { identity: Identity; privateKey: KeyObject } {
    const identity = this.readIdentity();
    if (!identity) {
      throw new AgentError('not_enrolled', `no agent identity in ${this.path}; run: xdr-agent enroll --collector wss://HOST:PORT --token TOKEN --state ${this.path}`);
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(readFileSync(this.keyFile, 'utf8'));
    } catch (err) {
      throw new AgentError('state_corrupt', `cannot load the agent key ${this.keyFile}: ${(err as Error).message}; enroll again with --force`, { cause: err });
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new AgentError('state_corrupt', `${this.keyFile} is not an Ed25519 key`);
    return { identity, privateKey };
  }

  /** Key first, identity last: identity.json is what marks the directory as enrolled. */
  saveIdentity(identity: Identity, privateKeyPem: string): void {
    this.ensure();
    writeFileAtomic(this.keyFile, privateKeyPem);
    writeFileAtomic(this.identityFile, `${JSON.stringify(identity, null, 2)}\n`);
  }

  /** The pid of the live `xdr-agent run` holding the lock, if any. */
  runningPid(): number | undefined {
    try {
      const pid = Number(readFileSync(this.lockFile, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Takes the run lock; a lock left by a dead process is taken over. Returns the release function. */
  lock(): () => void {
    for (let tries = 0; tries < 2; tries++) {
      try {
        const fd = openSync(this.lockFile, 'wx', 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return () => {
          try {
            unlinkSync(this.lockFile);
          } catch {
            // already gone: nothing to release
          }
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let pid = 0;
      try {
        pid = Number(readFileSync(this.lockFile, 'utf8').trim());
      } catch {
        continue; // released while we looked
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new AgentError('state_locked', `xdr-agent (pid ${pid}) already runs with the state directory ${this.path}`);
      }
      try {
        unlinkSync(this.lockFile);
      } catch {
        // another process took it over first; the next try tells
      }
    }
    throw new AgentError('state_locked', `cannot take the lock ${this.lockFile}`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
