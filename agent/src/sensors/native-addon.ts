// Finds and loads the netlink process addon (agent/native, built by `npm run build:native`),
// both from a source checkout and next to the bundled build/xdr-agent.mjs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NativeEvent {
  kind: 'fork' | 'exec' | 'exit' | 'uid' | 'gap';
  pid: number;
  timeMs: number;
  ppid?: number;
  startTicks?: number;
  uid?: number;
  euid?: number;
  cmdline?: string;
  exe?: string;
  cwd?: string;
  name?: string;
  exeDev?: number;
  exeIno?: number;
  exeSize?: number;
  exeMtimeMs?: number;
  exitStatus?: number;
  exitSignal?: number;
  reason?: 'enobufs' | 'sequence' | 'queue';
  count?: number;
}

export interface NativeStats {
  received: number;
  enobufs: number;
  seqLost: number;
  queueDropped: number;
  queued: number;
  rcvbuf: number;
  realtime: number;
}

export type NativeHandle = { readonly __brand: 'xdr_proc' };

export interface ProcAddon {
  open(onBatch: (events: NativeEvent[]) => void, queueMax: number, rcvbufBytes: number, rtPriority: number): NativeHandle;
  close(h: NativeHandle): void;
  stats(h: NativeHandle): NativeStats;
  clockTicks(): number;
}

export class NativeAddonError extends Error {
  readonly code = 'XDR_NATIVE_MISSING';
}

const FILE = 'xdr_proc.node';

export function addonCandidates(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [
    join(here, FILE), // next to the bundled build/xdr-agent.mjs
    join(here, 'native', FILE),
    join(here, '../../native/build/Release', FILE), // agent/src/sensors in a source checkout
    join(here, '../agent/native/build/Release', FILE), // build/ at the repo root
    join(dirname(process.execPath), FILE), // single-file binary
  ];
}

let loaded: ProcAddon | undefined;

export function loadProcAddon(): ProcAddon {
  if (loaded) return loaded;
  const candidates = addonCandidates();
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new NativeAddonError(
      `process sensor addon ${FILE} not found (looked in ${candidates.join(', ')}); build it with "npm run build:native" or copy it next to xdr-agent.mjs`,
    );
  }
  const require = createRequire(import.meta.url);
  try {
    loaded = require(found) as ProcAddon;
  } catch (err) {
    throw new NativeAddonError(`process sensor addon ${found} could not be loaded: ${(err as Error).message}; rebuild it with "npm run build:native"`, { cause: err });
  }
  return loaded;
}
