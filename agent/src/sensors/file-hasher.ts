// SHA-256 of files, bounded in size and cached by (device, inode, size, mtime) so an unchanged
// executable is hashed once however often it runs. Concurrent requests for one key share a read.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

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

export function sha256File(path: string, maxBytes: number): Promise<string> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    let n = 0;
    const s = createReadStream(path, { highWaterMark: 256 * 1024 });
    s.on('data', (chunk) => {
      n += chunk.length;
      if (n > maxBytes) {
        s.destroy();
        resolve('');
        return;
      }
      h.update(chunk);
    });
    s.on('error', () => resolve(''));
    s.on('end', () => resolve(h.digest('hex')));
  });
}
