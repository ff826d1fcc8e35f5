// The action ids and nonces of every command this agent accepted, kept until the command expires,
// so a captured command cannot run twice, not even after a restart. Persisted (atomic write,
// fsync) before the command runs; bounded: when full of unexpired entries, new commands are refused.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../state-dir.js';

export const REPLAY_JOURNAL_MAX = 10_000;

interface Entry {
  a: string;
  n: string;
  x: number;
}

export class ReplayJournal {
  private entries: Entry[] = [];
  private readonly actionIds = new Set<string>();
  private readonly nonces = new Set<string>();

  /** Loads the journal at `file`; an unreadable journal is an error (never start without replay protection). */
  constructor(private readonly file: string, private readonly max = REPLAY_JOURNAL_MAX, private readonly now = Date.now) {
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the replay journal ${file}: ${(err as Error).message}`, { cause: err });
    }
    if (text !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new Error(`the replay journal ${file} is not JSON (${(err as Error).message}); move it away only if you accept that commands seen before may run again`, { cause: err });
      }
      const list = Array.isArray(parsed) ? parsed : [];
      for (const e of list as Entry[]) {
        if (typeof e?.a === 'string' && typeof e.n === 'string' && typeof e.x === 'number') this.add(e);
      }
    }
    this.prune();
  }

  get size(): number {
    return this.entries.length;
  }

  /** Why this command would be a replay, or undefined when it is new. */
  seen(actionId: string, nonceHex: string): string | undefined {
    if (this.actionIds.has(actionId)) return `action ${actionId} was already received by this agent`;
    if (this.nonces.has(nonceHex)) return `nonce ${nonceHex} was already used by another command`;
    return undefined;
  }

  /** Records a command before it runs; throws when the journal is full or cannot be written. */
  record(actionId: string, nonceHex: string, expiresAtMs: number): void {
    this.prune();
    if (this.entries.length >= this.max) throw new Error(`the replay journal holds ${this.max} unexpired commands; wait for some to expire`);
    this.add({ a: actionId, n: nonceHex, x: expiresAtMs });
    this.save();
  }

  private add(e: Entry): void {
    this.entries.push(e);
    this.actionIds.add(e.a);
    this.nonces.add(e.n);
  }

  /** An expired command is refused as expired, so it no longer needs its entry. */
  private prune(): void {
    const now = this.now();
    if (this.entries.every((e) => e.x >= now)) return;
    const keep = this.entries.filter((e) => e.x >= now);
    this.entries = [];
    this.actionIds.clear();
    this.nonces.clear();
    for (const e of keep) this.add(e);
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(this.entries));
  }
}
