// SHA-256 of files, bounded in size and cached by (device, inode, size, mtime) so an unchanged
// executable is hashed once however often it runs. Concurrent requests for one key share a read.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

export interface FileKey {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export class FileHasher {
  private readonly cache = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<string>>();
  hashed = 0;
  hits = 0;

  constructor(private readonly maxBytes: number, private readonly maxEntries = 8192) {}

  /** The cached hash, '' when over the bound, or undefined when it must be computed. */
  cached(key: FileKey): string | undefined {
    if (key.size > this.maxBytes) return '';
    const h = this.cache.get(keyOf(key));
    if (h !== undefined) this.hits++;
    return h;
  }

  /** Hashes `path` (which must be the file described by key); '' when unreadable or over the bound. */
  hash(path: string, key: FileKey): Promise<string> {
    const cached = this.cached(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const k = keyOf(key);
    let p = this.inflight.get(k);
    if (!p) {
      p = sha256File(path, this.maxBytes).then((h) => {
        this.inflight.delete(k);
        this.hashed++;
        if (h) {
          if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
          this.cache.set(k, h);
        }
        return h;
      });
      this.inflight.set(k, p);
    }
    return p;
  }
}

function keyOf(k: FileKey): string {
  return `${k.dev}:${k.ino}:${k.size}:${k.mtimeMs}`;
}

/** Reads through one reused buffer: hashing a 100 MB binary must not grow the agent's RSS. */
const chunk = Buffer.allocUnsafe(256 * 1024);
let chunkBusy = false;

export async function sha256File(path: string, maxBytes: number): Promise<string> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(path, 'r');
    const h = createHash('sha256');
    const buf = chunkBusy ? Buffer.allocUnsafe(64 * 1024) : chunk;
    const owns = buf === chunk;
    if (owns) chunkBusy = true;
    try {
      let total = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return '';
        h.update(buf.subarray(0, bytesRead));
      }
    } finally {
      if (owns) chunkBusy = false;
    }
    return h.digest('hex');
  } catch {
    return '';
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
