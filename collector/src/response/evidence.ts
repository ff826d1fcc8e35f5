// The evidence store: collected files as DATA/evidence/<action id>.bin (mode 0600), written
// chunk by chunk as the agent streams them, with contiguous offsets, a running SHA-256 and a
// size bound checked on the way in; and the password-protected zip they are downloaded as.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { configure, TextReader, ZipWriter } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

/** The password of every evidence zip: the usual convention for possibly-malicious samples. */
export const EVIDENCE_ZIP_PASSWORD = 'infected';

export class EvidenceError extends Error {
  override readonly name = 'EvidenceError';
}

export function evidenceDir(dataDir: string): string {
  return join(dataDir, 'evidence');
}

export function evidenceFile(dataDir: string, actionId: string): string {
  return join(evidenceDir(dataDir), `${actionId}.bin`);
}

export class EvidenceWriter {
  private size = 0;
  private readonly hash: Hash = createHash('sha256');
  private done = false;

  private constructor(readonly file: string, private readonly fh: FileHandle, readonly maxBytes: number) {}

  static async create(dataDir: string, actionId: string, maxBytes: number): Promise<EvidenceWriter> {
    mkdirSync(evidenceDir(dataDir), { recursive: true, mode: 0o700 });
    const file = evidenceFile(dataDir, actionId);
    const fh = await open(file, 'w', 0o600);
    return new EvidenceWriter(file, fh, maxBytes);
  }

  get written(): number {
    return this.size;
  }

  /** Appends a chunk that must start where the previous one ended and stay under the bound. */
  async write(offset: number, chunk: Uint8Array): Promise<void> {
    if (offset !== this.size) throw new EvidenceError(`chunk at offset ${offset}, expected ${this.size}: chunks must be contiguous`);
    if (this.size + chunk.length > this.maxBytes) {
      throw new EvidenceError(`the file is larger than its bound of ${this.maxBytes} bytes (chunk at ${offset} of ${chunk.length} bytes)`);
    }
    this.hash.update(chunk);
    await this.fh.write(chunk, 0, chunk.length, offset);
    this.size += chunk.length;
  }

  /** Flushes and closes the file; returns what was written. */
  async finish(): Promise<{ size: number; sha256: string }> {
    this.done = true;
    await this.fh.sync();
    await this.fh.close();
    return { size: this.size, sha256: this.hash.digest('hex') };
  }

  /** Closes and deletes a partial file. */
  async abort(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.fh.close().catch(() => undefined);
    }
    await rm(this.file, { force: true });
  }
}

export interface EvidenceMetadata {
  action_id: string;
  path: string;
  sha256: string;
  size: number;
  host: string;
  agent_id: string;
  collected_at: string;
  collected_by: string;
  /** mode, owner, mtime as the agent reported them */
  stat: Record<string, unknown> | null;
}

/**
 * Streams a zip (ZipCrypto, password `infected`, opens with `unzip -P infected`) holding the
 * collected file, under its base name, and `metadata.json`. Entries are stored, not deflated:
 * samples are often packed already, and the download starts at once.
 */
export function evidenceZip(file: string, meta: EvidenceMetadata): Readable {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const zip = new ZipWriter(writable, { password: EVIDENCE_ZIP_PASSWORD, zipCrypto: true, level: 0 });
  const name = (basename(meta.path) || 'file').replace(/[^\w.+-]/g, '_');
  const out = Readable.fromWeb(readable as unknown as NodeReadableStream<Uint8Array>);
  (async () => {
    await zip.add('metadata.json', new TextReader(`${JSON.stringify(meta, null, 2)}\n`), { lastModDate: new Date(meta.collected_at) });
    await zip.add(name, Readable.toWeb(createReadStream(file)) as unknown as ReadableStream, { lastModDate: new Date(meta.collected_at) });
    await zip.close();
  })().catch((err: Error) => out.destroy(err));
  return out;
}
