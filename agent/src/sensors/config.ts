// The `sensors:` section of the agent's config: parsed and validated once, with explicit
// defaults. Errors name the full key (`sensors.network.interval_ms`) so an admin can fix the file.

export interface ProcessSensorConfig {
  enabled: boolean;
  /** auto: netlink when it can be opened, else polling. */
  mode: 'auto' | 'netlink' | 'poll';
  poll_interval_ms: number;
  /** Events held between the native thread and JS; beyond it events are counted as lost. */
  queue_max: number;
  rcvbuf_bytes: number;
  /** SCHED_FIFO priority of the netlink reader thread (0 = normal scheduling). */
  realtime_priority: number;
  hash_max_bytes: number;
}

export interface FileSensorConfig {
  enabled: boolean;
  paths: string[];
  ignore: string[];
  hash_max_bytes: number;
  depth: number;
  /** How long a delete waits for a create of the same inode to be reported as a rename. */
  rename_window_ms: number;
  /** How often globbed paths (`/home/*\/.ssh`) are expanded again to pick up new matches. */
  glob_refresh_ms: number;
  /**
   * Scratch directories (busy, world-writable): watched per directory to volatile_depth, with no
   * state kept per file beyond a bounded set of recently changed ones.
   */
  volatile_paths: string[];
  volatile_depth: number;
  /** Directories watched under volatile_paths at most; beyond: counted, not watched. */
  volatile_max_dirs: number;
  /** Events on one name in a scratch directory within this window are reported once. */
  coalesce_ms: number;
  /** Names waiting in that window at most; beyond: counted (coalesceShed), not reported. */
  coalesce_max: number;
  /** In scratch directories, files without an execute bit are hashed only up to this size. */
  volatile_hash_max_bytes: number;
  /** Files hashed per second at most; beyond: the event is sent without hash, counted. */
  hash_budget_files_per_s: number;
  hash_budget_bytes_per_s: number;
}

export interface NetworkSensorConfig {
  enabled: boolean;
  interval_ms: number;
  /** /proc/PID/fd links read per poll at most to find the owners of new sockets; beyond: unowned, counted. */
  owner_scan_max_fds: number;
  /**
   * Polls a new socket's open waits at most for its owner when the fd scan was cut short, or
   * accept() had not run yet; then it is reported unowned (counted). 0: never waits.
   */
  owner_retry_polls: number;
  /** /proc/net/tcp{,6} are read when the kernel's TCP counters change, and at least this often. */
  unchanged_reread_ms: number;
}

export interface LoginSensorConfig {
  enabled: boolean;
  source: 'auto' | 'journal' | 'file';
  auth_log_paths: string[];
  poll_interval_ms: number;
}

export interface SensorsConfig {
  process: ProcessSensorConfig;
  file: FileSensorConfig;
  network: NetworkSensorConfig;
  login: LoginSensorConfig;
}

const MiB = 1024 * 1024;

export const DEFAULT_FILE_PATHS = [
  '/etc', '/root/.ssh', '/home/*/.ssh', '/tmp', '/var/tmp', '/dev/shm', '/var/spool/cron',
  '/etc/cron*', '/etc/systemd/system', '/usr/local/bin', '/var/www', '/etc/ld.so.preload',
];

export const DEFAULT_VOLATILE_PATHS = ['/tmp', '/var/tmp', '/dev/shm'];

export function defaultSensorsConfig(): SensorsConfig {
  return {
    process: {
      enabled: true, mode: 'auto', poll_interval_ms: 1000, queue_max: 65536, rcvbuf_bytes: 16 * MiB,
      realtime_priority: 10, hash_max_bytes: 128 * MiB,
    },
    file: {
      enabled: true, paths: [...DEFAULT_FILE_PATHS], ignore: ['/var/lib/xdr-agent'], hash_max_bytes: 32 * MiB,
      depth: 8, rename_window_ms: 150, glob_refresh_ms: 60_000,
      volatile_paths: [...DEFAULT_VOLATILE_PATHS], volatile_depth: 2, volatile_max_dirs: 4096, coalesce_ms: 100, coalesce_max: 8192,
      volatile_hash_max_bytes: MiB, hash_budget_files_per_s: 200, hash_budget_bytes_per_s: 32 * MiB,
    },
    network: { enabled: true, interval_ms: 1000, owner_scan_max_fds: 20_000, owner_retry_polls: 3, unchanged_reread_ms: 10_000 },
    login: { enabled: true, source: 'auto', auth_log_paths: ['/var/log/auth.log', '/var/log/secure'], poll_interval_ms: 500 },
  };
}

export class SensorsConfigError extends Error {
  readonly code = 'XDR_AGENT_BAD_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'SensorsConfigError';
  }
}

type Obj = Record<string, unknown>;

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
}

function section(raw: unknown, key: string): Obj {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new SensorsConfigError(`${key} must be a mapping, got ${show(raw)}`);
  return raw as Obj;
}

function known(obj: Obj, key: string, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new SensorsConfigError(`${key}.${k} is not a known key (known: ${allowed.join(', ')})`);
  }
}

function bool(obj: Obj, key: string, name: string, def: boolean): boolean {
  const v = obj[name];
  if (v === undefined) return def;
  if (typeof v !== 'boolean') throw new SensorsConfigError(`${key}.${name} must be true or false, got ${show(v)}`);
  return v;
}

function int(obj: Obj, key: string, name: string, def: number, min = 1): number {
  const v = obj[name];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    const what = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
    throw new SensorsConfigError(`${key}.${name} must be ${what}, got ${show(v)}`);
  }
  return v;
}

function oneOf<T extends string>(obj: Obj, key: string, name: string, def: T, values: readonly T[]): T {
  const v = obj[name];
  if (v === undefined) return def;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new SensorsConfigError(`${key}.${name} must be one of ${values.join(', ')}, got ${show(v)}`);
  }
  return v as T;
}

function paths(obj: Obj, key: string, name: string, def: string[]): string[] {
  const v = obj[name];
  if (v === undefined) return def;
  if (!Array.isArray(v)) throw new SensorsConfigError(`${key}.${name} must be a list of absolute paths, got ${show(v)}`);
  v.forEach((p, i) => {
    if (typeof p !== 'string' || !p.startsWith('/')) {
      throw new SensorsConfigError(`${key}.${name}[${i}] must be an absolute path, got ${show(p)}`);
    }
  });
  return [...v] as string[];
}

/** Validates the `sensors:` section; missing keys take the defaults of defaultSensorsConfig(). */
export function parseSensorsConfig(raw: unknown): SensorsConfig {
  const d = defaultSensorsConfig();
  const root = section(raw, 'sensors');
  known(root, 'sensors', ['process', 'file', 'network', 'login']);

  const p = section(root.process, 'sensors.process');
  const pk = 'sensors.process';
  known(p, pk, ['enabled', 'mode', 'poll_interval_ms', 'queue_max', 'rcvbuf_bytes', 'realtime_priority', 'hash_max_bytes']);
  const realtime = int(p, pk, 'realtime_priority', d.process.realtime_priority, 0);
  if (realtime > 99) throw new SensorsConfigError(`${pk}.realtime_priority must be between 0 and 99, got ${realtime}`);

  const f = section(root.file, 'sensors.file');
  const fk = 'sensors.file';
  known(f, fk, [
    'enabled', 'paths', 'ignore', 'hash_max_bytes', 'depth', 'rename_window_ms', 'glob_refresh_ms', 'volatile_paths', 'volatile_depth',
    'volatile_max_dirs', 'coalesce_ms', 'coalesce_max', 'volatile_hash_max_bytes', 'hash_budget_files_per_s', 'hash_budget_bytes_per_s',
  ]);

  const n = section(root.network, 'sensors.network');
  known(n, 'sensors.network', ['enabled', 'interval_ms', 'owner_scan_max_fds', 'owner_retry_polls', 'unchanged_reread_ms']);

  const l = section(root.login, 'sensors.login');
  const lk = 'sensors.login';
  known(l, lk, ['enabled', 'source', 'auth_log_paths', 'poll_interval_ms']);

  return {
    process: {
      enabled: bool(p, pk, 'enabled', d.process.enabled),
      mode: oneOf(p, pk, 'mode', d.process.mode, ['auto', 'netlink', 'poll'] as const),
      poll_interval_ms: int(p, pk, 'poll_interval_ms', d.process.poll_interval_ms),
      queue_max: int(p, pk, 'queue_max', d.process.queue_max),
      rcvbuf_bytes: int(p, pk, 'rcvbuf_bytes', d.process.rcvbuf_bytes),
      realtime_priority: realtime,
      hash_max_bytes: int(p, pk, 'hash_max_bytes', d.process.hash_max_bytes, 0),
    },
    file: {
      enabled: bool(f, fk, 'enabled', d.file.enabled),
      paths: paths(f, fk, 'paths', d.file.paths),
      ignore: paths(f, fk, 'ignore', d.file.ignore),
      hash_max_bytes: int(f, fk, 'hash_max_bytes', d.file.hash_max_bytes, 0),
      depth: int(f, fk, 'depth', d.file.depth, 0),
      rename_window_ms: int(f, fk, 'rename_window_ms', d.file.rename_window_ms, 0),
      glob_refresh_ms: int(f, fk, 'glob_refresh_ms', d.file.glob_refresh_ms),
      volatile_paths: paths(f, fk, 'volatile_paths', d.file.volatile_paths),
      volatile_depth: int(f, fk, 'volatile_depth', d.file.volatile_depth, 0),
      volatile_max_dirs: int(f, fk, 'volatile_max_dirs', d.file.volatile_max_dirs),
      coalesce_ms: int(f, fk, 'coalesce_ms', d.file.coalesce_ms, 0),
      coalesce_max: int(f, fk, 'coalesce_max', d.file.coalesce_max),
      volatile_hash_max_bytes: int(f, fk, 'volatile_hash_max_bytes', d.file.volatile_hash_max_bytes, 0),
      hash_budget_files_per_s: int(f, fk, 'hash_budget_files_per_s', d.file.hash_budget_files_per_s, 0),
      hash_budget_bytes_per_s: int(f, fk, 'hash_budget_bytes_per_s', d.file.hash_budget_bytes_per_s, 0),
    },
    network: {
      enabled: bool(n, 'sensors.network', 'enabled', d.network.enabled),
      interval_ms: int(n, 'sensors.network', 'interval_ms', d.network.interval_ms),
      owner_scan_max_fds: int(n, 'sensors.network', 'owner_scan_max_fds', d.network.owner_scan_max_fds),
      owner_retry_polls: int(n, 'sensors.network', 'owner_retry_polls', d.network.owner_retry_polls, 0),
      unchanged_reread_ms: int(n, 'sensors.network', 'unchanged_reread_ms', d.network.unchanged_reread_ms),
    },
    login: {
      enabled: bool(l, lk, 'enabled', d.login.enabled),
      source: oneOf(l, lk, 'source', d.login.source, ['auto', 'journal', 'file'] as const),
      auth_log_paths: paths(l, lk, 'auth_log_paths', d.login.auth_log_paths),
      poll_interval_ms: int(l, lk, 'poll_interval_ms', d.login.poll_interval_ms),
    },
  };
}
