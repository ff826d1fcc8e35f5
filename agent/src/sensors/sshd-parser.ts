// Pure parsers for sshd log lines: the syslog prefix of /var/log/auth.log (classic and RFC 3339
// timestamps) and the sshd messages that mean a login succeeded or failed.

export interface SshdLogin {
  outcome: 'success' | 'failure';
  user: string;
  ip: string;
  port: number;
  /** password, publickey, keyboard-interactive/pam, ...; '' when no method was tried (Invalid user). */
  method: string;
  invalidUser: boolean;
}

const ADDR = String.raw`(\S+?)(?: port (\d+))?`;
const RULES: Array<{ re: RegExp; build: (m: RegExpExecArray) => SshdLogin }> = [
  {
    // Accepted publickey for alice from 192.0.2.10 port 51234 ssh2: ED25519 SHA256:...
    re: new RegExp(String.raw`^Accepted (\S+) for (.+?) from ${ADDR}(?: ssh2|$| )`),
    build: (m) => ({ outcome: 'success', method: m[1], user: m[2], ip: m[3], port: Number(m[4] ?? 0), invalidUser: false }),
  },
  {
    // Failed password for invalid user admin from 203.0.113.5 port 40000 ssh2
    re: new RegExp(String.raw`^Failed (\S+) for (invalid user )?(.*?) from ${ADDR}(?: ssh2|$| )`),
    build: (m) => ({ outcome: 'failure', method: m[1], user: m[3], ip: m[4], port: Number(m[5] ?? 0), invalidUser: !!m[2] }),
  },
  {
    // Invalid user admin from 203.0.113.5 port 40000   (older sshd: no port)
    re: new RegExp(String.raw`^Invalid user (.*?) from ${ADDR}\s*$`),
    build: (m) => ({ outcome: 'failure', method: '', user: m[1], ip: m[2], port: Number(m[3] ?? 0), invalidUser: true }),
  },
  {
    // error: maximum authentication attempts exceeded for root from 1.2.3.4 port 5 ssh2 [preauth]
    re: new RegExp(String.raw`^(?:error: )?maximum authentication attempts exceeded for (invalid user )?(.*?) from ${ADDR}(?: ssh2|$| )`),
    build: (m) => ({ outcome: 'failure', method: 'max_attempts', user: m[2], ip: m[3], port: Number(m[4] ?? 0), invalidUser: !!m[1] }),
  },
];

/** The login an sshd message reports, or undefined for every other sshd message. */
export function parseSshdMessage(message: string): SshdLogin | undefined {
  const msg = message.trim();
  for (const r of RULES) {
    const m = r.re.exec(msg);
    if (m) return r.build(m);
  }
  return undefined;
}

export interface SyslogLine {
  timeMs: number | undefined;
  host: string;
  program: string;
  pid: number | undefined;
  message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CLASSIC = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\S+) ([^\s:[]+)(?:\[(\d+)\])?: (.*)$/;
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) (\S+) ([^\s:[]+)(?:\[(\d+)\])?: (.*)$/;

/**
 * Splits a syslog line. A classic timestamp has no year or zone: it is read as local time in the
 * year of `now`, or the year before when that would be in the future.
 */
export function parseSyslogLine(line: string, now = new Date()): SyslogLine | undefined {
  let m = RFC3339.exec(line);
  if (m) {
    const t = Date.parse(m[1]);
    return { timeMs: Number.isNaN(t) ? undefined : t, host: m[2], program: m[3], pid: m[4] ? Number(m[4]) : undefined, message: m[5] };
  }
  m = CLASSIC.exec(line);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]);
  let d = new Date(now.getFullYear(), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  if (d.getTime() > now.getTime() + 86_400_000) d = new Date(now.getFullYear() - 1, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return { timeMs: month < 0 ? undefined : d.getTime(), host: m[6], program: m[7], pid: m[8] ? Number(m[8]) : undefined, message: m[9] };
}

/** sshd, and the per-session processes of OpenSSH 9.8+ (sshd-session, sshd-auth). */
export function isSshdProgram(program: string): boolean {
  return program === 'sshd' || program.startsWith('sshd-');
}
