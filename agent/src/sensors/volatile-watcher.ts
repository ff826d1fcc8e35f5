// Watches busy scratch directories (/tmp, /var/tmp, /dev/shm) with one inotify watch per
// directory (fs.watch, not recursive) down to a fixed depth, and keeps no state per file: a
// name that changes is queued, bursts on one name are merged for `windowMs`, and the owner
// (the file sensor) is handed the path once. chokidar instead watches every file, keeps a stat
// of each, and re-reads (with an lstat per entry) the whole directory on every change, which on
// a /tmp of 25k churning files costs a core's quarter and hundreds of MB. Bounded: at most
// `maxDirs` directories and `maxPending` queued names; what is refused is counted.
import { existsSync, readdirSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { basename, join } from 'node:path';

/** A name was created, deleted or moved (inotify IN_CREATE, IN_DELETE, IN_MOVED_*). */
export const NAME_CHANGED = 1;
/** A file's content or attributes changed (IN_MODIFY, IN_ATTRIB). */
export const DATA_CHANGED = 2;

export interface VolatileWatcherOptions {
  /** Directory levels below a root that are watched (0: the root only). */
  depth: number;
  maxDirs: number;
  maxPending: number;
  windowMs: number;
  isIgnored(path: string): boolean;
  /**
   * One path whose burst has settled, with the flags seen and the level of its directory.
   * Returns a time (ms since epoch) to be asked again then with the same flags, or nothing.
   */
  onPath(path: string, flags: number, level: number): number | void;
  /** fs.watch failed for a directory (ENOSPC: out of inotify watches). */
  onWatchError(err: NodeJS.ErrnoException, dir: string): void;
}

interface Pending {
  flags: number;
  due: number;
  level: number;
}

export class VolatileWatcher {
  private readonly dirs = new Map<string, { w: FSWatcher; level: number }>();
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Events dropped because the queue was full (a name refused may count more than once). */
  shed = 0;
  /** Directories not watched because maxDirs was reached. */
  dirsRefused = 0;
  /** Raw inotify events received. */
  raw = 0;

  constructor(private readonly o: VolatileWatcherOptions) {}

  get watchedDirs(): number {
    return this.dirs.size;
  }

  get queued(): number {
    return this.pending.size;
  }

  /**
   * Watches `dir` (at `level` below its root) and, within the depth, its subdirectories.
   * `reportChildren`: a directory that just appeared may have been filled before its watch was
   * set; its entries are handed on as created.
   */
  watchDir(dir: string, level: number, reportChildren = false): void {
    if (this.closed || level > this.o.depth || this.dirs.has(dir) || this.o.isIgnored(dir)) return;
    if (this.dirs.size >= this.o.maxDirs) {
      this.dirsRefused++;
      return;
    }
    let w: FSWatcher;
    try {
      // The hot path (a database in /tmp writes thousands of times a second): a concatenation and
      // a map lookup per inotify event.
      const prefix = dir === '/' ? '/' : `${dir}/`;
      const self = basename(dir);
      w = watch(dir, { persistent: true }, (type, name) => {
        this.raw++;
        if (!name) return;
        // libuv reports the watched directory's own deletion or move under its own name.
        if (name === self && type === 'rename' && !existsSync(dir)) {
          this.unwatch(dir);
          return;
        }
        this.queue(prefix + name, type === 'rename' ? NAME_CHANGED : DATA_CHANGED, level);
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Gone (or replaced by a file) between its event and its watch: its deletion is reported.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.o.onWatchError(err as NodeJS.ErrnoException, dir);
      return;
    }
    // The directory itself went away (IN_DELETE_SELF / IN_IGNORED): its parent reports it.
    w.on('error', () => this.unwatch(dir));
    this.dirs.set(dir, { w, level });
    if (level >= this.o.depth && !reportChildren) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (reportChildren) this.queue(p, NAME_CHANGED, level);
      else if (e.isDirectory() && level < this.o.depth) this.watchDir(p, level + 1);
    }
  }

  /** Stops watching `dir` and everything watched below it. */
  unwatch(dir: string): void {
    const prefix = `${dir}/`;
    for (const [d, { w }] of this.dirs) {
      if (d === dir || d.startsWith(prefix)) {
        w.close();
        this.dirs.delete(d);
      }
    }
  }

  /** The level of a watched directory, or undefined when it is not watched. */
  levelOf(dir: string): number | undefined {
    return this.dirs.get(dir)?.level;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    // The map is kept (closed watchers) so that counters read after stop still say how many.
    for (const { w } of this.dirs.values()) w.close();
    this.pending.clear();
  }

  private queue(path: string, flags: number, level: number): void {
    const p = this.pending.get(path);
    if (p) {
      p.flags |= flags;
      return;
    }
    if (this.o.isIgnored(path)) return;
    if (this.pending.size >= this.o.maxPending) {
      this.shed++;
      return;
    }
    this.pending.set(path, { flags, due: Date.now() + this.o.windowMs, level });
    this.arm(this.o.windowMs);
  }

  private arm(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, Math.max(10, ms));
  }

  private flush(): void {
    const now = Date.now();
    let next = Infinity;
    // Map order is insertion order: names are handed on in the order they first changed.
    for (const [path, p] of this.pending) {
      if (p.due > now) {
        next = Math.min(next, p.due);
        continue;
      }
      this.pending.delete(path);
      const again = this.o.onPath(path, p.flags, p.level);
      if (typeof again === 'number' && !this.pending.has(path)) {
        // Re-inserted at the end; a newer change to the path is merged into it.
        const due = Math.max(again, now + 1);
        this.pending.set(path, { flags: p.flags, due, level: p.level });
        next = Math.min(next, due);
      }
    }
    if (this.pending.size > 0) this.arm(Math.min(next, now + this.o.windowMs) - now);
  }
}
