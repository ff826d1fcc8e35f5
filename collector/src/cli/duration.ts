// Human durations on the command line: "90s", "30m", "24h", "7d".
const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseDuration(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(text.trim());
  if (!m) throw new Error(`${what} must be a duration like 30m, 24h or 7d, got "${text}"`);
  const ms = Number(m[1]) * UNITS[m[2]];
  if (!(ms > 0)) throw new Error(`${what} must be longer than zero, got "${text}"`);
  return ms;
}
