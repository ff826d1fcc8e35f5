// File sensor: chokidar (inotify) over the configured paths. Reports create, modify, delete,
// chmod/chown, and rename when the delete and the create of one inode arrive within
// rename_window_ms (inotify's move pair; otherwise a move shows as delete + create). Symlinks
// are not followed. Running out of inotify watches (ENOSPC) is reported once and the sensor
// keeps watching what it could. Writes to one file are coalesced: at most one MODIFY per second
// per path (per 10 s for files over 1 MiB), with the size and hash at that moment.
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { wire, type xdr } from '../../../proto/index.js';
import type { FileSensorConfig } from './config.js';
import { sha256File } from './file-hasher.js';
import { expandPaths } from './glob-paths.js';
import { OrderedQueue } from './ordered-queue.js';
import { NOTICE_CODES, notice, type Sensor, type SensorContext, type SensorCounters } from './sensor.js';

const Action = wire.FileEvent.Action;
const MODIFY_COALESCE_MS = 1000;
// A big file written continuously (a database, its WAL) is re-hashed at most every 10 s.
const BIG_FILE_BYTES = 1024 * 1024;
const BIG_FILE_COALESCE_MS = 10_000;

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
  private readonly known = new Map<string, Known>();
  private readonly pendingDeletes = new Map<string, PendingDelete>();
  private readonly checks = new Map<string, NodeJS.Timeout>();
  private readonly lastReport = new Map<string, { at: number; size: number }>();
  private readonly out: OrderedQueue<xdr.v1.IEvent>;
  private readonly ignore: string[];
  private watched = new Set<string>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private ready = false;
  private enospcReported = false;
  private readonly c: SensorCounters = { events: 0, errors: 0, lost: 0, watchLimit: 0, renames: 0, watchedRoots: 0 };

  constructor(private readonly cfg: FileSensorConfig, private readonly ctx: SensorContext) {
    this.ignore = [...cfg.ignore, ...(ctx.stateDir ? [ctx.stateDir] : [])].map((p) => p.replace(/\/+$/, ''));
    this.out = new OrderedQueue((ev) => {
      this.c.events++;
      ctx.emit(ev);
    });
  }

  mode(): string {
    return 'inotify';
  }

  counters(): SensorCounters {
    return { ...this.c, watchedRoots: this.watched.size, knownFiles: this.known.size };
  }

  async start(): Promise<void> {
    const roots = expandPaths(this.cfg.paths).filter((p) => !this.isIgnored(p));
    this.watched = new Set(roots);
    const w = watch(roots, {
      persistent: true,
      ignoreInitial: false, // the initial adds are the baseline for chmod and rename detection
      followSymlinks: false,
      alwaysStat: true,
      depth: this.cfg.depth,
      ignorePermissionErrors: true,
      atomic: false,
      ignored: (p: string) => this.isIgnored(p),
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
    await new Promise<void>((resolve) => w.once('ready', () => resolve()));
    this.ready = true;
    this.refreshTimer = setInterval(() => this.refreshRoots(), this.cfg.glob_refresh_ms);
    this.refreshTimer.unref();
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
    await this.watcher?.close();
  }

  private isIgnored(p: string): boolean {
    return this.ignore.some((i) => p === i || p.startsWith(`${i}/`));
  }

  /** New matches of globbed paths (a new user's ~/.ssh) and configured paths that appeared. */
  private refreshRoots(): void {
    const roots = expandPaths(this.cfg.paths).filter((p) => !this.isIgnored(p) && !this.watched.has(p));
    const fresh = roots.filter((p) => ![...this.watched].some((q) => p.startsWith(`${q}/`)));
    if (fresh.length === 0) return;
    for (const p of fresh) this.watched.add(p);
    this.ctx.log.info({ sensor: 'file', paths: fresh }, 'watching new paths');
    this.watcher?.add(fresh);
  }

  private onAdd(path: string, st: Stats | undefined, isFile: boolean): void {
    if (!st) return;
    const k = toKnown(st, isFile);
    this.known.set(path, k);
    if (!this.ready) return;
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
    const content = prev.size !== k.size || prev.mtimeMs !== k.mtimeMs || prev.ino !== k.ino;
    const attrs = prev.mode !== k.mode || prev.uid !== k.uid || prev.gid !== k.gid;
    if (content && k.isFile) {
      this.lastReport.set(path, { at: Date.now(), size: k.size });
      if (this.lastReport.size > 10_000) this.lastReport.clear();
      this.emitFile(Action.MODIFY, path, k);
    } else if (attrs) this.emitFile(Action.CHMOD, path, k);
  }

  private emitFile(action: number, path: string, k: Known, oldPath = ''): void {
    const base: xdr.v1.IFileEvent = {
      action, path, oldPath: oldPath, size: k.size, mode: k.mode & 0o7777, modeSet: true, owner: this.ctx.users.name(k.uid) || String(k.uid),
    };
    const time = Date.now();
    if (!k.isFile || (action !== Action.CREATE && action !== Action.MODIFY && action !== Action.RENAME) || k.size > this.cfg.hash_max_bytes) {
      this.out.push({ timeMs: time, file: base });
      return;
    }
    const fill = this.out.reserve();
    void sha256File(path, this.cfg.hash_max_bytes).then((h) => fill({ timeMs: time, file: { ...base, hashSha256: h } }));
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
      const message = `out of inotify watches (ENOSPC): some paths are not watched${where}, changes there are not seen; raise fs.inotify.max_user_watches (sysctl -w fs.inotify.max_user_watches=524288) or watch fewer paths (sensors.file.paths, sensors.file.depth)`;
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
