// File sensor: inotify over the configured paths. Reports create, modify, delete, chmod/chown,
// and rename when the delete and the create of one inode arrive within rename_window_ms
// (inotify's move pair; otherwise a move shows as delete + create). Symlinks are not followed.
// Running out of inotify watches (ENOSPC) is reported once and the sensor keeps watching what it
// could. Writes to one file are coalesced: at most one MODIFY per second per path (per 10 s for
// files over 1 MiB), with the size and hash at that moment.
// Two watchers: chokidar over the stable paths (/etc, ~/.ssh, ...: it keeps a stat of every file,
// the baseline for chmod and rename), and VolatileWatcher over scratch directories (/tmp, ...),
// which watches directories only, to a smaller depth, and keeps a bounded memory of the files it
// saw change recently. Hashing is bounded by a per-second budget (files and bytes), counted when
// it runs out; in scratch directories only executables and small files are hashed.
import { watch, type FSWatcher } from 'chokidar';
import { existsSync, lstatSync, type Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { wire, type xdr } from '../../../proto/index.js';
import type { FileSensorConfig } from './config.js';
import { FileHasher } from './file-hasher.js';
import { expandPaths } from './glob-paths.js';
import { OrderedQueue } from './ordered-queue.js';
import { NOTICE_CODES, notice, type Sensor, type SensorContext, type SensorCounters } from './sensor.js';
import { DATA_CHANGED, NAME_CHANGED, VolatileWatcher } from './volatile-watcher.js';

const Action = wire.FileEvent.Action;
const MODIFY_COALESCE_MS = 1000;
// A big file written continuously (a database, its WAL) is re-hashed at most every 10 s.
const BIG_FILE_BYTES = 1024 * 1024;
const BIG_FILE_COALESCE_MS = 10_000;
/** Paths whose last MODIFY time is kept (to space reports); beyond it the map starts afresh. */
const LAST_REPORT_MAX = 10_000;
/** Files in scratch directories whose state is remembered (for chmod, rename and delete details). */
const RECENT_MAX = 8192;

interface Known {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  isFile: boolean;
}

interface PendingDelete {
  path: string;
  known: Known;
  timer: NodeJS.Timeout;
  fill: (ev: xdr.v1.IEvent | undefined) => void;
}

export class FileSensor implements Sensor {
  readonly name = 'file';
  private watcher: FSWatcher | undefined;
  private volatile: VolatileWatcher | undefined;
  private readonly volatileRoots: string[];
  /** Stable paths: every file's state (chokidar's baseline). */
  private readonly known = new Map<string, Known>();
  /** Scratch directories: the files seen change recently, oldest first, at most RECENT_MAX. */
  private readonly recent = new Map<string, Known>();
  private readonly hasher: FileHasher;
  private budget = { second: 0, files: 0, bytes: 0 };
  private budgetLogged = false;
  private readonly pendingDeletes = new Map<string, PendingDelete>();
  private readonly checks = new Map<string, NodeJS.Timeout>();
  private readonly lastReport = new Map<string, { at: number; size: number }>();
  private readonly out: OrderedQueue<xdr.v1.IEvent>;
  private readonly ignore: string[];
  private watched = new Set<string>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private ready = false;
  private enospcReported = false;
  private readonly c: SensorCounters = {
    events: 0, errors: 0, lost: 0, watchLimit: 0, renames: 0, watchedRoots: 0, hashed: 0, hashBudgetSkipped: 0,
  };

  constructor(private readonly cfg: FileSensorConfig, private readonly ctx: SensorContext) {
    this.ignore = [...cfg.ignore, ...(ctx.stateDir ? [ctx.stateDir] : [])].map((p) => p.replace(/\/+$/, ''));
    this.volatileRoots = cfg.volatile_paths.map((p) => p.replace(/\/+$/, '') || '/');
    this.hasher = new FileHasher(cfg.hash_max_bytes, 2048);
    this.out = new OrderedQueue((ev) => {
      this.c.events++;
      ctx.emit(ev);
    });
  }

  mode(): string {
    return 'inotify';
  }

  counters(): SensorCounters {
    const v = this.volatile;
    return {
      ...this.c, watchedRoots: this.watched.size, knownFiles: this.known.size, recentFiles: this.recent.size,
      volatileDirs: v?.watchedDirs ?? 0, volatileDirsRefused: v?.dirsRefused ?? 0, volatileInotifyEvents: v?.raw ?? 0,
      volatileQueued: v?.queued ?? 0, coalesceShed: v?.shed ?? 0, hashCacheHits: this.hasher.hits,
    };
  }

  async start(): Promise<void> {
    const roots = expandPaths(this.cfg.paths).filter((p) => !this.isIgnored(p));
    this.watched = new Set(roots);
    const stable = roots.filter((p) => !this.isVolatile(p));
    // Scratch directories are left to the volatile watcher, also when under a stable root (`/var`).
    const volatile = [...roots.filter((p) => this.isVolatile(p)), ...this.volatileRoots.filter((v) => existsSync(v) && stable.some((s) => v.startsWith(s === '/' ? s : `${s}/`)))];
    this.volatile = new VolatileWatcher({
      depth: this.cfg.volatile_depth, maxDirs: this.cfg.volatile_max_dirs, maxPending: this.cfg.coalesce_max, windowMs: this.cfg.coalesce_ms,
      isIgnored: (p) => this.isIgnored(p),
      onPath: (p, flags, level) => this.onVolatile(p, flags, level),
      onWatchError: (err, dir) => this.onError(Object.assign(err, { path: err.path ?? dir })),
    });
    for (const r of volatile) this.volatile.watchDir(r, 0);
    if (this.volatile.dirsRefused > 0) this.logDirsRefused();
    this.ready = true;
    if (stable.length > 0) await this.watchStable(stable);
    this.refreshTimer = setInterval(() => this.refreshRoots(), this.cfg.glob_refresh_ms);
    this.refreshTimer.unref();
  }

  private watchStable(roots: string[]): Promise<void> {
    this.ready = false;
    const w = watch(roots, {
      persistent: true,
      ignoreInitial: false, // the initial adds are the baseline for chmod and rename detection
      followSymlinks: false,
      alwaysStat: true,
      depth: this.cfg.depth,
      ignorePermissionErrors: true,
      atomic: false,
      ignored: (p: string) => this.isIgnored(p) || this.isVolatile(p),
    });
    this.watcher = w;
    w.on('add', (p, st) => this.onAdd(p, st, true));
    w.on('addDir', (p, st) => this.onAdd(p, st, false));
    w.on('change', (p) => this.scheduleCheck(p));
    w.on('unlink', (p) => this.onUnlink(p));
    w.on('unlinkDir', (p) => this.onUnlink(p));
    // chokidar drops attribute-only changes (chmod, chown); the raw inotify event still arrives.
    w.on('raw', (event, evPath, details) => {
      if (event !== 'change' || !evPath) return;
      const dir = (details as { watchedPath?: string }).watchedPath ?? '';
      // A watched directory reports a child's name; a watched single file reports its own name.
      const full = [join(dir, evPath), dir].find((p) => this.known.has(p));
      if (full) this.scheduleCheck(full);
    });
    w.on('error', (err) => this.onError(err as NodeJS.ErrnoException));
    return new Promise<void>((resolve) => w.once('ready', () => {
      this.ready = true;
      resolve();
    }));
  }

  private logDirsRefused(): void {
    this.ctx.log.warn({ sensor: 'file', maxDirs: this.cfg.volatile_max_dirs }, 'scratch directories beyond sensors.file.volatile_max_dirs are not watched (counter volatileDirsRefused)');
  }

  async stop(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    for (const t of this.checks.values()) clearTimeout(t);
    for (const d of this.pendingDeletes.values()) {
      clearTimeout(d.timer);
      d.fill(this.deleteEvent(d.path, d.known));
    }
    this.checks.clear();
    this.pendingDeletes.clear();
    this.volatile?.close();
    await this.watcher?.close();
  }

  private isIgnored(p: string): boolean {
    return this.ignore.some((i) => p === i || p.startsWith(`${i}/`));
  }

  private isVolatile(p: string): boolean {
    return this.volatileRoots.some((v) => p === v || p.startsWith(v === '/' ? v : `${v}/`));
  }

  /** New matches of globbed paths (a new user's ~/.ssh) and configured paths that appeared. */
  private refreshRoots(): void {
    const roots = expandPaths(this.cfg.paths).filter((p) => !this.isIgnored(p) && !this.watched.has(p));
    const fresh = roots.filter((p) => ![...this.watched].some((q) => p.startsWith(`${q}/`)));
    if (fresh.length === 0) return;
    for (const p of fresh) this.watched.add(p);
    this.ctx.log.info({ sensor: 'file', paths: fresh }, 'watching new paths');
    for (const p of fresh.filter((q) => this.isVolatile(q))) this.volatile?.watchDir(p, 0);
    const stable = fresh.filter((q) => !this.isVolatile(q));
    if (stable.length === 0) return;
    if (this.watcher) this.watcher.add(stable);
    else void this.watchStable(stable);
  }

  private onAdd(path: string, st: Stats | undefined, isFile: boolean): void {
    if (!st) return;
    const k = toKnown(st, isFile);
    this.known.set(path, k);
    if (!this.ready) return;
    this.created(path, k);
  }

  /** A new name: the far end of a rename when a delete of the same inode waits, else a create. */
  private created(path: string, k: Known): void {
    const pend = this.pendingDeletes.get(`${k.dev}:${k.ino}`);
    if (pend && pend.path !== path) {
      clearTimeout(pend.timer);
      pend.fill(undefined);
      this.pendingDeletes.delete(`${k.dev}:${k.ino}`);
      this.c.renames++;
      this.emitFile(Action.RENAME, path, k, pend.path);
      return;
    }
    this.emitFile(Action.CREATE, path, k);
  }

  private onUnlink(path: string): void {
    const k = this.known.get(path);
    this.known.delete(path);
    this.gone(path, k);
  }

  private gone(path: string, k: Known | undefined): void {
    if (!k) {
      this.emitDelete(path, undefined);
      return;
    }
    const id = `${k.dev}:${k.ino}`;
    // The delete holds its place in the output while it waits to learn whether it was a rename.
    const fill = this.out.reserve();
    const timer = setTimeout(() => {
      this.pendingDeletes.delete(id);
      fill(this.deleteEvent(path, k));
    }, this.cfg.rename_window_ms);
    this.pendingDeletes.set(id, { path, known: k, timer, fill });
  }

  /**
   * Changes to one path are gathered: a file written continuously (a database, a log) is looked
   * at, and hashed, at most once per MODIFY_COALESCE_MS, with its state at that moment.
   */
  private scheduleCheck(path: string): void {
    if (this.checks.has(path)) return;
    const last = this.lastReport.get(path);
    const window = last && last.size > BIG_FILE_BYTES ? BIG_FILE_COALESCE_MS : MODIFY_COALESCE_MS;
    const delay = Math.max(20, (last?.at ?? 0) + window - Date.now());
    this.checks.set(path, setTimeout(() => {
      this.checks.delete(path);
      void this.check(path);
    }, delay));
  }

  /** Compares the file with what was known and reports MODIFY (content) or CHMOD (mode/owner only). */
  private async check(path: string): Promise<void> {
    let st: Stats;
    try {
      st = await lstat(path);
    } catch {
      return; // gone: the unlink event reports it
    }
    const prev = this.known.get(path);
    const k = toKnown(st, st.isFile());
    this.known.set(path, k);
    if (!prev) return;
    this.compare(path, prev, k, false);
  }

  private compare(path: string, prev: Known, k: Known, volatile: boolean): void {
    const content = prev.size !== k.size || prev.mtimeMs !== k.mtimeMs || prev.ino !== k.ino;
    const attrs = prev.mode !== k.mode || prev.uid !== k.uid || prev.gid !== k.gid;
    if (content && k.isFile) this.modified(path, k, volatile);
    else if (attrs) this.emitFile(Action.CHMOD, path, k, '', volatile);
  }

  private modified(path: string, k: Known, volatile: boolean): void {
    this.lastReport.set(path, { at: Date.now(), size: k.size });
    if (this.lastReport.size > LAST_REPORT_MAX) this.lastReport.clear();
    this.emitFile(Action.MODIFY, path, k, '', volatile);
  }

  /** When the next MODIFY of `path` may be reported (0: now). */
  private modifyDue(path: string): number {
    const last = this.lastReport.get(path);
    if (!last) return 0;
    const due = last.at + (last.size > BIG_FILE_BYTES ? BIG_FILE_COALESCE_MS : MODIFY_COALESCE_MS);
    return due > Date.now() ? due : 0;
  }

  /**
   * A settled burst on one name in a scratch directory. Without a remembered state, a content
   * change is told from an attribute change by the times: a write sets mtime and ctime together,
   * chmod/chown only ctime.
   */
  private onVolatile(path: string, flags: number, level: number): number | void {
    if (flags === DATA_CHANGED) {
      const due = this.modifyDue(path);
      if (due) return due;
    }
    let st: Stats | undefined;
    try {
      st = lstatSync(path, { throwIfNoEntry: false });
    } catch {
      return; // unreadable (EACCES): nothing to say about it
    }
    const prev = this.recent.get(path);
    if (!st) {
      if (!(flags & NAME_CHANGED)) return; // deleted: its own name event follows
      this.recent.delete(path);
      if (this.volatile?.levelOf(path) !== undefined) this.volatile.unwatch(path);
      this.gone(path, prev);
      return;
    }
    const k = toKnown(st, st.isFile());
    this.remember(path, k);
    if (flags & NAME_CHANGED && (!prev || prev.ino !== k.ino || prev.dev !== k.dev)) {
      if (st.isDirectory()) this.volatile?.watchDir(path, level + 1, true);
      this.created(path, k);
      return;
    }
    if (prev) {
      this.compare(path, prev, k, true);
      return;
    }
    if (st.ctimeMs > st.mtimeMs) this.emitFile(Action.CHMOD, path, k, '', true);
    else if (k.isFile) this.modified(path, k, true);
  }

  private remember(path: string, k: Known): void {
    this.recent.delete(path);
    this.recent.set(path, k);
    if (this.recent.size > RECENT_MAX) this.recent.delete(this.recent.keys().next().value as string);
  }

  private emitFile(action: number, path: string, k: Known, oldPath = '', volatile = this.isVolatile(path)): void {
    const base: xdr.v1.IFileEvent = {
      action, path, oldPath: oldPath, size: k.size, mode: k.mode & 0o7777, modeSet: true, owner: this.ctx.users.name(k.uid) || String(k.uid),
    };
    const time = Date.now();
    if (!this.shouldHash(action, k, volatile)) {
      this.out.push({ timeMs: time, file: base });
      return;
    }
    const fill = this.out.reserve();
    void this.hasher.hash(path, k).then((h) => fill({ timeMs: time, file: { ...base, hashSha256: h } }));
  }

  /**
   * Files that matter are hashed: all of them in stable paths, and in scratch directories
   * executables and files up to volatile_hash_max_bytes (scripts, small droppers). A hash
   * already known for this inode, size and mtime costs nothing; others draw on the budget.
   */
  private shouldHash(action: number, k: Known, volatile: boolean): boolean {
    if (!k.isFile || (action !== Action.CREATE && action !== Action.MODIFY && action !== Action.RENAME) || k.size > this.cfg.hash_max_bytes) return false;
    if (volatile && (k.mode & 0o111) === 0 && k.size > this.cfg.volatile_hash_max_bytes) return false;
    if (this.hasher.cached(k) !== undefined) return true;
    const second = Math.floor(Date.now() / 1000);
    if (this.budget.second !== second) this.budget = { second, files: 0, bytes: 0 };
    const b = this.budget;
    // The first file of a second is hashed whatever its size (up to hash_max_bytes).
    if (b.files >= this.cfg.hash_budget_files_per_s || (b.files > 0 && b.bytes + k.size > this.cfg.hash_budget_bytes_per_s)) {
      this.c.hashBudgetSkipped++;
      if (!this.budgetLogged) {
        this.budgetLogged = true;
        this.ctx.log.warn({ sensor: 'file' }, 'file hash budget spent (sensors.file.hash_budget_files_per_s, hash_budget_bytes_per_s): events are sent without hash; counted in hashBudgetSkipped');
      }
      return false;
    }
    b.files++;
    b.bytes += k.size;
    this.c.hashed++;
    return true;
  }

  private emitDelete(path: string, k: Known | undefined): void {
    this.out.push(this.deleteEvent(path, k));
  }

  private deleteEvent(path: string, k: Known | undefined): xdr.v1.IEvent {
    return {
      timeMs: Date.now(),
      file: { action: Action.DELETE, path, size: k?.size ?? 0, mode: (k?.mode ?? 0) & 0o7777, modeSet: k !== undefined, owner: k ? this.ctx.users.name(k.uid) || String(k.uid) : '' },
    };
  }

  private onError(err: NodeJS.ErrnoException): void {
    if (err.code === 'ENOSPC') {
      this.c.watchLimit++;
      if (this.enospcReported) return;
      this.enospcReported = true;
      const where = err.path ? ` (first: ${err.path})` : '';
      const message = `out of inotify watches (ENOSPC): some paths are not watched${where}, changes there are not seen; raise fs.inotify.max_user_watches (sysctl -w fs.inotify.max_user_watches=524288) or watch fewer paths (sensors.file.paths, sensors.file.depth, sensors.file.volatile_depth)`;
      this.ctx.log.warn({ sensor: 'file', err }, message);
      this.ctx.emit(notice(NOTICE_CODES.sensorDegraded, 'file', message, 1));
      return;
    }
    this.c.errors++;
    this.ctx.log.warn({ sensor: 'file', err }, 'file watcher error');
  }
}

function toKnown(st: Stats, isFile: boolean): Known {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, mode: st.mode, uid: st.uid, gid: st.gid, isFile: isFile && st.isFile() };
}
