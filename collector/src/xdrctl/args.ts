// xdrctl's argument parsing: positionals, boolean flags and `--name value` / `--name=value`
// options. Option names may contain dots (`--process.name curl`), which node:util's parseArgs
// cannot take as free-form names.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

const FLAGS = new Set(['json', 'help', 'all']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') { flags.add('help'); continue; }
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('--')) { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!name) throw new UsageError(`"${arg}" is not an option`);
    if (FLAGS.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (options.has(name)) throw new UsageError(`--${name} is given twice`);
    options.set(name, value);
  }
  return { positionals, options, flags };
}

/** Refuses options the command does not take. */
export function onlyOptions(args: ParsedArgs, allowed: readonly string[], command: string): void {
  const extra = [...args.options.keys()].filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    throw new UsageError(`${command} takes no option ${extra.map((k) => `--${k}`).join(', ')}${allowed.length ? ` (it takes ${allowed.map((k) => `--${k}`).join(', ')})` : ''}`);
  }
}

/** "90s", "15m", "1h", "7d" -> milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)\s*(s|m|h|d|w)$/.exec(text.trim());
  if (!m) throw new UsageError(`"${text}" is not a duration: use a number and a unit, e.g. 30m, 1h, 7d`);
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(m[1]) * unit;
}

export function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${text}"`);
  return n;
}
