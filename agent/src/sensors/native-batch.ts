// Decodes the addon's packed batches (openPacked): RECORD_FIELDS numbers per event in one
// Float64Array and every string of the batch in one Buffer. One N-API call per batch instead of a
// dozen property sets per event; the layout is the `enum field` of agent/native/src/proc_connector.c.
import type { NativeEvent, NativeHandle, ProcAddon } from './native-addon.js';

export const RECORD_FIELDS = 23;

const enum F {
  Kind, Pid, Ppid, TimeMs, StartTicks, Uid, Euid, ExeDev, ExeIno, ExeSize, ExeMtimeMs, A, B,
  CmdOff, CmdLen, ExeOff, ExeLen, CwdOff, CwdLen, NameOff, NameLen, Flags, ReadDelayUs,
}

/** Flags of an exec record (EXEC_* in proc_connector.c). */
export const ExecFlags = {
  /** The process had exited (zombie) when /proc was read: no command line, executable or cwd. */
  exited: 1,
  /** The process was gone from /proc altogether: only its pid is known. */
  reaped: 2,
  /** The executable is set-user-ID or set-group-ID; uid and euid were read from /proc/PID/status. */
  setId: 4,
  /** Alive, but its command line is empty (argv[0] missing or cleared by the program). */
  emptyArgs: 8,
  /**
   * Its /proc read had not returned when the records after it could wait no longer (the target
   * held its mmap lock for over a second, or the addon's pending ring was full): no command line.
   */
  stuck: 16,
} as const;

/** A native event with what the packed form adds. */
export interface ProcEvent extends NativeEvent {
  /** exec: ExecFlags */
  flags?: number;
  /** exec: microseconds from the kernel's exec event to the read of the command line */
  readDelayUs?: number;
}

export interface PackedProcAddon extends ProcAddon {
  RECORD_FIELDS?: number;
  openPacked?(onBatch: (records: Float64Array, strings: Buffer) => void, queueMax: number, rcvbufBytes: number, rtPriority: number): NativeHandle;
}

const KINDS: Array<NativeEvent['kind']> = ['gap', 'fork', 'exec', 'exit', 'uid', 'gap'];
const GAP_REASONS: Array<NonNullable<NativeEvent['reason']>> = ['queue', 'enobufs', 'sequence', 'queue'];

/** Whether this build of the addon has the packed form with the layout this file decodes. */
export function hasPacked(addon: ProcAddon): addon is PackedProcAddon & Required<Pick<PackedProcAddon, 'openPacked'>> {
  const a = addon as PackedProcAddon;
  return typeof a.openPacked === 'function' && a.RECORD_FIELDS === RECORD_FIELDS;
}

export function decodeBatch(r: Float64Array, s: Buffer): ProcEvent[] {
  const n = r.length / RECORD_FIELDS;
  const out = new Array<ProcEvent>(n);
  const str = (off: number, len: number): string | undefined => (len > 0 ? s.toString('utf8', off, off + len) : undefined);
  for (let i = 0, o = 0; i < n; i++, o += RECORD_FIELDS) {
    const kind = KINDS[r[o + F.Kind]] ?? 'gap';
    const pid = r[o + F.Pid];
    const timeMs = r[o + F.TimeMs];
    switch (kind) {
      case 'fork':
        out[i] = { kind, pid, timeMs, ppid: r[o + F.Ppid], startTicks: 0 };
        break;
      case 'exec':
        out[i] = {
          kind, pid, timeMs, ppid: r[o + F.Ppid], startTicks: r[o + F.StartTicks], uid: r[o + F.Uid], euid: r[o + F.Euid],
          cmdline: str(r[o + F.CmdOff], r[o + F.CmdLen]), exe: str(r[o + F.ExeOff], r[o + F.ExeLen]),
          cwd: str(r[o + F.CwdOff], r[o + F.CwdLen]), name: str(r[o + F.NameOff], r[o + F.NameLen]),
          exeDev: r[o + F.ExeDev], exeIno: r[o + F.ExeIno], exeSize: r[o + F.ExeSize], exeMtimeMs: r[o + F.ExeMtimeMs],
          flags: r[o + F.Flags], readDelayUs: r[o + F.ReadDelayUs],
        };
        break;
      case 'exit':
        out[i] = { kind, pid, timeMs, ppid: r[o + F.Ppid], exitStatus: r[o + F.A], exitSignal: r[o + F.B] };
        break;
      case 'uid':
        out[i] = { kind, pid, timeMs, uid: r[o + F.Uid], euid: r[o + F.Euid] };
        break;
      default:
        out[i] = { kind: 'gap', pid, timeMs, reason: GAP_REASONS[r[o + F.A]] ?? 'queue', count: r[o + F.B] };
    }
  }
  return out;
}
