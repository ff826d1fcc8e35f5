// Small synchronous readers for /proc, shared by the process, network and login sensors. Every
// reader returns undefined when the process is gone; none throws for a vanished pid.
import { readFileSync, readlinkSync, readdirSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  ppid: number;
  name: string;
  /** starttime (field 22), clock ticks since boot */
  startTicks: number;
}

export function readProcStat(pid: number): ProcStat | undefined {
  const text = readText(`/proc/${pid}/stat`);
  if (!text) return undefined;
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < 0) return undefined;
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state); ppid is field 4, starttime field 22.
  return { pid, ppid: Number(rest[1]), name: text.slice(open + 1, close), startTicks: Number(rest[19]) };
}

export interface ProcDetails {
  ppid: number;
  name: string;
  startTicks: number;
  args: string[];
  exe: string;
  cwd: string;
  uid: number | undefined;
}

export function readProcDetails(pid: number): ProcDetails | undefined {
  const st = readProcStat(pid);
  if (!st) return undefined;
  const cmdline = readText(`/proc/${pid}/cmdline`) ?? '';
  return {
    ppid: st.ppid, name: st.name, startTicks: st.startTicks, args: splitCmdline(cmdline),
    exe: readLink(`/proc/${pid}/exe`) ?? '', cwd: readLink(`/proc/${pid}/cwd`) ?? '', uid: readUid(pid),
  };
}

export function readUid(pid: number): number | undefined {
  const status = readText(`/proc/${pid}/status`);
  const m = status && /^Uid:\t(\d+)/m.exec(status);
  return m ? Number(m[1]) : undefined;
}

export function splitCmdline(raw: string): string[] {
  if (!raw) return [];
  const parts = raw.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Quote like a shell would need it, so a command line can be read back unambiguously. */
export function joinCommandLine(args: string[]): string {
  return args.map((a) => (a === '' ? "''" : /[^\w@%+=:,./-]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ');
}

export function listPids(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) out.push(Number(name));
  }
  return out;
}

/** Boot time in ms since the epoch, from /proc/stat btime (1 s resolution, stable while the clock is not stepped). */
export function readBootTimeMs(): number {
  const m = /^btime (\d+)/m.exec(readText('/proc/stat') ?? '');
  return m ? Number(m[1]) * 1000 : 0;
}

export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
