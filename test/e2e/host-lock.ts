// Tests that run real attack steps on this host watch the whole host with a real agent: two of
// them at once (vitest runs files in parallel) would see each other's attacks and count alerts
// that are not theirs. They take this lock for their whole file. Bounded wait; a lock whose
// holder died is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK = join(tmpdir(), 'xdr-test-host-attacks.lock');

function holderAlive(): boolean {
  try {
    const pid = Number(readFileSync(LOCK, 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The longest a test waits for the lock; add it to the timeout of the hook that takes it. */
export const HOST_LOCK_WAIT_MS = 600_000;

/** Waits (at most `maxWaitMs`) for the host's attack lock; returns its release. */
export async function lockHostForAttacks(maxWaitMs = HOST_LOCK_WAIT_MS): Promise<() => void> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(LOCK);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (!holderAlive()) {
      try {
        unlinkSync(LOCK);
      } catch {
        // another waiter took it over first
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the host attack lock ${LOCK} was held for more than ${maxWaitMs} ms by pid ${readFileSync(LOCK, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
