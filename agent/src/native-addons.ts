// Finds and loads the agent's native addons: the netlink process addon (agent/native) and
// node-pty (the remote shell). Both are N-API, so one build serves the Node that runs
// build/xdr-agent.mjs and the Node 24 runtime inside the single-file binary. Where they are
// looked for, first match wins:
//   1. $XDR_AGENT_NATIVE_DIR: an admin's override (a directory laid out like 2.)
//   2. <directory of the executable>/native: the .deb's /usr/lib/xdr-agent/native (binary only)
//   3. the binary's embedded SEA assets, extracted once per build to a private directory
//   4. a source checkout: build/, agent/native/build/Release, node_modules
// A native directory holds `xdr_proc.node` and `node_modules/node-pty/` (package.json, lib/,
// build/Release/pty.node). scripts/package.mjs writes that layout and the assets' manifest.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NATIVE_DIR_ENV = 'XDR_AGENT_NATIVE_DIR';
/** The SEA asset that lists the embedded native files (written by scripts/package.mjs). */
export const NATIVE_MANIFEST_ASSET = 'native/manifest.json';

export interface NativeManifest {
  /** hash over every file: names the extraction directory, so builds never mix */
  build: string;
  /** path inside a native directory -> sha256 hex of its content */
  files: Record<string, string>;
}

export class NativeAddonError extends Error {
  readonly code = 'XDR_NATIVE_MISSING';
}

interface SeaApi {
  isSea(): boolean;
  getAsset(key: string): ArrayBuffer;
}

const here = dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(import.meta.url);

function seaApi(): SeaApi | undefined {
  try {
    const sea = requireHere('node:sea') as SeaApi;
    return sea.isSea() ? sea : undefined;
  } catch {
    return undefined; // a Node without node:sea runs no single-file binary either
  }
}

/** True inside the single-file binary. */
export function isSingleFileBinary(): boolean {
  return seaApi() !== undefined;
}

/**
 * Native directories to look in, in order (see the header). Reads the environment here, once
 * per call: the addons are found before any config exists, and only the admin's override and
 * the runtime directory are taken from it.
 */
export function nativeDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env[NATIVE_DIR_ENV]) dirs.push(env[NATIVE_DIR_ENV]);
  if (isSingleFileBinary()) {
    dirs.push(join(dirname(process.execPath), 'native'));
  } else {
    dirs.push(here, join(here, 'native')); // next to the bundled build/xdr-agent.mjs
  }
  return dirs;
}

/** Source-checkout locations of one addon file, after the native directories. */
function devPaths(file: string): string[] {
  if (file !== 'xdr_proc.node') return [];
  return [
    join(here, '../native/build/Release', file), // agent/src in a source checkout
    join(here, '../../native/build/Release', file), // agent/src/sensors (when inlined)
    join(here, '../agent/native/build/Release', file), // build/ at the repo root
  ];
}

let extracted: string | null | undefined;

/**
 * Extracts the embedded native files into a private directory (owned by this user, mode 0700,
 * not a symlink) named after the build, checking every file's hash so that nothing another user
 * placed there is loaded. Tries the runtime dir, the state dir (root), then the temp dir: a
 * directory on a noexec mount fails at load time, and the caller then asks for the next one.
 */
function extractAssets(env: NodeJS.ProcessEnv, skip: Set<string>): string | null {
  const sea = seaApi();
  if (!sea) return null;
  let manifest: NativeManifest;
  try {
    manifest = JSON.parse(Buffer.from(sea.getAsset(NATIVE_MANIFEST_ASSET)).toString('utf8')) as NativeManifest;
  } catch {
    return null; // a binary built without native assets
  }
  const uid = process.geteuid?.() ?? 0;
  const bases = [
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'xdr-agent') : '',
    uid === 0 ? '/var/lib/xdr-agent/native' : '',
    join(tmpdir(), `xdr-agent-${uid}`),
    env.HOME ? join(env.HOME, '.cache', 'xdr-agent') : '',
  ].filter((b) => b !== '');
  for (const base of bases) {
    const dir = join(base, manifest.build);
    if (skip.has(dir)) continue;
    try {
      privateDir(base, uid);
      privateDir(dir, uid);
      for (const [rel, sha] of Object.entries(manifest.files)) {
        const target = join(dir, rel);
        if (existsSync(target) && sha256(readFileSync(target)) === sha) continue;
        const data = Buffer.from(sea.getAsset(`native/${rel}`));
        if (sha256(data) !== sha) throw new NativeAddonError(`embedded asset native/${rel} does not match its manifest`);
        mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
        const tmp = `${target}.${process.pid}.tmp`;
        const fd = openSync(tmp, 'w', 0o700);
        try {
          writeSync(fd, data);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, target);
      }
      return dir;
    } catch {
      skip.add(dir); // not writable or not ours: the next base
    }
  }
  return null;
}

function privateDir(path: string, uid: number): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const st = lstatSync(path);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) {
    throw new NativeAddonError(`${path} is not a private directory of uid ${uid}`);
  }
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every place `file` (a path inside a native directory) is looked for, in order, for messages and tests. */
export function nativeCandidates(file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...nativeDirs(env).map((d) => join(d, file)), ...devPaths(file)];
}

/**
 * Runs `load` on the first candidate of `file` that exists, extracting the embedded assets when
 * none does. Loading failures of a found file are reported, not skipped: a broken install must
 * say so rather than fall back to another build.
 */
function withNative<T>(file: string, what: string, load: (path: string) => T, env: NodeJS.ProcessEnv = process.env): T {
  const candidates = nativeCandidates(file, env);
  const found = candidates.find((p) => existsSync(p));
  if (found) {
    try {
      return load(found);
    } catch (err) {
      throw new NativeAddonError(`${what} ${found} could not be loaded: ${(err as Error).message}`, { cause: err });
    }
  }
  const skip = new Set<string>();
  let lastError: unknown;
  for (let tries = 0; tries < 4; tries++) {
    const dir = extracted === undefined || skip.size > 0 ? extractAssets(env, skip) : extracted;
    if (!dir) break;
    try {
      const value = load(join(dir, file));
      extracted = dir;
      return value;
    } catch (err) {
      lastError = err; // e.g. a noexec mount: try the next base
      skip.add(dir);
    }
  }
  throw new NativeAddonError(
    `${what} ${file} not found (looked in ${candidates.join(', ')}${isSingleFileBinary() ? ' and the binary\'s embedded assets' : ''})`
    + `${lastError ? `; last error: ${(lastError as Error).message}` : ''}; set ${NATIVE_DIR_ENV} to a directory holding it, or build it with "npm run build:native"`,
    { cause: lastError },
  );
}

const addons = new Map<string, unknown>();
const loadedFrom = new Map<string, string>();

export interface NativeReport {
  ok: boolean;
  /** where it was loaded from */
  path?: string;
  error?: string;
}

/** Loads both addons and says where from, or why not: for `xdr-agent status`. */
export function nativeReport(): Record<'xdr_proc' | 'node-pty', NativeReport> {
  const one = (name: string, load: () => unknown): NativeReport => {
    try {
      load();
      return { ok: true, path: loadedFrom.get(name) };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  };
  return {
    xdr_proc: one('xdr_proc.node', () => loadNativeAddon('xdr_proc.node')),
    'node-pty': one('node-pty', () => requireNativePackage('node-pty')),
  };
}

/** Loads a native addon file (e.g. `xdr_proc.node`) with process.dlopen; cached. */
export function loadNativeAddon<T>(file: string, what = 'native addon'): T {
  const cached = addons.get(file);
  if (cached) return cached as T;
  const value = withNative(file, what, (path) => {
    const module = { exports: {} as T };
    process.dlopen(module, path, constants.dlopen.RTLD_NOW);
    loadedFrom.set(file, path);
    return module.exports;
  });
  addons.set(file, value);
  return value;
}

/**
 * Requires a package with a native part that is shipped in the native directory (node-pty):
 * from there in the binary or an install, from node_modules in a source checkout. Cached.
 */
export function requireNativePackage<T>(name: 'node-pty'): T {
  const cached = addons.get(name);
  if (cached) return cached as T;
  let value: T;
  const inDir = nativeCandidates(join('node_modules', name, 'package.json'));
  if (!isSingleFileBinary() && !inDir.some((p) => existsSync(p))) {
    try {
      value = requireHere(name) as T; // a source checkout or build/ with node_modules
      loadedFrom.set(name, dirname(dirname(requireHere.resolve(name))));
    } catch (err) {
      throw new NativeAddonError(`${name} could not be loaded from node_modules: ${(err as Error).message}; run "npm ci"`, { cause: err });
    }
  } else {
    value = withNative(join('node_modules', name, 'package.json'), `package ${name}`, (path) => {
      const exports = createRequire(path)(dirname(path)) as T;
      loadedFrom.set(name, dirname(path));
      return exports;
    });
  }
  addons.set(name, value);
  return value;
}
