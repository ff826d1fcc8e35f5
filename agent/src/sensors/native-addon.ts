// The netlink process addon (agent/native, built by `npm run build:native`): its interface and
// its loader. Where it is found (checkout, build/, the binary, the .deb) is ../native-addons.ts.
import { loadNativeAddon, nativeCandidates } from '../native-addons.js';

export { NativeAddonError } from '../native-addons.js';

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
  /** What builds with the reader pool add (agent/native/src/proc_connector.c, js_stats). */
  [counter: string]: number;
}

export type NativeHandle = { readonly __brand: 'xdr_proc' };

export interface ProcAddon {
  open(onBatch: (events: NativeEvent[]) => void, queueMax: number, rcvbufBytes: number, rtPriority: number): NativeHandle;
  close(h: NativeHandle): void;
  stats(h: NativeHandle): NativeStats;
  clockTicks(): number;
}

const FILE = 'xdr_proc.node';

/** Where the addon is looked for, in order (../native-addons.ts explains the places). */
export function addonCandidates(): string[] {
  return nativeCandidates(FILE);
}

export function loadProcAddon(): ProcAddon {
  return loadNativeAddon<ProcAddon>(FILE, 'process sensor addon');
}
