// The persisted isolation: `<stateDir>/isolation.json`, written atomically with mode 0600. It
// holds what re-applying needs without the network (the collector's resolved addresses, since
// DNS may be blocked) and what `xdr-agent status` shows (`isolated`, `since`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIP } from 'node:net';
import type { ActionParams } from '../../../../proto/command.js';
import { writeFileAtomic } from '../../state-dir.js';

export const ISOLATION_STATE_FILE = 'isolation.json';

export interface IsolatedState {
  version: 1;
  isolated: true;
  /** ISO 8601: when this isolation was applied and verified */
  since: string;
  collector: { url: string; host: string; port: number; addresses: string[] };
  params: ActionParams['isolate'];
}

export interface NotIsolatedState {
  version: 1;
  isolated: false;
  since: null;
  /** ISO 8601: when the last isolation was removed */
  restored_at: string;
}

export type IsolationState = IsolatedState | NotIsolatedState;

export function isolationStateFile(stateDir: string): string {
  return join(stateDir, ISOLATION_STATE_FILE);
}

/** The state, undefined when the file is absent; throws with the file and the reason when unusable. */
export function readIsolationState(file: string): IsolationState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the isolation state ${file}: ${(err as Error).message}`, { cause: err });
  }
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new Error(`the isolation state ${file} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!v || typeof v !== 'object' || v.version !== 1 || typeof v.isolated !== 'boolean') {
    throw new Error(`the isolation state ${file} lacks version 1 and isolated`);
  }
  if (v.isolated) {
    const c = v.collector as Record<string, unknown> | undefined;
    const ok = typeof v.since === 'string' && !!c && typeof c.url === 'string' && typeof c.host === 'string'
      && Number.isSafeInteger(c.port) && Array.isArray(c.addresses) && c.addresses.length > 0
      && c.addresses.every((a) => typeof a === 'string' && isIP(a) !== 0)
      && !!v.params && typeof v.params === 'object';
    if (!ok) throw new Error(`the isolation state ${file} says isolated but lacks since, collector {url, host, port, addresses} or params`);
  }
  return v as unknown as IsolationState;
}

export function writeIsolationState(file: string, state: IsolationState): void {
  writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, 0o600);
}
